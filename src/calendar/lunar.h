// The Vietnamese lunisolar calendar (âm lịch): conversion between solar
// (Gregorian) dates and lunar dates.
//
// Months begin on the local day (UTC+7) of the astronomical new moon; the
// eleventh month contains the winter solstice; in a year of 13 months the first
// month after the solstice month that holds no major solar term is the leap
// month. Because Vietnam reckons days in UTC+7 and China in UTC+8, the two
// calendars differ in some years (e.g. Tết 1985 fell on 21 January in Vietnam
// and 20 February in China).
//
// Supported range: lunar years 1900..2199 (solar dates 1900-01-31 .. the end of
// lunar year 2199). Pure, no I/O, thread-safe.
#pragma once

#include "util/civil_time.h"
#include "util/status.h"

namespace motcua::calendar {

inline constexpr int kFirstLunarYear = 1900;
inline constexpr int kLastLunarYear = 2199;

struct LunarDate {
  int year = 0;       // the lunar year, named by the solar year it mostly lies in
  int month = 1;      // 1..12
  int day = 1;        // 1..30
  bool leap = false;  // true in the leap (intercalary) month
  friend bool operator==(const LunarDate&, const LunarDate&) = default;
};

// OutOfRange outside the supported range.
Result<LunarDate> SolarToLunar(CivilDate solar);
// InvalidArgument if that lunar date does not exist (no such leap month, day 30
// of a 29-day month); OutOfRange outside the supported range.
Result<CivilDate> LunarToSolar(const LunarDate& lunar);

}  // namespace motcua::calendar
