#include "http/crypto_init.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

namespace motcua::http {

void EnsureSodium() {
  // sodium_init() is itself thread-safe and idempotent (returns 1 when
  // already initialized); the static only saves the call.
  static const bool ready = [] {
    if (sodium_init() < 0) {
      std::fprintf(stderr, "motcua: libsodium failed to initialize\n");
      std::abort();
    }
    return true;
  }();
  (void)ready;
}

}  // namespace motcua::http
