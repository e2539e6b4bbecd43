// Initializes libsodium once per process (sodium_init). Every http/ function
// that uses libsodium calls EnsureSodium() first; it is cheap after the first
// call and thread-safe.
#pragma once

namespace motcua::http {

// Aborts the process when libsodium cannot initialize (no secure random
// source): the server must not run with predictable tokens.
void EnsureSodium();

}  // namespace motcua::http
