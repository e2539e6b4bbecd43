#include "http/request_id.h"

#include <sodium.h>

#include "http/crypto_init.h"

namespace motcua::http {

bool IsValidRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (const char c : id) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == ':' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string NewRequestId() {
  EnsureSodium();
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return std::string(hex);
}

std::string RequestIdFor(std::optional<std::string_view> incoming) {
  if (incoming && IsValidRequestId(*incoming)) return std::string(*incoming);
  return NewRequestId();
}

}  // namespace motcua::http
