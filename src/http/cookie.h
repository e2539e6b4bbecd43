// The session cookie: building Set-Cookie values and reading Cookie headers.
//
// Set-Cookie: motcua_session=<token>; Path=/; Max-Age=<s>; HttpOnly; SameSite=Strict
// plus "; Secure" when `secure` (behind TLS). With `secure` the name gets the
// "__Host-" prefix, which browsers accept only with Secure, Path=/ and no
// Domain, so a sibling subdomain cannot plant or overwrite the cookie
// (RFC 6265bis section 4.1.3.2). HttpOnly keeps the token away from scripts;
// SameSite=Strict keeps browsers from sending it on cross-site requests.
//
// Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace motcua::http {

struct CookieOptions {
  bool secure = false;              // set when the server is reached over HTTPS
  long max_age_seconds = 8 * 3600;  // a working day; the store expires the session too

  // "__Host-motcua_session" when secure, else "motcua_session".
  std::string Name() const;
};

// REQUIRES: `token` holds only cookie-safe characters (tokens are base64url).
std::string SessionCookie(std::string_view token, const CookieOptions& options);
// A Set-Cookie value that makes the browser forget the session (logout).
std::string ExpiredSessionCookie(const CookieOptions& options);

// The value of cookie `name` in a Cookie request header ("a=1; b=2"), or
// nullopt. With several cookies of one name, the first wins (RFC 6265
// section 5.4: the most specific path comes first).
std::optional<std::string> FindCookie(std::string_view cookie_header, std::string_view name);

}  // namespace motcua::http
