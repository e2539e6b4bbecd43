// StoreAuthenticator: answers from its cache only while the store's
// accounts generation says nothing changed, so a change by any process, the
// CLI included, takes effect at the next request; and it hands the user's
// grants along, so that authorizing needs no read of its own.
#include "api/store_authenticator.h"

#include <gtest/gtest.h>

#include "api/actor.h"
#include "http/token.h"
#include "store/sqlite/temp_dir_testing.h"

namespace motcua::api {
namespace {

constexpr Instant kNow = 1700000000;  // 2023-11-15

class StoreAuthenticatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_store_ = OpenStore();
    cli_store_ = OpenStore();  // a second process on the same file
    access::User desk;
    desk.login = "buudien.a";
    desk.display_name = "Trần Thị A";
    desk.roles = {access::Role::kDesk};
    ASSERT_TRUE(server_store_->PutUser(desk).ok());
    token_ = http::NewToken(http::TokenKind::kSession);
    store::Credential c;
    c.kind = store::CredentialKind::kSession;
    c.token_hash = http::TokenHash(token_);
    c.login = desk.login;
    c.created_by = desk.login;
    c.created_at = kNow;
    c.expires_at = kNow + 8 * 3600;
    auto created = server_store_->CreateCredential(c);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    credential_id_ = created->id;
    access::Grant g;
    g.agency_code = "000.00.12.H29";
    g.grantee_login = desk.login;
    g.actions = {access::GrantAction::kReceive};
    g.valid_from = kNow - 86400;
    auto grant = server_store_->CreateGrant(g);
    ASSERT_TRUE(grant.ok()) << grant.status().ToString();
    grant_ = *grant;
  }

  std::unique_ptr<store::Store> OpenStore() {
    auto opened = store::Open("sqlite:" + dir_.File("motcua.db"));
    EXPECT_TRUE(opened.ok()) << opened.status().ToString();
    return opened.ok() ? std::move(*opened) : nullptr;
  }

  Result<http::Principal> Authenticate(StoreAuthenticator& a, Instant at = kNow + 60) {
    return a.Authenticate(http::TokenKind::kSession, http::TokenHash(token_), at);
  }

  store::sqlite::TempDir dir_;
  std::unique_ptr<store::Store> server_store_;
  std::unique_ptr<store::Store> cli_store_;
  std::string token_;
  std::int64_t credential_id_ = 0;
  access::Grant grant_;
};

TEST_F(StoreAuthenticatorTest, ALoggedInDeskComesWithItsGrants) {
  StoreAuthenticator auth(server_store_.get());
  for (int i = 0; i < 2; ++i) {  // looked up, then cached
    auto p = Authenticate(auth);
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    EXPECT_EQ(p->user.login, "buudien.a");
    ASSERT_NE(p->grants, nullptr);
    ASSERT_EQ(p->grants->size(), 1u);
    EXPECT_EQ(p->grants->front().id, grant_.id);
  }
}

TEST_F(StoreAuthenticatorTest, AGrantRevokedByTheCliIsGoneAtTheNextRequest) {
  StoreAuthenticator auth(server_store_.get());
  ASSERT_TRUE(Authenticate(auth).ok());  // cached now
  access::Grant revoked = grant_;
  revoked.revoked_at = kNow;
  ASSERT_TRUE(cli_store_->UpdateGrant(revoked).ok());
  auto p = Authenticate(auth);
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->grants->size(), 1u);
  EXPECT_EQ(p->grants->front().revoked_at, kNow);
  EXPECT_FALSE(p->grants->front().InForceAt(kNow + 60));
}

TEST_F(StoreAuthenticatorTest, AUserDisabledOrASessionEndedByTheCliIsOutAtTheNextRequest) {
  StoreAuthenticator auth(server_store_.get());
  ASSERT_TRUE(Authenticate(auth).ok());
  ASSERT_TRUE(cli_store_->RevokeCredential(credential_id_, kNow + 30).ok());
  auto p = Authenticate(auth);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), Status::Code::kUnauthenticated);
  EXPECT_EQ(p.status().message(), "session ended");

  StoreAuthenticator fresh(server_store_.get());
  access::User disabled = *server_store_->GetUser("buudien.a");
  disabled.disabled = true;
  ASSERT_TRUE(cli_store_->PutUser(disabled).ok());
  p = Authenticate(fresh);
  ASSERT_FALSE(p.ok());
}

TEST_F(StoreAuthenticatorTest, ExpiryIsJudgedAtEveryRequestEvenFromTheCache) {
  StoreAuthenticator auth(server_store_.get());
  ASSERT_TRUE(Authenticate(auth, kNow + 8 * 3600 - 1).ok());
  auto p = Authenticate(auth, kNow + 8 * 3600);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().message(), "session expired");
}

TEST_F(StoreAuthenticatorTest, TheActorTakesTheGrantsTheAuthenticatorRead) {
  StoreAuthenticator auth(server_store_.get());
  auto p = Authenticate(auth);
  ASSERT_TRUE(p.ok());
  http::RequestContext ctx;
  ctx.user = p->user;
  ctx.grants = p->grants;
  // The store now holds a second grant that the principal predates: the
  // actor is the principal's, read at one generation with the user.
  access::Grant other = grant_;
  other.agency_code = "000.00.07.H29";
  ASSERT_TRUE(server_store_->CreateGrant(other).ok());
  auto actor = LoadActor(*server_store_, ctx);
  ASSERT_TRUE(actor.ok());
  ASSERT_EQ(actor->grants.size(), 1u);
  EXPECT_EQ(actor->grants.front().id, grant_.id);
  // Without grants from the authenticator, they are read.
  ctx.grants = nullptr;
  actor = LoadActor(*server_store_, ctx);
  ASSERT_TRUE(actor.ok());
  EXPECT_EQ(actor->grants.size(), 2u);
}

}  // namespace
}  // namespace motcua::api
