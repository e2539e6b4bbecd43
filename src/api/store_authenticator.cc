#include "api/store_authenticator.h"

#include <optional>
#include <utility>

namespace motcua::api {

store::CredentialKind CredentialKindOf(http::TokenKind kind) {
  return kind == http::TokenKind::kSession ? store::CredentialKind::kSession
                                           : store::CredentialKind::kApiToken;
}

Result<StoreAuthenticator::Entry> StoreAuthenticator::Fetch(std::string_view token_hash) {
  Entry e;
  Result<store::Credential> credential = store_->FindCredential(token_hash);
  if (!credential.ok()) {
    if (credential.status().code() == Status::Code::kNotFound) {
      return Status::Unauthenticated("unknown token");
    }
    return credential.status();
  }
  e.credential = std::move(*credential);
  Result<access::User> user = store_->GetUser(e.credential.login);
  if (!user.ok()) {
    if (user.status().code() == Status::Code::kNotFound) {
      return Status::Unauthenticated("the token's user no longer exists");
    }
    return user.status();
  }
  e.user = std::move(*user);
  return e;
}

Result<access::User> StoreAuthenticator::Authenticate(http::TokenKind kind,
                                                      std::string_view token_hash, Instant now) {
  // Read before the lookup: an entry fetched after reading generation g
  // reflects every account write up to g (and maybe later ones).
  MOTCUA_ASSIGN_OR_RETURN(const std::uint64_t generation, store_->AccountsGeneration());
  std::optional<Entry> entry;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (generation > generation_) {
      cache_.clear();
      generation_ = generation;
    }
    // A request that read an older generation than another one already saw
    // neither uses nor fills the cache.
    if (generation == generation_) {
      if (auto it = cache_.find(std::string(token_hash)); it != cache_.end()) entry = it->second;
    }
  }
  if (!entry) {
    MOTCUA_ASSIGN_OR_RETURN(Entry fetched, Fetch(token_hash));
    std::lock_guard<std::mutex> lock(mu_);
    if (generation == generation_) {
      if (cache_.size() >= options_.max_cached) cache_.clear();
      cache_[std::string(token_hash)] = fetched;
    }
    entry = std::move(fetched);
  }

  const store::Credential& credential = entry->credential;
  // The prefix decides the kind; a session token stored as an API token (or
  // the reverse) would be a bug elsewhere, and is refused here too.
  if (credential.kind != CredentialKindOf(kind)) {
    return Status::Unauthenticated("token kind does not match its credential");
  }
  const bool session = kind == http::TokenKind::kSession;
  if (credential.revoked_at && *credential.revoked_at <= now) {
    return Status::Unauthenticated(session ? "session ended" : "API token revoked");
  }
  if (!credential.LiveAt(now)) {
    return Status::Unauthenticated(session ? "session expired" : "API token expired");
  }
  if (entry->user.disabled) return Status::Unauthenticated("user disabled");
  return std::move(entry->user);
}

}  // namespace motcua::api
