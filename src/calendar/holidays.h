// HolidayRules: Vietnam's public holidays as data, and the YearSchedule
// (year_schedule.h) they give for any year 1900..2199.
//
// Two kinds of input, both JSON text (the format is in docs/calendar-data.md):
//  - the statutory rules (data/calendar/statutory.json): each holiday of the
//    Labour Code with its date rule (a solar or a lunar month/day, a number of
//    days, how many of them fall before that date) and the window of dates in
//    which the law that grants it is in force. The law changes (1994 Code
//    art. 73, 2012 Code art. 115, 2019 Code art. 112), so a rule only yields
//    the days that fall inside its own [effective_from, effective_to];
//  - yearly files (data/calendar/YYYY.json): what the government's notice
//    for one year decided (days moved or added, computed days dropped,
//    Saturdays worked in exchange for a bridge day). For civil servants the
//    announced days are what count, so a year with a file follows it.
//
// ForYear(y) computes, in order: the statutory days of y; for each one that
// falls on a weekly rest day (Saturday or Sunday, the 40-hour week of the
// public sector) a substitute day on the next working day that is neither a
// holiday nor already a substitute (Labour Code 2019 art. 111(3)); then the
// yearly file, if any, drops the days it lists, adds its announced days
// (replacing a computed day on the same date) and lists its worked weekend
// days.
//
// Parsing is pure (text in, values or Status out); reading the folder is
// datafiles/calendar_files.h. Every data error is InvalidArgument with a
// message "NAME:LINE:COLUMN: FIELD: what is wrong".
//
// Thread-safety: a HolidayRules is a value; after the last AddYearFile, const
// calls (ForYear, ...) may run from several threads at once.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/year_schedule.h"
#include "util/civil_time.h"
#include "util/status.h"

namespace motcua::calendar {

inline constexpr int kFirstHolidayYear = 1900;
inline constexpr int kLastHolidayYear = 2199;

enum class DateCalendar { kSolar, kLunar };

// One holiday of the law. It yields `days` consecutive days, `days_before`
// of them before the anchor date (month/day of `calendar` in each year);
// e.g. Tết: lunar 1/1, 5 days, 1 before = the last day of the old lunar
// year and the first four days of the new one.
struct StatutoryRule {
  std::string name;  // Vietnamese, e.g. "Tết Nguyên đán"
  DateCalendar calendar = DateCalendar::kSolar;
  int month = 1;
  int day = 1;
  int days = 1;         // 1..10
  int days_before = 0;  // 0..days-1
  DayNumber effective_from = 0;
  DayNumber effective_to = 0;  // inclusive; kNoEnd when open
  bool enabled = true;         // a disabled rule is kept but yields nothing
  std::string source;          // the article of law
  static constexpr DayNumber kNoEnd = 2'000'000'000;
};

// What one yearly file says.
struct YearNotice {
  int year = 0;
  std::string file;                             // the name it was loaded from
  std::string notice;                           // the citation
  std::vector<Holiday> announced;               // kind kAnnounced, sorted
  std::vector<DayNumber> dropped;               // sorted
  std::vector<DayNumber> working_weekend_days;  // sorted
};

class HolidayRules {
 public:
  // Parses the statutory rules. `name` is used in error messages.
  static Result<HolidayRules> Parse(std::string_view statutory_text, std::string_view name);

  // Validates and adds one yearly file. When `name` ends in "YYYY.json" its
  // year field must be YYYY. InvalidArgument for any error in the file
  // (including a dropped date that the rules do not compute, or a worked
  // weekend day that is a holiday); AlreadyExists if that year has a file.
  // Not thread-safe.
  Status AddYearFile(std::string_view text, std::string_view name);

  // The year's schedule with its yearly file applied. OutOfRange outside
  // [kFirstHolidayYear, kLastHolidayYear].
  Result<YearSchedule> ForYear(int year) const;
  // The same without the yearly file: statutory and substitute days only.
  Result<YearSchedule> ComputedForYear(int year) const;

  const std::vector<StatutoryRule>& rules() const { return rules_; }
  // The yearly file of `year`, or nullptr.
  const YearNotice* NoticeFor(int year) const;

 private:
  std::vector<StatutoryRule> rules_;
  std::map<int, YearNotice> notices_;
};

}  // namespace motcua::calendar
