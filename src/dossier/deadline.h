// Deadlines of a dossier: the due time at receipt, its move on resuming
// from a pause, and the classification of resolved and open dossiers
// (DESIGN.md section 5).
//
// Which due time classifies, and why: `Dossier::due_at`. It starts as the due
// time fixed at receipt (original_due_at) and is moved only by pauses: the
// law stops the clock while the agency waits for the applicant's supplement,
// so the time spent waiting is not the agency's delay. An extension (apology
// letter with a new appointment) does not move it: the agency admits the
// delay, and the design says the original due time still classifies the
// dossier. So a dossier that was never paused is classified against
// original_due_at, and extended_due_at never classifies.
//
// Pure; thread-safe (the calendar is immutable).
#pragma once

#include <cstdint>
#include <optional>

#include "calendar/working_calendar.h"
#include "catalog/processing_time.h"
#include "dossier/dossier.h"
#include "util/status.h"

namespace motcua::dossier {

// The processing time in working seconds: N days = round(N × the office
// day's length), N hours = round(N × 3600). InvalidArgument unless amount > 0.
Result<std::int64_t> ProcessingSeconds(const catalog::ProcessingTime& time,
                                       const calendar::WorkingCalendar& cal);

struct Deadline {
  Instant clock_start = 0;
  Instant due_at = 0;
};

// At receipt: the clock starts at NextWorkingMoment(received_at), and the due
// time is the processing time added to it in working time.
Result<Deadline> DeadlineAtReceipt(Instant received_at, const catalog::ProcessingTime& time,
                                   const calendar::WorkingCalendar& cal);

// On resuming at `resumed_at`. REQUIRES: `d` has a clock_start and a due_at,
// and its pauses are all closed (the one ending at `resumed_at` included).
//  - policy pause: the working time used since the clock start (paused
//    intervals excluded) is kept; the rest is added from
//    NextWorkingMoment(resumed_at). If nothing was left when the pause began
//    (it began after the due time), the due time does not move: a pause does
//    not excuse a delay that had already happened.
//  - policy restart: the clock starts again at NextWorkingMoment(resumed_at)
//    with the full processing time.
Result<Deadline> DeadlineAfterResume(const Dossier& d, Instant resumed_at,
                                     const catalog::ProcessingTime& time,
                                     const calendar::WorkingCalendar& cal);

// The due time that classifies the dossier (see the top of this file);
// nullopt before receipt.
std::optional<Instant> ClassifyingDueAt(const Dossier& d);

// Early / on time / late for a resolved (or returned) dossier; nullopt when it
// has no completed_at or no due time.
std::optional<calendar::Completion> ClassifyResolved(const Dossier& d);

// Within deadline / overdue at `t` for a dossier open after receipt
// (received, in_progress, paused); nullopt otherwise. A paused dossier's clock
// is stopped: it stands as it stood when the pause began.
std::optional<calendar::Standing> ClassifyOpenAt(const Dossier& d, Instant t);

}  // namespace motcua::dossier
