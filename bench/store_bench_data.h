// Synthetic history for the store benchmarks: dossiers of six agencies over
// 2021-2025, each with five chained events (submit, receive, transfer,
// resolve, return) made by the real life cycle (dossier::Apply), applicants
// with Vietnamese names drawn by their real frequency (Nguyễn about 38%,
// Văn and Thị the usual middle names), and a shared 1,000,000-dossier
// database built once and reused by the search and facts benchmarks.
//
// Environment: MOTCUA_BENCH_DIR (default /tmp/motcua_store_bench) holds the
// databases. Not thread-safe; bench-only.
#pragma once

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "calendar/working_calendar.h"
#include "dossier/code.h"
#include "dossier/lifecycle.h"
#include "store/sqlite/sqlite_store.h"
#include "util/civil_time.h"

namespace motcua::bench {

inline std::string BenchDir() {
  const char* dir = std::getenv("MOTCUA_BENCH_DIR");
  std::string path = dir != nullptr ? dir : "/tmp/motcua_store_bench";
  std::filesystem::create_directories(path);
  return path;
}

// Peak resident set size of this process, MiB.
inline double PeakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is KiB on Linux
}

[[noreturn]] inline void Die(const Status& s) {
  std::fprintf(stderr, "store bench: %s\n", s.ToString().c_str());
  std::exit(1);
}

struct Weighted {
  const char* text;
  int weight;
};

// Surnames by approximate share of the population (per mille).
inline constexpr Weighted kSurnames[] = {
    {"Nguyễn", 380}, {"Trần", 110}, {"Lê", 95},    {"Phạm", 70}, {"Hoàng", 51}, {"Huỳnh", 30},
    {"Phan", 45},    {"Vũ", 39},    {"Võ", 30},    {"Đặng", 21}, {"Bùi", 20},   {"Đỗ", 14},
    {"Hồ", 13},      {"Ngô", 13},   {"Dương", 10}, {"Lý", 5},    {"Đinh", 8},   {"Trịnh", 6},
    {"Mai", 5},      {"Cao", 5},    {"Lương", 4},  {"Tạ", 3},    {"Hà", 4},     {"Lâm", 3},
};
inline constexpr Weighted kMiddle[] = {
    {"Văn", 300},  {"Thị", 300}, {"Hữu", 40},  {"Đức", 40},   {"Minh", 50},
    {"Thanh", 50}, {"Ngọc", 50}, {"Quốc", 30}, {"Xuân", 30},  {"Hoàng", 30},
    {"Thu", 30},   {"Kim", 20},  {"Công", 20}, {"Quang", 20},
};
inline constexpr const char* kGiven[] = {
    "An",    "Anh",   "Bình",   "Châu", "Chi",   "Cường", "Dũng", "Dung", "Duy",   "Đạt",
    "Giang", "Hà",    "Hải",    "Hạnh", "Hiếu",  "Hoa",   "Hòa",  "Hùng", "Hương", "Huy",
    "Khánh", "Lan",   "Linh",   "Long", "Mai",   "Minh",  "Nam",  "Nga",  "Ngọc",  "Nhung",
    "Phong", "Phúc",  "Phương", "Quân", "Quang", "Sơn",   "Tâm",  "Thảo", "Thắng", "Thành",
    "Thủy",  "Trang", "Trung",  "Tuấn", "Tú",    "Vân",   "Việt", "Yến",  "Bảo",   "Đông",
    "Hậu",   "Khoa",  "Lộc",    "Ly",   "My",    "Nhân",  "Oanh", "Quý",  "Sang",  "Tài",
    "Thư",   "Tiến",  "Toàn",   "Uyên", "Vinh",  "Xuân",  "Đức",  "Đào",  "Giao",  "Kiên",
};

inline constexpr Weighted kAgencies[] = {
    {"000.00.12.H29", 30}, {"000.00.07.H29", 25}, {"000.00.21.H29", 15},
    {"000.00.33.H29", 12}, {"000.00.41.H29", 10}, {"000.00.45.H29", 8},
};

class Picker {
 public:
  template <size_t N>
  explicit Picker(const Weighted (&items)[N]) {
    for (const auto& item : items) {
      total_ += item.weight;
      items_.push_back({item.text, total_});
    }
  }
  const char* Pick(std::mt19937_64& rng) const {
    const int r = static_cast<int>(rng() % static_cast<std::uint64_t>(total_));
    for (const auto& [text, upto] : items_) {
      if (r < upto) return text;
    }
    return items_.back().first;
  }

 private:
  std::vector<std::pair<const char*, int>> items_;
  int total_ = 0;
};

// Makes dossiers in submission order, `total` of them spread over 2021-2025.
class HistoryGenerator {
 public:
  explicit HistoryGenerator(std::int64_t total, std::uint64_t seed = 42)
      : total_(total),
        rng_(seed),
        surnames_(kSurnames),
        middles_(kMiddle),
        agencies_(kAgencies),
        cal_(Calendar()) {}

  static Instant Start() { return LocalMidnight(DaysFromCivil({2021, 1, 1})); }
  static Instant End() { return LocalMidnight(DaysFromCivil({2025, 12, 1})); }

  std::string Name() {
    std::string name = surnames_.Pick(rng_);
    name += ' ';
    name += middles_.Pick(rng_);
    name += ' ';
    name += kGiven[rng_() % std::size(kGiven)];
    return name;
  }

  // The next `n` dossiers (fewer at the end).
  std::vector<store::ImportedDossier> Next(std::int64_t n) {
    std::vector<store::ImportedDossier> out;
    for (; n > 0 && made_ < total_; --n, ++made_) out.push_back(Make());
    return out;
  }
  std::int64_t made() const { return made_; }

 private:
  static calendar::WorkingCalendar Calendar() {
    std::vector<calendar::YearSchedule> years;
    for (int y = 2020; y <= 2027; ++y) {
      calendar::YearSchedule s;
      s.year = y;
      years.push_back(s);
    }
    auto cal = calendar::WorkingCalendar::Build(calendar::OfficeHours::Default(), years);
    if (!cal.ok()) Die(cal.status());
    return std::move(cal).value();
  }

  store::ImportedDossier Make() {
    const Instant span = End() - Start();
    // Office-hour submissions: 07:30 + up to 9 hours on the day.
    const Instant day_start =
        LocalMidnight(LocalDayOf(Start() + span * made_ / total_)) + 7 * 3600 + 1800;
    const Instant submitted = day_start + static_cast<Instant>(rng_() % (9 * 3600));
    const std::string agency = agencies_.Pick(rng_);
    const int seq = ++sequences_[{agency, LocalDayOf(submitted)}];
    const std::string code = dossier::MakeDossierCode(agency, submitted, seq).value();

    dossier::ProcedureTerms terms;
    terms.code = "1.004227";
    terms.version = 1;
    terms.agency_code = agency;
    terms.field_code = "bao_chi";
    terms.processing_time = {5, catalog::TimeUnit::kWorkingDays, catalog::PausePolicy::kPause};
    terms.mandatory_component_ids = {"don"};
    const dossier::DeadlineContext ctx{&terms, &cal_};

    store::ImportedDossier item;
    dossier::Command c;
    c.action = dossier::Action::kSubmit;
    c.at = submitted;
    c.code = code;
    c.applicant.name = Name();
    char phone[16];
    std::snprintf(phone, sizeof phone, "09%08u", static_cast<unsigned>(rng_() % 100000000));
    c.applicant.phone = phone;
    c.channel = dossier::Channel::kOnline;
    c.components = {{"don", dossier::Sha256Hex(code)}};
    dossier::Transition t = Check(dossier::Apply(nullptr, c, ctx));
    item.events.push_back(t.event);

    const auto step = [&](dossier::Action a, Instant at) {
      dossier::Command s;
      s.action = a;
      s.expected_version = t.dossier.version;
      s.actor = "postal.a";
      s.on_behalf_of = agency;
      s.at = at;
      if (a == dossier::Action::kTransfer) s.handler = "spec.b";
      if (a == dossier::Action::kResolve) s.outcome = dossier::Outcome::kApproved;
      if (a == dossier::Action::kReturn) s.return_method = dossier::ReturnMethod::kCounter;
      t = Check(dossier::Apply(&t.dossier, s, ctx));
      item.events.push_back(t.event);
    };
    step(dossier::Action::kReceive, submitted + 1800);
    step(dossier::Action::kTransfer, submitted + 3600);
    // Resolved 1..9 days later: most before or on the due day, some late.
    step(dossier::Action::kResolve, submitted + 86400 * (1 + static_cast<Instant>(rng_() % 9)));
    step(dossier::Action::kReturn, t.dossier.updated_at + 86400);
    item.dossier = std::move(t.dossier);
    return item;
  }

  static dossier::Transition Check(Result<dossier::Transition> t) {
    if (!t.ok()) Die(t.status());
    return std::move(t).value();
  }

  std::int64_t total_;
  std::int64_t made_ = 0;
  std::mt19937_64 rng_;
  Picker surnames_, middles_, agencies_;
  calendar::WorkingCalendar cal_;
  std::map<std::pair<std::string, DayNumber>, int> sequences_;
};

struct ImportStats {
  double import_seconds = 0;  // inside ImportDossiers only
  // CPU of the store's writer thread alone: the serial part.
  double writer_cpu_seconds = 0;
  double generate_seconds = 0;
  std::vector<std::pair<std::int64_t, double>> rss_mib;  // (dossiers, RSS) checkpoints
};

// Imports `total` generated dossiers into `store` in batches of `batch`.
inline ImportStats ImportHistory(store::sqlite::SqliteStore& store, std::int64_t total,
                                 std::int64_t batch) {
  using Clock = std::chrono::steady_clock;
  ImportStats stats;
  HistoryGenerator gen(total);
  const std::int64_t checkpoint = std::max<std::int64_t>(total / 10, 1);
  while (gen.made() < total) {
    const auto t0 = Clock::now();
    std::vector<store::ImportedDossier> items = gen.Next(batch);
    const auto t1 = Clock::now();
    auto summary = store.ImportDossiers(items);
    const auto t2 = Clock::now();
    if (!summary.ok()) Die(summary.status());
    stats.generate_seconds += std::chrono::duration<double>(t1 - t0).count();
    stats.import_seconds += std::chrono::duration<double>(t2 - t1).count();
    if (gen.made() % checkpoint < batch) stats.rss_mib.emplace_back(gen.made(), PeakRssMiB());
  }
  stats.writer_cpu_seconds = store.database().writer().busy_cpu_seconds();
  return stats;
}

inline std::string SharedDatabasePath(std::int64_t total) {
  return BenchDir() + "/history_" + std::to_string(total) + ".db";
}

// Marks the shared database of `total` dossiers as complete.
inline void MarkShared(std::int64_t total) {
  std::FILE* f = std::fopen((SharedDatabasePath(total) + ".complete").c_str(), "w");
  if (f != nullptr) std::fclose(f);
}

// The shared database of `total` dossiers, built on first use (or by
// store_import_bench's streaming run).
inline std::string SharedDatabase(std::int64_t total) {
  const std::string path = SharedDatabasePath(total);
  const std::string done = path + ".complete";
  if (std::filesystem::exists(done)) return path;
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  std::filesystem::remove(path + "-shm");
  std::fprintf(stderr, "building %s (%lld dossiers, once)...\n", path.c_str(),
               static_cast<long long>(total));
  {
    auto store = store::sqlite::SqliteStore::Open(path);
    if (!store.ok()) Die(store.status());
    ImportHistory(**store, total, 2000);
  }
  MarkShared(total);
  return path;
}

}  // namespace motcua::bench
