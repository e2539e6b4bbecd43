#include "dossier/action.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <string>

namespace motcua::dossier {

namespace {

using S = State;

constexpr std::array kAllActions = {
    Action::kSubmit,      Action::kRequestSupplement, Action::kResubmit, Action::kRefuse,
    Action::kReceive,     Action::kTransfer,          Action::kPause,    Action::kResume,
    Action::kExtend,      Action::kResolve,           Action::kReturn,   Action::kWithdraw,
    Action::kStop,        Action::kDigitize,          Action::kSign,     Action::kAssignHandler,
    Action::kAskQuestion, Action::kAnswerQuestion,    Action::kRate,
};

const std::vector<ActionRule>& Rules() {
  // DESIGN.md section 4, row by row; the last six rows are the actions that
  // keep the state (see action.h for why they sit where they do).
  static const std::vector<ActionRule> kRules = {
      {Action::kSubmit, {}, S::kSubmitted},
      {Action::kRequestSupplement, {S::kSubmitted}, S::kSupplementRequested},
      {Action::kResubmit, {S::kSupplementRequested}, S::kSubmitted},
      {Action::kRefuse, {S::kSubmitted, S::kSupplementRequested}, S::kRefused},
      {Action::kReceive, {S::kSubmitted}, S::kReceived},
      {Action::kTransfer, {S::kReceived}, S::kInProgress},
      {Action::kPause, {S::kInProgress}, S::kPaused},
      {Action::kResume, {S::kPaused}, S::kInProgress},
      {Action::kExtend, {S::kReceived, S::kInProgress, S::kPaused}, std::nullopt},
      {Action::kResolve, {S::kInProgress}, S::kResolved},
      {Action::kReturn, {S::kResolved}, S::kReturned},
      {Action::kWithdraw,
       {S::kSubmitted, S::kSupplementRequested, S::kReceived, S::kInProgress, S::kPaused},
       S::kWithdrawn},
      {Action::kStop, {S::kInProgress, S::kPaused}, S::kStopped},
      {Action::kDigitize,
       {S::kSubmitted, S::kSupplementRequested, S::kReceived, S::kInProgress, S::kPaused,
        S::kResolved},
       std::nullopt},
      {Action::kSign,
       {S::kSubmitted, S::kSupplementRequested, S::kReceived, S::kInProgress, S::kPaused,
        S::kResolved},
       std::nullopt},
      {Action::kAssignHandler, {S::kReceived, S::kInProgress, S::kPaused}, std::nullopt},
      {Action::kAskQuestion,
       {S::kSubmitted, S::kSupplementRequested, S::kReceived, S::kInProgress, S::kPaused},
       std::nullopt},
      {Action::kAnswerQuestion,
       {S::kSubmitted, S::kSupplementRequested, S::kReceived, S::kInProgress, S::kPaused},
       std::nullopt},
      {Action::kRate, {S::kRefused, S::kReturned}, std::nullopt},
  };
  return kRules;
}

}  // namespace

const char* ActionName(Action a) {
  switch (a) {
    case Action::kSubmit:
      return "submit";
    case Action::kRequestSupplement:
      return "request_supplement";
    case Action::kResubmit:
      return "resubmit";
    case Action::kRefuse:
      return "refuse";
    case Action::kReceive:
      return "receive";
    case Action::kTransfer:
      return "transfer";
    case Action::kPause:
      return "pause";
    case Action::kResume:
      return "resume";
    case Action::kExtend:
      return "extend";
    case Action::kResolve:
      return "resolve";
    case Action::kReturn:
      return "return";
    case Action::kWithdraw:
      return "withdraw";
    case Action::kStop:
      return "stop";
    case Action::kDigitize:
      return "digitize";
    case Action::kSign:
      return "sign";
    case Action::kAssignHandler:
      return "assign_handler";
    case Action::kAskQuestion:
      return "ask_question";
    case Action::kAnswerQuestion:
      return "answer_question";
    case Action::kRate:
      return "rate";
  }
  return "unknown";
}

Result<Action> ParseAction(std::string_view name) {
  for (Action a : kAllActions) {
    if (name == ActionName(a)) return a;
  }
  return Status::InvalidArgument("unknown dossier action \"" + std::string(name) + "\"");
}

std::span<const Action> AllActions() { return kAllActions; }

std::span<const ActionRule> ActionRules() { return Rules(); }

const ActionRule& RuleFor(Action a) {
  const ActionRule& r = Rules()[static_cast<size_t>(a)];
  assert(r.action == a);
  return r;
}

bool IsAllowedIn(Action a, State s) {
  const ActionRule& r = RuleFor(a);
  return std::find(r.from.begin(), r.from.end(), s) != r.from.end();
}

std::vector<Action> ActionsAllowedIn(State s) {
  std::vector<Action> out;
  for (const ActionRule& r : Rules()) {
    if (IsAllowedIn(r.action, s)) out.push_back(r.action);
  }
  return out;
}

State TargetState(Action a, State s) { return RuleFor(a).to.value_or(s); }

access::Operation ToOperation(Action a) {
  // The two enums list the dossier actions in the same order
  // (access/operation.h); action_test.cc checks the names agree.
  return static_cast<access::Operation>(static_cast<int>(a));
}

}  // namespace motcua::dossier
