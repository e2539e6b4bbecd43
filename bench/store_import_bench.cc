// Bulk import into the SQLite store: historic dossiers with five chained
// events each, written durably (WAL, synchronous=FULL) with their search
// entries and report facts, 2,000 dossiers per transaction.
// Target: >= 20,000 dossiers/s; memory flat while importing 1,000,000.
//
//   build/<dir>/bin/store_import_bench --benchmark_filter=Throughput
//   build/<dir>/bin/store_import_bench --benchmark_filter=Million
// (the Million run leaves the 1,000,000-dossier database that
// store_search_bench and store_facts_bench reuse, under MOTCUA_BENCH_DIR).
//
// Throughput: 200,000 dossiers generated in memory first (not timed), then
// imported by two threads, as `motcua import` should: each thread verifies
// chains and encodes rows for its batch while the store's one writer thread
// writes the other's. Reported: wall-clock dossiers/s, and dossiers per CPU
// second of the writer thread (the one serial resource, so its bound on an
// otherwise idle machine).
//
// Million: 1,000,000 dossiers generated and imported batch by batch in one
// thread; peak RSS is printed at every tenth (it must stay flat).
#include <benchmark/benchmark.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "store_bench_data.h"

namespace motcua::bench {
namespace {

std::unique_ptr<store::sqlite::SqliteStore> FreshStore(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  auto store = store::sqlite::SqliteStore::Open(path);
  if (!store.ok()) Die(store.status());
  return std::move(store).value();
}

void BM_ImportThroughput(benchmark::State& state) {
  const std::int64_t total = state.range(0);
  constexpr std::int64_t kBatch = 2'000;
  constexpr int kThreads = 2;
  HistoryGenerator gen(total);
  std::vector<std::vector<store::ImportedDossier>> batches;
  while (gen.made() < total) batches.push_back(gen.Next(kBatch));
  const std::string path = BenchDir() + "/import_throughput.db";
  for (auto _ : state) {
    auto store = FreshStore(path);
    std::atomic<size_t> next{0};
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&] {
        for (size_t i = next++; i < batches.size(); i = next++) {
          auto summary = store->ImportDossiers(batches[i]);
          if (!summary.ok()) Die(summary.status());
        }
      });
    }
    for (auto& thread : threads) thread.join();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double writer = store->database().writer().busy_cpu_seconds();
    state.SetIterationTime(seconds);
    state.counters["dossiers_per_s"] = static_cast<double>(total) / seconds;
    state.counters["writer_cpu_s"] = writer;
    state.counters["dossiers_per_writer_cpu_s"] = static_cast<double>(total) / writer;
    state.counters["commits"] = static_cast<double>(store->database().writer().commits());
  }
  state.counters["db_MiB"] =
      static_cast<double>(std::filesystem::file_size(path)) / (1024.0 * 1024.0);
}
BENCHMARK(BM_ImportThroughput)
    ->Arg(200'000)
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kSecond);

void BM_ImportMillionStreaming(benchmark::State& state) {
  const std::int64_t total = state.range(0);
  // The result is the database store_search_bench and store_facts_bench use.
  const std::string path = SharedDatabasePath(total);
  for (auto _ : state) {
    std::filesystem::remove(path + ".complete");
    auto store = FreshStore(path);
    const ImportStats stats = ImportHistory(*store, total, 2'000);
    store.reset();
    MarkShared(total);
    state.SetIterationTime(stats.import_seconds);
    state.counters["dossiers_per_s"] = static_cast<double>(total) / stats.import_seconds;
    state.counters["writer_cpu_s"] = stats.writer_cpu_seconds;
    state.counters["dossiers_per_writer_cpu_s"] =
        static_cast<double>(total) / stats.writer_cpu_seconds;
    state.counters["generate_s"] = stats.generate_seconds;
    state.counters["peak_rss_MiB"] = PeakRssMiB();
    for (const auto& [done, rss] : stats.rss_mib) {
      std::fprintf(stderr, "  after %8lld dossiers: peak RSS %.1f MiB\n",
                   static_cast<long long>(done), rss);
    }
  }
  state.counters["db_MiB"] =
      static_cast<double>(std::filesystem::file_size(path)) / (1024.0 * 1024.0);
}
BENCHMARK(BM_ImportMillionStreaming)
    ->Arg(1'000'000)
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kSecond);

}  // namespace
}  // namespace motcua::bench

BENCHMARK_MAIN();
