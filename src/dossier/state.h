// The ten states of a dossier (DESIGN.md section 4) and their stable names.
//
// Pure; thread-safe.
#pragma once

#include <span>
#include <string_view>

#include "util/status.h"

namespace motcua::dossier {

enum class State {
  kSubmitted,
  kSupplementRequested,
  kRefused,
  kReceived,
  kInProgress,
  kPaused,
  kResolved,
  kReturned,
  kWithdrawn,
  kStopped,
};

// "submitted", "supplement_requested", "refused", "received", "in_progress",
// "paused", "resolved", "returned", "withdrawn", "stopped".
const char* StateName(State s);
// InvalidArgument naming the text when it is not one of the names above.
Result<State> ParseState(std::string_view name);
// Every state, in declaration order.
std::span<const State> AllStates();

// Received and not yet resolved, withdrawn or stopped: the dossiers that are
// "open" for the deadline reports (received, in_progress, paused).
bool IsOpenAfterReceipt(State s);
// No life-cycle action leads out of it (refused, returned, withdrawn, stopped).
bool IsFinal(State s);

}  // namespace motcua::dossier
