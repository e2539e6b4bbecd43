// Logging in and out over real HTTP against a real SQLite file: what a
// browser and a script see.
#include "api/session_routes.h"

#include <gtest/gtest.h>

#include "api/session_testing.h"
#include "http/credentials.h"
#include "http/token.h"

namespace motcua::api {
namespace {

using testing::AccountApiTest;
using testing::HttpResponse;

class SessionTest : public AccountApiTest {};

TEST_F(SessionTest, LoginWithTheRightPasswordOpensASessionAndSetsTheCookie) {
  Start();
  const HttpResponse r = Login("postal.a", kDeskPassword, {{"X-Request-Id", "login-req-1"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const auto j = r.Json();
  const std::string token = j["token"];
  EXPECT_EQ(http::ParseTokenKind(token), http::TokenKind::kSession);
  EXPECT_EQ(j["csrf_token"], http::CsrfTokenFor(token));
  EXPECT_EQ(j["user"]["login"], "postal.a");
  EXPECT_EQ(j["user"]["roles"], nlohmann::json::array({"desk"}));
  EXPECT_EQ(j["expires_at"], FormatDateTime(testing::kStartTime + 8 * 3600));

  const auto cookie = r.Header("set-cookie");
  ASSERT_TRUE(cookie);
  EXPECT_EQ(cookie->rfind("motcua_session=" + token + ";", 0), 0u) << *cookie;
  EXPECT_NE(cookie->find("; HttpOnly"), std::string::npos);
  EXPECT_NE(cookie->find("; SameSite=Strict"), std::string::npos);
  EXPECT_NE(cookie->find("; Path=/"), std::string::npos);
  EXPECT_NE(cookie->find("; Max-Age=28800"), std::string::npos);
  EXPECT_EQ(cookie->find("Secure"), std::string::npos);  // not behind TLS here

  // Only the hash is stored.
  auto stored = store_->FindCredential(http::TokenHash(token));
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->login, "postal.a");
  EXPECT_EQ(stored->kind, store::CredentialKind::kSession);
  EXPECT_EQ(stored->expires_at, testing::kStartTime + 8 * 3600);

  const auto audit = Audit();
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, "session.create");
  EXPECT_EQ(audit[0].actor, "postal.a");
  EXPECT_EQ(audit[0].request_id, "login-req-1");
  EXPECT_EQ(audit[0].target, std::to_string(stored->id));
}

TEST_F(SessionTest, SecureCookiesGetTheHostPrefixAndSecure) {
  http::ServerOptions options;
  options.cookie.secure = true;
  Start(options);
  const HttpResponse r = Login("postal.a", kDeskPassword);
  ASSERT_EQ(r.status, 201);
  const std::string cookie = r.Header("set-cookie").value_or("");
  EXPECT_EQ(cookie.rfind("__Host-motcua_session=", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("; Secure"), std::string::npos);
  // The server reads the cookie under the same name.
  const std::string token = r.Json()["token"];
  EXPECT_EQ(
      Call("GET", "/api/v1/session", "", {{"Cookie", "__Host-motcua_session=" + token}}).status,
      200);
}

TEST_F(SessionTest, WrongPasswordAndUnknownLoginGetTheSameAnswer) {
  Start();
  const HttpResponse wrong = Login("postal.a", "not-the-password");
  const HttpResponse unknown = Login("nobody.here", "not-the-password");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.ErrorCode(), "invalid_credentials");
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_FALSE(wrong.Header("set-cookie"));
  EXPECT_FALSE(unknown.Header("set-cookie"));
  EXPECT_TRUE(Audit().empty());
  auto sessions = store_->ListCredentials(store::CredentialKind::kSession, "");
  ASSERT_TRUE(sessions.ok());
  EXPECT_TRUE(sessions->empty());
}

TEST_F(SessionTest, MalformedLoginBodiesAreRefusedBeforeAnyLookup) {
  Start();
  EXPECT_EQ(Call("POST", "/api/v1/session", R"({"login":"postal.a"})").status, 400);
  EXPECT_EQ(Call("POST", "/api/v1/session", R"({"login":"postal.a","password":7})").status, 400);
  EXPECT_EQ(
      Call("POST", "/api/v1/session", R"({"login":"postal.a","password":"x","remember":true})")
          .ErrorCode(),
      "unknown_field");
  // An empty password would be refused without hashing for a known login
  // only: it is refused before the lookup, for everyone.
  EXPECT_EQ(Call("POST", "/api/v1/session", R"({"login":"postal.a","password":""})").status, 422);
  EXPECT_EQ(Call("POST", "/api/v1/session", R"({"login":"nobody","password":""})").status, 422);
  EXPECT_EQ(Login("postal.a", std::string(1025, 'x')).status, 422);
}

TEST_F(SessionTest, TheTokenWorksAsBearerAndAsCookie) {
  Start();
  const std::string token = TokenOf("postal.a", kDeskPassword);
  const HttpResponse bearer = As(token, "GET", "/api/v1/session");
  ASSERT_EQ(bearer.status, 200) << bearer.body;
  EXPECT_EQ(bearer.Json()["user"]["login"], "postal.a");
  EXPECT_EQ(bearer.Json()["credential"]["via"], "bearer");

  const HttpResponse cookie =
      Call("GET", "/api/v1/session", "", {{"Cookie", "lang=vi; motcua_session=" + token}});
  ASSERT_EQ(cookie.status, 200) << cookie.body;
  EXPECT_EQ(cookie.Json()["credential"]["via"], "cookie");
  EXPECT_EQ(cookie.Json()["credential"]["kind"], "session");
  // A reloaded page gets its CSRF token back.
  EXPECT_EQ(cookie.Json()["csrf_token"], http::CsrfTokenFor(token));
}

TEST_F(SessionTest, ACookieWriteWithoutTheCsrfTokenIsRefused) {
  Start();
  const std::string token = TokenOf("postal.a", kDeskPassword);
  const std::string cookie = "motcua_session=" + token;
  const HttpResponse no_csrf = Call("DELETE", "/api/v1/session", "", {{"Cookie", cookie}});
  EXPECT_EQ(no_csrf.status, 403);
  EXPECT_EQ(no_csrf.ErrorCode(), "csrf_failed");
  const HttpResponse wrong =
      Call("DELETE", "/api/v1/session", "", {{"Cookie", cookie}, {"X-CSRF-Token", "abc"}});
  EXPECT_EQ(wrong.status, 403);
  // Still logged in: nothing happened.
  EXPECT_EQ(As(token, "GET", "/api/v1/session").status, 200);

  const HttpResponse ok = Call("DELETE", "/api/v1/session", "",
                               {{"Cookie", cookie}, {"X-CSRF-Token", http::CsrfTokenFor(token)}});
  EXPECT_EQ(ok.status, 204) << ok.body;
}

TEST_F(SessionTest, LogoutEndsTheSessionAndExpiresTheCookie) {
  Start();
  const std::string token = TokenOf("postal.a", kDeskPassword);
  const std::string other = TokenOf("postal.a", kDeskPassword);  // another browser
  const HttpResponse out =
      As(token, "DELETE", "/api/v1/session", "", {{"X-Request-Id", "logout-req"}});
  ASSERT_EQ(out.status, 204) << out.body;
  EXPECT_TRUE(out.body.empty());
  const std::string cookie = out.Header("set-cookie").value_or("");
  EXPECT_EQ(cookie.rfind("motcua_session=;", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("Max-Age=0"), std::string::npos);

  const HttpResponse after = As(token, "GET", "/api/v1/session");
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(after.Json()["error"]["detail"], "session ended");
  EXPECT_EQ(As(token, "DELETE", "/api/v1/session").status, 401);
  // The other session is not touched.
  EXPECT_EQ(As(other, "GET", "/api/v1/session").status, 200);

  const auto audit = Audit();
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit[0].action, "session.end");
  EXPECT_EQ(audit[0].actor, "postal.a");
  EXPECT_EQ(audit[0].request_id, "logout-req");
}

TEST_F(SessionTest, AnExpiredSessionIsRefused) {
  Start();
  const std::string token = TokenOf("postal.a", kDeskPassword);
  now_ = testing::kStartTime + 8 * 3600 - 1;
  EXPECT_EQ(As(token, "GET", "/api/v1/session").status, 200);
  now_ = testing::kStartTime + 8 * 3600;
  const HttpResponse r = As(token, "GET", "/api/v1/session");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.Json()["error"]["detail"], "session expired");
  EXPECT_EQ(r.Header("www-authenticate"), "Bearer realm=\"motcua\"");
}

TEST_F(SessionTest, AUserDisabledBehindTheServersBackIsOutAtTheNextRequest) {
  Start();
  const std::string token = TokenOf("postal.a", kDeskPassword);
  ASSERT_EQ(As(token, "GET", "/api/v1/session").status, 200);  // looked up, now cached
  ASSERT_EQ(As(token, "GET", "/api/v1/session").status, 200);  // from the cache
  // Disabled by another process (the CLI, another server on the database).
  auto user = store_->GetUser("postal.a");
  ASSERT_TRUE(user.ok());
  user->disabled = true;
  ASSERT_TRUE(store_->PutUser(*user).ok());

  const HttpResponse r = As(token, "GET", "/api/v1/session");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.Json()["error"]["detail"], "user disabled");
  // The right password learns that the account is disabled; a wrong one
  // learns nothing more than for any other login.
  const HttpResponse right = Login("postal.a", kDeskPassword);
  EXPECT_EQ(right.status, 403);
  EXPECT_EQ(right.ErrorCode(), "account_disabled");
  EXPECT_EQ(Login("postal.a", "wrong-password").body, Login("nobody", "wrong-password").body);
}

TEST_F(SessionTest, ASessionRevokedBehindTheServersBackEndsAtTheNextRequest) {
  Start();
  const std::string token = TokenOf("postal.a", kDeskPassword);
  ASSERT_EQ(As(token, "GET", "/api/v1/session").status, 200);
  auto credential = store_->FindCredential(http::TokenHash(token));
  ASSERT_TRUE(credential.ok());
  ASSERT_TRUE(store_->RevokeCredential(credential->id, now_).ok());
  const HttpResponse r = As(token, "GET", "/api/v1/session");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.Json()["error"]["detail"], "session ended");
}

TEST_F(SessionTest, ChangedRolesAreSeenAtTheNextRequest) {
  Start();
  const std::string token = TokenOf("postal.a", kDeskPassword);
  ASSERT_EQ(As(token, "GET", "/api/v1/session").Json()["user"]["roles"],
            nlohmann::json::array({"desk"}));
  auto user = store_->GetUser("postal.a");
  ASSERT_TRUE(user.ok());
  user->roles.push_back(access::Role::kPostalSupervisor);
  ASSERT_TRUE(store_->PutUser(*user).ok());
  EXPECT_EQ(As(token, "GET", "/api/v1/session").Json()["user"]["roles"],
            nlohmann::json::array({"desk", "postal_supervisor"}));
}

TEST_F(SessionTest, AnApiTokenCannotLogOut) {
  Start();
  store::Credential c;
  c.kind = store::CredentialKind::kApiToken;
  const std::string token = http::NewToken(http::TokenKind::kApi);
  c.token_hash = http::TokenHash(token);
  c.login = "postal.a";
  c.label = "cổng dịch vụ công tỉnh";
  c.created_by = "admin";
  c.created_at = now_;
  ASSERT_TRUE(store_->CreateCredential(c).ok());
  EXPECT_EQ(As(token, "GET", "/api/v1/session").Json()["credential"]["kind"], "api_token");
  EXPECT_FALSE(As(token, "GET", "/api/v1/session").Json().contains("csrf_token"));
  const HttpResponse r = As(token, "DELETE", "/api/v1/session");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.ErrorCode(), "not_a_session");
  EXPECT_EQ(As(token, "GET", "/api/v1/session").status, 200);
}

TEST_F(SessionTest, ASessionTokenIsNotAcceptedUnderTheOtherKind) {
  Start();
  // A credential stored as an API token whose secret carries the session
  // prefix: the prefix and the stored kind disagree, so it is refused.
  const std::string token = http::NewToken(http::TokenKind::kSession);
  store::Credential c;
  c.kind = store::CredentialKind::kApiToken;
  c.token_hash = http::TokenHash(token);
  c.login = "postal.a";
  c.label = "x";
  c.created_by = "admin";
  c.created_at = now_;
  ASSERT_TRUE(store_->CreateCredential(c).ok());
  EXPECT_EQ(As(token, "GET", "/api/v1/session").status, 401);
}

TEST_F(SessionTest, WhoAmIListsTheGrantsInForceWithTheAgencyName) {
  Start();
  access::Grant live;
  live.agency_code = kAgency;
  live.grantee_login = "postal.a";
  live.actions = {access::GrantAction::kReceive, access::GrantAction::kReturn};
  live.valid_from = testing::kStartTime - 86400;
  ASSERT_TRUE(store_->CreateGrant(live).ok());
  access::Grant ended = live;
  ended.valid_to = testing::kStartTime - 3600;
  ASSERT_TRUE(store_->CreateGrant(ended).ok());

  const HttpResponse r = As(TokenOf("postal.a", kDeskPassword), "GET", "/api/v1/session");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto grants = r.Json()["grants"];
  ASSERT_EQ(grants.size(), 1u) << r.body;
  EXPECT_EQ(grants[0]["agency"], kAgency);
  EXPECT_EQ(grants[0]["agency_name"], "Sở Nội vụ");
  EXPECT_EQ(grants[0]["actions"], nlohmann::json::array({"receive", "return"}));
  EXPECT_EQ(grants[0]["in_force"], true);
  EXPECT_TRUE(r.Json()["agency"].is_null());  // a postal employee has no agency of their own
}

TEST_F(SessionTest, ALoginRehashesAPasswordMadeWithOlderParameters) {
  Start();
  const http::PasswordHasher older({.opslimit = 2, .memlimit = 32u << 10, .max_concurrent = 1});
  auto hash = older.Hash("mat-khau-cu-1");
  ASSERT_TRUE(hash.ok());
  ASSERT_TRUE(store_->SetPasswordHash("postal.a", *hash).ok());
  ASSERT_TRUE(hasher_.NeedsRehash(*hash));
  ASSERT_EQ(Login("postal.a", "mat-khau-cu-1").status, 201);
  auto now_hash = store_->GetPasswordHash("postal.a");
  ASSERT_TRUE(now_hash.ok());
  EXPECT_FALSE(hasher_.NeedsRehash(*now_hash));
  EXPECT_EQ(Login("postal.a", "mat-khau-cu-1").status, 201);
}

TEST_F(SessionTest, TooManyLoginsFromOneClientGet429) {
  http::ServerOptions options;
  options.rate_limits["login"] = {.burst = 3, .per_second = 0.01};
  Start(options);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(Login("postal.a", "wrong-password").status, 401);
  const HttpResponse r = Login("postal.a", kDeskPassword);
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.ErrorCode(), "rate_limited");
  ASSERT_TRUE(r.Header("retry-after"));
  EXPECT_GE(std::stoi(*r.Header("retry-after")), 1);
  // Routes without the limit still answer.
  EXPECT_EQ(Call("GET", "/healthz").status, 200);
}

TEST_F(SessionTest, WrongPasswordsForOneAccountSlowItDownFromAnyAddress) {
  http::ServerOptions options;
  // The per-address limit out of the way: the guesses could come from many.
  options.rate_limits["login"] = {.burst = 1000, .per_second = 100};
  Start(options);
  const int burst = static_cast<int>(ApiDeps::kFailedLoginsPerAccount.burst);
  // Successful sign-ins do not count against the account.
  for (int i = 0; i < burst + 2; ++i) ASSERT_EQ(Login("postal.a", kDeskPassword).status, 201) << i;
  for (int i = 0; i < burst; ++i)
    ASSERT_EQ(Login("postal.a", "doan-mo-" + std::to_string(i)).status, 401);
  // Now even the right password waits: the guesser cannot tell it was right.
  const HttpResponse r = Login("postal.a", kDeskPassword);
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.ErrorCode(), "too_many_failed_logins");
  ASSERT_TRUE(r.Header("retry-after"));
  EXPECT_GE(std::stoi(*r.Header("retry-after")), 1);
  EXPECT_LE(std::stoi(*r.Header("retry-after")), 60);
  // An unknown login is limited the same way (no hint that it does not exist).
  for (int i = 0; i < burst; ++i) ASSERT_EQ(Login("khong.ton.tai", "x").status, 401);
  EXPECT_EQ(Login("khong.ton.tai", "x").ErrorCode(), "too_many_failed_logins");
  // Other accounts are not affected.
  EXPECT_EQ(Login("admin", kAdminPassword).status, 201);
}

}  // namespace
}  // namespace motcua::api
