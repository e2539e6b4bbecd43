// Authenticator: turns a request's token into the user it belongs to.
//
// The server extracts the token (credentials.h) and hands only its hash
// (TokenHash) to the authenticator, which looks it up among live sessions
// or API tokens. Phase 2 implements it on the store; tests use a map.
//
// Implementations must be thread-safe: Authenticate() is called on worker
// threads, concurrently.
#pragma once

#include <string_view>

#include "access/role.h"
#include "http/token.h"
#include "util/civil_time.h"
#include "util/status.h"

namespace motcua::http {

class Authenticator {
 public:
  virtual ~Authenticator() = default;

  // The user of a live token. Unauthenticated when the token is unknown,
  // expired, revoked or its user disabled; IOError when storage failed.
  virtual Result<access::User> Authenticate(TokenKind kind, std::string_view token_hash,
                                            Instant now) = 0;
};

}  // namespace motcua::http
