// Report facts for one agency and one year over 1,000,000 dossiers, then the
// report itself (report::Compute). Target: fetch + Compute <= 100 ms.
// The largest agency (30% of the dossiers) is measured for 2023 (a past year:
// later dossiers exist) and 2025 (the latest year); whole-center 2025 too.
//
// The first report of an agency reads all its facts rows from report_fact and
// leaves them in the store's facts cache (facts_cache.h): first_ms. Later
// reports decode from memory: fetch_ms and compute_ms are their averages.
//
//   build/<dir>/bin/store_facts_bench
// The database is built once under MOTCUA_BENCH_DIR (store_bench_data.h).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>

#include "report/report.h"
#include "store_bench_data.h"

namespace motcua::bench {
namespace {

void RunFacts(benchmark::State& state, std::optional<std::string> agency, int year) {
  const std::string path = SharedDatabase(1'000'000);
  auto store = store::sqlite::SqliteStore::Open(path);
  if (!store.ok()) Die(store.status());
  report::ReportQuery query = report::QueryForDates({year, 1, 1}, {year, 12, 31});
  double fetch_ms = 0, compute_ms = 0, first_ms = -1;
  std::int64_t facts = 0, resolved = 0, timed = 0;
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    auto table = (*store)->ReportFacts({agency, query.from, query.to});
    const auto t1 = std::chrono::steady_clock::now();
    if (!table.ok()) Die(table.status());
    query.slice = report::ResolveSlice(*table, {agency});
    const report::Report r = report::Compute(table->facts(), query);
    const auto t2 = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(r);
    if (first_ms < 0) {
      first_ms = std::chrono::duration<double, std::milli>(t2 - t0).count();
    } else {
      fetch_ms += std::chrono::duration<double, std::milli>(t1 - t0).count();
      compute_ms += std::chrono::duration<double, std::milli>(t2 - t1).count();
      ++timed;
    }
    facts = static_cast<std::int64_t>(table->size());
    resolved = r.resolved.total;
    state.SetIterationTime(std::chrono::duration<double>(t2 - t0).count());
  }
  const double n = static_cast<double>(std::max<std::int64_t>(timed, 1));
  state.counters["first_ms"] = first_ms;
  state.counters["fetch_ms"] = fetch_ms / n;
  state.counters["compute_ms"] = compute_ms / n;
  state.counters["facts"] = static_cast<double>(facts);
  state.counters["resolved"] = static_cast<double>(resolved);
}

void BM_FactsLargestAgency2023(benchmark::State& s) { RunFacts(s, "000.00.12.H29", 2023); }
void BM_FactsLargestAgency2025(benchmark::State& s) { RunFacts(s, "000.00.12.H29", 2025); }
void BM_FactsSmallestAgency2024(benchmark::State& s) { RunFacts(s, "000.00.45.H29", 2024); }
void BM_FactsWholeCenter2025(benchmark::State& s) { RunFacts(s, std::nullopt, 2025); }
BENCHMARK(BM_FactsLargestAgency2023)
    ->Iterations(20)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FactsLargestAgency2025)
    ->Iterations(20)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FactsSmallestAgency2024)
    ->Iterations(20)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FactsWholeCenter2025)->Iterations(5)->UseManualTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace motcua::bench

BENCHMARK_MAIN();
