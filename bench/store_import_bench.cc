// Bulk import throughput of the SQLite store: historic dossiers with five
// chained events each, written durably (WAL, synchronous=FULL) with their
// search entries and report facts, in batches of one transaction each.
// Target: >= 20,000 dossiers/s; memory flat while importing 1,000,000
// (peak RSS reported at every tenth).
//
//   build/<dir>/bin/store_import_bench                     # 200,000 dossiers
//   build/<dir>/bin/store_import_bench --benchmark_filter=1000000
//
// Only the time inside Store::ImportDossiers counts (chain verification
// included); generating the history through the life cycle does not.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "store_bench_data.h"

namespace motcua::bench {
namespace {

void BM_ImportDurable(benchmark::State& state) {
  const std::int64_t total = state.range(0);
  const std::int64_t batch = state.range(1);
  const std::string path = BenchDir() + "/import_" + std::to_string(total) + ".db";
  for (auto _ : state) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    auto store = store::sqlite::SqliteStore::Open(path);
    if (!store.ok()) Die(store.status());
    const ImportStats stats = ImportHistory(**store, total, batch);
    state.SetIterationTime(stats.import_seconds);
    state.counters["dossiers_per_s"] = static_cast<double>(total) / stats.import_seconds;
    state.counters["events_per_s"] = 5.0 * static_cast<double>(total) / stats.import_seconds;
    state.counters["generate_s"] = stats.generate_seconds;
    state.counters["import_cpu_s"] = stats.import_cpu_seconds;
    state.counters["dossiers_per_cpu_s"] = static_cast<double>(total) / stats.import_cpu_seconds;
    state.counters["writer_cpu_s"] = stats.writer_cpu_seconds;
    // The writer is the one serial resource (encoding and chain verification
    // run in the callers' threads): its CPU bounds the throughput.
    state.counters["dossiers_per_writer_cpu_s"] =
        static_cast<double>(total) / stats.writer_cpu_seconds;
    state.counters["peak_rss_MiB"] = PeakRssMiB();
    for (const auto& [done, rss] : stats.rss_mib) {
      std::fprintf(stderr, "  after %8lld dossiers: peak RSS %.1f MiB\n",
                   static_cast<long long>(done), rss);
    }
  }
  state.counters["db_MiB"] =
      static_cast<double>(std::filesystem::file_size(path)) / (1024.0 * 1024.0);
}
BENCHMARK(BM_ImportDurable)
    ->Args({20'000, 2'000})
    ->Args({200'000, 2'000})
    ->Args({1'000'000, 2'000})
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kSecond);

}  // namespace
}  // namespace motcua::bench

BENCHMARK_MAIN();
