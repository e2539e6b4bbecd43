#include "http/request_id.h"

#include <sodium.h>

#include <algorithm>
#include <cstdint>

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
  // 8 random bytes drawn once per thread, then a per-thread counter: unique
  // within the process and, with 2^64 prefixes, across threads and restarts,
  // without a getrandom() system call per request (~1% of a cached GET).
  struct ThreadIds {
    char prefix[17];
    std::uint64_t next = 0;
    ThreadIds() {
      EnsureSodium();
      unsigned char bytes[8];
      randombytes_buf(bytes, sizeof bytes);
      sodium_bin2hex(prefix, sizeof prefix, bytes, sizeof bytes);
    }
  };
  thread_local ThreadIds ids;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(32, '0');
  std::copy(ids.prefix, ids.prefix + 16, id.begin());
  std::uint64_t n = ids.next++;
  for (int i = 31; i >= 16; --i, n >>= 4) id[i] = kHex[n & 0xf];
  return id;
}

std::string RequestIdFor(std::optional<std::string_view> incoming) {
  if (incoming && IsValidRequestId(*incoming)) return std::string(*incoming);
  return NewRequestId();
}

}  // namespace motcua::http
