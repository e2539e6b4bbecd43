// Operation: everything a user can ask the system to do, as seen by the
// access decision (authorize.h).
//
// The first nineteen operations mirror the dossier actions of DESIGN.md
// section 4 one to one, with the same lowercase names (access/ cannot include
// dossier/, which stands on it; dossier/action.h maps each Action to the
// Operation of the same name, and a test checks the names agree). The rest are
// reads and administration.
//
// Plain enums and pure functions; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "util/status.h"

namespace motcua::access {

enum class Operation {
  // Dossier life-cycle actions (DESIGN.md section 4).
  kSubmit,
  kRequestSupplement,
  kResubmit,
  kRefuse,
  kReceive,
  kTransfer,
  kPause,
  kResume,
  kExtend,
  kResolve,
  kReturn,
  kWithdraw,
  kStop,
  // Dossier actions that do not change the state.
  kDigitize,
  kSign,
  kAssignHandler,
  kAskQuestion,
  kAnswerQuestion,
  kRate,
  // Reads and administration.
  kGuide,           // guide an applicant on a procedure (no dossier yet)
  kReadDossier,     // see a dossier, its events and documents
  kReadReports,     // statistics of an agency (or of the whole center)
  kReadPostalWork,  // workload and quality of the delegated postal staff
  kManageGrants,    // create, change, revoke delegation grants
  kManageUsers,
  kManageCatalog,
  kManageCalendar,
};

// Stable lowercase names: "submit", "request_supplement", ..., "rate",
// "guide", "read_dossier", "read_reports", "read_postal_work",
// "manage_grants", "manage_users", "manage_catalog", "manage_calendar".
const char* OperationName(Operation op);
Result<Operation> ParseOperation(std::string_view name);
std::span<const Operation> AllOperations();

// True for the operations that concern one dossier (the nineteen actions and
// kReadDossier): their Request must carry the dossier's facts.
bool IsDossierOperation(Operation op);

}  // namespace motcua::access
