#include "access/operation.h"

#include <array>
#include <string>

namespace motcua::access {

namespace {
constexpr std::array kAllOperations = {
    Operation::kSubmit,         Operation::kRequestSupplement,
    Operation::kResubmit,       Operation::kRefuse,
    Operation::kReceive,        Operation::kTransfer,
    Operation::kPause,          Operation::kResume,
    Operation::kExtend,         Operation::kResolve,
    Operation::kReturn,         Operation::kWithdraw,
    Operation::kStop,           Operation::kDigitize,
    Operation::kSign,           Operation::kAssignHandler,
    Operation::kAskQuestion,    Operation::kAnswerQuestion,
    Operation::kRate,           Operation::kGuide,
    Operation::kReadDossier,    Operation::kReadReports,
    Operation::kReadPostalWork, Operation::kManageGrants,
    Operation::kManageUsers,    Operation::kManageCatalog,
    Operation::kManageCalendar,
};
}  // namespace

const char* OperationName(Operation op) {
  switch (op) {
    case Operation::kSubmit:
      return "submit";
    case Operation::kRequestSupplement:
      return "request_supplement";
    case Operation::kResubmit:
      return "resubmit";
    case Operation::kRefuse:
      return "refuse";
    case Operation::kReceive:
      return "receive";
    case Operation::kTransfer:
      return "transfer";
    case Operation::kPause:
      return "pause";
    case Operation::kResume:
      return "resume";
    case Operation::kExtend:
      return "extend";
    case Operation::kResolve:
      return "resolve";
    case Operation::kReturn:
      return "return";
    case Operation::kWithdraw:
      return "withdraw";
    case Operation::kStop:
      return "stop";
    case Operation::kDigitize:
      return "digitize";
    case Operation::kSign:
      return "sign";
    case Operation::kAssignHandler:
      return "assign_handler";
    case Operation::kAskQuestion:
      return "ask_question";
    case Operation::kAnswerQuestion:
      return "answer_question";
    case Operation::kRate:
      return "rate";
    case Operation::kGuide:
      return "guide";
    case Operation::kReadDossier:
      return "read_dossier";
    case Operation::kReadReports:
      return "read_reports";
    case Operation::kReadPostalWork:
      return "read_postal_work";
    case Operation::kManageGrants:
      return "manage_grants";
    case Operation::kManageUsers:
      return "manage_users";
    case Operation::kManageCatalog:
      return "manage_catalog";
    case Operation::kManageCalendar:
      return "manage_calendar";
  }
  return "unknown";
}

Result<Operation> ParseOperation(std::string_view name) {
  for (Operation op : kAllOperations) {
    if (name == OperationName(op)) return op;
  }
  return Status::InvalidArgument("unknown operation \"" + std::string(name) + "\"");
}

std::span<const Operation> AllOperations() { return kAllOperations; }

bool IsDossierOperation(Operation op) {
  return static_cast<int>(op) <= static_cast<int>(Operation::kRate) ||
         op == Operation::kReadDossier;
}

}  // namespace motcua::access
