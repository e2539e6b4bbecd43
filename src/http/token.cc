#include "http/token.h"

#include <sodium.h>

#include "http/crypto_init.h"

namespace motcua::http {
namespace {

constexpr std::string_view kSessionPrefix = "mcs_";
constexpr std::string_view kApiPrefix = "mca_";

bool IsBase64UrlChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

}  // namespace

std::string Base64Url(const unsigned char* bytes, std::size_t n) {
  EnsureSodium();
  const std::size_t size = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  std::string out(size, '\0');
  sodium_bin2base64(out.data(), size, bytes, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(size - 1);  // the encoded length counts the terminating NUL
  return out;
}

std::string NewToken(TokenKind kind) {
  EnsureSodium();
  unsigned char bytes[kTokenRandomBytes];
  randombytes_buf(bytes, sizeof bytes);
  std::string token(kind == TokenKind::kSession ? kSessionPrefix : kApiPrefix);
  token += Base64Url(bytes, sizeof bytes);
  sodium_memzero(bytes, sizeof bytes);
  return token;
}

std::optional<TokenKind> ParseTokenKind(std::string_view token) {
  if (token.size() != kTokenLength) return std::nullopt;
  std::optional<TokenKind> kind;
  if (token.substr(0, 4) == kSessionPrefix) kind = TokenKind::kSession;
  if (token.substr(0, 4) == kApiPrefix) kind = TokenKind::kApi;
  if (!kind) return std::nullopt;
  for (const char c : token.substr(4)) {
    if (!IsBase64UrlChar(c)) return std::nullopt;
  }
  return kind;
}

std::string TokenHash(std::string_view token) {
  EnsureSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  EnsureSodium();
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace motcua::http
