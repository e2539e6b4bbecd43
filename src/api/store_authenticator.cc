#include "api/store_authenticator.h"

#include <optional>
#include <utility>

namespace motcua::api {

store::CredentialKind CredentialKindOf(http::TokenKind kind) {
  return kind == http::TokenKind::kSession ? store::CredentialKind::kSession
                                           : store::CredentialKind::kApiToken;
}

Result<std::shared_ptr<const StoreAuthenticator::Entry>> StoreAuthenticator::Fetch(
    std::string_view token_hash) {
  auto e = std::make_shared<Entry>();
  Result<store::Credential> credential = store_->FindCredential(token_hash);
  if (!credential.ok()) {
    if (credential.status().code() == Status::Code::kNotFound) {
      return Status::Unauthenticated("unknown token");
    }
    return credential.status();
  }
  e->credential = std::move(*credential);
  Result<access::User> user = store_->GetUser(e->credential.login);
  if (!user.ok()) {
    if (user.status().code() == Status::Code::kNotFound) {
      return Status::Unauthenticated("the token's user no longer exists");
    }
    return user.status();
  }
  e->user = std::move(*user);
  // The grants come with the user, checked against the same generation, so
  // that authorizing a request reads nothing more: their read, one per
  // request before, was ~20% of the CPU of a cached `GET
  // /api/v1/dossiers/{code}` by a postal desk (perf while bench/http/run.sh
  // ran). A revoked grant is an account write, so it is seen at the next
  // request as a logout is.
  store::GrantFilter filter;
  filter.grantee_login = e->user.login;
  MOTCUA_ASSIGN_OR_RETURN(std::vector<access::Grant> grants, store_->ListGrants(filter));
  e->grants = std::make_shared<const std::vector<access::Grant>>(std::move(grants));
  return std::shared_ptr<const Entry>(std::move(e));
}

Result<http::Principal> StoreAuthenticator::Authenticate(http::TokenKind kind,
                                                         std::string_view token_hash, Instant now) {
  // Read before the lookup: an entry fetched after reading generation g
  // reflects every account write up to g (and maybe later ones).
  MOTCUA_ASSIGN_OR_RETURN(const std::uint64_t generation, store_->AccountsGeneration());
  std::shared_ptr<const Entry> entry;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (generation > generation_) {
      cache_.clear();
      generation_ = generation;
    }
    // A request that read an older generation than another one already saw
    // neither uses nor fills the cache.
    if (generation == generation_) {
      if (auto it = cache_.find(token_hash); it != cache_.end()) entry = it->second;
    }
  }
  if (!entry) {
    MOTCUA_ASSIGN_OR_RETURN(entry, Fetch(token_hash));
    std::lock_guard<std::mutex> lock(mu_);
    if (generation == generation_) {
      if (cache_.size() >= options_.max_cached) cache_.clear();
      cache_.insert_or_assign(std::string(token_hash), entry);
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
  return http::Principal{entry->user, entry->grants};
}

}  // namespace motcua::api
