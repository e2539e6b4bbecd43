// Authorize: the one access decision, made on the server for every request
// (DESIGN.md section 3: "the check is done on the server for every request").
//
// Pure: the caller loads the user and the grants and passes the facts of the
// dossier (or procedure) concerned; nothing here reads a clock or a store.
// Thread-safe.
//
// The rules (each role's row; a user holding several roles is allowed when
// any of them allows):
//  - applicant: submit, resubmit, resume (supplying what was asked), withdraw,
//    rate, ask_question and read_dossier, on their own dossiers only (the
//    dossier's applicant login is the user's login); acting_for must be empty.
//  - desk with an agency (the agency's own officer): the desk operations
//    (submit for a walk-in, request_supplement, resubmit, refuse, receive,
//    transfer, resume, return, withdraw, digitize, sign, ask_question, guide,
//    read_dossier) on dossiers of that agency.
//  - desk acting for another agency (a postal employee, or an officer lent to
//    another agency): the same operations, only through a grant of the
//    acting_for agency to this user that is in force at the request time,
//    covers the dossier's field or procedure and lists the grant action the
//    operation needs (GrantActionFor in grant.h). read_dossier needs any such
//    grant in force and in scope. Backups need no active primary (grant.h).
//  - specialist: pause, resolve, answer_question, digitize, sign (the result),
//    read_dossier, on dossiers of their agency.
//  - leader: everything a specialist may, plus extend, stop and
//    assign_handler, and read_reports of their agency. Extension and stopping
//    are decided by the agency, not the officer handling the file: the
//    apology letter with a new appointment and the notice to stop are issued
//    in the agency's name (Decree 61/2018/NĐ-CP, carried into Decree
//    118/2025/NĐ-CP), and assigning work is a leader's call.
//  - focal_point: read_dossier and read_reports of their agency (the monthly
//    report and chasing overdue dossiers).
//  - center_supervisor: read_dossier and read_reports of any agency,
//    read_postal_work, manage_grants.
//  - postal_supervisor: read_postal_work (workload and quality of postal staff).
//  - admin: manage_catalog, manage_users, manage_grants, manage_calendar. An
//    administrator does not read citizens' dossiers by virtue of the role.
//
// acting_for: every dossier operation by agency staff (desk, specialist,
// leader, focal_point) must name the dossier's agency as acting_for, so the
// audit can say "X, on behalf of agency A". Supervisors act for the center and
// need no acting_for (a non-empty one must still equal the dossier's agency);
// applicants act for nobody.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "access/grant.h"
#include "access/operation.h"
#include "access/role.h"
#include "util/civil_time.h"
#include "util/status.h"

namespace motcua::access {

// What is known about the dossier (or, for kGuide, the procedure) concerned.
struct SubjectFacts {
  std::string agency_code;  // the agency that handles it
  std::string field_code;
  std::string procedure_code;
  std::string applicant_login;  // empty when submitted at a counter without an account
};

struct Request {
  Operation op = Operation::kReadDossier;
  std::string acting_for;  // agency code, or empty
  // Required for dossier operations and kGuide; for kReadReports the agency
  // reported on (agency_code empty = the whole center); ignored otherwise.
  SubjectFacts subject;
  Instant at = 0;  // the time of the request (grants are judged then)
};

enum class DecisionCode {
  // allowed
  kOwnDossier,  // an applicant on their own dossier
  kOwnAgency,   // agency staff on their agency's work
  kGrant,       // a desk officer through a delegation grant
  kCenterRole,  // supervisors and administrators
  // denied
  kRoleNotPermitted,   // no role of the user allows this operation
  kNotOwnDossier,      // an applicant on someone else's dossier
  kActingForMismatch,  // acting_for missing or not the dossier's agency
  kNoAgency,           // agency staff without an agency of their own
  kOtherAgency,        // staff of agency A on agency B's work
  kNoGrant,            // no grant of the acting_for agency to this user
  kGrantNotYetValid,
  kGrantExpired,
  kGrantRevoked,
  kGrantOutOfScopeField,
  kGrantOutOfScopeProcedure,
  kGrantActionNotListed,
  kMissingFacts,  // a dossier operation without the dossier's agency
};

// "own_dossier", "own_agency", "grant", "center_role", "role_not_permitted",
// "not_own_dossier", "acting_for_mismatch", "no_agency", "other_agency",
// "no_grant", "grant_not_yet_valid", "grant_expired", "grant_revoked",
// "grant_out_of_scope_field", "grant_out_of_scope_procedure",
// "grant_action_not_listed", "missing_facts".
const char* DecisionCodeName(DecisionCode c);

struct Decision {
  bool allowed = false;
  DecisionCode code = DecisionCode::kRoleNotPermitted;
  std::string rule;  // English, e.g. "grant 12 expired at 2024-01-01T00:00:00+07:00"
  std::optional<std::int64_t> grant_id;  // the grant used (allowed) or judged (denied)
  std::optional<GrantTier> grant_tier;   // its tier, when a grant was used

  // Ok when allowed, else PermissionDenied("<code>: <rule>").
  Status ToStatus() const;
};

// `grants` may hold any grants (those of other users or agencies are
// ignored). When several grants could apply, an allowing primary is preferred
// to an allowing backup; when none allows, the denial reports the grant that
// came closest (in the order in force, scope, action), lowest id first.
Decision Authorize(const User& user, std::span<const Grant> grants, const Request& request);

}  // namespace motcua::access
