// Password hashing with argon2id (libsodium crypto_pwhash_str).
//
// Parameters for a server (docs/api.md, "Passwords"): opslimit 3, memlimit
// 64 MiB. libsodium's "moderate" preset (256 MiB) is meant for one
// interactive user on a desktop; a server hashes for many users at once, so
// memory per hash is kept at 64 MiB and the pass count raised to 3, above
// OWASP's Password Storage Cheat Sheet minimum for argon2id (19 MiB, t=2).
// At most `max_concurrent` hashes run at once (default 2, so 128 MiB at
// worst): a burst of logins queues instead of exhausting memory. The stored
// string ("$argon2id$v=19$m=65536,t=3,p=1$…") carries its own parameters, so
// raising them later still verifies old hashes; NeedsRehash() says when to
// re-hash at the next successful login.
//
// Thread-safe. Hash() and Verify() block for the hashing time (about 0.1-0.3
// s): call them on a worker thread, never on an I/O thread.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "util/status.h"

namespace motcua::http {

struct PasswordParams {
  unsigned long long opslimit = 3;
  std::size_t memlimit = 64u << 20;
  int max_concurrent = 2;
};

// Longer inputs are refused before hashing (a megabyte "password" is an
// attack, not a password).
inline constexpr std::size_t kMaxPasswordBytes = 1024;

class PasswordHasher {
 public:
  explicit PasswordHasher(PasswordParams params = {});
  ~PasswordHasher();
  PasswordHasher(const PasswordHasher&) = delete;
  PasswordHasher& operator=(const PasswordHasher&) = delete;

  // The encoded hash. InvalidArgument for an empty or too long password;
  // ResourceExhausted when libsodium cannot allocate the memory.
  Result<std::string> Hash(std::string_view password) const;

  // True when `password` matches `encoded`. False for a wrong password and for
  // a malformed `encoded` (never a crash).
  bool Verify(std::string_view password, const std::string& encoded) const;

  // Spends the time of one Verify() on a fixed hash: used when the login is
  // unknown, so the answer takes as long as for a wrong password and does
  // not reveal which logins exist.
  void VerifyDummy(std::string_view password) const;

  // True when `encoded` was made with other parameters than this hasher's.
  bool NeedsRehash(const std::string& encoded) const;

  const PasswordParams& params() const { return params_; }

 private:
  class Gate;
  PasswordParams params_;
  std::unique_ptr<Gate> gate_;
  std::string dummy_;
};

}  // namespace motcua::http
