// The engine-neutral store suite on SQLite files, and what only SQLite has:
// its migrations, its URL, and tampering with its rows.
#include "store/sqlite/sqlite_store.h"

#include <gtest/gtest.h>

#include "report/report.h"
#include "store/sqlite/dossier_rows.h"
#include "store/sqlite/migrate.h"
#include "store/sqlite/schema.h"
#include "store/sqlite/temp_dir_testing.h"
#include "store/store_suite_testing.h"

namespace motcua::store {
namespace {

class SqliteEnv : public StoreEnv {
 public:
  Result<std::unique_ptr<Store>> Open() override {
    MOTCUA_ASSIGN_OR_RETURN(auto store, sqlite::SqliteStore::Open(dir_.File("motcua.db")));
    return std::unique_ptr<Store>(std::move(store));
  }

 private:
  sqlite::TempDir dir_;
};

std::unique_ptr<StoreEnv> MakeSqliteEnv() { return std::make_unique<SqliteEnv>(); }

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreSuite, ::testing::Values(&MakeSqliteEnv));

}  // namespace

namespace sqlite {
namespace {

class SqliteStoreTest : public ::testing::Test {
 protected:
  std::unique_ptr<SqliteStore> OpenStore() {
    auto store = SqliteStore::Open(dir_.File("motcua.db"));
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  // Runs fixed SQL on the writer connection (test-only tampering).
  Status Sql(SqliteStore& store, const char* sql) {
    return store.database().writer().Write([&](Connection& conn) { return conn.Exec(sql); });
  }

  dossier::Dossier Create(Store& store, Instant at) {
    NewDossier req;
    req.agency_code = DossierMaker::kAgency;
    req.submitted_at = at;
    req.build = [&](const std::string& code) { return maker_.Submit(code, "A", "0", at); };
    return store.CreateDossier(req).value();
  }

  TempDir dir_;
  DossierMaker maker_;
};

TEST_F(SqliteStoreTest, AFreshFileGetsTheWholeSchemaAndReopeningKeepsIt) {
  {
    auto store = OpenStore();
    ASSERT_NE(store, nullptr);
  }
  auto conn = Connection::Open(dir_.File("motcua.db"), ConnectionOptions{});
  ASSERT_TRUE(conn.ok());
  EXPECT_EQ(SchemaVersion(**conn).value(), static_cast<int>(StoreMigrations().size()));
  ASSERT_NE(OpenStore(), nullptr);  // nothing left to migrate, no error
  EXPECT_EQ(SchemaVersion(**conn).value(), static_cast<int>(StoreMigrations().size()));
}

TEST_F(SqliteStoreTest, ADatabaseFromANewerProgramIsRefused) {
  {
    auto store = OpenStore();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(Sql(*store, "INSERT INTO schema_version(version, name) VALUES(99, 'future')").ok());
  }
  auto store = SqliteStore::Open(dir_.File("motcua.db"));
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kFailedPrecondition);
}

TEST_F(SqliteStoreTest, TamperingWithAStoredEventBreaksChainVerification) {
  auto store = OpenStore();
  dossier::Dossier d = Create(*store, LocalTime("2024-03-04T08:10"));
  auto t = maker_.Step(d, dossier::Action::kReceive, LocalTime("2024-03-04T09:00"));
  ASSERT_TRUE(store->ApplyTransition({d.version, *t, "", std::nullopt}).ok());

  const auto verify_all = [&] {
    return store->ForEachEventChain(
        [](const EventChain& c) { return dossier::VerifyChain(c.events); });
  };
  ASSERT_TRUE(verify_all().ok());
  // Someone with file access rewrites who received the dossier.
  ASSERT_TRUE(Sql(*store, "UPDATE event SET actor = 'intruder' WHERE seq = 2").ok());
  const Status broken = verify_all();
  EXPECT_EQ(broken.code(), Status::Code::kCorruption);
  EXPECT_NE(broken.message().find("event 2"), std::string::npos) << broken.ToString();
  // Deleting the last event is caught by the head hash the snapshot records.
  ASSERT_TRUE(Sql(*store, "UPDATE event SET actor = 'desk.a' WHERE seq = 2").ok());
  ASSERT_TRUE(verify_all().ok());
  ASSERT_TRUE(Sql(*store, "DELETE FROM event WHERE seq = 2").ok());
  EXPECT_TRUE(verify_all().ok());  // the remaining chain is valid on its own...
  const Status head = store->ForEachEventChain([](const EventChain& c) -> Status {
    if (c.events.empty() || c.events.back().hash != c.head_hash) {
      return Status::Corruption("dossier " + c.code + ": chain ends before its head");
    }
    return Status::Ok();
  });
  EXPECT_EQ(head.code(), Status::Code::kCorruption);  // ...but not the dossier's
}

TEST_F(SqliteStoreTest, ACorruptSnapshotIsReportedNotCrashedOn) {
  auto store = OpenStore();
  const dossier::Dossier d = Create(*store, LocalTime("2024-03-04T08:10"));
  ASSERT_TRUE(Sql(*store, "UPDATE dossier SET snapshot = x'01ff'").ok());
  EXPECT_EQ(store->GetDossier(d.code).status().code(), Status::Code::kCorruption);
}

TEST_F(SqliteStoreTest, ReportsSeeWritesOfAnotherProcessDespiteTheFactsCache) {
  auto server = OpenStore();
  const dossier::Dossier d = Create(*server, LocalTime("2024-03-04T08:10"));
  const auto march = report::QueryForDates({2024, 3, 1}, {2024, 3, 31});
  const FactsQuery query{DossierMaker::kAgency, march.from, march.to};
  auto before = server->ReportFacts(query);
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->size(), 1u);
  EXPECT_EQ(server->facts_cache().cached_agencies(), 1u);
  {
    // Another process (e.g. `motcua import`) on the same file: its own store,
    // its own writer, nothing shared in memory with `server`.
    auto other = OpenStore();
    auto t = maker_.Step(d, dossier::Action::kRefuse, LocalTime("2024-03-04T09:00"));
    ASSERT_TRUE(t.ok());
    ASSERT_TRUE(other->ApplyTransition({d.version, *t, "", std::nullopt}).ok());
    Create(*other, LocalTime("2024-03-05T08:00"));
  }
  auto after = server->ReportFacts(query);
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->size(), 2u);
  int refused = 0;
  for (const auto& f : after->facts()) refused += f.refused_at().has_value() ? 1 : 0;
  EXPECT_EQ(refused, 1);
}

TEST_F(SqliteStoreTest, UpgradingAVersion1FileCountsItsDossiersAndKeepsItsRows) {
  {
    // A file written by the program before schema version 2: rows put in
    // with that version's columns only.
    auto conn = Connection::Open(dir_.File("motcua.db"), ConnectionOptions{});
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(Migrate(**conn, StoreMigrations().first(1)).ok());
    ASSERT_TRUE((*conn)
                    ->Exec(R"sql(
      INSERT INTO dossier(id, code, agency, procedure, state, channel, handler, applicant_name,
        applicant_phone, phone_key, applicant_login, submitted_at, due_at, completed_at, version,
        head_hash, facts_agency, is_open, snapshot)
      VALUES
        (1, '000.00.12.H29-240304-0001', '000.00.12.H29', '1.004227', 'received', 'online', '',
         'A', '0', '0', '', 1709514600, 1710000000, NULL, 2, zeroblob(32), '000.00.12.H29', 1,
         x'00'),
        (2, '000.00.12.H29-240304-0002', '000.00.12.H29', '1.004227', 'resolved', 'online', '',
         'B', '0', '0', '', 1709514660, 1710000000, 1709600000, 3, zeroblob(32),
         '000.00.12.H29', 0, x'00'),
        (3, '000.00.12.H29-240304-0003', '000.00.12.H29', '1.004227', 'received', 'online', '',
         'C', '0', '0', '', 1709514720, 1710000000, NULL, 2, zeroblob(32), '000.00.12.H29', 1,
         x'00');
      INSERT INTO event(id, dossier_id, seq, action, actor, on_behalf_of, at, payload,
        prev_hash, hash)
      VALUES (1048577, 1, 1, 'submit', 'citizen.a', '', 1709514600, '{}', zeroblob(32),
        zeroblob(32));
      INSERT INTO app_user(login, display_name, roles, agency) VALUES('admin', 'Quản trị',
        'admin', '');
    )sql")
                    .ok());
    ASSERT_EQ(SchemaVersion(**conn).value(), 1);
  }
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  auto counts = store->CountDossiers(1710000001);
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(counts->by_state[static_cast<size_t>(dossier::State::kReceived)].second, 2);
  EXPECT_EQ(counts->by_state[static_cast<size_t>(dossier::State::kResolved)].second, 1);
  EXPECT_EQ(counts->open_overdue, 2);
  EXPECT_EQ(store->CountDossiers(1710000000)->open_overdue, 0);
  auto recorded = store->ListEventsWithRequestIds("000.00.12.H29-240304-0001");
  ASSERT_TRUE(recorded.ok()) << recorded.status().ToString();
  ASSERT_EQ(recorded->size(), 1u);
  EXPECT_EQ((*recorded)[0].request_id, "");
  auto admin = store->GetUser("admin");
  ASSERT_TRUE(admin.ok()) << admin.status().ToString();
  EXPECT_FALSE(admin->disabled);
}

TEST_F(SqliteStoreTest, AVersion2FileLosesItsCountTriggersAndIsCountedAfresh) {
  {
    // Version 2 kept the counts with triggers on dossier, one run per
    // inserted row (schema.cc says what that cost).
    auto conn = Connection::Open(dir_.File("motcua.db"), ConnectionOptions{});
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(Migrate(**conn, StoreMigrations().first(2)).ok());
    ASSERT_TRUE((*conn)->Exec("UPDATE dossier_state_count SET n = 0").ok());
  }
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  dossier::Dossier d = Create(*store, LocalTime("2024-03-04T08:10"));
  Create(*store, LocalTime("2024-03-04T08:20"));
  auto t = maker_.Step(d, dossier::Action::kReceive, LocalTime("2024-03-04T09:00"));
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE(store->ApplyTransition({d.version, *t, "", std::nullopt}).ok());
  auto counts = store->CountDossiers(0);
  ASSERT_TRUE(counts.ok());
  // Counted once each: by the writes, not also by a trigger left behind.
  EXPECT_EQ(counts->by_state[static_cast<size_t>(dossier::State::kSubmitted)].second, 1);
  EXPECT_EQ(counts->by_state[static_cast<size_t>(dossier::State::kReceived)].second, 1);
  auto conn = Connection::Open(dir_.File("motcua.db"), ConnectionOptions{});
  ASSERT_TRUE(conn.ok());
  auto triggers = (*conn)->Prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'");
  ASSERT_TRUE(triggers.ok());
  ASSERT_TRUE(triggers->Step().value());
  EXPECT_EQ(triggers->ColumnInt(0), 0);
}

// The plan SQLite picks for `sql`, one line per step.
std::string QueryPlan(Connection& conn, const std::string& sql) {
  auto s = conn.Prepare("EXPLAIN QUERY PLAN " + sql);
  if (!s.ok()) return s.status().ToString();
  std::string plan;
  while (true) {
    Result<bool> row = s->Step();
    if (!row.ok()) return row.status().ToString();
    if (!*row) return plan;
    plan += s->ColumnText(3) + "\n";
  }
}

TEST_F(SqliteStoreTest, TheApiLookupsUseTheirIndexes) {
  ASSERT_NE(OpenStore(), nullptr);
  auto conn = Connection::Open(dir_.File("motcua.db"), ConnectionOptions{});
  ASSERT_TRUE(conn.ok());
  // The statements of store_accounts.cc, store_questions.cc and
  // store_facts.cc (CountDossiers) with their parameters.
  const struct {
    const char* sql;
    const char* index;
  } lookups[] = {
      {"SELECT id FROM credential WHERE token_hash = ?1", "sqlite_autoindex_credential_1"},
      {"SELECT id FROM credential WHERE login = ?2 AND kind = ?1 ORDER BY id",
       "credential_by_login"},
      {"SELECT q.id FROM question q JOIN dossier d ON d.id = q.dossier_id "
       "WHERE q.dossier_id = ?1 ORDER BY q.id",
       "question_by_dossier"},
      {"SELECT count(*) FROM dossier WHERE is_open = 1 AND due_at < ?1 AND state IN (?2, ?3)",
       "dossier_open_by_state (state=? AND due_at<?)"},
  };
  for (const auto& l : lookups) {
    const std::string plan = QueryPlan(**conn, l.sql);
    EXPECT_NE(plan.find(l.index), std::string::npos) << l.sql << "\n" << plan;
    EXPECT_EQ(plan.find("SCAN"), std::string::npos) << l.sql << "\n" << plan;
  }
}

// UpdateDossier names in SET only the indexed columns that change: every
// index must still agree with the table after each kind of transition.
TEST_F(SqliteStoreTest, IndexesStayInStepWhenATransitionSetsOnlyTheColumnsThatChange) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  dossier::Dossier d = Create(*store, LocalTime("2026-03-02 09:00"));
  const auto count = [&](const std::string& sql, const std::string& value) -> std::int64_t {
    auto lease = store->database().readers().Acquire();
    EXPECT_TRUE(lease.ok());
    auto stmt = (*lease)->Prepare(sql);
    EXPECT_TRUE(stmt.ok()) << sql;
    stmt->Bind(1, value);
    auto row = stmt->Step();
    EXPECT_TRUE(row.ok() && *row);
    return stmt->ColumnInt(0);
  };
  const auto integrity = [&] {
    auto lease = store->database().readers().Acquire();
    auto stmt = (*lease)->Prepare("PRAGMA integrity_check");
    auto row = stmt->Step();
    return row.ok() && *row ? stmt->ColumnText(0) : std::string("no answer");
  };
  Instant at = LocalTime("2026-03-02 10:00");
  for (dossier::Action action :
       {dossier::Action::kReceive, dossier::Action::kTransfer, dossier::Action::kExtend,
        dossier::Action::kResolve, dossier::Action::kReturn}) {
    auto t = maker_.Step(d, action, at);
    ASSERT_TRUE(t.ok()) << dossier::ActionName(action) << ": " << t.status().ToString();
    TransitionWrite w;
    w.expected_version = d.version;
    w.transition = std::move(t).value();
    auto after = store->ApplyTransition(w);
    ASSERT_TRUE(after.ok()) << dossier::ActionName(action) << ": " << after.status().ToString();
    d = std::move(after).value();
    at += 3600;
    SCOPED_TRACE(dossier::ActionName(action));
    EXPECT_EQ(integrity(), "ok");
    const std::int64_t open = IsOpenForWork(d.state) ? 1 : 0;
    EXPECT_EQ(count("SELECT count(*) FROM dossier INDEXED BY dossier_open_by_state "
                    "WHERE is_open = 1 AND state = ?1",
                    dossier::StateName(d.state)),
              open);
    EXPECT_EQ(count("SELECT count(*) FROM dossier INDEXED BY dossier_open_by_handler "
                    "WHERE is_open = 1 AND handler = ?1",
                    d.handler),
              open);
    EXPECT_EQ(count("SELECT count(*) FROM dossier INDEXED BY dossier_by_agency WHERE agency = ?1",
                    d.agency_code),
              1);
    EXPECT_EQ(count("SELECT version FROM dossier WHERE code = ?1", d.code), d.version);
  }
  EXPECT_EQ(d.state, dossier::State::kReturned);
}

TEST(StoreUrl, SqliteUrlsOpenAndPostgresIsNotBuiltYet) {
  TempDir dir;
  auto store = Open("sqlite:" + dir.File("a.db"));
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_TRUE(Open("sqlite://" + dir.File("b.db")).ok());
  auto pg = Open("postgresql://motcua@localhost/motcua");
  ASSERT_FALSE(pg.ok());
  EXPECT_NE(pg.status().message().find("not built yet"), std::string::npos);
  EXPECT_EQ(Open("mysql://x").status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(Open("sqlite:").status().code(), Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace sqlite
}  // namespace motcua::store
