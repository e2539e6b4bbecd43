#include "api/store_authenticator.h"

#include <optional>
#include <utility>

namespace motcua::api {

store::CredentialKind CredentialKindOf(http::TokenKind kind) {
  return kind == http::TokenKind::kSession ? store::CredentialKind::kSession
                                           : store::CredentialKind::kApiToken;
}

Result<StoreAuthenticator::Entry> StoreAuthenticator::Fetch(std::string_view token_hash,
                                                            Instant now) {
  Entry e;
  e.fetched_at = now;
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
  std::optional<Entry> entry;
  std::uint64_t generation = 0;
  {
    std::lock_guard<std::mutex> lock(mu_);
    generation = generation_;
    if (auto it = cache_.find(std::string(token_hash)); it != cache_.end()) {
      const Instant at = it->second.fetched_at;
      // A clock that went back counts as stale too.
      if (at <= now && now < at + options_.cache_seconds) entry = it->second;
    }
  }
  if (!entry) {
    MOTCUA_ASSIGN_OR_RETURN(Entry fetched, Fetch(token_hash, now));
    entry = std::move(fetched);
    if (options_.cache_seconds > 0) {
      std::lock_guard<std::mutex> lock(mu_);
      // A ForgetCached() since the read began: the answer may predate it.
      if (generation == generation_) {
        if (cache_.size() >= options_.max_cached) cache_.clear();
        cache_[std::string(token_hash)] = *entry;
      }
    }
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

void StoreAuthenticator::ForgetCached() {
  std::lock_guard<std::mutex> lock(mu_);
  ++generation_;
  cache_.clear();
}

}  // namespace motcua::api
