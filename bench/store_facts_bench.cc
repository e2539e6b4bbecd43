// Report facts for one agency and one year over 1,000,000 dossiers, then the
// report itself (report::Compute). Target: fetch + Compute <= 100 ms, the
// first report after a start included.
// The largest agency (30% of the dossiers) is measured for 2023 (a past year:
// later dossiers exist) and 2025 (the latest year); whole-center 2025 too.
//
// First*: each iteration opens the store afresh (its facts cache empty, as
// after a start; the operating system's page cache stays warm) and times the
// first report, which reads the period's window of report_fact rows and
// leaves it in the facts cache (facts_cache.h). The time is the median of
// the iterations; first_min_ms and first_max_ms give the spread, and
// first_cpu_ms the median CPU time of the reporting thread (what a loaded
// machine does not inflate).
// Cached*: one store, the first report not timed; later reports decode from
// memory: fetch_ms and compute_ms are their averages.
//
//   build/<dir>/bin/store_facts_bench
// The database is built once under MOTCUA_BENCH_DIR (store_bench_data.h).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <ctime>

#include "report/report.h"
#include "store_bench_data.h"

namespace motcua::bench {
namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double ThreadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) * 1e-6;
}

struct Timed {
  double fetch_ms = 0, compute_ms = 0;
  double cpu_ms = 0;  // this thread's CPU time for fetch + compute
  std::int64_t facts = 0, resolved = 0;
};

Timed Report(store::Store& store, const std::optional<std::string>& agency, int year) {
  report::ReportQuery query = report::QueryForDates({year, 1, 1}, {year, 12, 31});
  const double cpu0 = ThreadCpuMs();
  const auto t0 = Clock::now();
  auto table = store.ReportFacts({agency, query.from, query.to});
  const auto t1 = Clock::now();
  if (!table.ok()) Die(table.status());
  query.slice = report::ResolveSlice(*table, {agency});
  const report::Report r = report::Compute(table->facts(), query);
  const auto t2 = Clock::now();
  const double cpu = ThreadCpuMs() - cpu0;
  benchmark::DoNotOptimize(r);
  return {Ms(t1 - t0), Ms(t2 - t1), cpu, static_cast<std::int64_t>(table->size()),
          r.resolved.total};
}

std::unique_ptr<store::sqlite::SqliteStore> OpenShared() {
  auto store = store::sqlite::SqliteStore::Open(SharedDatabase(1'000'000));
  if (!store.ok()) Die(store.status());
  return std::move(store).value();
}

void RunFirst(benchmark::State& state, std::optional<std::string> agency, int year) {
  std::vector<double> first, cpu;
  Timed t;
  for (auto _ : state) {
    auto store = OpenShared();  // not timed: the iteration time is set by hand
    t = Report(*store, agency, year);
    first.push_back(t.fetch_ms + t.compute_ms);
    cpu.push_back(t.cpu_ms);
    state.SetIterationTime((t.fetch_ms + t.compute_ms) / 1000);
  }
  std::sort(first.begin(), first.end());
  std::sort(cpu.begin(), cpu.end());
  state.counters["first_cpu_ms"] = cpu[cpu.size() / 2];
  state.counters["first_ms"] = first[first.size() / 2];
  state.counters["first_min_ms"] = first.front();
  state.counters["first_max_ms"] = first.back();
  state.counters["facts"] = static_cast<double>(t.facts);
  state.counters["resolved"] = static_cast<double>(t.resolved);
}

void RunCached(benchmark::State& state, std::optional<std::string> agency, int year) {
  auto store = OpenShared();
  Report(*store, agency, year);  // fills the facts cache
  double fetch_ms = 0, compute_ms = 0;
  std::int64_t n = 0;
  Timed t;
  for (auto _ : state) {
    t = Report(*store, agency, year);
    fetch_ms += t.fetch_ms;
    compute_ms += t.compute_ms;
    ++n;
    state.SetIterationTime((t.fetch_ms + t.compute_ms) / 1000);
  }
  state.counters["fetch_ms"] = fetch_ms / static_cast<double>(n);
  state.counters["compute_ms"] = compute_ms / static_cast<double>(n);
  state.counters["facts"] = static_cast<double>(t.facts);
  state.counters["resolved"] = static_cast<double>(t.resolved);
}

void BM_FirstLargestAgency2023(benchmark::State& s) { RunFirst(s, "000.00.12.H29", 2023); }
void BM_FirstLargestAgency2025(benchmark::State& s) { RunFirst(s, "000.00.12.H29", 2025); }
void BM_FirstSmallestAgency2024(benchmark::State& s) { RunFirst(s, "000.00.45.H29", 2024); }
void BM_FirstWholeCenter2025(benchmark::State& s) { RunFirst(s, std::nullopt, 2025); }
void BM_CachedLargestAgency2023(benchmark::State& s) { RunCached(s, "000.00.12.H29", 2023); }
void BM_CachedLargestAgency2025(benchmark::State& s) { RunCached(s, "000.00.12.H29", 2025); }
void BM_CachedSmallestAgency2024(benchmark::State& s) { RunCached(s, "000.00.45.H29", 2024); }
void BM_CachedWholeCenter2025(benchmark::State& s) { RunCached(s, std::nullopt, 2025); }

#define MOTCUA_FACTS_BENCH(fn, n) \
  BENCHMARK(fn)->Iterations(n)->UseManualTime()->Unit(benchmark::kMillisecond)
MOTCUA_FACTS_BENCH(BM_FirstLargestAgency2023, 7);
MOTCUA_FACTS_BENCH(BM_FirstLargestAgency2025, 7);
MOTCUA_FACTS_BENCH(BM_FirstSmallestAgency2024, 7);
MOTCUA_FACTS_BENCH(BM_FirstWholeCenter2025, 5);
MOTCUA_FACTS_BENCH(BM_CachedLargestAgency2023, 20);
MOTCUA_FACTS_BENCH(BM_CachedLargestAgency2025, 20);
MOTCUA_FACTS_BENCH(BM_CachedSmallestAgency2024, 20);
MOTCUA_FACTS_BENCH(BM_CachedWholeCenter2025, 5);

}  // namespace
}  // namespace motcua::bench

BENCHMARK_MAIN();
