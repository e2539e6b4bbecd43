// The life-cycle action routes over HTTP: retries, conflicts, states and
// who may act for which agency. Every refusal is checked to have written
// nothing.
#include <gtest/gtest.h>

#include "api/api_testing.h"
#include "api/command_fields.h"

namespace motcua::api {
namespace {

using access::GrantAction;
using access::Role;
using nlohmann::json;
using testing::At;

constexpr char kAgencyA[] = "000.00.07.H29";  // Sở Khoa học và Công nghệ
constexpr char kAgencyB[] = "000.00.06.H29";  // Sở Giáo dục và Đào tạo
constexpr char kProcedureA[] = "9.004001";    // don-de-nghi mandatory
constexpr char kProcedureB[] = "9.005001";    // don-de-nghi, giay-to-tuy-than mandatory

class ActionRoutesTest : public testing::ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    postal_ = Login("postal.a", {Role::kDesk});
    Grant(kAgencyA, "postal.a",
          {GrantAction::kReceive, GrantAction::kTransfer, GrantAction::kRefuse,
           GrantAction::kRequestSupplement},
          At("2024-01-01T00:00:00+07:00"));
    code_ = SubmitOnline(kProcedureA, "Nguyễn Văn An", "0912345678", {{{"id", "don-de-nghi"}}});
    path_ = "/api/v1/dossiers/" + code_;
    Advance(3600);
  }

  // The version and event count as stored.
  std::pair<std::int64_t, size_t> Stored() {
    auto d = db().GetDossier(code_);
    auto e = db().ListEvents(code_);
    EXPECT_TRUE(d.ok() && e.ok());
    return {d.ok() ? d->version : -1, e.ok() ? e->size() : 0};
  }

  std::string postal_, code_, path_;
};

TEST_F(ActionRoutesTest, ARetriedReceiveWithTheSameKeyAnswersTheFirstAnswerAndWritesOnce) {
  const Headers key = {{"Idempotency-Key", "7f1c2a9e-receive"}};
  const json body = {{"version", 1}, {"on_behalf_of", kAgencyA}};
  const auto first = Post(postal_, path_ + "/receive", body, key);
  ASSERT_EQ(first.status, 200) << first.body;
  Advance(60);
  const auto retry = Post(postal_, path_ + "/receive", body, key);
  ASSERT_EQ(retry.status, 200) << retry.body;
  EXPECT_EQ(retry.Json()["version"], 2);
  EXPECT_EQ(retry.Json()["received_at"], first.Json()["received_at"]);
  EXPECT_EQ(Stored(), std::make_pair(std::int64_t{2}, size_t{2}));
  // Without the key the same request is a stale one.
  const auto again = Post(postal_, path_ + "/receive", body);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.ErrorCode(), "conflict");
}

TEST_F(ActionRoutesTest, AStaleVersionIsAConflictAndWritesNothing) {
  ASSERT_EQ(Post(postal_, path_ + "/receive", {{"version", 1}, {"on_behalf_of", kAgencyA}}).status,
            200);
  const auto r = Post(postal_, path_ + "/transfer", {{"version", 1}, {"on_behalf_of", kAgencyA}});
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(r.ErrorCode(), "conflict");
  EXPECT_EQ(Stored(), std::make_pair(std::int64_t{2}, size_t{2}));
}

TEST_F(ActionRoutesTest, AnActionTheStateDoesNotAllowIsAConflictAndWritesNothing) {
  const auto r = Post(postal_, path_ + "/transfer", {{"version", 1}, {"on_behalf_of", kAgencyA}});
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(r.ErrorCode(), "failed_precondition");
  EXPECT_NE(r.Json()["error"]["detail"].get<std::string>().find("state submitted"),
            std::string::npos);
  EXPECT_EQ(Stored(), std::make_pair(std::int64_t{1}, size_t{1}));
}

TEST_F(ActionRoutesTest, ReceivingForAnAgencyThatGaveNoGrantIsForbiddenWithTheRule) {
  const std::string other = SubmitOnline(kProcedureB, "Trần Thị Bình", "0987654321",
                                         {{{"id", "don-de-nghi"}}, {{"id", "giay-to-tuy-than"}}});
  auto r = Post(postal_, "/api/v1/dossiers/" + other + "/receive",
                {{"version", 1}, {"on_behalf_of", kAgencyB}});
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(r.ErrorCode(), "permission_denied");
  EXPECT_EQ(r.Json()["error"]["rule"], "no_grant");
  // Naming the agency it holds a grant of does not help on B's dossier.
  r = Post(postal_, "/api/v1/dossiers/" + other + "/receive",
           {{"version", 1}, {"on_behalf_of", kAgencyA}});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.Json()["error"]["rule"], "acting_for_mismatch");
  // Nor does naming nobody.
  r = Post(postal_, "/api/v1/dossiers/" + other + "/receive", {{"version", 1}});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.Json()["error"]["rule"], "acting_for_mismatch");
  auto d = db().GetDossier(other);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->version, 1);
  EXPECT_EQ(d->state, dossier::State::kSubmitted);
}

TEST_F(ActionRoutesTest, AnExpiredGrantNoLongerLetsTheDeskReceive) {
  const std::string backup = Login("postal.b", {Role::kDesk});
  access::Grant g;
  g.agency_code = kAgencyA;
  g.grantee_login = "postal.b";
  g.actions = {GrantAction::kReceive};
  g.valid_from = At("2024-01-01T00:00:00+07:00");
  g.valid_to = At("2024-05-01T00:00:00+07:00");
  g.tier = access::GrantTier::kBackup;
  ASSERT_TRUE(db().CreateGrant(g).ok());
  const auto r = Post(backup, path_ + "/receive", {{"version", 1}, {"on_behalf_of", kAgencyA}});
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(r.Json()["error"]["rule"], "grant_expired");
  EXPECT_EQ(Stored(), std::make_pair(std::int64_t{1}, size_t{1}));
}

TEST_F(ActionRoutesTest, ARevokedGrantTakesEffectOnTheNextRequest) {
  auto grants = db().ListGrants({.agency_code = std::nullopt, .grantee_login = "postal.a"});
  ASSERT_TRUE(grants.ok());
  ASSERT_EQ(grants->size(), 1u);
  access::Grant g = grants->front();
  g.revoked_at = Now() - 1;
  ASSERT_TRUE(db().UpdateGrant(g).ok());
  const auto r = Post(postal_, path_ + "/receive", {{"version", 1}, {"on_behalf_of", kAgencyA}});
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(r.Json()["error"]["rule"], "grant_revoked");
}

TEST_F(ActionRoutesTest, ASpecialistMayNotReceiveAtTheDesk) {
  const std::string specialist = Login("spec.b", {Role::kSpecialist}, kAgencyA);
  const auto r = Post(specialist, path_ + "/receive", {{"version", 1}, {"on_behalf_of", kAgencyA}});
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(r.Json()["error"]["rule"], "role_not_permitted");
}

TEST_F(ActionRoutesTest, TheAgencysOwnDeskOfficerReceivesWithoutAGrant) {
  const std::string own = Login("desk.a", {Role::kDesk}, kAgencyA);
  const auto r = Post(own, path_ + "/receive", {{"version", 1}, {"on_behalf_of", kAgencyA}});
  EXPECT_EQ(r.status, 200) << r.body;
}

TEST_F(ActionRoutesTest, BadBodiesAreRefusedBeforeAnythingIsRead) {
  // A misspelt on_behalf_of must not be dropped silently.
  auto r = Post(postal_, path_ + "/receive", {{"version", 1}, {"on_behalf", kAgencyA}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.ErrorCode(), "unknown_field");
  r = Post(postal_, path_ + "/receive", {{"on_behalf_of", kAgencyA}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.ErrorCode(), "missing_field");
  r = Post(postal_, path_ + "/receive", {{"version", "1"}, {"on_behalf_of", kAgencyA}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.ErrorCode(), "wrong_type");
  r = Post(postal_, path_ + "/receive",
           {{"version", 1}, {"on_behalf_of", kAgencyA}, {"components", {{{"name", "x"}}}}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.ErrorCode(), "unknown_field");
  // Well-formed, but the procedure has no such component.
  r = Post(postal_, path_ + "/receive",
           {{"version", 1}, {"on_behalf_of", kAgencyA}, {"components", {{{"id", "ho-chieu"}}}}});
  EXPECT_EQ(r.status, 422) << r.body;
  r = Post(postal_, "/api/v1/dossiers/000.00.07.H29-240506-0099/receive",
           {{"version", 1}, {"on_behalf_of", kAgencyA}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(Stored(), std::make_pair(std::int64_t{1}, size_t{1}));
}

TEST_F(ActionRoutesTest, ReceivingWithoutAMandatoryComponentIsUnprocessable) {
  const std::string bare = SubmitOnline(kProcedureA, "Lê Văn Cường", "0911111111", json::array());
  const auto r = Post(postal_, "/api/v1/dossiers/" + bare + "/receive",
                      {{"version", 1}, {"on_behalf_of", kAgencyA}});
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_NE(r.Json()["error"]["detail"].get<std::string>().find("don-de-nghi"), std::string::npos);
  // The desk may hand the missing paper in at reception.
  const auto ok =
      Post(postal_, "/api/v1/dossiers/" + bare + "/receive",
           {{"version", 1}, {"on_behalf_of", kAgencyA}, {"components", {{{"id", "don-de-nghi"}}}}});
  EXPECT_EQ(ok.status, 200) << ok.body;
}

TEST_F(ActionRoutesTest, TheDeskRequestsASupplementAndTheApplicantsPapersComeBack) {
  auto r = Post(postal_, path_ + "/request_supplement",
                {{"version", 1},
                 {"on_behalf_of", kAgencyA},
                 {"reason", "Đơn chưa có chữ ký"},
                 {"missing_components", {"don-de-nghi"}}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["state"], "supplement_requested");
  ASSERT_EQ(r.Json()["requested_components"].size(), 1u);
  EXPECT_EQ(r.Json()["requested_components"][0]["name"].is_string(), true);
  r = Post(postal_, path_ + "/resubmit",
           {{"version", 2}, {"on_behalf_of", kAgencyA}, {"components", {{{"id", "don-de-nghi"}}}}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["state"], "submitted");
}

TEST_F(ActionRoutesTest, EveryActionOtherThanSubmitAndQuestionsHasItsDocumentedRoute) {
  const auto r = Get("", "/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  const json doc = r.Json();
  const std::vector<dossier::Action> routed = RoutedActions();
  for (dossier::Action a : dossier::AllActions()) {
    const std::string name = dossier::ActionName(a);
    const std::string path = "/api/v1/dossiers/{code}/" + name;
    const bool is_routed = std::find(routed.begin(), routed.end(), a) != routed.end();
    EXPECT_EQ(doc["paths"].contains(path), is_routed) << name;
    if (!is_routed) continue;
    const json& op = doc["paths"][path]["post"];
    const std::string ref = op["requestBody"]["content"]["application/json"]["schema"]["$ref"];
    const std::string schema = ref.substr(ref.rfind('/') + 1);
    ASSERT_TRUE(doc["components"]["schemas"].contains(schema)) << schema;
    EXPECT_EQ(doc["components"]["schemas"][schema]["required"][0], "version");
  }
  EXPECT_TRUE(doc["paths"]["/api/v1/dossiers"].contains("post"));
}

}  // namespace
}  // namespace motcua::api
