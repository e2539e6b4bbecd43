// Benchmarks of the working-time engine: due times from random instants of
// 2020–2030 (the target is >= 5 million per second on one core in the
// release build), working seconds with and without pauses, and Build over
// 1900..2199.
//
//   build/release/bin/working_calendar_bench
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <vector>

#include "calendar/working_calendar.h"
#include "datafiles/working_calendar_loader.h"

namespace motcua::calendar {
namespace {

// A year shaped like a real one: New Year, a Tết week in February, Hùng
// Kings' day, 30/4 and 1/5, two days of National Day, and one swapped
// Saturday. The exact dates do not matter for speed; the density does.
YearSchedule SyntheticYear(int y) {
  YearSchedule s;
  s.year = y;
  auto off = [&](int m, int d) {
    s.holidays.push_back({DaysFromCivil({y, m, d}), "ngày nghỉ", HolidayKind::kStatutory});
  };
  off(1, 1);
  for (int d = 5 + y % 10; d < 12 + y % 10; ++d) off(2, d);
  off(4, 10 + y % 15);
  off(4, 30);
  off(5, 1);
  off(9, 2);
  off(9, 3);
  for (DayNumber d = DaysFromCivil({y, 5, 2});; ++d) {
    if (WeekdayOf(d) == 6) {
      s.working_weekend_days.push_back(d);
      break;
    }
  }
  return s;
}

std::vector<YearSchedule> SyntheticYears(int first, int last) {
  std::vector<YearSchedule> years;
  for (int y = first; y <= last; ++y) years.push_back(SyntheticYear(y));
  return years;
}

const WorkingCalendar& Calendar() {
  static const WorkingCalendar cal =
      WorkingCalendar::Build(OfficeHours::Default(), SyntheticYears(1900, 2199)).value();
  return cal;
}

struct Query {
  Instant from;
  double days;
};

// Random receptions over 2020–2030 at any second (night, weekend and holiday
// ones included), with processing times as the catalog has them.
std::vector<Query> RandomQueries(std::size_t n) {
  std::mt19937_64 rng(42);
  const Instant lo = LocalMidnight(DaysFromCivil({2020, 1, 1}));
  const Instant hi = LocalMidnight(DaysFromCivil({2031, 1, 1}));
  const double kDays[] = {0.5, 1, 2, 3, 5, 7, 10, 12, 15, 20, 30, 45};
  std::vector<Query> q(n);
  for (Query& x : q) {
    x.from = lo + static_cast<Instant>(rng() % static_cast<std::uint64_t>(hi - lo));
    x.days = kDays[rng() % std::size(kDays)];
  }
  return q;
}

void BM_AddWorkingDays(benchmark::State& state) {
  const WorkingCalendar& cal = Calendar();
  const std::vector<Query> queries = RandomQueries(1 << 16);
  std::size_t i = 0;
  for (auto _ : state) {
    const Query& q = queries[i++ & (queries.size() - 1)];
    auto due = cal.AddWorkingDays(q.from, q.days);
    benchmark::DoNotOptimize(due);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AddWorkingDays);

void BM_WorkingSecondsBetween(benchmark::State& state) {
  const WorkingCalendar& cal = Calendar();
  const std::vector<Query> queries = RandomQueries(1 << 16);
  std::size_t i = 0;
  for (auto _ : state) {
    const Query& q = queries[i++ & (queries.size() - 1)];
    auto s = cal.WorkingSecondsBetween(q.from, q.from + static_cast<Instant>(q.days * 86400 * 2));
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_WorkingSecondsBetween);

void BM_WorkingSecondsBetweenWithTwoPauses(benchmark::State& state) {
  const WorkingCalendar& cal = Calendar();
  const std::vector<Query> queries = RandomQueries(1 << 16);
  std::size_t i = 0;
  for (auto _ : state) {
    const Query& q = queries[i++ & (queries.size() - 1)];
    const Instant to = q.from + static_cast<Instant>(q.days * 86400 * 2);
    const PauseInterval pauses[] = {{q.from + 86400, q.from + 3 * 86400},
                                    {q.from + 2 * 86400, q.from + 5 * 86400}};
    auto s = cal.WorkingSecondsBetween(q.from, to, pauses);
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_WorkingSecondsBetweenWithTwoPauses);

// Saturday mornings make working days of unequal length: the due time is
// found by binary search instead of a division.
void BM_AddWorkingDaysSaturdayMornings(benchmark::State& state) {
  OfficeHours h = OfficeHours::Default();
  h.weekdays[6] = true;
  h.weekday_sessions[6] = {{7 * 3600 + 30 * 60, 11 * 3600 + 30 * 60}};
  const WorkingCalendar cal = WorkingCalendar::Build(h, SyntheticYears(1900, 2199)).value();
  const std::vector<Query> queries = RandomQueries(1 << 16);
  std::size_t i = 0;
  for (auto _ : state) {
    const Query& q = queries[i++ & (queries.size() - 1)];
    auto due = cal.AddWorkingDays(q.from, q.days);
    benchmark::DoNotOptimize(due);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AddWorkingDaysSaturdayMornings);

void BM_Build1900To2199(benchmark::State& state) {
  const std::vector<YearSchedule> years = SyntheticYears(1900, 2199);
  for (auto _ : state) {
    auto cal = WorkingCalendar::Build(OfficeHours::Default(), years);
    benchmark::DoNotOptimize(cal);
  }
}
BENCHMARK(BM_Build1900To2199)->Unit(benchmark::kMillisecond);

// The real thing: the shipped statutory rules and yearly notices, every year
// computed (lunar dates included) and built, as `motcua calendar due` does.
void BM_LoadShippedCalendar1900To2199(benchmark::State& state) {
  for (auto _ : state) {
    auto cal = datafiles::LoadWorkingCalendar(MOTCUA_DATA_DIR, OfficeHours::Default(), 1900, 2199);
    if (!cal.ok()) state.SkipWithError(cal.status().ToString().c_str());
    benchmark::DoNotOptimize(cal);
  }
}
BENCHMARK(BM_LoadShippedCalendar1900To2199)->Unit(benchmark::kMillisecond);

void BM_AddWorkingDaysShippedCalendar(benchmark::State& state) {
  auto loaded = datafiles::LoadWorkingCalendar(MOTCUA_DATA_DIR, OfficeHours::Default(), 1900, 2199);
  if (!loaded.ok()) {
    state.SkipWithError(loaded.status().ToString().c_str());
    return;
  }
  const WorkingCalendar& cal = *loaded;
  const std::vector<Query> queries = RandomQueries(1 << 16);
  std::size_t i = 0;
  for (auto _ : state) {
    const Query& q = queries[i++ & (queries.size() - 1)];
    auto due = cal.AddWorkingDays(q.from, q.days);
    benchmark::DoNotOptimize(due);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AddWorkingDaysShippedCalendar);

}  // namespace
}  // namespace motcua::calendar

BENCHMARK_MAIN();
