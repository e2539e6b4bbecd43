// Classification of a dossier against its due time (DESIGN.md section 5).
#include "calendar/working_calendar.h"

namespace motcua::calendar {

const char* CompletionName(Completion c) {
  switch (c) {
    case Completion::kEarly:
      return "early";
    case Completion::kOnTime:
      return "on_time";
    case Completion::kLate:
      return "late";
  }
  return "unknown";
}

const char* StandingName(Standing s) {
  switch (s) {
    case Standing::kWithinDeadline:
      return "within_deadline";
    case Standing::kOverdue:
      return "overdue";
  }
  return "unknown";
}

Completion ClassifyCompletion(Instant completed_at, Instant due_at) {
  // Late is to the second: one second after due_at is late.
  if (completed_at > due_at) return Completion::kLate;
  // Early is by local (UTC+7) calendar date (DESIGN.md section 5): resolved on
  // the due date itself, even hours before the due time, is on time.
  if (LocalDayOf(completed_at) < LocalDayOf(due_at)) return Completion::kEarly;
  return Completion::kOnTime;
}

Standing ClassifyOpen(Instant t, Instant due_at) {
  return t <= due_at ? Standing::kWithinDeadline : Standing::kOverdue;
}

}  // namespace motcua::calendar
