// Dossier actions and the table of the states each is allowed in.
//
// The table (ActionRules) is the single source of the life cycle of
// DESIGN.md section 4: "which actions are allowed in state S" is derived from
// it, never kept by hand, and action_test.cc checks it against the design's
// table written out independently.
//
// The actions that do not change the state, and where they are allowed (the
// design does not list them; these are the choices, with the reason):
//   digitize, sign: submitted, supplement_requested, received, in_progress,
//     paused, resolved: components are digitized and signed at reception and
//     during processing, the result before it is handed back;
//   assign_handler: received, in_progress, paused: a dossier has a handler
//     from the moment the agency is responsible for it;
//   ask_question, answer_question: submitted, supplement_requested, received,
//     in_progress, paused: the question channel serves guidance and
//     processing while the dossier is still live;
//   rate: refused, returned: the applicant rates the service once it is over
//     for them (the result handed back, or the refusal at reception).
//
// Pure; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "access/operation.h"
#include "dossier/state.h"
#include "util/status.h"

namespace motcua::dossier {

enum class Action {
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
  kDigitize,
  kSign,
  kAssignHandler,
  kAskQuestion,
  kAnswerQuestion,
  kRate,
};

// "submit", "request_supplement", "resubmit", "refuse", "receive",
// "transfer", "pause", "resume", "extend", "resolve", "return", "withdraw",
// "stop", "digitize", "sign", "assign_handler", "ask_question",
// "answer_question", "rate".
const char* ActionName(Action a);
Result<Action> ParseAction(std::string_view name);
std::span<const Action> AllActions();

struct ActionRule {
  Action action;
  std::vector<State> from;  // empty for submit: it creates the dossier
  std::optional<State> to;  // nullopt: the state does not change
};

// One rule per action, in the order of AllActions().
std::span<const ActionRule> ActionRules();
const ActionRule& RuleFor(Action a);

// Derived from ActionRules().
bool IsAllowedIn(Action a, State s);
std::vector<Action> ActionsAllowedIn(State s);
// The state after `a` from `s` (s itself for actions that keep the state).
// REQUIRES: IsAllowedIn(a, s), or a == kSubmit.
State TargetState(Action a, State s);

// The access operation of the same name (access/operation.h).
access::Operation ToOperation(Action a);

}  // namespace motcua::dossier
