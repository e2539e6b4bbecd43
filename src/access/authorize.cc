#include "access/authorize.h"

#include <algorithm>
#include <vector>

namespace motcua::access {

namespace {

Decision Allow(DecisionCode code, std::string rule) {
  Decision d;
  d.allowed = true;
  d.code = code;
  d.rule = std::move(rule);
  return d;
}

Decision Deny(DecisionCode code, std::string rule) {
  Decision d;
  d.allowed = false;
  d.code = code;
  d.rule = std::move(rule);
  return d;
}

bool OneOf(Operation op, std::initializer_list<Operation> ops) {
  return std::find(ops.begin(), ops.end(), op) != ops.end();
}

std::string Quote(const std::string& s) { return s.empty() ? "(none)" : s; }

// The operations a desk officer performs (DESIGN.md section 4, "by desk").
bool IsDeskOperation(Operation op) {
  return GrantActionFor(op).has_value() || op == Operation::kReadDossier;
}

// Stage a grant reached when judged against a request; higher is closer.
enum Stage { kNotInForce = 0, kOutOfScope = 1, kActionMissing = 2, kAllows = 3 };

struct Judgement {
  Stage stage;
  Decision decision;
};

Judgement JudgeGrant(const Grant& g, const User& user, const Request& r) {
  const std::string id = "grant " + std::to_string(g.id);
  Judgement j{kNotInForce, {}};
  if (g.revoked_at && r.at >= *g.revoked_at) {
    j.decision =
        Deny(DecisionCode::kGrantRevoked, id + " was revoked at " + FormatDateTime(*g.revoked_at));
  } else if (r.at < g.valid_from) {
    j.decision = Deny(DecisionCode::kGrantNotYetValid,
                      id + " is valid only from " + FormatDateTime(g.valid_from));
  } else if (g.valid_to && r.at >= *g.valid_to) {
    j.decision =
        Deny(DecisionCode::kGrantExpired, id + " expired at " + FormatDateTime(*g.valid_to));
  } else if (!g.Covers(r.subject.field_code, r.subject.procedure_code)) {
    j.stage = kOutOfScope;
    if (g.scope.kind == ScopeKind::kFields) {
      j.decision = Deny(DecisionCode::kGrantOutOfScopeField,
                        "field " + Quote(r.subject.field_code) + " is outside the scope of " + id);
    } else {
      j.decision =
          Deny(DecisionCode::kGrantOutOfScopeProcedure,
               "procedure " + Quote(r.subject.procedure_code) + " is outside the scope of " + id);
    }
  } else if (auto needed = GrantActionFor(r.op); needed && !g.Lists(*needed)) {
    j.stage = kActionMissing;
    j.decision = Deny(
        DecisionCode::kGrantActionNotListed,
        id + " does not list " + GrantActionName(*needed) + ", needed to " + OperationName(r.op));
  } else {
    j.stage = kAllows;
    j.decision = Allow(DecisionCode::kGrant, user.login + " may " + OperationName(r.op) +
                                                 " on behalf of " + g.agency_code + " under " + id +
                                                 " (" + GrantTierName(g.tier) + ")");
  }
  j.decision.grant_id = g.id;
  if (j.stage == kAllows) j.decision.grant_tier = g.tier;
  return j;
}

Decision ThroughGrants(const User& user, std::span<const Grant> grants, const Request& r) {
  std::vector<const Grant*> mine;
  for (const Grant& g : grants) {
    if (g.grantee_login == user.login && g.agency_code == r.acting_for) mine.push_back(&g);
  }
  if (mine.empty()) {
    return Deny(DecisionCode::kNoGrant, "no grant of agency " + r.acting_for + " to " + user.login);
  }
  std::sort(mine.begin(), mine.end(), [](const Grant* a, const Grant* b) { return a->id < b->id; });
  std::optional<Judgement> best;
  for (const Grant* g : mine) {
    Judgement j = JudgeGrant(*g, user, r);
    if (!best || j.stage > best->stage ||
        (j.stage == kAllows && best->stage == kAllows && g->tier == GrantTier::kPrimary &&
         best->decision.grant_tier == GrantTier::kBackup)) {
      best = std::move(j);
    }
  }
  return best->decision;
}

// The checks shared by agency staff: an agency of their own, acting for the
// subject's agency, and that agency being theirs.
Decision OwnAgencyWork(const User& user, const Request& r, const char* role) {
  if (user.agency_code.empty()) {
    return Deny(DecisionCode::kNoAgency, std::string("a ") + role + " without an agency of " +
                                             "their own acts only through grants");
  }
  if (r.acting_for != r.subject.agency_code) {
    return Deny(
        DecisionCode::kActingForMismatch,
        "acting for " + Quote(r.acting_for) + " on a dossier of agency " + r.subject.agency_code);
  }
  if (r.subject.agency_code != user.agency_code) {
    return Deny(DecisionCode::kOtherAgency, std::string("a ") + role + " of " + user.agency_code +
                                                " may not " + OperationName(r.op) +
                                                " on work of agency " + r.subject.agency_code);
  }
  return Allow(DecisionCode::kOwnAgency, user.login + " may " + OperationName(r.op) + " as " +
                                             role + " of " + user.agency_code);
}

std::optional<Decision> AsApplicant(const User& user, const Request& r) {
  if (!OneOf(r.op,
             {Operation::kSubmit, Operation::kResubmit, Operation::kResume, Operation::kWithdraw,
              Operation::kRate, Operation::kAskQuestion, Operation::kReadDossier})) {
    return std::nullopt;
  }
  if (!r.acting_for.empty()) {
    return Deny(DecisionCode::kActingForMismatch, "an applicant acts on behalf of no agency");
  }
  if (user.login.empty() || r.subject.applicant_login != user.login) {
    return Deny(DecisionCode::kNotOwnDossier, "applicant may act only on their own dossier");
  }
  return Allow(DecisionCode::kOwnDossier,
               user.login + " may " + OperationName(r.op) + " on their own dossier");
}

std::optional<Decision> AsDesk(const User& user, std::span<const Grant> grants, const Request& r) {
  if (!IsDeskOperation(r.op)) return std::nullopt;
  if (r.acting_for.empty()) {
    return Deny(DecisionCode::kActingForMismatch, "desk work must name the agency it is done for");
  }
  if (r.acting_for != r.subject.agency_code) {
    return Deny(DecisionCode::kActingForMismatch,
                "acting for " + r.acting_for + " on work of agency " + r.subject.agency_code);
  }
  if (!user.agency_code.empty() && user.agency_code == r.acting_for) {
    return OwnAgencyWork(user, r, "desk officer");
  }
  return ThroughGrants(user, grants, r);
}

std::optional<Decision> AsAgencyStaff(const User& user, const Request& r, Role role) {
  const bool leader = role == Role::kLeader;
  const char* name = RoleName(role);
  if (r.op == Operation::kReadReports) {
    if (role == Role::kSpecialist) return std::nullopt;
    if (user.agency_code.empty()) {
      return Deny(DecisionCode::kNoAgency, std::string("a ") + name + " without an agency");
    }
    if (r.subject.agency_code != user.agency_code) {
      return Deny(DecisionCode::kOtherAgency, std::string("a ") + name + " of " + user.agency_code +
                                                  " may read only the reports of that agency");
    }
    return Allow(DecisionCode::kOwnAgency,
                 user.login + " may read the reports of " + user.agency_code);
  }
  bool permitted = false;
  switch (role) {
    case Role::kFocalPoint:
      permitted = r.op == Operation::kReadDossier;
      break;
    case Role::kSpecialist:
    case Role::kLeader:
      permitted = OneOf(r.op, {Operation::kPause, Operation::kResolve, Operation::kAnswerQuestion,
                               Operation::kDigitize, Operation::kSign, Operation::kReadDossier}) ||
                  (leader &&
                   OneOf(r.op, {Operation::kExtend, Operation::kStop, Operation::kAssignHandler}));
      break;
    default:
      break;
  }
  if (!permitted) return std::nullopt;
  return OwnAgencyWork(user, r, name);
}

std::optional<Decision> AsCenter(const User& user, const Request& r, Role role) {
  bool permitted = false;
  switch (role) {
    case Role::kCenterSupervisor:
      permitted = OneOf(r.op, {Operation::kReadDossier, Operation::kReadReports,
                               Operation::kReadPostalWork, Operation::kManageGrants});
      break;
    case Role::kPostalSupervisor:
      permitted = r.op == Operation::kReadPostalWork;
      break;
    case Role::kAdmin:
      permitted = OneOf(r.op, {Operation::kManageCatalog, Operation::kManageUsers,
                               Operation::kManageGrants, Operation::kManageCalendar});
      break;
    default:
      break;
  }
  if (!permitted) return std::nullopt;
  if (r.op == Operation::kReadDossier && !r.acting_for.empty() &&
      r.acting_for != r.subject.agency_code) {
    return Deny(DecisionCode::kActingForMismatch,
                "acting for " + r.acting_for + " on a dossier of agency " + r.subject.agency_code);
  }
  return Allow(DecisionCode::kCenterRole,
               user.login + " may " + OperationName(r.op) + " as " + RoleName(role));
}

}  // namespace

const char* DecisionCodeName(DecisionCode c) {
  switch (c) {
    case DecisionCode::kOwnDossier:
      return "own_dossier";
    case DecisionCode::kOwnAgency:
      return "own_agency";
    case DecisionCode::kGrant:
      return "grant";
    case DecisionCode::kCenterRole:
      return "center_role";
    case DecisionCode::kRoleNotPermitted:
      return "role_not_permitted";
    case DecisionCode::kNotOwnDossier:
      return "not_own_dossier";
    case DecisionCode::kActingForMismatch:
      return "acting_for_mismatch";
    case DecisionCode::kNoAgency:
      return "no_agency";
    case DecisionCode::kOtherAgency:
      return "other_agency";
    case DecisionCode::kNoGrant:
      return "no_grant";
    case DecisionCode::kGrantNotYetValid:
      return "grant_not_yet_valid";
    case DecisionCode::kGrantExpired:
      return "grant_expired";
    case DecisionCode::kGrantRevoked:
      return "grant_revoked";
    case DecisionCode::kGrantOutOfScopeField:
      return "grant_out_of_scope_field";
    case DecisionCode::kGrantOutOfScopeProcedure:
      return "grant_out_of_scope_procedure";
    case DecisionCode::kGrantActionNotListed:
      return "grant_action_not_listed";
    case DecisionCode::kMissingFacts:
      return "missing_facts";
  }
  return "unknown";
}

Status Decision::ToStatus() const {
  if (allowed) return Status::Ok();
  return Status::PermissionDenied(std::string(DecisionCodeName(code)) + ": " + rule);
}

Decision Authorize(const User& user, std::span<const Grant> grants, const Request& r) {
  if ((IsDossierOperation(r.op) || r.op == Operation::kGuide) && r.subject.agency_code.empty()) {
    return Deny(DecisionCode::kMissingFacts,
                std::string(OperationName(r.op)) + " needs the agency of the dossier");
  }
  std::optional<Decision> denial;
  for (Role role : AllRoles()) {
    if (!user.HasRole(role)) continue;
    std::optional<Decision> d;
    switch (role) {
      case Role::kApplicant:
        d = AsApplicant(user, r);
        break;
      case Role::kDesk:
        d = AsDesk(user, grants, r);
        break;
      case Role::kSpecialist:
      case Role::kLeader:
      case Role::kFocalPoint:
        d = AsAgencyStaff(user, r, role);
        break;
      case Role::kCenterSupervisor:
      case Role::kPostalSupervisor:
      case Role::kAdmin:
        d = AsCenter(user, r, role);
        break;
    }
    if (!d) continue;
    if (d->allowed) return *d;
    if (!denial) denial = std::move(d);
  }
  if (denial) return *denial;
  std::string roles;
  for (Role role : user.roles) {
    if (!roles.empty()) roles += ", ";
    roles += RoleName(role);
  }
  return Deny(DecisionCode::kRoleNotPermitted,
              roles.empty() ? user.login + " holds no role"
                            : "role " + roles + " may not " + OperationName(r.op));
}

}  // namespace motcua::access
