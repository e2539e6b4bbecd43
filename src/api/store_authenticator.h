// StoreAuthenticator: http::Authenticator on the store. A token's hash is
// looked up among the stored credentials (login sessions and API tokens);
// the request is authenticated as the credential's user when the credential
// is of the kind the token's prefix names, is live at the request time (not
// revoked, not expired), and its user exists and is not disabled.
//
// Every check runs on every request: logging out, revoking a token and
// disabling a user take effect on the very next request, with no cache to
// wait out (issue 4: sessions "end at logout").
//
// Thread-safe (the store is); does not own the store, which must outlive it.
#pragma once

#include <string_view>

#include "http/authenticator.h"
#include "store/store.h"

namespace motcua::api {

class StoreAuthenticator : public http::Authenticator {
 public:
  // REQUIRES: store non-null.
  explicit StoreAuthenticator(store::Store* store) : store_(store) {}

  // Unauthenticated for an unknown, expired or revoked token, a token of the
  // other kind, and a missing or disabled user; the store's error otherwise.
  Result<access::User> Authenticate(http::TokenKind kind, std::string_view token_hash,
                                    Instant now) override;

 private:
  store::Store* const store_;
};

// The store's kind of a token kind.
store::CredentialKind CredentialKindOf(http::TokenKind kind);

}  // namespace motcua::api
