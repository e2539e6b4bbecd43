// StoreAuthenticator: http::Authenticator on the store. A token's hash is
// looked up among the stored credentials (login sessions and API tokens);
// the request is authenticated as the credential's user when the credential
// is of the kind the token's prefix names, is live at the request time (not
// revoked, not expired), and its user exists and is not disabled.
//
// A lookup costs two store reads (the credential, then the user), as much as
// the dossier read it guards (measured: ~55 µs each on the shared build
// machine), so the answers are kept for a few seconds (cache_seconds) per
// token hash. What a cache must not delay:
//  - expiry: a cached credential's expires_at is judged again at every
//    request, so a session still ends at its exact second;
//  - logout, revocation and changes of users through this server: the routes
//    call ForgetCached() after them (ApiDeps::authenticator), so they take
//    effect at the very next request. A lookup that was in flight while the
//    cache was dropped does not put its (possibly stale) answer back.
// Changes made by another process (the CLI, another server on the same
// database) take effect within cache_seconds. cache_seconds = 0 turns the
// cache off.
//
// Thread-safe (one mutex around the map, held for a lookup or an insert,
// never during a store read). Does not own the store, which must outlive it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "http/authenticator.h"
#include "store/store.h"

namespace motcua::api {

struct AuthenticatorOptions {
  Instant cache_seconds = 5;
  // Beyond this many cached tokens the cache starts over (bounded memory
  // under a flood of distinct tokens).
  std::size_t max_cached = 10000;
};

class StoreAuthenticator : public http::Authenticator {
 public:
  // REQUIRES: store non-null.
  explicit StoreAuthenticator(store::Store* store, AuthenticatorOptions options = {})
      : store_(store), options_(options) {}

  // Unauthenticated for an unknown, expired or revoked token, a token of the
  // other kind, and a missing or disabled user; the store's error otherwise.
  Result<access::User> Authenticate(http::TokenKind kind, std::string_view token_hash,
                                    Instant now) override;

  // Drops every cached answer (after a logout, a revocation, a change of a
  // user).
  void ForgetCached();

 private:
  struct Entry {
    store::Credential credential;
    access::User user;
    Instant fetched_at = 0;
  };

  // The credential and its user from the store; Unauthenticated when either
  // is missing.
  Result<Entry> Fetch(std::string_view token_hash, Instant now);

  store::Store* const store_;
  const AuthenticatorOptions options_;
  std::mutex mu_;
  std::unordered_map<std::string, Entry> cache_;  // GUARDED_BY(mu_), by token hash
  std::uint64_t generation_ = 0;                  // GUARDED_BY(mu_), +1 per ForgetCached
};

// The store's kind of a token kind.
store::CredentialKind CredentialKindOf(http::TokenKind kind);

}  // namespace motcua::api
