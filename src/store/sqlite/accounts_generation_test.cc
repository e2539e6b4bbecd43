// The accounts generation (Store::AccountsGeneration) on SQLite: every write
// of a user, credential or grant moves it, whichever process made the write,
// and nothing else does.
#include "store/sqlite/accounts_generation.h"

#include <gtest/gtest.h>

#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/temp_dir_testing.h"

namespace motcua::store::sqlite {
namespace {

class AccountsGenerationTest : public ::testing::Test {
 protected:
  std::unique_ptr<SqliteStore> OpenStore() {
    auto store = SqliteStore::Open(dir_.File("motcua.db"));
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  static std::uint64_t Generation(Store& store) {
    auto g = store.AccountsGeneration();
    EXPECT_TRUE(g.ok()) << g.status().ToString();
    return g.ok() ? *g : 0;
  }

  static access::User Desk() {
    access::User u;
    u.login = "buudien.a";
    u.display_name = "Trần Thị A";
    u.roles = {access::Role::kDesk};
    return u;
  }

  static Credential Session(const std::string& hash) {
    Credential c;
    c.kind = CredentialKind::kSession;
    c.token_hash = hash;
    c.login = "buudien.a";
    c.created_by = "buudien.a";
    c.created_at = 1700000000;
    c.expires_at = 1700028800;
    return c;
  }

  static access::Grant AgencyGrant() {
    access::Grant g;
    g.agency_code = "000.00.12.H29";
    g.grantee_login = "buudien.a";
    g.actions = {access::GrantAction::kReceive};
    g.valid_from = 1700000000;
    return g;
  }

  TempDir dir_;
};

TEST_F(AccountsGenerationTest, EveryAccountWriteMovesItAndNothingElseDoes) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  std::uint64_t last = Generation(*store);
  EXPECT_EQ(last, 0u);  // a new file: no account written yet
  auto moved = [&](const char* what) {
    const std::uint64_t now = Generation(*store);
    EXPECT_GT(now, last) << what;
    last = now;
  };

  ASSERT_TRUE(store->PutUser(Desk()).ok());
  moved("user created");
  ASSERT_TRUE(store->SetPasswordHash("buudien.a", "$argon2id$...").ok());
  moved("password hash");
  auto credential = store->CreateCredential(Session(std::string(64, 'a')));
  ASSERT_TRUE(credential.ok()) << credential.status().ToString();
  moved("session created");
  ASSERT_TRUE(store->RevokeCredential(credential->id, 1700000100).ok());
  moved("session ended");
  auto grant = store->CreateGrant(AgencyGrant());
  ASSERT_TRUE(grant.ok()) << grant.status().ToString();
  moved("grant created");
  grant->revoked_at = 1700000200;
  ASSERT_TRUE(store->UpdateGrant(*grant).ok());
  moved("grant revoked");
  access::User disabled = Desk();
  disabled.disabled = true;
  ASSERT_TRUE(store->PutUser(disabled).ok());
  moved("user disabled");

  // Reads, audit entries and failed writes leave it.
  ASSERT_TRUE(store->GetUser("buudien.a").ok());
  ASSERT_TRUE(store->ListGrants({}).ok());
  AuditEntry audit;
  audit.actor = "admin";
  audit.action = "user.disable";
  ASSERT_TRUE(store->AppendAudit(audit).ok());
  EXPECT_FALSE(store->RevokeCredential(999, 1).ok());
  EXPECT_FALSE(store->SetPasswordHash("nobody", "h").ok());
  EXPECT_FALSE(store->CreateCredential(Session(std::string(64, 'a'))).ok());  // duplicate
  EXPECT_EQ(Generation(*store), last);

  ASSERT_TRUE(store->DeleteUser("buudien.a").ok());
  moved("user deleted");
}

TEST_F(AccountsGenerationTest, AWriteByAnotherProcessIsSeenAtTheNextRead) {
  auto server = OpenStore();
  auto cli = OpenStore();  // e.g. `motcua user disable` while the server runs
  ASSERT_NE(server, nullptr);
  ASSERT_NE(cli, nullptr);
  ASSERT_TRUE(server->PutUser(Desk()).ok());
  const std::uint64_t before = Generation(*server);
  EXPECT_EQ(Generation(*cli), before);
  access::User disabled = Desk();
  disabled.disabled = true;
  ASSERT_TRUE(cli->PutUser(disabled).ok());
  EXPECT_GT(Generation(*server), before);
  EXPECT_TRUE(server->GetUser("buudien.a")->disabled);
}

TEST_F(AccountsGenerationTest, AFileWithoutTheCounterReadsZeroAndGainsIt) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutUser(Desk()).ok());
  // As a file written before the counter existed.
  ASSERT_TRUE(store->database()
                  .writer()
                  .Write([](Connection& conn) {
                    return conn.Exec("DELETE FROM store_meta WHERE key = 'accounts_generation'");
                  })
                  .ok());
  EXPECT_EQ(Generation(*store), 0u);
  ASSERT_TRUE(store->CreateGrant(AgencyGrant()).ok());
  EXPECT_EQ(Generation(*store), 1u);
}

}  // namespace
}  // namespace motcua::store::sqlite
