// StoreAuthenticator: http::Authenticator on the store. A token's hash is
// looked up among the stored credentials (login sessions and API tokens);
// the request is authenticated as the credential's user when the credential
// is of the kind the token's prefix names, is live at the request time (not
// revoked, not expired), and its user exists and is not disabled.
//
// The principal it answers carries the user's delegation grants too, read
// with the user (actor.h then reads nothing more).
//
// A lookup costs three store reads (the credential, the user, the grants),
// each as much as the dossier read they guard (measured ~55 µs each on the
// loaded build machine), so answers are cached per token hash, and the cache is checked
// against the store's accounts generation (Store::AccountsGeneration): one
// read per request, which changes with every write of a user, a password, a
// credential or a grant, by any process. So the cache never delays anything:
// a logout, a revoked token or grant, a disabled user take effect at the next request,
// whether made through this server, another server on the same database or
// the CLI; and a credential's expiry is judged again at every request.
//
// Thread-safe (one mutex around the map, never held during a store read).
// Does not own the store, which must outlive it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "http/authenticator.h"
#include "store/store.h"

namespace motcua::api {

struct AuthenticatorOptions {
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
  // The principal carries the user's grants (every one, in force or not).
  Result<http::Principal> Authenticate(http::TokenKind kind, std::string_view token_hash,
                                       Instant now) override;

 private:
  struct Entry {
    store::Credential credential;
    access::User user;
    std::shared_ptr<const std::vector<access::Grant>> grants;
  };

  // The credential, its user and the user's grants from the store;
  // Unauthenticated when the credential or the user is missing.
  Result<std::shared_ptr<const Entry>> Fetch(std::string_view token_hash);

  // Looks token hashes up without building a std::string per request.
  struct HashOfView {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  store::Store* const store_;
  const AuthenticatorOptions options_;
  std::mutex mu_;
  // The accounts generation the entries were read at (or after).
  std::uint64_t generation_ = 0;  // GUARDED_BY(mu_)
  // By token hash; entries are immutable and shared with requests in flight.
  std::unordered_map<std::string, std::shared_ptr<const Entry>, HashOfView, std::equal_to<>>
      cache_;  // GUARDED_BY(mu_)
};

// The store's kind of a token kind.
store::CredentialKind CredentialKindOf(http::TokenKind kind);

}  // namespace motcua::api
