// Administration over real HTTP against a real SQLite file: users, grants,
// API tokens, catalog reload and the audit, as an administrator (and those
// who are not) sees them.
#include "api/admin_routes.h"

#include <gtest/gtest.h>

#include <fstream>

#include "api/session_testing.h"
#include "http/token.h"

namespace motcua::api {
namespace {

using nlohmann::json;
using testing::AccountApiTest;
using testing::HttpResponse;

class AdminTest : public AccountApiTest {
 protected:
  void SetUp() override {
    AccountApiTest::SetUp();
    AddUser("giamsat", "giam-sat-mat-khau", {access::Role::kCenterSupervisor});
  }

  HttpResponse PutUser(const std::string& token, const std::string& login, const json& body,
                       testing::Headers headers = {}) {
    return As(token, "PUT", "/api/v1/admin/users/" + login, body.dump(), std::move(headers));
  }

  json GrantBody() const {
    return {{"agency", kAgency},
            {"grantee", "postal.a"},
            {"actions", {"receive", "transfer", "return"}},
            {"valid_from", "2024-01-01"},
            {"valid_to", "2024-12-31"},
            {"tier", "primary"},
            {"contract_reference", "HĐ 12/2024/HĐ-BĐ"}};
  }
};

// Every admin route, taken from the route table itself so that a route added
// later is covered without editing this test (STYLE.md rule 8).
std::vector<std::pair<std::string, std::string>> AdminRoutes() {
  http::RouteTable routes;
  http::SchemaRegistry schemas;
  const ApiDeps deps;
  EXPECT_TRUE(AddAdminRoutes(routes, schemas, deps).ok());
  std::vector<std::pair<std::string, std::string>> out;
  for (const http::Route& r : routes.routes()) {
    std::string path = r.pattern;
    for (const auto& [param, value] :
         {std::pair<std::string, std::string>{"{login}", "postal.a"}, {"{id}", "1"}}) {
      if (auto at = path.find(param); at != std::string::npos)
        path.replace(at, param.size(), value);
    }
    out.emplace_back(http::MethodName(r.method), path);
  }
  return out;
}

TEST_F(AdminTest, ADeskOfficerIsRefusedOnEveryAdminRoute) {
  Start();
  const std::string token = TokenOf("postal.a", kDeskPassword);
  const auto routes = AdminRoutes();
  ASSERT_GE(routes.size(), 14u);
  for (const auto& [method, path] : routes) {
    const HttpResponse r = As(token, method, path, method == "GET" ? "" : "{}");
    EXPECT_EQ(r.status, 403) << method << " " << path << ": " << r.body;
    EXPECT_EQ(r.ErrorCode(), "permission_denied") << method << " " << path;
    EXPECT_EQ(r.Json()["error"]["rule"], "role_not_permitted") << method << " " << path;
  }
  EXPECT_TRUE(Audit().size() == 1u);  // the login only
}

TEST_F(AdminTest, WithoutALoginEveryAdminRouteAnswers401) {
  Start();
  for (const auto& [method, path] : AdminRoutes()) {
    EXPECT_EQ(Call(method, path, method == "GET" ? "" : "{}").status, 401) << method << " " << path;
  }
}

TEST_F(AdminTest, ACenterSupervisorManagesGrantsButNotUsers) {
  Start();
  const std::string token = TokenOf("giamsat", "giam-sat-mat-khau");
  EXPECT_EQ(As(token, "GET", "/api/v1/admin/grants").status, 200);
  EXPECT_EQ(As(token, "POST", "/api/v1/admin/grants", GrantBody().dump()).status, 201);
  EXPECT_EQ(As(token, "GET", "/api/v1/admin/users").status, 403);
  EXPECT_EQ(As(token, "POST", "/api/v1/admin/tokens", "{}").status, 403);
  EXPECT_EQ(As(token, "POST", "/api/v1/admin/catalog/reload").status, 403);
  EXPECT_EQ(As(token, "GET", "/api/v1/admin/audit").status, 403);
}

TEST_F(AdminTest, AnAdministratorCreatesAUserWhoThenLogsIn) {
  Start();
  const std::string admin = AdminToken();
  const json body = {{"display_name", "Nguyễn Thị Lan"},
                     {"roles", {"specialist"}},
                     {"agency", kAgency},
                     {"password", "lan-mat-khau-moi"}};
  const HttpResponse r = PutUser(admin, "chuyenvien.lan", body, {{"X-Request-Id", "put-user-1"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["login"], "chuyenvien.lan");
  EXPECT_EQ(r.Json()["agency"], kAgency);
  EXPECT_EQ(r.Json()["disabled"], false);

  const HttpResponse login = Login("chuyenvien.lan", "lan-mat-khau-moi");
  ASSERT_EQ(login.status, 201) << login.body;
  EXPECT_EQ(login.Json()["user"]["display_name"], "Nguyễn Thị Lan");

  const HttpResponse list = As(admin, "GET", "/api/v1/admin/users");
  ASSERT_EQ(list.status, 200);
  std::vector<std::string> logins;
  const json users = list.Json()["users"];
  for (const auto& u : users) logins.push_back(u["login"]);
  EXPECT_EQ(logins, (std::vector<std::string>{"admin", "chuyenvien.lan", "giamsat", "postal.a"}));
  EXPECT_EQ(list.body.find("argon2"), std::string::npos);  // no hash leaves the server

  // Replacing without a password keeps it.
  const json renamed = {{"display_name", "Nguyễn Thị Lan Anh"},
                        {"roles", {"specialist", "leader"}},
                        {"agency", kAgency}};
  ASSERT_EQ(PutUser(admin, "chuyenvien.lan", renamed).status, 200);
  EXPECT_EQ(Login("chuyenvien.lan", "lan-mat-khau-moi").status, 201);
  EXPECT_EQ(As(admin, "GET", "/api/v1/admin/users/chuyenvien.lan").Json()["roles"],
            json::array({"specialist", "leader"}));

  bool found = false;
  for (const store::AuditEntry& e : Audit()) {
    if (e.request_id != "put-user-1") continue;
    found = true;
    EXPECT_EQ(e.action, "user.put");
    EXPECT_EQ(e.actor, "admin");
    EXPECT_EQ(e.target, "chuyenvien.lan");
    const json detail = json::parse(e.detail);
    EXPECT_EQ(detail["created"], true);
    EXPECT_EQ(detail["password_set"], true);
    EXPECT_EQ(e.detail.find("lan-mat-khau-moi"), std::string::npos);  // never the password
  }
  EXPECT_TRUE(found);
}

TEST_F(AdminTest, UsersThatCouldNotWorkAreRefused) {
  Start();
  const std::string admin = AdminToken();
  const auto put = [&](const std::string& login, const json& body) {
    return PutUser(admin, login, body);
  };
  const json ok = {{"display_name", "A"}, {"roles", {"desk"}}, {"password", "mat-khau-du-dai"}};
  json unknown_role = ok;
  unknown_role["roles"] = {"king"};
  EXPECT_EQ(put("a.b", unknown_role).ErrorCode(), "invalid_value");
  json no_password = ok;
  no_password.erase("password");
  EXPECT_EQ(put("a.b", no_password).ErrorCode(), "password_required");
  json short_password = ok;
  short_password["password"] = "ngan";
  EXPECT_EQ(put("a.b", short_password).status, 422);
  EXPECT_EQ(put("A.B", ok).ErrorCode(), "invalid_login");
  json unknown_agency = ok;
  unknown_agency["agency"] = "000.00.99.H99";
  EXPECT_EQ(put("a.b", unknown_agency).ErrorCode(), "unknown_agency");
  json specialist = ok;
  specialist["roles"] = {"specialist"};
  EXPECT_EQ(put("a.b", specialist).ErrorCode(), "agency_required");
  json extra = ok;
  extra["is_admin"] = true;
  EXPECT_EQ(put("a.b", extra).ErrorCode(), "unknown_field");
  EXPECT_EQ(store_->GetUser("a.b").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(put("a.b", ok).status, 200);
}

TEST_F(AdminTest, AnAdministratorCannotLockThemselvesOut) {
  Start();
  const std::string admin = AdminToken();
  EXPECT_EQ(As(admin, "POST", "/api/v1/admin/users/admin/disable").ErrorCode(), "self_lockout");
  const json demote = {{"display_name", "Quản trị"}, {"roles", {"desk"}}};
  EXPECT_EQ(PutUser(admin, "admin", demote).ErrorCode(), "self_lockout");
  EXPECT_EQ(As(admin, "GET", "/api/v1/admin/users").status, 200);
}

TEST_F(AdminTest, DisablingAUserEndsTheirSessionsAtOnce) {
  Start();
  const std::string admin = AdminToken();
  const std::string desk = TokenOf("postal.a", kDeskPassword);
  ASSERT_EQ(As(desk, "GET", "/api/v1/session").status, 200);

  const HttpResponse off = As(admin, "POST", "/api/v1/admin/users/postal.a/disable");
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_EQ(off.Json()["disabled"], true);
  EXPECT_EQ(As(desk, "GET", "/api/v1/session").status, 401);
  EXPECT_EQ(Login("postal.a", kDeskPassword).ErrorCode(), "account_disabled");

  ASSERT_EQ(As(admin, "POST", "/api/v1/admin/users/postal.a/enable").status, 200);
  // The old session stays ended; a new login works.
  EXPECT_EQ(As(desk, "GET", "/api/v1/session").status, 401);
  EXPECT_EQ(Login("postal.a", kDeskPassword).status, 201);
  EXPECT_EQ(As(admin, "POST", "/api/v1/admin/users/nobody/disable").status, 404);

  std::vector<std::string> actions;
  for (const store::AuditEntry& e : Audit()) actions.push_back(e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"session.create", "user.enable", "user.disable",
                                               "session.create", "session.create"}));
}

TEST_F(AdminTest, AnAdministratorSeesAUsersSessionsAndEndsThem) {
  Start();
  const std::string admin = AdminToken();
  const std::string desk = TokenOf("postal.a", kDeskPassword);
  const std::string phone = TokenOf("postal.a", kDeskPassword);  // the lost phone
  const std::string other = TokenOf("giamsat", "giam-sat-mat-khau");

  HttpResponse list = As(admin, "GET", "/api/v1/admin/users/postal.a/sessions");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.Json()["sessions"].size(), 2u);
  const json newest = list.Json()["sessions"][0];
  EXPECT_EQ(newest["live"], true);
  EXPECT_TRUE(newest["revoked_at"].is_null());
  // No token nor its hash is ever shown.
  EXPECT_EQ(list.body.find(phone), std::string::npos);
  EXPECT_EQ(list.body.find(http::TokenHash(phone)), std::string::npos);

  const HttpResponse end = As(admin, "POST", "/api/v1/admin/users/postal.a/sessions/end");
  ASSERT_EQ(end.status, 200) << end.body;
  EXPECT_EQ(end.Json()["sessions_ended"], 2);
  EXPECT_EQ(As(desk, "GET", "/api/v1/session").status, 401);
  EXPECT_EQ(As(phone, "GET", "/api/v1/session").status, 401);
  // Someone else's session, and the account itself, are untouched.
  EXPECT_EQ(As(other, "GET", "/api/v1/session").status, 200);
  EXPECT_EQ(Login("postal.a", kDeskPassword).status, 201);
  EXPECT_EQ(As(admin, "GET", "/api/v1/admin/users/postal.a/sessions").Json()["sessions"].size(),
            1u);
  const json all =
      As(admin, "GET", "/api/v1/admin/users/postal.a/sessions?all=true").Json()["sessions"];
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[2]["live"], false);
  EXPECT_FALSE(all[2]["revoked_at"].is_null());

  // An administrator ending their own sessions keeps the one in use.
  const std::string admin_elsewhere = AdminToken();
  const HttpResponse own = As(admin, "POST", "/api/v1/admin/users/admin/sessions/end");
  EXPECT_EQ(own.Json()["sessions_ended"], 1);
  EXPECT_EQ(As(admin, "GET", "/api/v1/session").status, 200);
  EXPECT_EQ(As(admin_elsewhere, "GET", "/api/v1/session").status, 401);

  EXPECT_EQ(As(admin, "GET", "/api/v1/admin/users/nobody/sessions").status, 404);
  EXPECT_EQ(As(admin, "POST", "/api/v1/admin/users/nobody/sessions/end").status, 404);
  // The supervisor manages grants, not users.
  EXPECT_EQ(As(other, "POST", "/api/v1/admin/users/postal.a/sessions/end").status, 403);

  const std::vector<store::AuditEntry> audit = Audit();
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit.front().action, "user.end_sessions");
  EXPECT_EQ(audit.front().target, "admin");
  EXPECT_NE(audit.front().detail.find("\"sessions_ended\":1"), std::string::npos);
}

TEST_F(AdminTest, APasswordSetByAnAdministratorEndsTheOldSessions) {
  Start();
  const std::string admin = AdminToken();
  const std::string desk = TokenOf("postal.a", kDeskPassword);
  const HttpResponse put = PutUser(admin, "postal.a",
                                   {{"display_name", "Nhân viên bưu điện A"},
                                    {"roles", {"desk"}},
                                    {"password", "mat-khau-moi-2"}});
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(As(desk, "GET", "/api/v1/session").status, 401);
  EXPECT_EQ(Login("postal.a", kDeskPassword).status, 401);
  const std::string fresh = TokenOf("postal.a", "mat-khau-moi-2");
  // A change without a password leaves the sessions alone.
  ASSERT_EQ(
      PutUser(admin, "postal.a", {{"display_name", "Nhân viên A"}, {"roles", {"desk"}}}).status,
      200);
  EXPECT_EQ(As(fresh, "GET", "/api/v1/session").status, 200);
}

TEST_F(AdminTest, AGrantIsCreatedThenRevoked) {
  Start();
  now_ = testing::kStartTime;  // 2024-05-02, inside the grant's year
  const std::string supervisor = TokenOf("giamsat", "giam-sat-mat-khau");
  const std::string desk = TokenOf("postal.a", kDeskPassword);

  const HttpResponse created = As(supervisor, "POST", "/api/v1/admin/grants", GrantBody().dump(),
                                  {{"X-Request-Id", "grant-create-1"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const json g = created.Json();
  const std::int64_t id = g["id"];
  EXPECT_EQ(g["agency_name"], "Sở Nội vụ");
  EXPECT_EQ(g["valid_from"], "2024-01-01T00:00:00+07:00");
  EXPECT_EQ(g["valid_to"], "2025-01-01T00:00:00+07:00");  // 31 December is the last day
  EXPECT_EQ(g["scope"]["kind"], "agency");
  EXPECT_EQ(g["in_force"], true);
  EXPECT_TRUE(g["revoked_at"].is_null());
  EXPECT_EQ(As(desk, "GET", "/api/v1/session").Json()["grants"].size(), 1u);

  const HttpResponse listed = As(
      supervisor, "GET", std::string("/api/v1/admin/grants?agency=") + kAgency + "&in_force=true");
  ASSERT_EQ(listed.status, 200);
  ASSERT_EQ(listed.Json()["grants"].size(), 1u);
  EXPECT_EQ(
      As(supervisor, "GET", "/api/v1/admin/grants?grantee=someone.else").Json()["grants"].size(),
      0u);
  EXPECT_EQ(As(supervisor, "GET", "/api/v1/admin/grants?in_force=maybe").status, 400);

  now_ = testing::kStartTime + 600;
  const std::string path = "/api/v1/admin/grants/" + std::to_string(id);
  const HttpResponse revoked =
      As(supervisor, "POST", path + "/revoke", "", {{"X-Request-Id", "grant-revoke-1"}});
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(revoked.Json()["revoked_at"], FormatDateTime(testing::kStartTime + 600));
  EXPECT_EQ(revoked.Json()["in_force"], false);
  EXPECT_TRUE(As(desk, "GET", "/api/v1/session").Json()["grants"].empty());
  EXPECT_EQ(As(supervisor, "GET", path).Json()["revoked_at"],
            FormatDateTime(testing::kStartTime + 600));

  // Revoking again changes nothing: the first revocation stays.
  now_ = testing::kStartTime + 1200;
  EXPECT_EQ(As(supervisor, "POST", path + "/revoke").Json()["revoked_at"],
            FormatDateTime(testing::kStartTime + 600));
  EXPECT_EQ(As(supervisor, "POST", "/api/v1/admin/grants/999/revoke").status, 404);
  EXPECT_EQ(As(supervisor, "GET", "/api/v1/admin/grants/abc").status, 404);

  std::vector<std::pair<std::string, std::string>> grant_audit;
  for (const store::AuditEntry& e : Audit()) {
    if (e.action.rfind("grant.", 0) == 0) grant_audit.emplace_back(e.action, e.request_id);
    if (e.action == "grant.create") {
      EXPECT_EQ(e.actor, "giamsat");
    }
  }
  EXPECT_EQ(grant_audit,
            (std::vector<std::pair<std::string, std::string>>{{"grant.revoke", "grant-revoke-1"},
                                                              {"grant.create", "grant-create-1"}}));
}

TEST_F(AdminTest, GrantsThatCouldNotBeUsedAreRefused) {
  Start();
  const std::string admin = AdminToken();
  const auto create = [&](const json& body) {
    return As(admin, "POST", "/api/v1/admin/grants", body.dump());
  };
  json not_desk = GrantBody();
  not_desk["grantee"] = "giamsat";
  EXPECT_EQ(create(not_desk).ErrorCode(), "grantee_not_desk");
  json nobody = GrantBody();
  nobody["grantee"] = "nobody";
  EXPECT_EQ(create(nobody).ErrorCode(), "unknown_user");
  json agency = GrantBody();
  agency["agency"] = "000.00.99.H99";
  EXPECT_EQ(create(agency).ErrorCode(), "unknown_agency");
  json action = GrantBody();
  action["actions"] = {"resolve"};
  EXPECT_EQ(create(action).status, 422);
  json backwards = GrantBody();
  backwards["valid_to"] = "2023-12-31";
  EXPECT_EQ(create(backwards).status, 422);
  json bad_date = GrantBody();
  bad_date["valid_from"] = "2024-02-30";
  EXPECT_EQ(create(bad_date).status, 422);
  json field = GrantBody();
  field["scope"] = {{"kind", "fields"}, {"codes", {"khong-co"}}};
  EXPECT_EQ(create(field).ErrorCode(), "unknown_scope_code");
  json fields_ok = GrantBody();
  fields_ok["scope"] = {{"kind", "fields"}, {"codes", {kAgencyField}}};
  const HttpResponse r = create(fields_ok);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Json()["scope"]["codes"], json::array({kAgencyField}));
  auto grants = store_->ListGrants({});
  ASSERT_TRUE(grants.ok());
  EXPECT_EQ(grants->size(), 1u);
}

TEST_F(AdminTest, AnApiTokenIsShownOnceWorksAndStopsWhenRevoked) {
  Start();
  const std::string admin = AdminToken();
  AddUser("portal.tinh", "cong-dich-vu-cong", {access::Role::kApplicant});
  const json body = {{"login", "portal.tinh"}, {"label", "Cổng dịch vụ công tỉnh"}};
  const HttpResponse created =
      As(admin, "POST", "/api/v1/admin/tokens", body.dump(), {{"X-Request-Id", "token-create-1"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string token = created.Json()["token"];
  EXPECT_EQ(http::ParseTokenKind(token), http::TokenKind::kApi);
  const std::int64_t id = created.Json()["api_token"]["id"];
  EXPECT_EQ(created.Json()["api_token"]["created_by"], "admin");
  EXPECT_TRUE(created.Json()["api_token"]["expires_at"].is_null());

  const HttpResponse me = As(token, "GET", "/api/v1/session");
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.Json()["user"]["login"], "portal.tinh");
  EXPECT_EQ(me.Json()["credential"]["kind"], "api_token");
  // Only as a bearer: browsers never hold API tokens.
  EXPECT_EQ(Call("GET", "/api/v1/session", "", {{"Cookie", "motcua_session=" + token}}).status,
            401);

  const HttpResponse list = As(admin, "GET", "/api/v1/admin/tokens?login=portal.tinh");
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.Json()["api_tokens"].size(), 1u);
  EXPECT_EQ(list.Json()["api_tokens"][0]["label"], "Cổng dịch vụ công tỉnh");
  EXPECT_EQ(list.Json()["api_tokens"][0]["live"], true);
  EXPECT_EQ(list.body.find(token), std::string::npos);
  EXPECT_EQ(list.body.find(http::TokenHash(token)), std::string::npos);
  EXPECT_TRUE(As(admin, "GET", "/api/v1/admin/tokens?login=admin").Json()["api_tokens"].empty());

  const HttpResponse revoked =
      As(admin, "POST", "/api/v1/admin/tokens/" + std::to_string(id) + "/revoke");
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(revoked.Json()["live"], false);
  const HttpResponse after = As(token, "GET", "/api/v1/session");
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(after.Json()["error"]["detail"], "API token revoked");

  // A session is not an API token: the route does not reach it.
  auto sessions = store_->ListCredentials(store::CredentialKind::kSession, "admin");
  ASSERT_TRUE(sessions.ok() && !sessions->empty());
  EXPECT_EQ(
      As(admin, "POST", "/api/v1/admin/tokens/" + std::to_string(sessions->front().id) + "/revoke")
          .status,
      404);

  bool audited = false;
  for (const store::AuditEntry& e : Audit()) {
    if (e.action == "credential.create") {
      audited = true;
      EXPECT_EQ(e.request_id, "token-create-1");
      EXPECT_EQ(e.target, std::to_string(id));
      EXPECT_EQ(e.detail.find(token), std::string::npos);
    }
  }
  EXPECT_TRUE(audited);
}

TEST_F(AdminTest, AnApiTokenWithAnExpiryStopsThen) {
  Start();
  const std::string admin = AdminToken();
  const json body = {{"login", "postal.a"},
                     {"label", "kịch bản báo cáo"},
                     {"expires_at", FormatDateTime(testing::kStartTime + 3600)}};
  const HttpResponse created = As(admin, "POST", "/api/v1/admin/tokens", body.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string token = created.Json()["token"];
  EXPECT_EQ(As(token, "GET", "/api/v1/session").status, 200);
  now_ = testing::kStartTime + 3600;
  EXPECT_EQ(As(token, "GET", "/api/v1/session").status, 401);

  json past = body;
  past["expires_at"] = FormatDateTime(testing::kStartTime);
  EXPECT_EQ(As(admin, "POST", "/api/v1/admin/tokens", past.dump()).ErrorCode(), "invalid_value");
}

TEST_F(AdminTest, ACatalogThatDoesNotLoadLeavesTheOldOneInPlace) {
  Start();
  const std::string admin = AdminToken();
  const auto before = domain_->Current();
  const HttpResponse good =
      As(admin, "POST", "/api/v1/admin/catalog/reload", "", {{"X-Request-Id", "reload-good"}});
  ASSERT_EQ(good.status, 200) << good.body;
  EXPECT_EQ(good.Json()["agencies"], before->catalog.Agencies().size());
  const auto reloaded = domain_->Current();
  EXPECT_NE(reloaded.get(), before.get());

  {
    std::ofstream broken(dir_.File("data/catalog/agencies.json"), std::ios::trunc);
    broken << "{\n  \"kind\": \"agencies\",\n  \"agencies\": [ {\"code\": }\n]}\n";
  }
  const HttpResponse bad =
      As(admin, "POST", "/api/v1/admin/catalog/reload", "", {{"X-Request-Id", "reload-bad"}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(bad.ErrorCode(), "catalog_invalid");
  const std::string detail = bad.Json()["error"]["detail"];
  EXPECT_NE(detail.find("agencies.json:3:"), std::string::npos) << detail;
  EXPECT_EQ(domain_->Current().get(), reloaded.get());
  // The old catalog still answers: a user of an agency can be created.
  const json user = {{"display_name", "B"},
                     {"roles", {"desk"}},
                     {"agency", kAgency},
                     {"password", "mat-khau-du-dai"}};
  EXPECT_EQ(PutUser(admin, "motcua.b", user).status, 200);

  std::vector<std::string> reloads;
  for (const store::AuditEntry& e : Audit()) {
    if (e.action == "catalog.reload") reloads.push_back(e.request_id);
  }
  EXPECT_EQ(reloads, std::vector<std::string>{"reload-good"});  // the failed one changed nothing
}

TEST_F(AdminTest, TheAuditListsNewestFirstWithRequestIdsPageByPage) {
  Start();
  const std::string admin = AdminToken();
  for (int i = 0; i < 5; ++i) {
    const json user = {{"display_name", "U" + std::to_string(i)},
                       {"roles", {"desk"}},
                       {"password", "mat-khau-du-dai"}};
    ASSERT_EQ(PutUser(admin, "u" + std::to_string(i), user,
                      {{"X-Request-Id", "req-" + std::to_string(i)}})
                  .status,
              200);
  }
  const HttpResponse first = As(admin, "GET", "/api/v1/admin/audit?limit=3");
  ASSERT_EQ(first.status, 200) << first.body;
  const json page = first.Json();
  ASSERT_EQ(page["entries"].size(), 3u);
  EXPECT_EQ(page["entries"][0]["request_id"], "req-4");
  EXPECT_EQ(page["entries"][0]["action"], "user.put");
  EXPECT_EQ(page["entries"][0]["actor"], "admin");
  EXPECT_EQ(page["entries"][0]["target"], "u4");
  EXPECT_EQ(page["entries"][0]["detail"]["created"], true);
  EXPECT_EQ(page["entries"][2]["request_id"], "req-2");
  ASSERT_TRUE(page["next_before"].is_number());

  const HttpResponse second =
      As(admin, "GET",
         "/api/v1/admin/audit?limit=3&before=" + std::to_string(page["next_before"].get<long>()));
  ASSERT_EQ(second.status, 200);
  const json rest = second.Json();
  ASSERT_EQ(rest["entries"].size(), 3u);
  EXPECT_EQ(rest["entries"][0]["request_id"], "req-1");
  EXPECT_EQ(rest["entries"][2]["action"], "session.create");
  EXPECT_EQ(As(admin, "GET", "/api/v1/admin/audit?limit=0").status, 400);
  EXPECT_EQ(As(admin, "GET", "/api/v1/admin/audit?limit=abc").status, 400);
}

}  // namespace
}  // namespace motcua::api
