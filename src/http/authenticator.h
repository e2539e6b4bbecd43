// Authenticator: turns a request's token into the user it belongs to.
//
// The server extracts the token (credentials.h) and hands only its hash
// (TokenHash) to the authenticator, which looks it up among live sessions
// or API tokens. Phase 2 implements it on the store; tests use a map.
//
// Implementations must be thread-safe: Authenticate() is called on worker
// threads, concurrently.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "access/grant.h"
#include "access/role.h"
#include "http/token.h"
#include "util/civil_time.h"
#include "util/status.h"

namespace motcua::http {

// Who a request comes from.
struct Principal {
  access::User user;
  // Every delegation grant to the user, in force or not, when the
  // authenticator read them along with the user (the store's does, from its
  // cache, so that authorizing a request costs no read of its own); null when
  // it did not, and then whoever needs them reads them.
  std::shared_ptr<const std::vector<access::Grant>> grants;
};

class Authenticator {
 public:
  virtual ~Authenticator() = default;

  // The user of a live token. Unauthenticated when the token is unknown,
  // expired, revoked or its user disabled; IOError when storage failed.
  virtual Result<Principal> Authenticate(TokenKind kind, std::string_view token_hash,
                                         Instant now) = 0;
};

}  // namespace motcua::http
