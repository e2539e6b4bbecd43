// The Vietnamese lunar calendar after Hồ Ngọc Đức's algorithm ("Thuật toán
// tính âm lịch", https://www.informatik.uni-leipzig.de/~duc/amlich/): new moons
// from Jean Meeus, "Astronomical Formulae for Calculators" (the truncated
// series with a delta-T correction), the sun's longitude from Meeus,
// "Astronomical Algorithms" ch. 25 (low accuracy), both reckoned in UTC+7.
//
// Every month start of the supported range is computed once, on first use,
// into a table (about 3,700 entries, under a millisecond to build); a
// conversion is then a binary search.
#include "calendar/lunar.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <string>
#include <vector>

namespace motcua::calendar {
namespace {

constexpr double kTimeZoneHours = 7.0;  // Vietnam reckons the calendar in UTC+7
constexpr double kSynodicMonth = 29.530588853;
// Julian day number of 1970-01-01, to turn JDNs into DayNumbers.
constexpr int kJulianDayOfUnixEpoch = 2440588;

constexpr double Radians(double degrees) { return degrees * std::numbers::pi / 180.0; }

// Julian date (TT corrected to UT) of the k-th new moon after the one of
// 1900-01-01 (Meeus; the coefficients are Hồ Ngọc Đức's `NewMoon`).
double NewMoon(int k) {
  const double T = k / 1236.85;  // Julian centuries from 1900 January 0.5
  const double T2 = T * T;
  const double T3 = T2 * T;
  double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * std::sin(Radians(166.56 + 132.87 * T - 0.009173 * T2));  // mean new moon
  const double m = Radians(359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3);
  const double mpr = Radians(306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3);
  const double f = Radians(21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3);
  double c1 = (0.1734 - 0.000393 * T) * std::sin(m) + 0.0021 * std::sin(2 * m);
  c1 = c1 - 0.4068 * std::sin(mpr) + 0.0161 * std::sin(2 * mpr);
  c1 = c1 - 0.0004 * std::sin(3 * mpr);
  c1 = c1 + 0.0104 * std::sin(2 * f) - 0.0051 * std::sin(m + mpr);
  c1 = c1 - 0.0074 * std::sin(m - mpr) + 0.0004 * std::sin(2 * f + m);
  c1 = c1 - 0.0004 * std::sin(2 * f - m) - 0.0006 * std::sin(2 * f + mpr);
  c1 = c1 + 0.0010 * std::sin(2 * f - mpr) + 0.0005 * std::sin(2 * mpr + m);
  const double delta_t =
      T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
              : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - delta_t;
}

// The local (UTC+7) day of the k-th new moon.
DayNumber NewMoonDay(int k) {
  const double jdn = std::floor(NewMoon(k) + 0.5 + kTimeZoneHours / 24.0);
  return static_cast<DayNumber>(jdn) - kJulianDayOfUnixEpoch;
}

// The sun's apparent longitude in degrees, [0, 360), at Julian date `jd`.
double SunLongitude(double jd) {
  const double T = (jd - 2451545.0) / 36525;  // Julian centuries from J2000.0
  const double T2 = T * T;
  const double m = Radians(357.52910 + 35999.05030 * T - 0.0001559 * T2 - 0.00000048 * T * T2);
  const double l0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;  // mean longitude
  double dl = (1.914600 - 0.004817 * T - 0.000014 * T2) * std::sin(m);
  dl += (0.019993 - 0.000101 * T) * std::sin(2 * m) + 0.000290 * std::sin(3 * m);
  const double l = l0 + dl;
  return l - 360.0 * std::floor(l / 360.0);
}

// Which of the twelve 30° sectors, 0..11, the sun is in at the local midnight
// that starts `day`. The major solar terms (trung khí) sit on the sector
// boundaries (0° the March equinox, 270° the winter solstice), so a month holds
// a major term exactly when this changes between its first day and the next
// month's first day.
int SunSector(DayNumber day) {
  const double jd = day + kJulianDayOfUnixEpoch - 0.5 - kTimeZoneHours / 24.0;
  return static_cast<int>(SunLongitude(jd) / 30.0);
}

struct MonthStart {
  DayNumber day;  // the first day of the month
  std::int16_t year;
  std::int8_t month;
  bool leap;
};

// Orders months as the calendar runs: ..., 4, leap 4, 5, ...
bool LunarMonthLess(const MonthStart& m, const LunarDate& key) {
  if (m.year != key.year) return m.year < key.year;
  if (m.month != key.month) return m.month < key.month;
  return !m.leap && key.leap;
}

struct MonthTable {
  std::vector<MonthStart> months;  // lunar years 1900..2199, month 1 of 1900 first
  DayNumber end = 0;               // Tết of 2200: the first day past the range
};

MonthTable BuildMonthTable() {
  // Index 0 is the new moon of 1900-01-01 (k = 0); start a year earlier and end
  // a year later than the range needs, so every year is bracketed by the
  // eleventh months around it.
  const DayNumber first_day = DaysFromCivil({kFirstLunarYear - 1, 10, 1});
  const DayNumber last_day = DaysFromCivil({kLastLunarYear + 2, 3, 1});
  const int k0 = static_cast<int>(
      std::floor((first_day + kJulianDayOfUnixEpoch - 2415021.076998695) / kSynodicMonth));
  std::vector<DayNumber> starts;
  std::vector<int> sectors;
  for (int k = k0;; ++k) {
    const DayNumber d = NewMoonDay(k);
    starts.push_back(d);
    sectors.push_back(SunSector(d));
    if (d > last_day) break;
  }
  // The eleventh month of each year is the one holding the winter solstice:
  // the sun crosses 270° (sector 8 -> 9) between its first day and the next
  // month's. A month can hold two major terms in winter, so test the crossing,
  // not the sector of the start.
  std::vector<size_t> elevenths;
  for (size_t i = 0; i + 1 < starts.size(); ++i) {
    if (sectors[i] < 9 && sectors[i + 1] >= 9 && sectors[i + 1] <= 10) elevenths.push_back(i);
  }

  MonthTable table;
  table.months.reserve(static_cast<size_t>(kLastLunarYear - kFirstLunarYear + 1) * 13);
  for (size_t s = 0; s + 1 < elevenths.size(); ++s) {
    const size_t a11 = elevenths[s];
    const size_t b11 = elevenths[s + 1];
    // The solar year whose December holds month 11 at a11.
    const int solar_year = CivilFromDays(starts[a11]).year;
    const size_t count = b11 - a11;  // 12, or 13 in a leap year
    size_t leap_offset = count;      // none
    if (count == 13) {
      // The first month after month 11 that holds no major term is the leap
      // month (Hồ Ngọc Đức's getLeapMonthOffset).
      for (size_t i = 1; i < count; ++i) {
        if (sectors[a11 + i] == sectors[a11 + i + 1]) {
          leap_offset = i;
          break;
        }
      }
    }
    for (size_t i = 0; i < count; ++i) {
      int month = 11 + static_cast<int>(i) - (i >= leap_offset ? 1 : 0);
      int year = solar_year;  // months 11 and 12 belong to the lunar year ending then
      if (month > 12) {
        month -= 12;
        year += 1;
      }
      if (year < kFirstLunarYear) continue;
      if (year > kLastLunarYear) {
        table.end = starts[a11 + i];
        return table;
      }
      table.months.push_back({starts[a11 + i], static_cast<std::int16_t>(year),
                              static_cast<std::int8_t>(month), i == leap_offset});
    }
  }
  return table;  // not reached: the loop above covers the range
}

const MonthTable& Table() {
  static const MonthTable table = BuildMonthTable();  // thread-safe initialization (C++11)
  return table;
}

}  // namespace

Result<LunarDate> SolarToLunar(CivilDate solar) {
  if (!IsValidDate(solar)) {
    return Status::InvalidArgument("no such date: " + std::to_string(solar.year) + "-" +
                                   std::to_string(solar.month) + "-" + std::to_string(solar.day));
  }
  const MonthTable& table = Table();
  const DayNumber day = DaysFromCivil(solar);
  if (day < table.months.front().day || day >= table.end) {
    return Status::OutOfRange(
        "date " + FormatDate(solar) + " is outside the lunar calendar's range (lunar years " +
        std::to_string(kFirstLunarYear) + ".." + std::to_string(kLastLunarYear) + ")");
  }
  auto it = std::upper_bound(table.months.begin(), table.months.end(), day,
                             [](DayNumber d, const MonthStart& m) { return d < m.day; });
  const MonthStart& m = *(it - 1);
  return LunarDate{m.year, m.month, day - m.day + 1, m.leap};
}

Result<CivilDate> LunarToSolar(const LunarDate& lunar) {
  if (lunar.year < kFirstLunarYear || lunar.year > kLastLunarYear) {
    return Status::OutOfRange("lunar year " + std::to_string(lunar.year) +
                              " is outside the supported range " + std::to_string(kFirstLunarYear) +
                              ".." + std::to_string(kLastLunarYear));
  }
  // The message is built only on failure: a conversion must stay cheap.
  auto invalid = [&lunar](const std::string& why) {
    return Status::InvalidArgument("no such lunar date: " + std::to_string(lunar.day) + "/" +
                                   std::to_string(lunar.month) + (lunar.leap ? " (leap)" : "") +
                                   "/" + std::to_string(lunar.year) + why);
  };
  if (lunar.month < 1 || lunar.month > 12 || lunar.day < 1 || lunar.day > 30) return invalid("");
  const MonthTable& table = Table();
  auto it = std::lower_bound(table.months.begin(), table.months.end(), lunar, LunarMonthLess);
  if (it == table.months.end() || it->year != lunar.year || it->month != lunar.month ||
      it->leap != lunar.leap) {
    return invalid(" (the year has no leap month " + std::to_string(lunar.month) + ")");
  }
  const DayNumber next = it + 1 == table.months.end() ? table.end : (it + 1)->day;
  if (lunar.day > next - it->day) {
    return invalid(" (the month has " + std::to_string(next - it->day) + " days)");
  }
  return CivilFromDays(it->day + lunar.day - 1);
}

}  // namespace motcua::calendar
