// WorkingCalendar: the precomputed tables and the queries over them.
//
// Build gives every day of the range a profile (not working, or the sessions
// it works) and sums the working seconds of the working days before each one.
// The working time elapsed from the start of the range to an instant is then
//   (working seconds before its day) + (its day's working seconds before it),
// a lookup and a walk over the few sessions of one day. The inverse — the
// instant at which a given amount has elapsed — finds the working day by a
// division when every working day is seconds_per_day long (the usual case),
// else by a binary search, then walks that day's sessions. No query walks day
// by day.
#include "calendar/working_calendar.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

namespace motcua::calendar {
namespace {

// The sessions of one kind of working day.
struct DayProfile {
  std::vector<OfficeSession> sessions;
  std::vector<std::int64_t> before;  // working seconds before session j
  std::int64_t length = 0;

  explicit DayProfile(std::vector<OfficeSession> s) : sessions(std::move(s)) {
    for (const OfficeSession& session : sessions) {
      before.push_back(length);
      length += session.end - session.start;
    }
  }

  // Working seconds in [0, second_of_day).
  std::int64_t InDay(std::int64_t second_of_day) const {
    std::int64_t acc = 0;
    for (const OfficeSession& s : sessions) {
      if (second_of_day <= s.start) break;
      acc += std::min<std::int64_t>(second_of_day, s.end) - s.start;
    }
    return acc;
  }

  // The second of the day at which the r-th working second ends.
  // REQUIRES: 0 < r <= length. r == length is the end of the last session.
  std::int64_t EndOfWorkingSecond(std::int64_t r) const {
    size_t j = 0;
    while (j + 1 < sessions.size() && r > before[j + 1]) ++j;
    return sessions[j].start + (r - before[j]);
  }
};

}  // namespace

struct WorkingCalendar::Tables {
  OfficeHours hours;
  int first_year = 0;
  int last_year = 0;
  DayNumber first_day = 0;  // local 1 January of first_year
  std::int32_t num_days = 0;
  Instant range_start = 0;  // local midnight opening first_day
  Instant range_end = 0;    // local midnight closing the last day (exclusive)
  std::int64_t seconds_per_day = 0;

  // profiles[0] is the normal day (`hours.sessions`); others are weekdays with
  // sessions of their own.
  std::vector<DayProfile> profiles;
  // Per day index i (day first_day + i): 0 = not working, else 1 + its profile.
  std::vector<std::uint8_t> day_profile;
  // working_before[i]: working days among indexes [0, i); num_days + 1 entries.
  std::vector<std::int32_t> working_before;
  // working_days[k]: the index of the k-th working day (k from 0).
  std::vector<std::int32_t> working_days;
  // seconds_before[k]: working seconds of the working days before the k-th;
  // one more entry than working_days, the last being the total.
  std::vector<std::int64_t> seconds_before;
  // Every working day is seconds_per_day long: the k-th working day starts at
  // k × seconds_per_day of working time.
  bool uniform = true;

  const DayProfile* ProfileOf(std::int64_t i) const {
    const std::uint8_t p = day_profile[i];
    return p == 0 ? nullptr : &profiles[p - 1];
  }

  // Working seconds in [range_start, range_start + rel).
  // REQUIRES: 0 <= rel <= range_end - range_start.
  std::int64_t Elapsed(std::int64_t rel) const {
    const std::int64_t i = rel / kSecondsPerDay;
    std::int64_t e = seconds_before[working_before[i]];
    if (i < num_days) {
      if (const DayProfile* p = ProfileOf(i)) e += p->InDay(rel % kSecondsPerDay);
    }
    return e;
  }

  // The first working moment at or after range_start + rel, relative to
  // range_start; -1 if none lies inside the range.
  // REQUIRES: 0 <= rel < range_end - range_start.
  std::int64_t NextWorking(std::int64_t rel) const {
    const std::int64_t i = rel / kSecondsPerDay;
    const std::int64_t s = rel % kSecondsPerDay;
    if (const DayProfile* p = ProfileOf(i)) {
      for (const OfficeSession& session : p->sessions) {
        if (s < session.end) return i * kSecondsPerDay + std::max<std::int64_t>(s, session.start);
      }
    }
    const std::int32_t k = working_before[i + 1];  // the first working day after day i
    if (k >= static_cast<std::int32_t>(working_days.size())) return -1;
    const std::int64_t day = working_days[k];
    return day * kSecondsPerDay + ProfileOf(day)->sessions[0].start;
  }

  // The earliest moment, relative to range_start, at which `target` seconds
  // of working time have elapsed since range_start.
  // REQUIRES: 0 < target <= seconds_before.back().
  std::int64_t MomentOf(std::int64_t target) const {
    // The target-th working second lies on the k-th working day, ending r
    // seconds into that day's working time, r in (0, day length].
    std::int64_t k;
    if (uniform) {
      k = (target - 1) / seconds_per_day;
    } else {
      k = std::lower_bound(seconds_before.begin(), seconds_before.end(), target) -
          seconds_before.begin() - 1;
    }
    const std::int64_t r = target - seconds_before[k];
    const std::int64_t day = working_days[k];
    return day * kSecondsPerDay + ProfileOf(day)->EndOfWorkingSecond(r);
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

  // The profile of each weekday (0 = not working, else 1 + index).
  t->profiles.emplace_back(t->hours.sessions);
  std::array<std::uint8_t, 7> weekday_profile{};
  for (int w = 0; w < 7; ++w) {
    if (!t->hours.weekdays[w]) continue;
    if (t->hours.weekday_sessions[w].empty()) {
      weekday_profile[w] = 1;
    } else {
      t->profiles.emplace_back(t->hours.weekday_sessions[w]);
      weekday_profile[w] = static_cast<std::uint8_t>(t->profiles.size());
      if (t->profiles.back().length != t->seconds_per_day) t->uniform = false;
    }
  }

  const std::int32_t n = t->num_days;
  t->day_profile.resize(static_cast<size_t>(n));
  for (std::int32_t i = 0; i < n; ++i) {
    t->day_profile[i] = weekday_profile[WeekdayOf(t->first_day + i)];
  }
  // Holidays are off whatever their weekday; a worked weekend day stands in
  // for a normal weekday, so it works the normal sessions (profile 1).
  std::vector<std::uint8_t> is_holiday(static_cast<size_t>(n), 0);
  for (const YearSchedule& y : years) {
    const DayNumber jan1 = DaysFromCivil({y.year, 1, 1});
    const DayNumber dec31 = DaysFromCivil({y.year, 12, 31});
    const std::string where = "working calendar, year " + std::to_string(y.year) + ": ";
    for (const Holiday& h : y.holidays) {
      if (h.date < jan1 || h.date > dec31) {
        return Status::InvalidArgument(where + "holiday " + FormatDate(h.date) +
                                       " lies outside the year");
      }
      is_holiday[h.date - t->first_day] = 1;
      t->day_profile[h.date - t->first_day] = 0;
    }
  }
  for (const YearSchedule& y : years) {
    const DayNumber jan1 = DaysFromCivil({y.year, 1, 1});
    const DayNumber dec31 = DaysFromCivil({y.year, 12, 31});
    const std::string where = "working calendar, year " + std::to_string(y.year) + ": ";
    for (DayNumber d : y.working_weekend_days) {
      if (d < jan1 || d > dec31) {
        return Status::InvalidArgument(where + "worked day " + FormatDate(d) +
                                       " lies outside the year");
      }
      if (is_holiday[d - t->first_day]) {
        return Status::InvalidArgument(where + FormatDate(d) +
                                       " is listed both as a holiday and as a worked day");
      }
      t->day_profile[d - t->first_day] = 1;
    }
  }

  t->working_before.resize(static_cast<size_t>(n) + 1);
  t->working_before[0] = 0;
  t->seconds_before.push_back(0);
  for (std::int32_t i = 0; i < n; ++i) {
    const DayProfile* p = t->ProfileOf(i);
    t->working_before[i + 1] = t->working_before[i] + (p ? 1 : 0);
    if (p) {
      t->working_days.push_back(i);
      t->seconds_before.push_back(t->seconds_before.back() + p->length);
    }
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
  return t.day_profile[day - t.first_day] != 0;
}

Result<bool> WorkingCalendar::IsWorkingTime(Instant at) const {
  const Tables& t = *tables_;
  if (!t.Contains(at)) return t.OutOfRangeError(at);
  const std::int64_t rel = at - t.range_start;
  const DayProfile* p = t.ProfileOf(rel / kSecondsPerDay);
  if (p == nullptr) return false;
  const std::int64_t s = rel % kSecondsPerDay;
  for (const OfficeSession& session : p->sessions) {
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
  // Zero from a working moment is that moment (the clock start itself).
  if (seconds == 0) return t.range_start + start;
  const std::int64_t elapsed = t.Elapsed(start);
  if (seconds > t.seconds_before.back() - elapsed) return t.BeyondRangeError();
  return t.range_start + t.MomentOf(elapsed + seconds);
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
