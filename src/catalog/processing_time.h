// ProcessingTime: how long an agency has to resolve a dossier of a procedure,
// and what a pause for a supplement does to that clock.
// Plain value type shared by catalog/ and dossier/.
#pragma once

namespace motcua::catalog {

enum class TimeUnit { kWorkingDays, kWorkingHours };

// What happens to the clock when a paused dossier resumes.
enum class PausePolicy {
  kPause,    // the time used before the pause is kept; the rest runs on
  kRestart,  // the full processing time starts again after the supplement
};

struct ProcessingTime {
  double amount = 0;  // > 0; fractional days allowed (e.g. 0.5)
  TimeUnit unit = TimeUnit::kWorkingDays;
  PausePolicy pause_policy = PausePolicy::kPause;
};

}  // namespace motcua::catalog
