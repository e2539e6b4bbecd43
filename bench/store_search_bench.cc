// Search by applicant name over 1,000,000 dossiers (SQLite store, FTS5 over
// folded names). Target: p99 <= 10 ms. Queries are full names drawn from the
// same distribution as the applicants (so most have many matches: "Nguyễn Văn
// Hùng" is common), half typed with diacritics and half without; p50/p99 are
// over all timed queries.
//
//   build/<dir>/bin/store_search_bench
// The database is built once under MOTCUA_BENCH_DIR (store_bench_data.h).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>

#include "store/search_fold.h"
#include "store_bench_data.h"

namespace motcua::bench {
namespace {

void RunSearch(benchmark::State& state, bool fold_query, int words) {
  const std::string path = SharedDatabase(1'000'000);
  auto store = store::sqlite::SqliteStore::Open(path);
  if (!store.ok()) Die(store.status());
  HistoryGenerator names(1, /*seed=*/7);
  std::vector<double> ms;
  std::int64_t hits = 0;
  for (auto _ : state) {
    std::string name = names.Name();
    if (words == 2) name = name.substr(name.find(' ') + 1);  // middle + given
    if (fold_query) name = store::FoldForSearch(name);
    const auto t0 = std::chrono::steady_clock::now();
    auto found = (*store)->SearchDossiers({name, 20, {}});
    const auto t1 = std::chrono::steady_clock::now();
    if (!found.ok()) Die(found.status());
    hits += static_cast<std::int64_t>(found->size());
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    state.SetIterationTime(std::chrono::duration<double>(t1 - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  state.counters["p50_ms"] = ms[ms.size() / 2];
  state.counters["p99_ms"] = ms[ms.size() * 99 / 100];
  state.counters["max_ms"] = ms.back();
  state.counters["hits_per_query"] = static_cast<double>(hits) / static_cast<double>(ms.size());
}

void BM_SearchFullNameWithDiacritics(benchmark::State& s) { RunSearch(s, false, 3); }
void BM_SearchFullNameWithoutDiacritics(benchmark::State& s) { RunSearch(s, true, 3); }
void BM_SearchMiddleAndGivenName(benchmark::State& s) { RunSearch(s, true, 2); }
BENCHMARK(BM_SearchFullNameWithDiacritics)
    ->Iterations(2000)
    ->UseManualTime()
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SearchFullNameWithoutDiacritics)
    ->Iterations(2000)
    ->UseManualTime()
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SearchMiddleAndGivenName)
    ->Iterations(2000)
    ->UseManualTime()
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace motcua::bench

BENCHMARK_MAIN();
