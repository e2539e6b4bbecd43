// Properties of the working-time engine over thousands of random cases (fixed
// seeds, so a failure reproduces), checked against a naive reference written
// here from the definition: a minute is working time when its day works and it
// lies inside one of that day's sessions; a due time is the end of the minute
// in which the amount runs out.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "calendar/working_calendar.h"

namespace motcua::calendar {
namespace {

constexpr int kFirstYear = 2023;
constexpr int kLastYear = 2026;

// Random schedules: about one weekday in 25 a holiday (Tết-like runs too),
// about one Saturday in 10 worked.
std::vector<YearSchedule> RandomYears(std::mt19937_64& rng) {
  std::vector<YearSchedule> years;
  std::bernoulli_distribution holiday(0.04), worked(0.1), tet(0.5);
  for (int y = kFirstYear; y <= kLastYear; ++y) {
    YearSchedule s;
    s.year = y;
    const DayNumber first = DaysFromCivil({y, 1, 1});
    const DayNumber last = DaysFromCivil({y, 12, 31});
    const DayNumber tet_start = first + 30 + static_cast<DayNumber>(rng() % 20);
    const bool has_tet = tet(rng);
    for (DayNumber d = first; d <= last; ++d) {
      const bool in_tet = has_tet && d >= tet_start && d < tet_start + 7;
      if (in_tet || holiday(rng)) {
        s.holidays.push_back({d, "ngày nghỉ", HolidayKind::kAnnounced});
      } else if (WeekdayOf(d) == 6 && worked(rng)) {
        s.working_weekend_days.push_back(d);
      }
    }
    years.push_back(std::move(s));
  }
  return years;
}

// The reference: the definition, read straight from the inputs.
class Naive {
 public:
  Naive(const OfficeHours& hours, const std::vector<YearSchedule>& years) : hours_(hours) {
    first_ = DaysFromCivil({kFirstYear, 1, 1});
    const DayNumber last = DaysFromCivil({kLastYear, 12, 31});
    holiday_.assign(last - first_ + 1, false);
    worked_.assign(last - first_ + 1, false);
    for (const YearSchedule& y : years) {
      for (const Holiday& h : y.holidays) holiday_[h.date - first_] = true;
      for (DayNumber d : y.working_weekend_days) worked_[d - first_] = true;
    }
  }

  bool IsWorking(Instant t) const {
    const DayNumber d = LocalDayOf(t);
    const int s = LocalSecondOfDay(t);
    const std::vector<OfficeSession>* sessions = nullptr;
    if (worked_[d - first_]) {
      sessions = &hours_.sessions;
    } else if (!holiday_[d - first_] && hours_.weekdays[WeekdayOf(d)]) {
      const auto& own = hours_.weekday_sessions[WeekdayOf(d)];
      sessions = own.empty() ? &hours_.sessions : &own;
    }
    if (sessions == nullptr) return false;
    for (const OfficeSession& session : *sessions) {
      if (s >= session.start && s < session.end) return true;
    }
    return false;
  }

  // REQUIRES: `from` on a whole minute; sessions on whole minutes.
  Instant AddMinutes(Instant from, std::int64_t minutes) const {
    Instant t = from;
    while (!IsWorking(t)) t += 60;
    if (minutes == 0) return t;
    for (std::int64_t count = 0;; t += 60) {
      if (IsWorking(t) && ++count == minutes) return t + 60;
    }
  }

  // REQUIRES: every bound on a whole minute.
  std::int64_t MinutesBetween(Instant from, Instant to,
                              const std::vector<PauseInterval>& pauses) const {
    std::int64_t n = 0;
    for (Instant t = from; t < to; t += 60) {
      bool paused = false;
      for (const PauseInterval& p : pauses) paused = paused || (t >= p.from && t < p.to);
      if (!paused && IsWorking(t)) ++n;
    }
    return n;
  }

 private:
  OfficeHours hours_;
  DayNumber first_;
  std::vector<bool> holiday_;
  std::vector<bool> worked_;
};

OfficeHours SaturdayMornings() {
  OfficeHours h = OfficeHours::Default();
  h.weekdays[6] = true;
  h.weekday_sessions[6] = {{7 * 3600 + 30 * 60, 11 * 3600 + 30 * 60}};
  return h;
}

OfficeHours Odd() {
  // Uneven, adjacent sessions and one running to midnight; Sunday works.
  OfficeHours h;
  h.sessions = {
      {6 * 3600 + 17 * 60, 9 * 3600}, {9 * 3600, 9 * 3600 + 1 * 60}, {20 * 3600, 24 * 3600}};
  h.weekdays = {true, false, true, true, false, true, false};
  h.weekday_sessions[0] = {{0, 3600}};
  return h;
}

class PropertyTest : public ::testing::TestWithParam<int> {
 protected:
  void SetUp() override {
    const int which = GetParam();
    std::mt19937_64 seed_rng(20240207 + which);
    years_ = RandomYears(seed_rng);
    hours_ = which == 0 ? OfficeHours::Default() : which == 1 ? SaturdayMornings() : Odd();
    auto cal = WorkingCalendar::Build(hours_, years_);
    ASSERT_TRUE(cal.ok()) << cal.status().ToString();
    cal_.emplace(std::move(cal).value());
    naive_.emplace(hours_, years_);
    rng_.seed(77 + which);
  }

  // A random instant in 2023..2025 (2026 left as room for due times); one in
  // three is a session boundary of some day, or a second either side of it,
  // where off-by-one errors live.
  Instant RandomInstant() {
    const Instant lo = LocalMidnight(DaysFromCivil({kFirstYear, 1, 1}));
    const Instant hi = LocalMidnight(DaysFromCivil({kLastYear, 1, 1}));
    const Instant t = lo + static_cast<Instant>(rng_() % static_cast<std::uint64_t>(hi - lo));
    if (rng_() % 3 != 0) return t;
    std::vector<int> edges;
    for (const OfficeSession& s : hours_.sessions) edges.insert(edges.end(), {s.start, s.end});
    for (const auto& own : hours_.weekday_sessions) {
      for (const OfficeSession& s : own) edges.insert(edges.end(), {s.start, s.end});
    }
    const Instant edge = LocalMidnight(LocalDayOf(t)) + edges[rng_() % edges.size()];
    const Instant nudged = edge + static_cast<Instant>(rng_() % 3) - 1;
    return std::clamp(nudged, lo, hi - 1);
  }
  Instant RandomMinute() { return RandomInstant() / 60 * 60; }
  std::int64_t RandomAmount(std::int64_t max_days) {
    // Mostly small amounts near session boundaries, sometimes many days.
    const std::int64_t spd = cal_->seconds_per_day();
    switch (rng_() % 4) {
      case 0:
        return static_cast<std::int64_t>(rng_() % 3600);
      case 1:
        return static_cast<std::int64_t>(rng_() % static_cast<std::uint64_t>(spd + 1));
      case 2:
        return (static_cast<std::int64_t>(rng_() % (max_days + 1))) * spd;
      default:
        return static_cast<std::int64_t>(rng_() % static_cast<std::uint64_t>(max_days * spd));
    }
  }

  OfficeHours hours_;
  std::vector<YearSchedule> years_;
  std::optional<WorkingCalendar> cal_;
  std::optional<Naive> naive_;
  std::mt19937_64 rng_;
};

TEST_P(PropertyTest, WorkingSecondsUpToTheDueTimeGiveBackTheAmount) {
  for (int i = 0; i < 20000; ++i) {
    const Instant from = RandomInstant();
    const std::int64_t amount = RandomAmount(60);
    const auto due = cal_->AddWorkingSeconds(from, amount);
    ASSERT_TRUE(due.ok()) << due.status().ToString();
    ASSERT_EQ(*cal_->WorkingSecondsBetween(from, *due), amount)
        << FormatDateTime(from) << " + " << amount << " s -> " << FormatDateTime(*due);
  }
}

TEST_P(PropertyTest, DueTimeIsTheEarliestMomentTheAmountHasPassed) {
  // With amount > 0, the second just before the due time is working time, so
  // the due time is inside a session or exactly at its end; never inside a
  // gap (lunch, night, a holiday) past a session end.
  for (int i = 0; i < 20000; ++i) {
    const Instant from = RandomInstant();
    const std::int64_t amount = 1 + RandomAmount(30);
    const Instant due = *cal_->AddWorkingSeconds(from, amount);
    ASSERT_TRUE(*cal_->IsWorkingTime(due - 1)) << FormatDateTime(from) << " + " << amount;
    ASSERT_TRUE(naive_->IsWorking(due - 1)) << FormatDateTime(from) << " + " << amount;
    ASSERT_EQ(*cal_->WorkingSecondsBetween(from, due - 1), amount - 1);
    const Instant start = *cal_->NextWorkingMoment(from);
    ASSERT_GT(due, start);
  }
}

TEST_P(PropertyTest, ClockStartIsTheNextWorkingMoment) {
  for (int i = 0; i < 20000; ++i) {
    const Instant t = RandomInstant();
    const bool working = *cal_->IsWorkingTime(t);
    ASSERT_EQ(working, naive_->IsWorking(t)) << FormatDateTime(t);
    const Instant start = *cal_->NextWorkingMoment(t);
    ASSERT_EQ(start == t, working) << FormatDateTime(t);
    ASSERT_TRUE(naive_->IsWorking(start)) << FormatDateTime(t) << " -> " << FormatDateTime(start);
    ASSERT_EQ(*cal_->WorkingSecondsBetween(t, start), 0) << FormatDateTime(t);
    ASSERT_EQ(*cal_->AddWorkingSeconds(t, 0), start);
  }
}

TEST_P(PropertyTest, DueTimeGrowsWithTheAmount) {
  for (int i = 0; i < 20000; ++i) {
    const Instant from = RandomInstant();
    std::int64_t a = RandomAmount(30);
    std::int64_t b = RandomAmount(30);
    if (a > b) std::swap(a, b);
    const Instant due_a = *cal_->AddWorkingSeconds(from, a);
    const Instant due_b = *cal_->AddWorkingSeconds(from, b);
    if (a == b) {
      ASSERT_EQ(due_a, due_b);
    } else {
      ASSERT_LT(due_a, due_b) << FormatDateTime(from) << " + " << a << " / " << b;
    }
    // A later start never gives an earlier due time.
    const Instant later = from + static_cast<Instant>(rng_() % 200000);
    ASSERT_LE(due_b, *cal_->AddWorkingSeconds(later, b));
  }
}

TEST_P(PropertyTest, AgreesWithMinuteByMinuteReference) {
  for (int i = 0; i < 1500; ++i) {
    const Instant from = RandomMinute();
    const std::int64_t minutes = static_cast<std::int64_t>(rng_() % (4 * 450));  // < 4 days
    const Instant expected = naive_->AddMinutes(from, minutes);
    ASSERT_EQ(FormatDateTime(*cal_->AddWorkingSeconds(from, minutes * 60)),
              FormatDateTime(expected))
        << FormatDateTime(from) << " + " << minutes << " min";
  }
}

TEST_P(PropertyTest, WorkingSecondsWithPausesAgreeWithReference) {
  for (int i = 0; i < 1000; ++i) {
    const Instant from = RandomMinute() + 6 * 86400;  // `to` may lie 5 days before
    const Instant to = from + static_cast<Instant>(rng_() % (10 * 1440)) * 60 - 5 * 1440 * 60;
    std::vector<PauseInterval> pauses;
    const int n = static_cast<int>(rng_() % 4);
    for (int p = 0; p < n; ++p) {
      // Pauses around the interval, overlapping one another at random, some
      // reversed or empty.
      const Instant a = from + (static_cast<Instant>(rng_() % (8 * 1440)) - 1440) * 60;
      const Instant b = a + (static_cast<Instant>(rng_() % (3 * 1440)) - 60) * 60;
      pauses.push_back({a, b});
    }
    const std::int64_t expected = naive_->MinutesBetween(from, to, pauses) * 60;
    ASSERT_EQ(*cal_->WorkingSecondsBetween(from, to, pauses), expected)
        << FormatDateTime(from) << " .. " << FormatDateTime(to) << " with " << n << " pauses";
  }
}

TEST_P(PropertyTest, FractionalDaysAreRoundedSeconds) {
  std::uniform_real_distribution<double> days(0, 20);
  for (int i = 0; i < 5000; ++i) {
    const Instant from = RandomInstant();
    const double d = days(rng_);
    const auto seconds =
        static_cast<std::int64_t>(std::llround(d * static_cast<double>(cal_->seconds_per_day())));
    ASSERT_EQ(*cal_->AddWorkingDays(from, d), *cal_->AddWorkingSeconds(from, seconds));
    const double h = d * 8;
    ASSERT_EQ(*cal_->AddWorkingHours(from, h),
              *cal_->AddWorkingSeconds(from, std::llround(h * 3600)));
  }
}

std::string HoursName(const ::testing::TestParamInfo<int>& info) {
  static const char* const kNames[] = {"Default", "SaturdayMornings", "Odd"};
  return kNames[info.param];
}

INSTANTIATE_TEST_SUITE_P(OfficeHours, PropertyTest, ::testing::Values(0, 1, 2), HoursName);

}  // namespace
}  // namespace motcua::calendar
