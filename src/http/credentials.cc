#include "http/credentials.h"

#include <sodium.h>

#include "http/cookie.h"
#include "http/crypto_init.h"

namespace motcua::http {

ApiResult<Credentials> ExtractCredentials(std::optional<std::string_view> authorization,
                                          std::optional<std::string_view> cookie_header,
                                          std::string_view cookie_name) {
  Credentials c;
  if (authorization) {
    std::string_view value = *authorization;
    // RFC 9110 section 11.1: the scheme is case-insensitive.
    constexpr std::string_view kScheme = "bearer ";
    bool scheme_ok = value.size() > kScheme.size();
    for (std::size_t i = 0; scheme_ok && i < kScheme.size(); ++i) {
      const char ch = value[i];
      scheme_ok = (ch >= 'A' && ch <= 'Z' ? char(ch - 'A' + 'a') : ch) == kScheme[i];
    }
    if (!scheme_ok) {
      return ApiError::Unauthenticated("Tiêu đề Authorization phải có dạng \"Bearer <mã>\".");
    }
    value.remove_prefix(kScheme.size());
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    const auto kind = ParseTokenKind(value);
    if (!kind) return ApiError::Unauthenticated("Mã truy cập không đúng định dạng.");
    c.source = CredentialSource::kBearer;
    c.token = std::string(value);
    c.kind = *kind;
    return c;
  }
  if (cookie_header) {
    if (auto token = FindCookie(*cookie_header, cookie_name)) {
      // Only session tokens live in cookies; an API token there is refused.
      if (ParseTokenKind(*token) == TokenKind::kSession) {
        c.source = CredentialSource::kCookie;
        c.token = std::move(*token);
        c.kind = TokenKind::kSession;
      }
    }
  }
  return c;
}

std::string CsrfTokenFor(std::string_view session_token) {
  EnsureSodium();
  static constexpr std::string_view kTag = "motcua-csrf-v1";
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  // The tag and a NUL separate this digest from TokenHash's.
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(kTag.data()),
                            kTag.size());
  const unsigned char nul = 0;
  crypto_hash_sha256_update(&state, &nul, 1);
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(session_token.data()),
                            session_token.size());
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state, digest);
  return Base64Url(digest, sizeof digest);
}

bool IsSafeMethod(std::string_view method) {
  return method == "GET" || method == "HEAD" || method == "OPTIONS";
}

std::optional<ApiError> CheckCsrf(std::string_view method, const Credentials& credentials,
                                  std::optional<std::string_view> csrf_header) {
  if (credentials.source != CredentialSource::kCookie || IsSafeMethod(method)) return std::nullopt;
  if (!csrf_header || csrf_header->empty()) {
    return ApiError::Forbidden("csrf_failed", "Thiếu mã chống giả mạo yêu cầu (X-CSRF-Token).",
                               "csrf_token_missing");
  }
  if (!ConstantTimeEquals(*csrf_header, CsrfTokenFor(credentials.token))) {
    return ApiError::Forbidden("csrf_failed", "Mã chống giả mạo yêu cầu (X-CSRF-Token) không đúng.",
                               "csrf_token_mismatch");
  }
  return std::nullopt;
}

}  // namespace motcua::http
