// WalStamp and the reads it lets the store answer from memory: the stamp
// stays put while nothing is committed and moves with every commit, by this
// store, by another store in the process, or by another process (the sqlite3
// shell); a dossier or accounts generation read after such a commit is
// never the one kept from before it.
#include "store/sqlite/wal_stamp.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include "store/dossier_maker_testing.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/stamped_cache.h"
#include "store/sqlite/temp_dir_testing.h"
#include "util/nonblocking.h"

namespace motcua::store::sqlite {
namespace {

class WalStampTest : public ::testing::Test {
 protected:
  std::unique_ptr<SqliteStore> OpenStore() {
    auto store = SqliteStore::Open(dir_.File("motcua.db"));
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  static WalStampValue Stamp(SqliteStore& store) {
    const std::optional<WalStampValue> s = store.database().stamp().Read();
    EXPECT_TRUE(s.has_value()) << "a WAL database on a local disk has a readable stamp";
    return s.value_or(WalStampValue{});
  }

  dossier::Dossier Create(Store& store, const std::string& applicant, Instant at) {
    NewDossier req;
    req.agency_code = DossierMaker::kAgency;
    req.submitted_at = at;
    req.build = [&](const std::string& code) { return maker_.Submit(code, applicant, "0", at); };
    return store.CreateDossier(req).value();
  }

  // Runs `sql` in the sqlite3 shell: another process, with its own SQLite.
  void SqlInAnotherProcess(const std::string& sql) {
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      const std::string db = dir_.File("motcua.db");
      execlp("sqlite3", "sqlite3", db.c_str(), sql.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    ASSERT_EQ(WEXITSTATUS(status), 0) << "sqlite3 " << sql;
  }

  TempDir dir_;
  DossierMaker maker_;
};

TEST_F(WalStampTest, ItStaysPutWhileNothingIsCommittedAndMovesWithEveryCommit) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  const WalStampValue before = Stamp(*store);
  ASSERT_TRUE(store->GetUser("nobody").status().code() == Status::Code::kNotFound);
  EXPECT_EQ(Stamp(*store), before) << "a read commits nothing";

  Create(*store, "Nguyễn Văn A", LocalTime("2024-03-04T08:10"));
  const WalStampValue after_own = Stamp(*store);
  EXPECT_NE(after_own, before);

  auto other = OpenStore();  // another store in this process
  Create(*other, "Trần Thị B", LocalTime("2024-03-04T08:20"));
  const WalStampValue after_other = Stamp(*store);
  EXPECT_NE(after_other, after_own);

  SqlInAnotherProcess("UPDATE dossier SET phone_key = phone_key WHERE 0;");
  EXPECT_EQ(Stamp(*store), after_other) << "a statement that changes nothing commits nothing";
  SqlInAnotherProcess("INSERT INTO store_meta(key, value) VALUES('test_marker', 1);");
  EXPECT_NE(Stamp(*store), after_other);
}

TEST_F(WalStampTest, ADossierChangedByAnotherProcessIsReadAfresh) {
  auto server = OpenStore();
  ASSERT_NE(server, nullptr);
  const dossier::Dossier a = Create(*server, "Nguyễn Văn A", LocalTime("2024-03-04T08:10"));
  const dossier::Dossier b = Create(*server, "Trần Thị B", LocalTime("2024-03-04T08:20"));
  // Twice: the second answer comes from memory and must be the same.
  EXPECT_EQ(server->GetDossier(a.code)->applicant.name, "Nguyễn Văn A");
  EXPECT_EQ(server->GetDossier(a.code)->applicant.name, "Nguyễn Văn A");

  // The shell puts B's snapshot in A's row behind the server's back.
  SqlInAnotherProcess("UPDATE dossier SET snapshot = (SELECT snapshot FROM dossier WHERE code = '" +
                      b.code + "') WHERE code = '" + a.code + "';");
  auto read = server->GetDossier(a.code);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->applicant.name, "Trần Thị B");
}

TEST_F(WalStampTest, ADossierMovedOnByAnotherStoreIsReadAtItsNewVersion) {
  auto server = OpenStore();
  ASSERT_NE(server, nullptr);
  const dossier::Dossier d = Create(*server, "Nguyễn Văn A", LocalTime("2024-03-04T08:10"));
  ASSERT_EQ(server->GetDossier(d.code)->version, d.version);
  auto other = OpenStore();
  auto t = maker_.Step(d, dossier::Action::kRefuse, LocalTime("2024-03-04T09:00"));
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE(other->ApplyTransition({d.version, *t, "", std::nullopt}).ok());
  auto read = server->GetDossier(d.code);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->version, d.version + 1);
  EXPECT_EQ(read->state, dossier::State::kRefused);
}

TEST_F(WalStampTest, TheAccountsGenerationIsReadAfreshAfterAnotherProcessWrites) {
  auto server = OpenStore();
  ASSERT_NE(server, nullptr);
  const std::uint64_t before = server->AccountsGeneration().value();
  EXPECT_EQ(server->AccountsGeneration().value(), before);
  SqlInAnotherProcess(
      "INSERT INTO store_meta(key, value) VALUES('accounts_generation', 41) "
      "ON CONFLICT(key) DO UPDATE SET value = value + 41;");
  EXPECT_EQ(server->AccountsGeneration().value(), before + 41);
}

TEST_F(WalStampTest, OnANonBlockingThreadOnlyWhatIsInMemoryIsRead) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  const dossier::Dossier d = Create(*store, "Nguyễn Văn A", LocalTime("2024-03-04T08:10"));
  const dossier::Dossier other = Create(*store, "Trần Thị B", LocalTime("2024-03-04T08:20"));
  ASSERT_TRUE(store->GetDossier(d.code).ok());  // now in memory
  ASSERT_TRUE(store->AccountsGeneration().ok());
  {
    NonBlockingScope scope;
    auto read = store->GetDossier(d.code);
    ASSERT_TRUE(read.ok()) << read.status().ToString();
    EXPECT_EQ(read->code, d.code);
    EXPECT_TRUE(store->AccountsGeneration().ok());
    EXPECT_FALSE(scope.refused());
  }
  {
    NonBlockingScope scope;
    EXPECT_FALSE(store->GetDossier(other.code).ok()) << "not in memory: would read the file";
    EXPECT_TRUE(scope.refused());
  }
  {
    NonBlockingScope scope;
    access::User u;
    u.login = "buudien.a";
    u.roles = {access::Role::kDesk};
    EXPECT_FALSE(store->PutUser(u).ok()) << "a write waits for its commit";
    EXPECT_TRUE(scope.refused());
  }
  EXPECT_EQ(store->GetUser("buudien.a").status().code(), Status::Code::kNotFound)
      << "the refused write left nothing";
  EXPECT_TRUE(store->GetDossier(other.code).ok()) << "outside the scope all reads work";
}

TEST(StampedCacheTest, AnEntryIsServedOnlyUnderTheStampItWasReadUnder) {
  WalStampValue one, two;
  one.bytes[8] = 1;
  two.bytes[8] = 2;
  StampedCache<int> cache(2);
  EXPECT_FALSE(cache.Find(one, "a").has_value());
  cache.Put(one, "a", 10);
  EXPECT_EQ(cache.Find(one, "a"), 10);
  EXPECT_FALSE(cache.Find(two, "a").has_value()) << "a commit in between";
  cache.Put(one, "a", 11);  // read under the old stamp, put after the move
  EXPECT_FALSE(cache.Find(two, "a").has_value());
  EXPECT_FALSE(cache.Find(one, "a").has_value()) << "moving back starts empty too";
}

TEST(StampedCacheTest, ItStartsAgainEmptyWhenFull) {
  WalStampValue s;
  StampedCache<int> cache(2);
  EXPECT_FALSE(cache.Find(s, "a").has_value());
  cache.Put(s, "a", 1);
  cache.Put(s, "b", 2);
  EXPECT_EQ(cache.Find(s, "b"), 2);
  cache.Put(s, "c", 3);
  EXPECT_FALSE(cache.Find(s, "a").has_value());
  EXPECT_EQ(cache.Find(s, "c"), 3);
}

}  // namespace
}  // namespace motcua::store::sqlite
