// The engine-neutral store suite on SQLite files, and what only SQLite has:
// its migrations, its URL, and tampering with its rows.
#include "store/sqlite/sqlite_store.h"

#include <gtest/gtest.h>

#include "report/report.h"
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
