// Reports over a store whose facts cache holds one window of time per
// agency: the first report of a period reads only that period's window, a
// later report inside it reads nothing, and dossiers that lived long --
// submitted long before the period, still counting in it -- are never lost,
// whether the window was just loaded or kept in step by later writes.
#include "store/sqlite/facts_cache.h"

#include <gtest/gtest.h>

#include "report/report.h"
#include "store/dossier_maker_testing.h"
#include "store/facts_row.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/temp_dir_testing.h"

namespace motcua::store::sqlite {
namespace {

constexpr Instant kDay = 86400;

// The encoded facts of a dossier submitted at `at`, not yet received.
std::string Facts(const std::string& code, Instant at) {
  FactsRow row;
  row.code = code;
  row.agency = DossierMaker::kAgency;
  row.field = "bao_chi";
  row.procedure = "1.004227";
  row.submitted_at = at;
  return EncodeFacts(row);
}

FactsCache::Row Row(std::int64_t id, Instant at, Instant last_at) {
  return {at, id, last_at, Facts("X-" + std::to_string(id), at)};
}

// Codes of the facts a report of [from, to) gets from the cache; nullopt
// when the cache cannot answer.
std::optional<std::vector<std::string>> Cached(FactsCache& cache, std::uint64_t generation,
                                               Instant from, Instant to) {
  report::FactsTable table;
  Result<bool> hit = cache.Fill(DossierMaker::kAgency, generation, from, to, &table);
  EXPECT_TRUE(hit.ok()) << hit.status().ToString();
  if (!hit.ok() || !*hit) return std::nullopt;
  std::vector<std::string> codes;
  for (const report::DossierFacts& f : table.facts()) codes.emplace_back(table.code(f));
  return codes;
}

class FactsCacheTest : public ::testing::Test {
 protected:
  // Loads the window of a report of [from, to) holding `rows`.
  void Load(Instant from, Instant to, const std::vector<FactsCache::Row>& rows) {
    FactsCache::Window w = FactsCache::WindowFor(from, to);
    for (const auto& r : rows) w.Add(r.submitted_at, r.dossier_id, r.last_at, r.facts);
    report::FactsTable table;
    ASSERT_TRUE(cache_.Load(DossierMaker::kAgency, std::move(w), 1, from, to, &table).ok());
  }

  const Instant t0_ = LocalTime("2024-06-01T08:00");
  FactsCache cache_;
};

TEST_F(FactsCacheTest, AWindowAnswersOnlyThePeriodsItCovers) {
  // A report of June-December reads from 90 days before June.
  const Instant from = t0_, to = t0_ + 200 * kDay;
  Load(from, to,
       {Row(1, from - 300 * kDay, kStillOpen), Row(2, from - 80 * kDay, from - 70 * kDay),
        Row(3, from + kDay, kStillOpen), Row(4, from + 100 * kDay, kStillOpen)});
  EXPECT_EQ(Cached(cache_, 1, from, to), (std::vector<std::string>{"X-1", "X-3", "X-4"}));
  EXPECT_EQ(Cached(cache_, 1, from + 50 * kDay, from + 60 * kDay),
            (std::vector<std::string>{"X-1", "X-3"}));
  EXPECT_EQ(Cached(cache_, 1, from - kDay, to), std::nullopt) << "starts before the window";
  EXPECT_EQ(Cached(cache_, 1, from, to + 1), std::nullopt) << "ends after the window";
  EXPECT_EQ(Cached(cache_, 2, from, to), std::nullopt) << "the database is ahead";
}

TEST_F(FactsCacheTest, WritesKeepTheWindowInStepOrForgetTheAgency) {
  const Instant from = t0_, to = t0_ + 200 * kDay;
  Load(from, to, {Row(1, from + kDay, kStillOpen), Row(2, from + 2 * kDay, kStillOpen)});
  // A new dossier inside the window goes last; one after it is not needed.
  cache_.Apply({{DossierMaker::kAgency, "", Row(3, from + 3 * kDay, kStillOpen)},
                {DossierMaker::kAgency, "", Row(4, to + kDay, kStillOpen)}},
               2);
  EXPECT_EQ(Cached(cache_, 2, from, to), (std::vector<std::string>{"X-1", "X-2", "X-3"}));
  // A dossier of the window ends before the period: it drops out of it.
  cache_.Apply({{DossierMaker::kAgency, "", Row(1, from + kDay, from + 5 * kDay)}}, 3);
  EXPECT_EQ(Cached(cache_, 3, from + 10 * kDay, to), (std::vector<std::string>{"X-2", "X-3"}));
  // An old dossier, not held, that now lives into the period: the window
  // cannot hold it in order, so the agency is read again next time.
  cache_.Apply({{DossierMaker::kAgency, "", Row(9, from - 200 * kDay, from + 10 * kDay)}}, 4);
  EXPECT_EQ(Cached(cache_, 4, from, to), std::nullopt);
  EXPECT_EQ(cache_.cached_agencies(), 0u);
}

TEST_F(FactsCacheTest, ALoadOlderThanAnAppliedWriteIsNotKept) {
  cache_.Apply({}, 5);
  FactsCache::Window w = FactsCache::WindowFor(t0_, t0_ + kDay);
  w.Add(t0_, 1, kStillOpen, Facts("X-1", t0_));
  report::FactsTable table;
  ASSERT_TRUE(cache_.Load(DossierMaker::kAgency, std::move(w), 4, t0_, t0_ + kDay, &table).ok());
  EXPECT_EQ(table.size(), 1u) << "the report still gets its snapshot's rows";
  EXPECT_EQ(cache_.cached_agencies(), 0u);
}

// Through the store: the first report reads the window from report_fact,
// long-lived dossiers through the partial index.
class FactsWindowStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = SqliteStore::Open(dir_.File("motcua.db"));
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  // Imports dossier `seq` submitted at `at`, received an hour later, and
  // transferred, resolved and returned `days` later (never, if days is 0).
  void Import(int seq, Instant at, int days) {
    char code[64];
    const CivilDate d = CivilFromDays(LocalDayOf(at));
    std::snprintf(code, sizeof code, "%s-%02d%02d%02d-%04d", DossierMaker::kAgency, d.year % 100,
                  d.month, d.day, seq);
    auto t = maker_.Submit(code, "Hồ Văn Cường", "0912000000", at);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    ImportedDossier item{t->dossier, {t->event}, std::nullopt};
    const auto step = [&](dossier::Action a, Instant when) {
      auto next = maker_.Step(item.dossier, a, when);
      ASSERT_TRUE(next.ok()) << next.status().ToString();
      item.dossier = next->dossier;
      item.events.push_back(next->event);
    };
    step(dossier::Action::kReceive, at + 3600);
    if (days > 0) {
      step(dossier::Action::kTransfer, at + 2 * 3600);
      step(dossier::Action::kResolve, at + days * kDay);
      step(dossier::Action::kReturn, at + days * kDay + 3600);
    }
    ASSERT_TRUE(store_->ImportDossiers({&item, 1}).ok());
  }

  std::size_t Count(Instant from, Instant to) {
    auto facts = store_->ReportFacts({DossierMaker::kAgency, from, to});
    EXPECT_TRUE(facts.ok()) << facts.status().ToString();
    return facts.ok() ? facts->size() : 0;
  }

  TempDir dir_;
  DossierMaker maker_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(FactsWindowStoreTest, DossiersSubmittedLongBeforeThePeriodStillCount) {
  const Instant jan = LocalTime("2024-01-02T08:00"), oct = LocalTime("2024-10-01T00:00"),
                dec = LocalTime("2024-12-01T00:00");
  Import(1, jan, 0);               // still open in October
  Import(2, jan + kDay, 300);      // returned in late October
  Import(3, jan + 2 * kDay, 10);   // over in January
  Import(4, oct - 20 * kDay, 30);  // returned in October
  Import(5, oct + 5 * kDay, 0);    // submitted in October
  EXPECT_EQ(Count(oct, dec), 4u);  // the window, read from the tables
  EXPECT_EQ(store_->facts_cache().cached_agencies(), 1u);
  EXPECT_EQ(Count(oct, dec), 4u);  // the same, from the cache
  EXPECT_EQ(Count(jan, jan + 5 * kDay), 3u) << "a period before the window reads it afresh";
}

TEST_F(FactsWindowStoreTest, LiveWorkAfterTheFirstReportIsCounted) {
  const Instant oct = LocalTime("2024-10-01T00:00"), dec = LocalTime("2024-12-01T00:00");
  Import(1, oct + kDay, 0);
  EXPECT_EQ(Count(oct, dec), 1u);
  NewDossier req;
  req.agency_code = DossierMaker::kAgency;
  req.submitted_at = oct + 10 * kDay;
  req.build = [&](const std::string& code) {
    return maker_.Submit(code, "B", "0", req.submitted_at);
  };
  ASSERT_TRUE(store_->CreateDossier(req).ok());
  EXPECT_EQ(Count(oct, dec), 2u);
  EXPECT_EQ(store_->facts_cache().cached_agencies(), 1u) << "kept in step, not reloaded";
}

}  // namespace
}  // namespace motcua::store::sqlite
