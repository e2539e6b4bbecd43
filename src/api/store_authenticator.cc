#include "api/store_authenticator.h"

namespace motcua::api {

store::CredentialKind CredentialKindOf(http::TokenKind kind) {
  return kind == http::TokenKind::kSession ? store::CredentialKind::kSession
                                           : store::CredentialKind::kApiToken;
}

Result<access::User> StoreAuthenticator::Authenticate(http::TokenKind kind,
                                                      std::string_view token_hash, Instant now) {
  Result<store::Credential> credential = store_->FindCredential(token_hash);
  if (!credential.ok()) {
    if (credential.status().code() == Status::Code::kNotFound) {
      return Status::Unauthenticated("unknown token");
    }
    return credential.status();
  }
  // The prefix decides the kind; a session token copied into an API token's
  // row (or the reverse) would be a bug elsewhere, and is refused here too.
  if (credential->kind != CredentialKindOf(kind)) {
    return Status::Unauthenticated("token kind does not match its credential");
  }
  if (credential->revoked_at && *credential->revoked_at <= now) {
    return Status::Unauthenticated(kind == http::TokenKind::kSession ? "session ended"
                                                                     : "API token revoked");
  }
  if (!credential->LiveAt(now)) {
    return Status::Unauthenticated(kind == http::TokenKind::kSession ? "session expired"
                                                                     : "API token expired");
  }
  Result<access::User> user = store_->GetUser(credential->login);
  if (!user.ok()) {
    if (user.status().code() == Status::Code::kNotFound) {
      return Status::Unauthenticated("the token's user no longer exists");
    }
    return user.status();
  }
  if (user->disabled) return Status::Unauthenticated("user disabled");
  return user;
}

}  // namespace motcua::api
