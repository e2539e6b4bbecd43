// Holiday tables: the working-time engine calls HolidayRules::ForYear once
// per year of its range at start-up, so one year must take well under 1 ms.
//
//   build/<dir>/bin/holidays_bench
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>

#include "calendar/holidays.h"
#include "calendar/lunar.h"
#include "datafiles/calendar_files.h"

namespace {

using motcua::calendar::HolidayRules;

const HolidayRules& Rules() {
  static const HolidayRules rules = [] {
    auto r = motcua::datafiles::LoadHolidayRules(MOTCUA_DATA_DIR);
    if (!r.ok()) {
      std::cerr << r.status().ToString() << "\n";
      std::abort();
    }
    return *r;
  }();
  return rules;
}

// A year without a yearly file: statutory days (two lunar conversions) and
// substitutes.
void BM_ForYearComputed(benchmark::State& state) {
  const HolidayRules& rules = Rules();
  for (auto _ : state) {
    auto s = rules.ForYear(2030);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_ForYearComputed);

// A year with its notice applied.
void BM_ForYearWithNotice(benchmark::State& state) {
  const HolidayRules& rules = Rules();
  for (auto _ : state) {
    auto s = rules.ForYear(2024);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_ForYearWithNotice);

// The whole supported range, 1900..2199, as a start-up would build it.
void BM_ForAllYears(benchmark::State& state) {
  const HolidayRules& rules = Rules();
  for (auto _ : state) {
    for (int y = motcua::calendar::kFirstHolidayYear; y <= motcua::calendar::kLastHolidayYear;
         ++y) {
      auto s = rules.ForYear(y);
      benchmark::DoNotOptimize(s);
    }
  }
  state.SetItemsProcessed(state.iterations() * 300);
}
BENCHMARK(BM_ForAllYears)->Unit(benchmark::kMillisecond);

// Reading and validating data/calendar (statutory.json and every YYYY.json).
void BM_LoadHolidayRules(benchmark::State& state) {
  (void)motcua::calendar::SolarToLunar({2024, 1, 1});  // the lunar table, built once
  for (auto _ : state) {
    auto r = motcua::datafiles::LoadHolidayRules(MOTCUA_DATA_DIR);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_LoadHolidayRules)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
