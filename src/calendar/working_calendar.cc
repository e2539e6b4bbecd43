// WorkingCalendar: the precomputed tables and the queries over them.
//
// Every working day has the same sessions, so the working time elapsed since
// the start of the range up to an instant is
//   (working days before its day) × seconds_per_day + (working seconds of its
//   own day before it, if its day works),
// and the inverse — the instant at which a given amount has elapsed — is a
// division (which working day), an index (that day's number) and a walk over
// the few sessions of one day. No query walks day by day.
#include "calendar/working_calendar.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

namespace motcua::calendar {

struct WorkingCalendar::Tables {
  OfficeHours hours;
  int first_year = 0;
  int last_year = 0;
  DayNumber first_day = 0;  // local 1 January of first_year
  std::int32_t num_days = 0;
  Instant range_start = 0;  // local midnight opening first_day
  Instant range_end = 0;    // local midnight closing the last day (exclusive)
  std::int64_t seconds_per_day = 0;

  // Per day index i (day first_day + i): 1 when it is a working day.
  std::vector<std::uint8_t> working;
  // working_before[i]: working days among indexes [0, i); num_days + 1 entries.
  std::vector<std::int32_t> working_before;
  // working_days[k]: the index of the k-th working day (k from 0).
  std::vector<std::int32_t> working_days;
  // Working seconds of one working day before session j starts.
  std::vector<std::int32_t> session_before;

  // Working seconds of a working day in [0, second_of_day).
  std::int64_t InDay(std::int64_t second_of_day) const {
    std::int64_t acc = 0;
    for (const OfficeSession& s : hours.sessions) {
      if (second_of_day <= s.start) break;
      acc += std::min<std::int64_t>(second_of_day, s.end) - s.start;
    }
    return acc;
  }

  // Working seconds in [range_start, range_start + rel).
  // REQUIRES: 0 <= rel <= range_end - range_start.
  std::int64_t Elapsed(std::int64_t rel) const {
    const std::int64_t i = rel / kSecondsPerDay;
    std::int64_t e = static_cast<std::int64_t>(working_before[i]) * seconds_per_day;
    if (i < num_days && working[i]) e += InDay(rel % kSecondsPerDay);
    return e;
  }

  // The first working moment at or after range_start + rel, relative to
  // range_start; -1 if none lies inside the range.
  // REQUIRES: 0 <= rel < range_end - range_start.
  std::int64_t NextWorking(std::int64_t rel) const {
    const std::int64_t i = rel / kSecondsPerDay;
    const std::int64_t s = rel % kSecondsPerDay;
    if (working[i]) {
      for (const OfficeSession& session : hours.sessions) {
        if (s < session.end) return i * kSecondsPerDay + std::max<std::int64_t>(s, session.start);
      }
    }
    const std::int32_t k = working_before[i + 1];  // first working day after day i
    if (k >= static_cast<std::int32_t>(working_days.size())) return -1;
    return static_cast<std::int64_t>(working_days[k]) * kSecondsPerDay + hours.sessions[0].start;
  }

  bool Contains(Instant t) const { return t >= range_start && t < range_end; }

  Status OutOfRangeError(Instant t) const {
    return Status::OutOfRange("instant " + FormatDateTime(t) +
                              " lies outside the working calendar " + std::to_string(first_year) +
                              ".." + std::to_string(last_year));
  }
  Status BeyondRangeError() const {
    return Status::OutOfRange("the answer lies beyond the working calendar's last year " +
                              std::to_string(last_year));
  }
};

WorkingCalendar::WorkingCalendar(std::shared_ptr<const Tables> tables)
    : tables_(std::move(tables)) {}

Result<WorkingCalendar> WorkingCalendar::Build(OfficeHours hours, std::vector<YearSchedule> years) {
  MOTCUA_RETURN_IF_ERROR(hours.Validate());
  if (years.empty()) return Status::InvalidArgument("working calendar: no year schedule given");
  std::sort(years.begin(), years.end(),
            [](const YearSchedule& a, const YearSchedule& b) { return a.year < b.year; });
  for (size_t i = 1; i < years.size(); ++i) {
    if (years[i].year != years[i - 1].year + 1) {
      return Status::InvalidArgument(
          "working calendar: year schedules are not one per year of a contiguous range (" +
          std::to_string(years[i - 1].year) + " then " + std::to_string(years[i].year) + ")");
    }
  }
  // Four-digit years, as in RFC 3339; keeps every day number and instant far
  // from overflow.
  if (years.front().year < 1 || years.back().year > 9999) {
    return Status::InvalidArgument("working calendar: years must lie in 1..9999");
  }

  auto t = std::make_shared<Tables>();
  t->hours = std::move(hours);
  t->first_year = years.front().year;
  t->last_year = years.back().year;
  t->first_day = DaysFromCivil({t->first_year, 1, 1});
  t->num_days = DaysFromCivil({t->last_year, 12, 31}) - t->first_day + 1;
  t->range_start = LocalMidnight(t->first_day);
  t->range_end = LocalMidnight(t->first_day + t->num_days);
  t->seconds_per_day = t->hours.SecondsPerDay();

  const std::int32_t n = t->num_days;
  t->working.assign(static_cast<size_t>(n), 0);
  for (std::int32_t i = 0; i < n; ++i) {
    t->working[i] = t->hours.weekdays[WeekdayOf(t->first_day + i)] ? 1 : 0;
  }

  // 0 = as the weekday says, 1 = holiday, 2 = worked weekend day.
  std::vector<std::uint8_t> mark(static_cast<size_t>(n), 0);
  for (const YearSchedule& y : years) {
    const DayNumber jan1 = DaysFromCivil({y.year, 1, 1});
    const DayNumber dec31 = DaysFromCivil({y.year, 12, 31});
    const std::string where = "working calendar, year " + std::to_string(y.year) + ": ";
    for (const Holiday& h : y.holidays) {
      if (h.date < jan1 || h.date > dec31) {
        return Status::InvalidArgument(where + "holiday " + FormatDate(h.date) +
                                       " lies outside the year");
      }
      mark[h.date - t->first_day] = 1;
    }
    for (DayNumber d : y.working_weekend_days) {
      if (d < jan1 || d > dec31) {
        return Status::InvalidArgument(where + "worked day " + FormatDate(d) +
                                       " lies outside the year");
      }
      if (mark[d - t->first_day] == 1) {
        return Status::InvalidArgument(where + FormatDate(d) +
                                       " is listed both as a holiday and as a worked day");
      }
      mark[d - t->first_day] = 2;
    }
  }
  for (std::int32_t i = 0; i < n; ++i) {
    if (mark[i] == 1) t->working[i] = 0;
    if (mark[i] == 2) t->working[i] = 1;
  }

  t->working_before.resize(static_cast<size_t>(n) + 1);
  t->working_before[0] = 0;
  for (std::int32_t i = 0; i < n; ++i) {
    t->working_before[i + 1] = t->working_before[i] + t->working[i];
    if (t->working[i]) t->working_days.push_back(i);
  }
  std::int32_t before = 0;
  for (const OfficeSession& s : t->hours.sessions) {
    t->session_before.push_back(before);
    before += s.end - s.start;
  }
  return WorkingCalendar(std::move(t));
}

int WorkingCalendar::first_year() const { return tables_->first_year; }
int WorkingCalendar::last_year() const { return tables_->last_year; }
const OfficeHours& WorkingCalendar::office_hours() const { return tables_->hours; }
std::int64_t WorkingCalendar::seconds_per_day() const { return tables_->seconds_per_day; }

Result<bool> WorkingCalendar::IsWorkingDay(DayNumber day) const {
  const Tables& t = *tables_;
  if (day < t.first_day || day >= t.first_day + t.num_days) {
    return Status::OutOfRange("day " + FormatDate(day) + " lies outside the working calendar " +
                              std::to_string(t.first_year) + ".." + std::to_string(t.last_year));
  }
  return t.working[day - t.first_day] != 0;
}

Result<bool> WorkingCalendar::IsWorkingTime(Instant at) const {
  const Tables& t = *tables_;
  if (!t.Contains(at)) return t.OutOfRangeError(at);
  const std::int64_t rel = at - t.range_start;
  if (!t.working[rel / kSecondsPerDay]) return false;
  const std::int64_t s = rel % kSecondsPerDay;
  for (const OfficeSession& session : t.hours.sessions) {
    if (s < session.start) return false;
    if (s < session.end) return true;
  }
  return false;
}

Result<Instant> WorkingCalendar::NextWorkingMoment(Instant at) const {
  const Tables& t = *tables_;
  if (!t.Contains(at)) return t.OutOfRangeError(at);
  const std::int64_t rel = t.NextWorking(at - t.range_start);
  if (rel < 0) return t.BeyondRangeError();
  return t.range_start + rel;
}

Result<Instant> WorkingCalendar::AddWorkingSeconds(Instant from, std::int64_t seconds) const {
  const Tables& t = *tables_;
  if (seconds < 0) {
    return Status::InvalidArgument("a negative amount of working time (" + std::to_string(seconds) +
                                   " s)");
  }
  if (!t.Contains(from)) return t.OutOfRangeError(from);
  const std::int64_t start = t.NextWorking(from - t.range_start);
  if (start < 0) return t.BeyondRangeError();
  if (seconds == 0) return t.range_start + start;

  const std::int64_t total = static_cast<std::int64_t>(t.working_days.size()) * t.seconds_per_day;
  const std::int64_t elapsed = t.Elapsed(start);
  if (seconds > total - elapsed) return t.BeyondRangeError();
  const std::int64_t target = elapsed + seconds;  // > 0
  // The earliest moment at which `target` seconds have elapsed is the end of
  // the target-th working second: it lies on working day k, at offset r in
  // (0, seconds_per_day] of that day's working time. r == seconds_per_day is
  // the end of the last session (17:00), never the next morning.
  const std::int64_t k = (target - 1) / t.seconds_per_day;
  const std::int64_t r = target - k * t.seconds_per_day;
  const std::int64_t day = t.working_days[k];
  const auto& sessions = t.hours.sessions;
  size_t j = 0;
  while (j + 1 < sessions.size() && r > t.session_before[j + 1]) ++j;
  return t.range_start + day * kSecondsPerDay + sessions[j].start + (r - t.session_before[j]);
}

namespace {

// round(amount × unit) seconds, checked.
Result<std::int64_t> ToSeconds(double amount, double unit, const char* what) {
  if (!(amount >= 0)) {  // also NaN
    return Status::InvalidArgument(std::string("a negative or invalid number of working ") + what);
  }
  const double seconds = std::round(amount * unit);
  // 2^53: beyond it the product is no longer exact, and far beyond any range
  // a calendar can be built for (10,000 years are about 10^11 s of office time).
  if (!(seconds <= 9007199254740992.0)) {
    return Status::OutOfRange(std::string("too many working ") + what);
  }
  return static_cast<std::int64_t>(seconds);
}

}  // namespace

Result<Instant> WorkingCalendar::AddWorkingDays(Instant from, double days) const {
  MOTCUA_ASSIGN_OR_RETURN(const std::int64_t seconds,
                          ToSeconds(days, static_cast<double>(tables_->seconds_per_day), "days"));
  return AddWorkingSeconds(from, seconds);
}

Result<Instant> WorkingCalendar::AddWorkingHours(Instant from, double hours) const {
  MOTCUA_ASSIGN_OR_RETURN(const std::int64_t seconds, ToSeconds(hours, 3600.0, "hours"));
  return AddWorkingSeconds(from, seconds);
}

Result<std::int64_t> WorkingCalendar::WorkingSecondsBetween(
    Instant from, Instant to, std::span<const PauseInterval> pauses) const {
  const Tables& t = *tables_;
  // An interval may end at range_end (exclusive bound).
  if (from < t.range_start || from > t.range_end) return t.OutOfRangeError(from);
  if (to < t.range_start || to > t.range_end) return t.OutOfRangeError(to);
  if (to <= from) return std::int64_t{0};
  std::int64_t total = t.Elapsed(to - t.range_start) - t.Elapsed(from - t.range_start);
  if (pauses.empty()) return total;

  // Pauses may overlap one another and reach outside [from, to): clip them,
  // then merge, so that no working second is subtracted twice.
  std::vector<PauseInterval> clipped;
  clipped.reserve(pauses.size());
  for (const PauseInterval& p : pauses) {
    const Instant a = std::max(p.from, from);
    const Instant b = std::min(p.to, to);
    if (a < b) clipped.push_back({a, b});
  }
  std::sort(clipped.begin(), clipped.end(),
            [](const PauseInterval& x, const PauseInterval& y) { return x.from < y.from; });
  size_t i = 0;
  while (i < clipped.size()) {
    Instant a = clipped[i].from;
    Instant b = clipped[i].to;
    for (++i; i < clipped.size() && clipped[i].from <= b; ++i) b = std::max(b, clipped[i].to);
    total -= t.Elapsed(b - t.range_start) - t.Elapsed(a - t.range_start);
  }
  return total;
}

}  // namespace motcua::calendar
