// Submitting, reading, listing and searching dossiers over HTTP, as the
// desk, the applicant and the center see them.
#include <gtest/gtest.h>

#include <set>

#include "api/api_testing.h"

namespace motcua::api {
namespace {

using access::GrantAction;
using access::Role;
using nlohmann::json;
using testing::At;

constexpr char kAgencyA[] = "000.00.07.H29";  // Sở Khoa học và Công nghệ
constexpr char kAgencyB[] = "000.00.06.H29";  // Sở Giáo dục và Đào tạo
constexpr char kProcedureA[] = "9.004001";

json WalkIn(const std::string& name, const std::string& phone) {
  return {{"procedure", kProcedureA},
          {"on_behalf_of", kAgencyA},
          {"applicant", {{"name", name}, {"phone", phone}}},
          {"components", {{{"id", "don-de-nghi"}}}}};
}

class DossierRoutesTest : public testing::ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    desk_ = Login("desk.a", {Role::kDesk}, kAgencyA);
  }
  std::string desk_;
};

TEST_F(DossierRoutesTest, ARetriedWalkInWithTheSameKeyReturnsTheSameDossierAndCreatesNothing) {
  const Headers key = {{"Idempotency-Key", "b3f1-walk-in-1"}};
  const auto first = Post(desk_, "/api/v1/dossiers", WalkIn("Phạm Thị Dung", "0901234567"), key);
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.Json()["channel"], "counter");
  EXPECT_EQ(first.Header("location"),
            "/api/v1/dossiers/" + first.Json()["code"].get<std::string>());
  Advance(5);
  const auto retry = Post(desk_, "/api/v1/dossiers", WalkIn("Phạm Thị Dung", "0901234567"), key);
  ASSERT_EQ(retry.status, 201) << retry.body;
  EXPECT_EQ(retry.Json()["code"], first.Json()["code"]);
  EXPECT_EQ(retry.Json()["submitted_at"], first.Json()["submitted_at"]);
  // Nothing was created by the retry: the next submission takes sequence 2.
  const auto next = Post(desk_, "/api/v1/dossiers", WalkIn("Võ Văn Em", "0907654321"));
  ASSERT_EQ(next.status, 201) << next.body;
  EXPECT_EQ(first.Json()["code"], "000.00.07.H29-240506-0001");
  EXPECT_EQ(next.Json()["code"], "000.00.07.H29-240506-0002");
  const auto list = Get(desk_, "/api/v1/dossiers");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.Json()["dossiers"].size(), 2u);
}

TEST_F(DossierRoutesTest, AKeyIsScopedToItsUser) {
  const std::string other = Login("desk.a2", {Role::kDesk}, kAgencyA);
  const Headers key = {{"Idempotency-Key", "same-key"}};
  const auto a = Post(desk_, "/api/v1/dossiers", WalkIn("Phạm Thị Dung", "0901234567"), key);
  const auto b = Post(other, "/api/v1/dossiers", WalkIn("Võ Văn Em", "0907654321"), key);
  ASSERT_EQ(a.status, 201);
  ASSERT_EQ(b.status, 201);
  EXPECT_NE(a.Json()["code"], b.Json()["code"]);
  EXPECT_EQ(b.Json()["applicant"]["name"], "Võ Văn Em");
}

TEST_F(DossierRoutesTest, AnApplicantSubmitsOnlineAndSeesOnlyTheirOwnDossiers) {
  const std::string citizen = Login("citizen.an", {Role::kApplicant});
  const std::string neighbour = Login("citizen.binh", {Role::kApplicant});
  json body = {{"procedure", kProcedureA},
               {"applicant", {{"name", "Nguyễn Văn An"}, {"phone", "0912345678"}}}};
  const auto mine = Post(citizen, "/api/v1/dossiers", body);
  ASSERT_EQ(mine.status, 201) << mine.body;
  EXPECT_EQ(mine.Json()["channel"], "online");
  EXPECT_EQ(mine.Json()["applicant"]["login"], "citizen.an");
  ASSERT_EQ(Post(desk_, "/api/v1/dossiers", WalkIn("Trần Thị Bình", "0987654321")).status, 201);

  auto r = Get(citizen, "/api/v1/dossiers");
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.Json()["dossiers"].size(), 1u);
  EXPECT_EQ(r.Json()["dossiers"][0]["code"], mine.Json()["code"]);
  const std::string path = "/api/v1/dossiers/" + mine.Json()["code"].get<std::string>();
  EXPECT_EQ(Get(citizen, path).status, 200);
  r = Get(neighbour, path);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.Json()["error"]["rule"], "not_own_dossier");
  EXPECT_EQ(Get(neighbour, "/api/v1/dossiers").Json()["dossiers"].size(), 0u);

  // An applicant cannot pose as a desk, nor submit at the counter.
  body["channel"] = "counter";
  EXPECT_EQ(Post(citizen, "/api/v1/dossiers", body).status, 422);
  body.erase("channel");
  body["on_behalf_of"] = kAgencyA;
  r = Post(citizen, "/api/v1/dossiers", body);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.Json()["error"]["rule"], "acting_for_mismatch");
}

TEST_F(DossierRoutesTest, ADeskOfAnotherAgencyMayNotSubmitForThisOne) {
  const std::string desk_b = Login("desk.b", {Role::kDesk}, kAgencyB);
  auto r = Post(desk_b, "/api/v1/dossiers", WalkIn("Phạm Thị Dung", "0901234567"));
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(r.Json()["error"]["rule"], "no_grant");
  json body = WalkIn("Phạm Thị Dung", "0901234567");
  body["on_behalf_of"] = kAgencyB;  // the procedure is agency A's
  r = Post(desk_b, "/api/v1/dossiers", body);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.Json()["error"]["rule"], "acting_for_mismatch");
  EXPECT_EQ(Get(desk_, "/api/v1/dossiers").Json()["dossiers"].size(), 0u);
}

TEST_F(DossierRoutesTest, AnUnknownProcedureIsUnprocessable) {
  json body = WalkIn("Phạm Thị Dung", "0901234567");
  body["procedure"] = "1.999999";
  const auto r = Post(desk_, "/api/v1/dossiers", body);
  EXPECT_EQ(r.status, 422) << r.body;
}

TEST_F(DossierRoutesTest, ListsPageNewestFirstWithACursor) {
  std::vector<std::string> codes;
  for (int i = 0; i < 5; ++i) {
    const auto r = Post(desk_, "/api/v1/dossiers",
                        WalkIn("Người nộp " + std::to_string(i), "090000000" + std::to_string(i)));
    ASSERT_EQ(r.status, 201) << r.body;
    codes.push_back(r.Json()["code"]);
    Advance(60);
  }
  std::vector<std::string> seen;
  std::string target = "/api/v1/dossiers?limit=2";
  int pages = 0;
  while (true) {
    const auto r = Get(desk_, target);
    ASSERT_EQ(r.status, 200) << r.body;
    ++pages;
    const json page = r.Json();
    EXPECT_LE(page["dossiers"].size(), 2u);
    for (const json& row : page["dossiers"]) seen.push_back(row["code"]);
    if (page["next_cursor"].is_null()) break;
    ASSERT_LE(pages, 3);
    target = "/api/v1/dossiers?limit=2&cursor=" + page["next_cursor"].get<std::string>();
  }
  EXPECT_EQ(pages, 3);
  const std::vector<std::string> newest_first(codes.rbegin(), codes.rend());
  EXPECT_EQ(seen, newest_first);
  EXPECT_EQ(Get(desk_, "/api/v1/dossiers?cursor=garbage").status, 422);
  EXPECT_EQ(Get(desk_, "/api/v1/dossiers?limit=0").status, 422);
  EXPECT_EQ(Get(desk_, "/api/v1/dossiers?limit=x").status, 400);
  EXPECT_EQ(Get(desk_, "/api/v1/dossiers?state=nonsense").status, 422);
}

TEST_F(DossierRoutesTest, SearchFindsANameTypedWithoutDiacritics) {
  ASSERT_EQ(Post(desk_, "/api/v1/dossiers", WalkIn("Nguyễn Văn An", "0912345678")).status, 201);
  ASSERT_EQ(Post(desk_, "/api/v1/dossiers", WalkIn("Trần Thị Bình", "0987654321")).status, 201);
  auto r = Get(desk_, "/api/v1/dossiers?q=nguyen+van+an");
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.Json()["dossiers"].size(), 1u);
  EXPECT_EQ(r.Json()["dossiers"][0]["applicant_name"], "Nguyễn Văn An");
  EXPECT_TRUE(r.Json()["next_cursor"].is_null());
  r = Get(desk_, "/api/v1/dossiers?q=tran%20thi%20binh");
  ASSERT_EQ(r.Json()["dossiers"].size(), 1u);
  EXPECT_EQ(r.Json()["dossiers"][0]["applicant_phone"], "0987654321");
  r = Get(desk_, "/api/v1/dossiers?q=0987654321");
  EXPECT_EQ(r.Json()["dossiers"].size(), 1u);
  // Another agency's staff find nothing of agency A.
  const std::string desk_b = Login("desk.b", {Role::kDesk}, kAgencyB);
  r = Get(desk_b, "/api/v1/dossiers?q=nguyen+van+an");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Json()["dossiers"].size(), 0u);
  r = Get(desk_b, std::string("/api/v1/dossiers?q=nguyen&agency=") + kAgencyA);
  EXPECT_EQ(r.status, 403);
}

TEST_F(DossierRoutesTest, OverdueListsOpenDossiersPastTheirDueTime) {
  const auto a = Post(desk_, "/api/v1/dossiers", WalkIn("Nguyễn Văn An", "0912345678"));
  const auto b = Post(desk_, "/api/v1/dossiers", WalkIn("Trần Thị Bình", "0987654321"));
  ASSERT_EQ(a.status, 201);
  ASSERT_EQ(b.status, 201);
  const std::string code = a.Json()["code"];
  Advance(3600);
  ASSERT_EQ(Post(desk_, "/api/v1/dossiers/" + code + "/receive",
                 {{"version", 1}, {"on_behalf_of", kAgencyA}})
                .status,
            200);
  EXPECT_EQ(Get(desk_, "/api/v1/dossiers?overdue=true").Json()["dossiers"].size(), 0u);
  SetNow("2024-06-03T08:00:00+07:00");  // far past 10 working days
  const auto r = Get(desk_, "/api/v1/dossiers?overdue=true");
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.Json()["dossiers"].size(), 1u);
  EXPECT_EQ(r.Json()["dossiers"][0]["code"], code);
  EXPECT_EQ(Get(desk_, "/api/v1/dossiers/" + code).Json()["standing"], "overdue");
  EXPECT_EQ(Get(desk_, "/api/v1/dossiers?state=submitted").Json()["dossiers"].size(), 1u);
}

TEST_F(DossierRoutesTest, ADeskWhoseGrantCoversOneFieldSeesThatFieldOnly) {
  // Agency B has two fields; the grant covers "văn bằng, chứng chỉ" only.
  const std::string postal = Login("postal.f", {Role::kDesk});
  access::Grant g;
  g.agency_code = kAgencyB;
  g.grantee_login = "postal.f";
  g.scope.kind = access::ScopeKind::kFields;
  g.scope.codes = {"van-bang-chung-chi"};
  g.actions = {GrantAction::kReceive};
  g.valid_from = At("2024-01-01T00:00:00+07:00");
  ASSERT_TRUE(db().CreateGrant(g).ok());
  const std::string in_scope =
      SubmitOnline("9.005001", "Đỗ Văn Giang", "0911000001", {{{"id", "don-de-nghi"}}});
  const std::string out_of_scope =
      SubmitOnline("9.005003", "Hồ Thị Hoa", "0911000002", {{{"id", "don-xin-hoc-lai"}}});
  auto r = Get(postal, std::string("/api/v1/dossiers?agency=") + kAgencyB);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.Json()["dossiers"].size(), 1u);
  EXPECT_EQ(r.Json()["dossiers"][0]["code"], in_scope);
  EXPECT_EQ(Get(postal, "/api/v1/dossiers/" + in_scope).status, 200);
  r = Get(postal, "/api/v1/dossiers/" + out_of_scope);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.Json()["error"]["rule"], "grant_out_of_scope_field");
  // Without naming the agency a desk with no agency of its own is asked to.
  EXPECT_EQ(Get(postal, "/api/v1/dossiers").status, 400);
}

TEST_F(DossierRoutesTest, ACenterSupervisorListsEveryAgencyAndReadsTheEvents) {
  const std::string supervisor = Login("sup.c", {Role::kCenterSupervisor});
  ASSERT_EQ(Post(desk_, "/api/v1/dossiers", WalkIn("Nguyễn Văn An", "0912345678")).status, 201);
  SubmitOnline("9.005001", "Đỗ Văn Giang", "0911000001", {{{"id", "don-de-nghi"}}});
  auto r = Get(supervisor, "/api/v1/dossiers");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["dossiers"].size(), 2u);
  const std::string code = r.Json()["dossiers"][0]["code"];
  r = Get(supervisor, "/api/v1/dossiers/" + code + "/events");
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.Json()["events"].size(), 1u);
  EXPECT_EQ(r.Json()["events"][0]["action"], "submit");
  EXPECT_EQ(r.Json()["events"][0]["payload"]["procedure"], "9.005001");
}

TEST_F(DossierRoutesTest, WithoutALoginNothingIsShown) {
  EXPECT_EQ(Get("", "/api/v1/dossiers").status, 401);
  EXPECT_EQ(Post("", "/api/v1/dossiers", WalkIn("A", "0900000000")).status, 401);
}

}  // namespace
}  // namespace motcua::api
