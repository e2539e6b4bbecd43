#include "access/grant.h"

#include <algorithm>
#include <array>

namespace motcua::access {

namespace {
constexpr std::array kAllGrantActions = {
    GrantAction::kGuide,    GrantAction::kReceive,  GrantAction::kRequestSupplement,
    GrantAction::kRefuse,   GrantAction::kDigitize, GrantAction::kSign,
    GrantAction::kTransfer, GrantAction::kReturn,
};
}  // namespace

const char* GrantActionName(GrantAction a) {
  switch (a) {
    case GrantAction::kGuide:
      return "guide";
    case GrantAction::kReceive:
      return "receive";
    case GrantAction::kRequestSupplement:
      return "request_supplement";
    case GrantAction::kRefuse:
      return "refuse";
    case GrantAction::kDigitize:
      return "digitize";
    case GrantAction::kSign:
      return "sign";
    case GrantAction::kTransfer:
      return "transfer";
    case GrantAction::kReturn:
      return "return";
  }
  return "unknown";
}

Result<GrantAction> ParseGrantAction(std::string_view name) {
  for (GrantAction a : kAllGrantActions) {
    if (name == GrantActionName(a)) return a;
  }
  return Status::InvalidArgument("unknown grant action \"" + std::string(name) + "\"");
}

std::span<const GrantAction> AllGrantActions() { return kAllGrantActions; }

std::optional<GrantAction> GrantActionFor(Operation op) {
  switch (op) {
    case Operation::kSubmit:
    case Operation::kResubmit:
    case Operation::kResume:
    case Operation::kWithdraw:
    case Operation::kReceive:
      return GrantAction::kReceive;
    case Operation::kRequestSupplement:
      return GrantAction::kRequestSupplement;
    case Operation::kRefuse:
      return GrantAction::kRefuse;
    case Operation::kTransfer:
      return GrantAction::kTransfer;
    case Operation::kReturn:
      return GrantAction::kReturn;
    case Operation::kDigitize:
      return GrantAction::kDigitize;
    case Operation::kSign:
      return GrantAction::kSign;
    case Operation::kGuide:
    case Operation::kAskQuestion:
      return GrantAction::kGuide;
    default:
      return std::nullopt;
  }
}

const char* ScopeKindName(ScopeKind k) {
  switch (k) {
    case ScopeKind::kAgency:
      return "agency";
    case ScopeKind::kFields:
      return "fields";
    case ScopeKind::kProcedures:
      return "procedures";
  }
  return "unknown";
}

Result<ScopeKind> ParseScopeKind(std::string_view name) {
  for (ScopeKind k : {ScopeKind::kAgency, ScopeKind::kFields, ScopeKind::kProcedures}) {
    if (name == ScopeKindName(k)) return k;
  }
  return Status::InvalidArgument("unknown grant scope \"" + std::string(name) + "\"");
}

const char* GrantTierName(GrantTier t) { return t == GrantTier::kPrimary ? "primary" : "backup"; }

Result<GrantTier> ParseGrantTier(std::string_view name) {
  if (name == "primary") return GrantTier::kPrimary;
  if (name == "backup") return GrantTier::kBackup;
  return Status::InvalidArgument("unknown grant tier \"" + std::string(name) +
                                 "\" (expected primary or backup)");
}

bool Grant::Lists(GrantAction a) const {
  return std::find(actions.begin(), actions.end(), a) != actions.end();
}

bool Grant::InForceAt(Instant t) const {
  if (t < valid_from) return false;
  if (valid_to && t >= *valid_to) return false;
  if (revoked_at && t >= *revoked_at) return false;
  return true;
}

bool Grant::Covers(std::string_view field_code, std::string_view procedure_code) const {
  switch (scope.kind) {
    case ScopeKind::kAgency:
      return true;
    case ScopeKind::kFields:
      return std::find(scope.codes.begin(), scope.codes.end(), field_code) != scope.codes.end();
    case ScopeKind::kProcedures:
      return std::find(scope.codes.begin(), scope.codes.end(), procedure_code) != scope.codes.end();
  }
  return false;
}

Status ValidateGrant(const Grant& g) {
  const std::string where = "grant " + std::to_string(g.id);
  if (g.agency_code.empty()) return Status::InvalidArgument(where + ": no agency");
  if (g.grantee_login.empty()) return Status::InvalidArgument(where + ": no grantee");
  if (g.actions.empty()) return Status::InvalidArgument(where + ": lists no action");
  for (size_t i = 0; i < g.actions.size(); ++i) {
    for (size_t j = i + 1; j < g.actions.size(); ++j) {
      if (g.actions[i] == g.actions[j]) {
        return Status::InvalidArgument(where + ": action " + GrantActionName(g.actions[i]) +
                                       " listed twice");
      }
    }
  }
  if (g.valid_to && *g.valid_to <= g.valid_from) {
    return Status::InvalidArgument(where + ": valid_to is not after valid_from");
  }
  if (g.scope.kind == ScopeKind::kAgency && !g.scope.codes.empty()) {
    return Status::InvalidArgument(where + ": a whole-agency scope lists no codes");
  }
  if (g.scope.kind != ScopeKind::kAgency && g.scope.codes.empty()) {
    return Status::InvalidArgument(where + ": a " + ScopeKindName(g.scope.kind) +
                                   " scope needs at least one code");
  }
  for (const std::string& c : g.scope.codes) {
    if (c.empty()) return Status::InvalidArgument(where + ": empty code in scope");
  }
  return Status::Ok();
}

}  // namespace motcua::access
