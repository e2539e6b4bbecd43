#include "dossier/state.h"

#include <array>
#include <string>

namespace motcua::dossier {

namespace {
constexpr std::array kAllStates = {
    State::kSubmitted,  State::kSupplementRequested,
    State::kRefused,    State::kReceived,
    State::kInProgress, State::kPaused,
    State::kResolved,   State::kReturned,
    State::kWithdrawn,  State::kStopped,
};
}  // namespace

const char* StateName(State s) {
  switch (s) {
    case State::kSubmitted:
      return "submitted";
    case State::kSupplementRequested:
      return "supplement_requested";
    case State::kRefused:
      return "refused";
    case State::kReceived:
      return "received";
    case State::kInProgress:
      return "in_progress";
    case State::kPaused:
      return "paused";
    case State::kResolved:
      return "resolved";
    case State::kReturned:
      return "returned";
    case State::kWithdrawn:
      return "withdrawn";
    case State::kStopped:
      return "stopped";
  }
  return "unknown";
}

Result<State> ParseState(std::string_view name) {
  for (State s : kAllStates) {
    if (name == StateName(s)) return s;
  }
  return Status::InvalidArgument("unknown dossier state \"" + std::string(name) + "\"");
}

std::span<const State> AllStates() { return kAllStates; }

bool IsOpenAfterReceipt(State s) {
  return s == State::kReceived || s == State::kInProgress || s == State::kPaused;
}

bool IsFinal(State s) {
  return s == State::kRefused || s == State::kReturned || s == State::kWithdrawn ||
         s == State::kStopped;
}

}  // namespace motcua::dossier
