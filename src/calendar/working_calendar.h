// WorkingCalendar: legal working time, the engine behind every deadline.
//
// Working time is office hours (default Monday–Friday 07:30–11:30 and
// 13:30–17:00, Asia/Ho_Chi_Minh, UTC+7) on working days. A day is a working day
// when its weekday is an office weekday and it is not a holiday, or when the
// year's schedule lists it as a worked weekend day (a Saturday worked in
// exchange for a bridge day off). Holidays and worked weekend days come from
// one YearSchedule per year (see holidays.h), precomputed into tables at Build
// so that every query is a table lookup or a binary search, never a walk day by
// day.
//
// Semantics (DESIGN.md section 5):
//  - a clock start outside office hours moves forward to the next working
//    moment (NextWorkingMoment);
//  - N working days = N × (length of one office day) of working time, so
//    Monday 09:00 + 3 days = Thursday 09:00 in a normal week; hours likewise;
//  - the due time is the earliest moment at which that much working time has
//    passed: an amount that runs out exactly at the end of a session is due
//    then (11:30 or 17:00), not at the start of the next session;
//  - paused intervals do not count as working time.
//
// Immutable after Build; safe to share between threads.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "calendar/year_schedule.h"
#include "util/civil_time.h"
#include "util/status.h"

namespace motcua::calendar {

// One office session of a working day, in seconds since local midnight,
// [start, end).
struct OfficeSession {
  int start = 0;
  int end = 0;
};

// The office day. Every working weekday has `sessions`, unless
// `weekday_sessions` gives that weekday its own (e.g. a center that also works
// Saturday 07:30–11:30). A worked weekend day of a YearSchedule replaces a
// normal weekday, so it always has `sessions`.
struct OfficeHours {
  std::vector<OfficeSession> sessions;  // ascending, non-overlapping
  std::array<bool, 7> weekdays{};       // index 0 = Sunday ... 6 = Saturday
  // Optional per weekday (same index): empty = `sessions`.
  std::array<std::vector<OfficeSession>, 7> weekday_sessions{};

  // Monday–Friday, 07:30–11:30 and 13:30–17:00.
  static OfficeHours Default();
  // InvalidArgument if `sessions` is empty, if any list of sessions overlaps,
  // is out of order or leaves [0, 86400], if no weekday works, or if a weekday
  // that does not work has sessions of its own.
  Status Validate() const;
  // The length of one office day, from `sessions`, in seconds (27,000 by
  // default: 7.5 hours). One working day of processing time is this long,
  // even when a weekday has shorter sessions of its own.
  std::int64_t SecondsPerDay() const;
};

// A paused interval [from, to) of a dossier's clock.
struct PauseInterval {
  Instant from = 0;
  Instant to = 0;
};

enum class Completion { kEarly, kOnTime, kLate };
enum class Standing { kWithinDeadline, kOverdue };

const char* CompletionName(Completion c);  // "early" | "on_time" | "late"
const char* StandingName(Standing s);      // "within_deadline" | "overdue"

// DESIGN.md section 5: late if completed_at > due_at; early if completed_at
// falls on a local calendar date before the date of due_at; else on time.
Completion ClassifyCompletion(Instant completed_at, Instant due_at);
// An open dossier at time t: within deadline if t <= due_at, else overdue.
Standing ClassifyOpen(Instant t, Instant due_at);

class WorkingCalendar {
 public:
  // REQUIRES: `years` holds one schedule for each year of a contiguous range.
  // InvalidArgument for invalid office hours or a gap in the years.
  static Result<WorkingCalendar> Build(OfficeHours hours, std::vector<YearSchedule> years);

  int first_year() const;
  int last_year() const;
  const OfficeHours& office_hours() const;
  std::int64_t seconds_per_day() const;

  // Whole days. OutOfRange outside [first_year, last_year].
  Result<bool> IsWorkingDay(DayNumber day) const;
  // True when `t` lies inside an office session [start, end) of a working
  // day: 11:30:00 is not working time, 11:29:59 is. OutOfRange when `t` lies
  // outside the built years (local dates, UTC+7), here and below.
  Result<bool> IsWorkingTime(Instant t) const;
  // `t` itself when it is working time, else the start of the next session
  // (OutOfRange if there is none before the end of the last year).
  Result<Instant> NextWorkingMoment(Instant t) const;

  // The earliest moment at which `seconds` (>= 0) of working time have passed
  // since `from` (first moved to NextWorkingMoment). InvalidArgument if
  // negative; OutOfRange if the answer lies beyond the last year.
  Result<Instant> AddWorkingSeconds(Instant from, std::int64_t seconds) const;
  // N working days (fractional allowed) = round(N × seconds_per_day()) seconds,
  // halves away from zero; hours likewise with 3600. InvalidArgument for a
  // negative amount or NaN; OutOfRange for an amount too large.
  Result<Instant> AddWorkingDays(Instant from, double days) const;
  Result<Instant> AddWorkingHours(Instant from, double hours) const;

  // Working seconds in [from, to) (0 if to <= from), less any part of it that
  // lies in one of the `pauses`. Pauses may overlap one another or reach
  // outside [from, to): only the union of their parts inside counts, once.
  // `from` and `to` may be the very end of the last year; pauses may lie
  // anywhere.
  Result<std::int64_t> WorkingSecondsBetween(Instant from, Instant to,
                                             std::span<const PauseInterval> pauses = {}) const;

 private:
  struct Tables;
  explicit WorkingCalendar(std::shared_ptr<const Tables> tables);
  std::shared_ptr<const Tables> tables_;
};

}  // namespace motcua::calendar
