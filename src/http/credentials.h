// Who a request says it is: the token from "Authorization: Bearer …" or from
// the session cookie, and the CSRF rule that applies to the cookie.
//
// A bearer token wins over a cookie when both are present (an integration
// never relies on a browser's cookie jar). Cookie-authenticated writes
// (POST, PUT, PATCH, DELETE) must carry X-CSRF-Token equal to
// CsrfTokenFor(session token): a page on another site can make the browser
// send the cookie but cannot read it, nor the login answer that carried the
// CSRF token, so it cannot forge the header. Bearer requests are exempt: a
// browser never attaches an Authorization header on its own.
//
// The CSRF token is derived, not stored: base64url of SHA-256 over a domain
// tag and the session token. It cannot be turned back into the session
// token, and it differs from the stored token hash (TokenHash), so a leaked
// database row does not give it away either.
//
// Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "http/api_error.h"
#include "http/token.h"

namespace motcua::http {

enum class CredentialSource { kNone, kCookie, kBearer };

struct Credentials {
  CredentialSource source = CredentialSource::kNone;
  std::string token;  // empty for kNone
  TokenKind kind = TokenKind::kSession;
};

// Reads the credentials of a request. 401 when an Authorization header is
// present but is not "Bearer <well-formed token>"; a malformed cookie counts
// as no cookie (browsers keep stale cookies around).
ApiResult<Credentials> ExtractCredentials(std::optional<std::string_view> authorization,
                                          std::optional<std::string_view> cookie_header,
                                          std::string_view cookie_name);

std::string CsrfTokenFor(std::string_view session_token);

// GET, HEAD and OPTIONS change nothing and need no CSRF token.
bool IsSafeMethod(std::string_view method);

// nullopt when the request may go on; else 403 csrf_failed.
std::optional<ApiError> CheckCsrf(std::string_view method, const Credentials& credentials,
                                  std::optional<std::string_view> csrf_header);

}  // namespace motcua::http
