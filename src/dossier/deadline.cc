#include "dossier/deadline.h"

#include <cmath>

namespace motcua::dossier {

Result<std::int64_t> ProcessingSeconds(const catalog::ProcessingTime& time,
                                       const calendar::WorkingCalendar& cal) {
  if (!(time.amount > 0) || !std::isfinite(time.amount)) {
    return Status::InvalidArgument("processing time must be positive");
  }
  // The same rounding as WorkingCalendar::AddWorkingDays/Hours, so a due time
  // computed here in seconds equals the one computed there in days.
  const double seconds = time.unit == catalog::TimeUnit::kWorkingDays
                             ? time.amount * static_cast<double>(cal.seconds_per_day())
                             : time.amount * 3600.0;
  return static_cast<std::int64_t>(std::llround(seconds));
}

Result<Deadline> DeadlineAtReceipt(Instant received_at, const catalog::ProcessingTime& time,
                                   const calendar::WorkingCalendar& cal) {
  MOTCUA_ASSIGN_OR_RETURN(const std::int64_t total, ProcessingSeconds(time, cal));
  MOTCUA_ASSIGN_OR_RETURN(const Instant start, cal.NextWorkingMoment(received_at));
  MOTCUA_ASSIGN_OR_RETURN(const Instant due, cal.AddWorkingSeconds(start, total));
  return Deadline{start, due};
}

Result<Deadline> DeadlineAfterResume(const Dossier& d, Instant resumed_at,
                                     const catalog::ProcessingTime& time,
                                     const calendar::WorkingCalendar& cal) {
  if (!d.clock_start || !d.due_at) {
    return Status::Internal("dossier " + d.code + " resumes without a running deadline");
  }
  MOTCUA_ASSIGN_OR_RETURN(const std::int64_t total, ProcessingSeconds(time, cal));
  MOTCUA_ASSIGN_OR_RETURN(const Instant restart, cal.NextWorkingMoment(resumed_at));
  if (time.pause_policy == catalog::PausePolicy::kRestart) {
    MOTCUA_ASSIGN_OR_RETURN(const Instant due, cal.AddWorkingSeconds(restart, total));
    return Deadline{restart, due};
  }
  // Working time used since the clock start, the pauses (the one just ended
  // included) left out: exactly the time used before each pause began.
  const std::vector<calendar::PauseInterval> pauses = d.ClosedPauses();
  MOTCUA_ASSIGN_OR_RETURN(const std::int64_t used,
                          cal.WorkingSecondsBetween(*d.clock_start, resumed_at, pauses));
  const std::int64_t remaining = total - used;
  if (remaining <= 0) return Deadline{*d.clock_start, *d.due_at};
  MOTCUA_ASSIGN_OR_RETURN(const Instant due, cal.AddWorkingSeconds(restart, remaining));
  return Deadline{*d.clock_start, due};
}

std::optional<Instant> ClassifyingDueAt(const Dossier& d) { return d.due_at; }

std::optional<calendar::Completion> ClassifyResolved(const Dossier& d) {
  const std::optional<Instant> due = ClassifyingDueAt(d);
  if (!d.completed_at || !due) return std::nullopt;
  return calendar::ClassifyCompletion(*d.completed_at, *due);
}

std::optional<calendar::Standing> ClassifyOpenAt(const Dossier& d, Instant t) {
  const std::optional<Instant> due = ClassifyingDueAt(d);
  if (!IsOpenAfterReceipt(d.state) || !due) return std::nullopt;
  if (d.state == State::kPaused && !d.pauses.empty() && !d.pauses.back().to) {
    // The clock stopped when the pause began; the dossier stands as it did then.
    t = std::min(t, d.pauses.back().from);
  }
  return calendar::ClassifyOpen(t, *due);
}

}  // namespace motcua::dossier
