#include "store/account_records.h"

#include <string>

namespace motcua::store {

const char* CredentialKindName(CredentialKind k) {
  switch (k) {
    case CredentialKind::kSession:
      return "session";
    case CredentialKind::kApiToken:
      return "api_token";
  }
  return "unknown";
}

Result<CredentialKind> ParseCredentialKind(std::string_view name) {
  for (const CredentialKind k : {CredentialKind::kSession, CredentialKind::kApiToken}) {
    if (name == CredentialKindName(k)) return k;
  }
  return Status::InvalidArgument("unknown credential kind \"" + std::string(name) + "\"");
}

bool Credential::LiveAt(Instant t) const {
  if (revoked_at && *revoked_at <= t) return false;
  return !expires_at || t < *expires_at;
}

}  // namespace motcua::store
