// Civil dates and instants: the proleptic Gregorian calendar, days since the
// Unix epoch, and RFC 3339 parsing/formatting.
//
// An instant (`Instant`) is whole seconds since 1970-01-01T00:00:00Z. Vietnam
// keeps UTC+7 all year (no daylight saving since 1975), so local wall time is
// `instant + kVietnamOffsetSeconds`; every function here that speaks of local
// dates or times uses that fixed offset unless an offset is given.
//
// Pure functions, no I/O, thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "util/status.h"

namespace motcua {

using Instant = std::int64_t;    // seconds since the Unix epoch, UTC
using DayNumber = std::int32_t;  // days since 1970-01-01 (that day is 0)

inline constexpr int kVietnamOffsetSeconds = 7 * 3600;
inline constexpr int kSecondsPerDay = 86400;

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// Howard Hinnant's days_from_civil / civil_from_days; exact for all int years
// in range.
constexpr DayNumber DaysFromCivil(CivilDate d) {
  const int y = d.year - (d.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(d.month + (d.month > 2 ? -3 : 9));
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(d.day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

constexpr CivilDate CivilFromDays(DayNumber z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{y + (m <= 2 ? 1 : 0), static_cast<int>(m), static_cast<int>(d)};
}

// 0 = Sunday, 1 = Monday, ..., 6 = Saturday.
constexpr int WeekdayOf(DayNumber z) { return z >= -4 ? (z + 4) % 7 : (z + 5) % 7 + 6; }

constexpr bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
constexpr int DaysInMonth(int y, int m) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}
constexpr bool IsValidDate(CivilDate d) {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= DaysInMonth(d.year, d.month);
}

// Local (UTC+7) calendar day of an instant, and the instant of local midnight.
constexpr DayNumber LocalDayOf(Instant t) {
  const Instant local = t + kVietnamOffsetSeconds;
  return static_cast<DayNumber>(local >= 0 ? local / kSecondsPerDay
                                           : (local - kSecondsPerDay + 1) / kSecondsPerDay);
}
constexpr Instant LocalMidnight(DayNumber d) {
  return static_cast<Instant>(d) * kSecondsPerDay - kVietnamOffsetSeconds;
}
// Seconds since local midnight, 0..86399.
constexpr int LocalSecondOfDay(Instant t) {
  return static_cast<int>(t - LocalMidnight(LocalDayOf(t)));
}

// "YYYY-MM-DD", strictly (four-digit year, two-digit month and day, valid date).
Result<CivilDate> ParseDate(std::string_view text);
std::string FormatDate(CivilDate d);
inline std::string FormatDate(DayNumber d) { return FormatDate(CivilFromDays(d)); }

// RFC 3339 date-time: "YYYY-MM-DDTHH:MM[:SS[.frac]](Z|±HH:MM)". A space may stand
// for 'T'. Without an offset the time is read as Vietnam local time (UTC+7).
// Fractional seconds are truncated.
Result<Instant> ParseDateTime(std::string_view text);
// "YYYY-MM-DDTHH:MM:SS+07:00".
std::string FormatDateTime(Instant t);

}  // namespace motcua
