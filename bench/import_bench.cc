// End-to-end throughput of `motcua import dossiers`: JSON Lines generated on
// the fly (five events each: submit, receive, transfer, resolve, return),
// parsed, replayed through the life cycle and the working calendar, and
// stored durably (WAL, synchronous=FULL) with their search entries and report
// facts, in transactions of --batch dossiers: the same pipeline and sink as
// the command (import/pipeline.h). Target: >= 20,000 dossiers/s; resident
// memory flat while importing 1,000,000.
//
//   build/<dir>/bin/import_bench                        # 200,000 dossiers
//   build/<dir>/bin/import_bench --dossiers 1000000     # memory check
//   options: --workers N (default: all cores but one), --batch N (1000),
//            --db PATH (default: a fresh file under /tmp, removed after),
//            --no-store (parse and replay only: the cost before the store)
//
// Prints the rate, the CPU time, and the resident set size at every tenth of
// the run and its peak (VmHWM), so that flat memory is visible.
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

#include "datafiles/catalog_files.h"
#include "datafiles/working_calendar_loader.h"
#include "import/pipeline.h"
#include "store/store.h"

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

// Dossier i: kind i % 6, day (i / 6) % kDays, sequence i / (6 * kDays) + 1.
class GeneratedSource : public import::LineSource {
 public:
  explicit GeneratedSource(std::int64_t total) : total_(total) {}

  Result<bool> Next(std::string* line) override {
    if (next_ >= total_) return false;
    const std::int64_t i = next_++;
    const Kind& k = kKinds[i % kKindCount];
    const DayNumber day =
        DaysFromCivil({2023, 1, 2}) + static_cast<DayNumber>((i / kKindCount) % kDays);
    const int seq = static_cast<int>(i / (kKindCount * kDays)) + 1;
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

}  // namespace

int main(int argc, char** argv) {
  std::int64_t total = 200000;
  std::size_t batch = 1000;
  int workers = std::max(1, static_cast<int>(std::thread::hardware_concurrency()) - 1);
  std::string db;
  bool no_store = false;
  for (int i = 1; i < argc; i += 2) {
    const std::string key = argv[i];
    if (key == "--no-store") {
      no_store = true;
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
                   "[--no-store]\n");
      return 2;
    }
  }
  const std::int64_t capacity = static_cast<std::int64_t>(kKindCount) * kDays * 9999;
  if (total < 1 || total > capacity) {
    std::fprintf(stderr, "import_bench: --dossiers must be 1..%lld\n",
                 static_cast<long long>(capacity));
    return 2;
  }
  const bool temporary = db.empty();
  if (temporary) db = "/tmp/motcua_import_bench_" + std::to_string(::getpid()) + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);

  auto catalog = datafiles::LoadCatalog(MOTCUA_DATA_DIR);
  if (!catalog.ok()) Die(catalog.status());
  auto cal =
      datafiles::LoadWorkingCalendar(MOTCUA_DATA_DIR, calendar::OfficeHours::Default(), 2000, 2099);
  if (!cal.ok()) Die(cal.status());
  auto store = store::Open("sqlite:" + db);
  if (!store.ok()) Die(store.status());

  std::vector<store::ImportedDossier> items;
  import::BatchSink sink = [&](std::vector<import::ReplayedDossier> & batch_in)
                               ->Result<import::SinkCounts> {
                                 if (no_store) return import::SinkCounts{
                                     static_cast<std::int64_t>(batch_in.size()), 0};
  items.clear();
  items.reserve(batch_in.size());
  for (import::ReplayedDossier& d : batch_in) {
    store::ImportedDossier item;
    item.dossier = std::move(d.dossier);
    item.events = std::move(d.events);
    items.push_back(std::move(item));
  }
  MOTCUA_ASSIGN_OR_RETURN(const store::ImportSummary s, (*store)->ImportDossiers(items));
  return import::SinkCounts{s.imported, s.already_present};
};

std::printf(
    "import_bench: %lld dossiers x 5 events, batch %zu, %d worker(s), %u core(s), "
    "load average %s",
    static_cast<long long>(total), batch, workers, std::thread::hardware_concurrency(),
    [] {
      std::ifstream in("/proc/loadavg");
      std::string l;
      std::getline(in, l);
      return (l + "\n");
    }()
        .c_str());
GeneratedSource source(total);
Sampler sampler(total);
import::ImportOptions options;
options.workers = workers;
options.batch_size = batch;
const double cpu0 = CpuSeconds();
const auto t0 = std::chrono::steady_clock::now();
const import::ReplayContext ctx{&*catalog, &*cal};
auto totals = import::RunImport(source, ctx, sink, options, &sampler);
const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
const double cpu = CpuSeconds() - cpu0;
if (!totals.ok()) Die(totals.status());
if (totals->imported != total) {
  std::fprintf(stderr, "import_bench: imported %lld of %lld\n",
               static_cast<long long>(totals->imported), static_cast<long long>(total));
  return 1;
}
std::printf(
    "imported %lld dossiers in %.2f s: %.0f dossiers/s (%.0f events/s); "
    "CPU %.2f s (%.0f dossiers per CPU-second); peak RSS %ld kB; database %.0f MB\n",
    static_cast<long long>(total), secs, total / secs, 5 * total / secs, cpu, total / cpu,
    ProcStatusKb("VmHWM"), std::filesystem::file_size(db) / 1048576.0);
store->reset();
if (temporary) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
}
return 0;
}
