// The values of the storage interface (store.h) that serve the HTTP API
// beside the dossiers: credentials (login sessions and API tokens), the audit
// log of administrative writes, questions from the desk to an agency's
// experts, and the dossier counts behind the /metrics gauges.
//
// Plain value types; thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dossier/state.h"
#include "util/civil_time.h"
#include "util/status.h"

namespace motcua::store {

// ---- Credentials: login sessions and API tokens (the token itself is never
// stored, only its hash: a copy of the database lets nobody log in).

enum class CredentialKind { kSession, kApiToken };
// "session" | "api_token".
const char* CredentialKindName(CredentialKind k);
// InvalidArgument naming the text when it is not one of the names above.
Result<CredentialKind> ParseCredentialKind(std::string_view name);

struct Credential {
  std::int64_t id = 0;  // assigned by the store
  CredentialKind kind = CredentialKind::kSession;
  std::string token_hash;  // http::TokenHash(token): 64 hex digits, unique
  std::string login;       // whose credential
  // API tokens: the integration it serves; sessions: user agent (may be empty).
  std::string label;
  // Login of the admin who created an API token; sessions: = login.
  std::string created_by;
  Instant created_at = 0;
  std::optional<Instant> expires_at;  // sessions always have one; API tokens may not
  std::optional<Instant> revoked_at;  // logout or revocation

  // Not revoked at t and (no expiry or t < expires_at).
  bool LiveAt(Instant t) const;

  friend bool operator==(const Credential&, const Credential&) = default;
};

// ---- Audit of administrative writes (dossier writes are audited by their
// events, which are hash-chained; these rows are not).

struct AuditEntry {
  std::int64_t id = 0;  // assigned by the store, increasing
  Instant at = 0;
  std::string actor;       // login
  std::string acting_for;  // agency code or empty
  std::string request_id;  // the HTTP request id, or "cli"
  // e.g. "user.put", "grant.create", "grant.revoke", "credential.create",
  // "credential.revoke", "catalog.reload", "session.create".
  std::string action;
  std::string target;  // e.g. the login, grant id or credential id
  std::string detail;  // compact JSON, may be empty

  friend bool operator==(const AuditEntry&, const AuditEntry&) = default;
};

// ---- Questions from the desk to the agency's experts about a dossier.

struct Question {
  std::int64_t id = 0;  // assigned by the store
  std::string dossier_code;
  std::string agency_code;  // the agency asked
  std::string asked_by;     // login
  std::string text;
  Instant asked_at = 0;
  std::string answered_by;  // empty until answered
  std::string answer;
  std::optional<Instant> answered_at;

  friend bool operator==(const Question&, const Question&) = default;
};

// ---- Gauges for /metrics.

struct DossierCounts {
  // Every state, in enum order (dossier::AllStates()), zero included.
  std::vector<std::pair<dossier::State, std::int64_t>> by_state;
  // Not completed (resolved, returned, refused, withdrawn and stopped
  // excluded) and due_at < now.
  std::int64_t open_overdue = 0;
};

}  // namespace motcua::store
