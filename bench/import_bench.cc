// End-to-end throughput of `motcua import dossiers`: JSON Lines generated on
// the fly (five events each: submit, receive, transfer, resolve, return),
// parsed, replayed through the life cycle and the working calendar, and
// stored durably (WAL, synchronous=FULL) with their search entries and report
// facts, in transactions of --batch dossiers: the same pipeline and sink as
// the command (import/pipeline.h, cli/store_import_sink.h). Target: >= 20,000
// dossiers/s; resident memory flat while importing 1,000,000.
//
//   build/<dir>/bin/import_bench                        # 200,000 dossiers
//   build/<dir>/bin/import_bench --dossiers 1000000     # memory check
//   build/<dir>/bin/import_bench --stages               # CPU per stage
//   options: --workers N (default: as the command), --batch N (as the
//            command), --db PATH (default: a fresh file under /tmp, removed
//            after), --no-store (parse and replay only: the cost before the
//            store), --interleaved (consecutive lines on different days, the
//            store's worst case; default: in submission order, as an export
//            of the old system comes)
//
// Prints the rate, the CPU time of the process and of the store's writer
// thread (the one serial part: dossiers per writer-CPU-second bound the rate
// on an idle machine), and the resident set size at every tenth of the run
// and its peak (VmHWM), so that flat memory is visible. --stages runs each
// stage alone on one thread over the same lines and prints its CPU time per
// dossier: parse, replay, prepare (grant lookup, chain checks, encoding),
// write (the store's writer thread).
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/store_import_sink.h"
#include "datafiles/catalog_files.h"
#include "datafiles/working_calendar_loader.h"
#include "import/pipeline.h"
#include "import/record_json.h"
#include "store/sqlite/sqlite_store.h"

namespace {

using namespace motcua;

[[noreturn]] void Die(const Status& s) {
  std::fprintf(stderr, "import_bench: %s\n", s.ToString().c_str());
  std::exit(1);
}

// kB from /proc/self/status ("VmRSS", "VmHWM").
long ProcStatusKb(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::size_t n = std::strlen(key);
  while (std::getline(in, line)) {
    if (line.compare(0, n, key) == 0 && line.size() > n && line[n] == ':') {
      return std::strtol(line.c_str() + n + 1, nullptr, 10);
    }
  }
  return -1;
}

double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// One procedure of each pilot agency, in force in 2023 and 2024.
struct Kind {
  const char* agency;
  const char* procedure;
};
constexpr Kind kKinds[] = {
    {"000.00.12.H29", "2.001737"}, {"000.00.06.H29", "9.005002"}, {"000.00.05.H29", "9.003002"},
    {"000.00.07.H29", "9.004002"}, {"000.00.02.H29", "9.001002"}, {"000.00.10.H29", "9.006003"},
};
constexpr int kKindCount = 6;
constexpr int kDays = 365 * 2 - 20;  // 2023-01-02 .. mid-December 2024

// The order of the lines. kChronological, as an export of the old system
// comes (by submission: each day's dossiers, then the next day's): dossier i
// is kind i % 6 on day i / (6 * per_day), with sequence (i / 6) % per_day + 1,
// per_day = ceil(total / (6 * kDays)). kInterleaved (--interleaved), the
// worst case for the store: dossier i is kind i % 6 on day (i / 6) % kDays
// with sequence i / (6 * kDays) + 1, so that consecutive dossiers fall on
// different days and every commit inserts all over the date-ordered indexes
// (dossier_by_time, dossier_by_agency, the code, report_fact).
enum class Order { kChronological, kInterleaved };

class GeneratedSource : public import::LineSource {
 public:
  GeneratedSource(std::int64_t total, Order order)
      : total_(total),
        order_(order),
        per_day_((total + kKindCount * kDays - 1) / (kKindCount * kDays)) {}

  Result<bool> Next(std::string* line) override {
    if (next_ >= total_) return false;
    const std::int64_t i = next_++;
    const Kind& k = kKinds[i % kKindCount];
    const bool chronological = order_ == Order::kChronological;
    const DayNumber day = DaysFromCivil({2023, 1, 2}) +
                          static_cast<DayNumber>(chronological ? i / (kKindCount * per_day_)
                                                               : (i / kKindCount) % kDays);
    const int seq =
        static_cast<int>(chronological ? (i / kKindCount) % per_day_ : i / (kKindCount * kDays)) +
        1;
    const CivilDate d = CivilFromDays(day);
    const CivilDate d2 = CivilFromDays(day + 2);
    const CivilDate d3 = CivilFromDays(day + 3);
    char buf[1200];
    const int n = std::snprintf(
        buf, sizeof buf,
        R"({"code":"%s-%02d%02d%02d-%04d","procedure":"%s","channel":"online",)"
        R"("applicant":{"name":"Nguyễn Thị Minh Khai","phone":"09%08lld","id_number":"0011900%05lld"},)"
        R"("events":[{"action":"submit","at":"%04d-%02d-%02dT08:%02d:00+07:00"},)"
        R"({"action":"receive","at":"%04d-%02d-%02dT09:00:00+07:00","by":"buudien.chinh","for":"%s"},)"
        R"({"action":"transfer","at":"%04d-%02d-%02dT09:30:00+07:00","by":"buudien.chinh","for":"%s","handler":"chuyenvien"},)"
        R"({"action":"resolve","at":"%04d-%02d-%02dT14:00:00+07:00","by":"chuyenvien","for":"%s","outcome":"approved"},)"
        R"({"action":"return","at":"%04d-%02d-%02dT08:00:00+07:00","by":"buudien.chinh","for":"%s","method":"counter"}]})",
        k.agency, d.year % 100, d.month, d.day, seq, k.procedure,
        static_cast<long long>(i % 100000000), static_cast<long long>(i % 100000), d.year, d.month,
        d.day, static_cast<int>(i % 50), d.year, d.month, d.day, k.agency, d.year, d.month, d.day,
        k.agency, d2.year, d2.month, d2.day, k.agency, d3.year, d3.month, d3.day, k.agency);
    line->assign(buf, static_cast<std::size_t>(n));
    return true;
  }

 private:
  const std::int64_t total_;
  const Order order_;
  const std::int64_t per_day_;
  std::int64_t next_ = 0;
};

class Sampler : public import::ImportObserver {
 public:
  explicit Sampler(std::int64_t total) : total_(total) {}
  void OnError(const import::LineError& e) override {
    std::fprintf(stderr, "import_bench: %s\n", e.status.message().c_str());
    std::exit(1);
  }
  void OnProgress(const import::ImportTotals& t) override {
    const std::int64_t done = t.imported + t.already_present;
    while (next_tenth_ <= 10 && done * 10 >= next_tenth_ * total_) {
      std::printf("  %3d%%  %9lld dossiers  RSS %7ld kB\n", next_tenth_ * 10,
                  static_cast<long long>(done), ProcStatusKb("VmRSS"));
      std::fflush(stdout);
      ++next_tenth_;
    }
  }

 private:
  const std::int64_t total_;
  int next_tenth_ = 1;
};

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string l;
  std::getline(in, l);
  return l;
}

void RemoveDatabase(const std::string& db) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
}

// Each stage alone on this thread, over the same `total` lines in chunks of
// `batch`: CPU microseconds per dossier.
void RunStages(std::int64_t total, std::size_t batch, Order order, const import::ReplayContext& ctx,
               store::sqlite::SqliteStore& store) {
  GeneratedSource source(total, order);
  cli::StoreImportSink sink(store, {});
  double parse = 0, replay = 0, prepare = 0;
  std::int64_t done = 0;
  std::string line;
  while (done < total) {
    import::SinkBatch chunk;
    for (std::size_t i = 0; i < batch && *source.Next(&line); ++i) {
      const double t0 = ThreadCpuSeconds();
      Result<import::ImportRecord> record = import::ParseRecord(line);
      const double t1 = ThreadCpuSeconds();
      if (!record.ok()) Die(record.status());
      Result<import::ReplayedDossier> d = import::Replay(std::move(*record), ctx);
      const double t2 = ThreadCpuSeconds();
      if (!d.ok()) Die(d.status());
      chunk.dossiers.push_back(std::move(*d));
      parse += t1 - t0;
      replay += t2 - t1;
    }
    if (chunk.dossiers.empty()) break;
    done += static_cast<std::int64_t>(chunk.dossiers.size());
    const double t0 = ThreadCpuSeconds();
    if (Status s = sink.Prepare(chunk); !s.ok()) Die(s);
    prepare += ThreadCpuSeconds() - t0;
    if (Result<import::SinkCounts> c = sink.Store(chunk); !c.ok()) Die(c.status());
  }
  const double write = store.database().writer().busy_cpu_seconds();
  const double n = static_cast<double>(done) / 1e6;
  std::printf(
      "CPU per dossier (one thread each, %lld dossiers, batch %zu): parse %.1f us, replay %.1f "
      "us, prepare %.1f us, write %.1f us (writer thread); total %.1f us\n",
      static_cast<long long>(done), batch, parse / n, replay / n, prepare / n, write / n,
      (parse + replay + prepare + write) / n);
}

// Parse and replay only, nothing stored.
class NullSink : public import::ImportSink {
 public:
  Result<import::SinkCounts> Store(import::SinkBatch& batch) override {
    return import::SinkCounts{static_cast<std::int64_t>(batch.dossiers.size()), 0};
  }
};

}  // namespace

int main(int argc, char** argv) {
  std::int64_t total = 200000;
  // The command's defaults (cli/import_cmd.cc).
  std::size_t batch = 1000;
  int workers = std::max(1, static_cast<int>(std::thread::hardware_concurrency()) - 1);
  std::string db;
  bool no_store = false, stages = false;
  Order order = Order::kChronological;
  for (int i = 1; i < argc; i += 2) {
    const std::string key = argv[i];
    if (key == "--no-store" || key == "--stages") {
      (key == "--stages" ? stages : no_store) = true;
      --i;
      continue;
    }
    if (key == "--interleaved") {
      order = Order::kInterleaved;
      --i;
      continue;
    }
    if (i + 1 >= argc) {
      std::fprintf(stderr, "import_bench: %s needs a value\n", argv[i]);
      return 2;
    }
    if (key == "--dossiers")
      total = std::atoll(argv[i + 1]);
    else if (key == "--batch")
      batch = static_cast<std::size_t>(std::atoll(argv[i + 1]));
    else if (key == "--workers")
      workers = std::atoi(argv[i + 1]);
    else if (key == "--db")
      db = argv[i + 1];
    else {
      std::fprintf(stderr,
                   "usage: import_bench [--dossiers N] [--batch N] [--workers N] [--db PATH] "
                   "[--no-store] [--stages] [--interleaved]\n");
      return 2;
    }
  }
  const std::int64_t capacity = static_cast<std::int64_t>(kKindCount) * kDays * 9999;
  if (total < 1 || total > capacity || batch < 1 || workers < 1) {
    std::fprintf(stderr, "import_bench: --dossiers must be 1..%lld, --batch and --workers >= 1\n",
                 static_cast<long long>(capacity));
    return 2;
  }
  const bool temporary = db.empty();
  if (temporary) db = "/tmp/motcua_import_bench_" + std::to_string(::getpid()) + ".db";
  RemoveDatabase(db);

  auto catalog = datafiles::LoadCatalog(MOTCUA_DATA_DIR);
  if (!catalog.ok()) Die(catalog.status());
  auto cal =
      datafiles::LoadWorkingCalendar(MOTCUA_DATA_DIR, calendar::OfficeHours::Default(), 2000, 2099);
  if (!cal.ok()) Die(cal.status());
  auto store = store::sqlite::SqliteStore::Open(db);
  if (!store.ok()) Die(store.status());
  const import::ReplayContext ctx{&*catalog, &*cal};
  std::printf(
      "import_bench: %lld dossiers x 5 events, %s, batch %zu, %d worker(s), %u core(s), "
      "load average %s\n",
      static_cast<long long>(total),
      order == Order::kChronological ? "in submission order" : "days interleaved", batch, workers,
      std::thread::hardware_concurrency(), LoadAverage().c_str());

  if (stages) {
    RunStages(total, batch, order, ctx, **store);
  } else {
    cli::StoreImportSink store_sink(**store, {});
    NullSink null_sink;
    import::ImportSink& sink = no_store ? static_cast<import::ImportSink&>(null_sink) : store_sink;
    GeneratedSource source(total, order);
    Sampler sampler(total);
    import::ImportOptions options;
    options.workers = workers;
    options.batch_size = batch;
    const double cpu0 = CpuSeconds();
    const auto t0 = std::chrono::steady_clock::now();
    auto totals = import::RunImport(source, ctx, sink, options, &sampler);
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double cpu = CpuSeconds() - cpu0;
    if (!totals.ok()) Die(totals.status());
    if (totals->imported != total) {
      std::fprintf(stderr, "import_bench: imported %lld of %lld\n",
                   static_cast<long long>(totals->imported), static_cast<long long>(total));
      return 1;
    }
    const double writer = (*store)->database().writer().busy_cpu_seconds();
    std::printf(
        "imported %lld dossiers in %.2f s: %.0f dossiers/s (%.0f events/s); CPU %.2f s (%.1f "
        "us per dossier), writer thread %.2f s (%.1f us per dossier: at most %.0f dossiers/s); "
        "peak RSS %ld kB; database %.0f MB; load average after %s\n",
        static_cast<long long>(total), secs, total / secs, 5 * total / secs, cpu, cpu * 1e6 / total,
        writer, writer * 1e6 / total, writer > 0 ? total / writer : 0.0, ProcStatusKb("VmHWM"),
        std::filesystem::file_size(db) / 1048576.0, LoadAverage().c_str());
  }
  store->reset();
  if (temporary) RemoveDatabase(db);
  return 0;
}
