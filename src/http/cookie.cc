#include "http/cookie.h"

namespace motcua::http {
namespace {

std::string Attributes(const CookieOptions& options, long max_age) {
  std::string out = "; Path=/; Max-Age=" + std::to_string(max_age) + "; HttpOnly; SameSite=Strict";
  if (options.secure) out += "; Secure";
  return out;
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string CookieOptions::Name() const {
  return secure ? "__Host-motcua_session" : "motcua_session";
}

std::string SessionCookie(std::string_view token, const CookieOptions& options) {
  return options.Name() + "=" + std::string(token) + Attributes(options, options.max_age_seconds);
}

std::string ExpiredSessionCookie(const CookieOptions& options) {
  return options.Name() + "=" + Attributes(options, 0);
}

std::optional<std::string> FindCookie(std::string_view cookie_header, std::string_view name) {
  while (!cookie_header.empty()) {
    const auto semi = cookie_header.find(';');
    const std::string_view pair = TrimSpaces(cookie_header.substr(0, semi));
    cookie_header =
        semi == std::string_view::npos ? std::string_view() : cookie_header.substr(semi + 1);
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    if (TrimSpaces(pair.substr(0, eq)) != name) continue;
    std::string_view value = TrimSpaces(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return std::nullopt;
}

}  // namespace motcua::http
