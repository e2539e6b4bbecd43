// Delegation grants: an agency lets a user (typically a postal employee) do
// front-desk work on its behalf (DESIGN.md section 3; the 2023 pilot gave the
// postal employee one account and the digital signature of each agency).
//
// A grant names the agency, the grantee, a scope (the whole agency, some of
// its fields, or some of its procedures), the desk actions it allows, a
// validity window [valid_from, valid_to), an optional revocation instant, and
// whether the grantee is the primary or the backup desk for that agency.
//
// Backup grants: a backup is valid on its own terms, whether or not a primary
// is active. The system cannot know that the primary employee is absent
// today, and refusing the backup would stop the desk exactly when it is
// needed; instead every decision names the grant used (and whether it is a
// backup), so the audit and the postal supervisor's reports show backup use.
//
// Plain value types and pure functions; thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "access/operation.h"
#include "util/civil_time.h"
#include "util/status.h"

namespace motcua::access {

// The desk actions a grant can list (DESIGN.md section 3).
enum class GrantAction {
  kGuide,
  kReceive,
  kRequestSupplement,
  kRefuse,
  kDigitize,
  kSign,
  kTransfer,
  kReturn,
};

// "guide", "receive", "request_supplement", "refuse", "digitize", "sign",
// "transfer", "return".
const char* GrantActionName(GrantAction a);
Result<GrantAction> ParseGrantAction(std::string_view name);
std::span<const GrantAction> AllGrantActions();

// The grant action a desk operation needs, or nullopt when no grant can allow
// the operation (agency work such as pause or resolve, administration).
// The mapping, and why:
//   submit, resubmit, resume, withdraw -> receive: at the desk these are the
//       officer taking in papers from the applicant (a walk-in dossier, the
//       supplement asked for, or the applicant's written request to withdraw);
//   request_supplement, refuse, transfer, return, digitize, sign, guide ->
//       the grant action of the same name;
//   ask_question -> guide: the desk asks the agency's experts in order to
//       guide the applicant better (DESIGN.md section 1, the pilot's weakness);
//   read_dossier -> nullopt here; a grantee may read a dossier of the agency
//       when it holds any valid grant whose scope covers the dossier
//       (authorize.cc).
std::optional<GrantAction> GrantActionFor(Operation op);

enum class ScopeKind { kAgency, kFields, kProcedures };
const char* ScopeKindName(ScopeKind k);  // "agency" | "fields" | "procedures"
Result<ScopeKind> ParseScopeKind(std::string_view name);

struct GrantScope {
  ScopeKind kind = ScopeKind::kAgency;
  std::vector<std::string> codes;  // field codes or procedure codes; empty for kAgency
};

enum class GrantTier { kPrimary, kBackup };
const char* GrantTierName(GrantTier t);  // "primary" | "backup"
Result<GrantTier> ParseGrantTier(std::string_view name);

struct Grant {
  std::int64_t id = 0;
  std::string agency_code;    // the agency that delegates
  std::string grantee_login;  // the user who acts on its behalf
  GrantScope scope;
  std::vector<GrantAction> actions;
  Instant valid_from = 0;
  std::optional<Instant> valid_to;    // exclusive; nullopt = open-ended
  std::optional<Instant> revoked_at;  // in force before this instant only
  GrantTier tier = GrantTier::kPrimary;
  std::string contract_reference;  // e.g. "HĐ 12/2023/HĐ-BĐ"

  bool Lists(GrantAction a) const;
  // valid_from <= t < valid_to, and not revoked at t (t < revoked_at).
  bool InForceAt(Instant t) const;
  // Whether a subject of `field_code` / `procedure_code` lies in the scope.
  bool Covers(std::string_view field_code, std::string_view procedure_code) const;
};

// InvalidArgument when the grant cannot be stored: no agency or grantee, no
// actions, a repeated action, valid_to not after valid_from, a field or
// procedure scope without codes, or an agency scope with codes.
Status ValidateGrant(const Grant& grant);

}  // namespace motcua::access
