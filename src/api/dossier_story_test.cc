// The whole story over real HTTP against a real SQLite file (issue 4,
// "Proof"): a citizen submits online without an account, a delegated postal
// employee receives on behalf of the agency and transfers it, the agency
// pauses for a missing component, the desk resumes with it, the agency
// resolves, the desk returns the result, and the report counts it.
#include <gtest/gtest.h>

#include "api/api_testing.h"

namespace motcua::api {
namespace {

using access::GrantAction;
using access::Role;
using nlohmann::json;
using testing::At;

constexpr char kAgencyA[] = "000.00.07.H29";  // Sở Khoa học và Công nghệ
// "Cấp lại Giấy chứng nhận đăng ký hoạt động của tổ chức khoa học và công
// nghệ": 10 working days, restart after a pause; don-de-nghi mandatory,
// giay-chung-nhan-cu conditional.
constexpr char kProcedure[] = "9.004001";

class DossierStoryTest : public testing::ApiTest {};

TEST_F(DossierStoryTest, CitizenToReturnedResultThroughADelegatedPostalDeskAndTheReportCountsIt) {
  const std::string postal = Login("postal.a", {Role::kDesk});
  const std::string specialist = Login("spec.b", {Role::kSpecialist}, kAgencyA);
  const std::string leader = Login("leader.c", {Role::kLeader}, kAgencyA);
  Grant(kAgencyA, "postal.a",
        {GrantAction::kReceive, GrantAction::kTransfer, GrantAction::kReturn,
         GrantAction::kRequestSupplement},
        At("2024-01-01T00:00:00+07:00"));

  // Monday 6 May 2024, 08:00: the citizen submits online, no account.
  SetNow("2024-05-06T08:00:00+07:00");
  auto r = Post("", "/api/v1/public/dossiers",
                {{"procedure", kProcedure},
                 {"applicant", {{"name", "Nguyễn Văn An"}, {"phone", "0912 345 678"}}},
                 {"components", {{{"id", "don-de-nghi"}}}}});
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string code = r.Json()["code"];
  EXPECT_EQ(code, "000.00.07.H29-240506-0001");
  EXPECT_EQ(r.Json()["state"], "submitted");
  EXPECT_EQ(r.Json()["channel"], "online");
  const std::string dossier = "/api/v1/dossiers/" + code;

  // 09:00: the postal employee receives it on behalf of the agency.
  SetNow("2024-05-06T09:00:00+07:00");
  r = Post(postal, dossier + "/receive", {{"version", 1}, {"on_behalf_of", kAgencyA}},
           {{"X-Request-Id", "story-receive-1"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["state"], "received");
  EXPECT_EQ(r.Json()["received_at"], "2024-05-06T09:00:00+07:00");
  // 10 working days from Monday 09:00 = Monday two weeks later, 09:00.
  EXPECT_EQ(r.Json()["due_at"], "2024-05-20T09:00:00+07:00");
  EXPECT_EQ(r.Json()["version"], 2);

  SetNow("2024-05-06T10:00:00+07:00");
  r = Post(postal, dossier + "/transfer",
           {{"version", 2}, {"on_behalf_of", kAgencyA}, {"handler", "spec.b"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["state"], "in_progress");
  EXPECT_EQ(r.Json()["handler"], "spec.b");

  // Tuesday: the agency finds the old certificate missing and pauses.
  SetNow("2024-05-07T10:00:00+07:00");
  r = Post(specialist, dossier + "/pause",
           {{"version", 3},
            {"on_behalf_of", kAgencyA},
            {"reason", "Thiếu bản gốc Giấy chứng nhận đã cấp"},
            {"missing_components", {"giay-chung-nhan-cu"}}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["state"], "paused");

  // The citizen sees what is missing, by code and phone.
  r = Get("", "/api/v1/public/dossiers/" + code + "?phone=0912345678");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["state"], "paused");
  ASSERT_EQ(r.Json()["missing_components"].size(), 1u);
  EXPECT_EQ(r.Json()["missing_components"][0]["id"], "giay-chung-nhan-cu");

  // Wednesday 10:00: the desk takes the supplement in and resumes.
  SetNow("2024-05-08T10:00:00+07:00");
  r = Post(postal, dossier + "/resume",
           {{"version", 4},
            {"on_behalf_of", kAgencyA},
            {"components", {{{"id", "giay-chung-nhan-cu"}}}}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["state"], "in_progress");
  // Restart policy: the full 10 working days again from Wednesday 10:00.
  EXPECT_EQ(r.Json()["due_at"], "2024-05-22T10:00:00+07:00");
  EXPECT_EQ(r.Json()["original_due_at"], "2024-05-20T09:00:00+07:00");

  SetNow("2024-05-10T15:00:00+07:00");
  r = Post(specialist, dossier + "/resolve",
           {{"version", 5}, {"on_behalf_of", kAgencyA}, {"outcome", "approved"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["state"], "resolved");
  EXPECT_EQ(r.Json()["completion"], "early");

  SetNow("2024-05-13T08:00:00+07:00");
  r = Post(postal, dossier + "/return",
           {{"version", 6}, {"on_behalf_of", kAgencyA}, {"return_method", "counter"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["state"], "returned");

  // The history names who acted and for which agency.
  r = Get(leader, dossier + "/events");
  ASSERT_EQ(r.status, 200) << r.body;
  const json events = r.Json()["events"];
  ASSERT_EQ(events.size(), 7u);
  EXPECT_EQ(events[1]["request_id"], "story-receive-1");
  const char* actions[] = {"submit", "receive", "transfer", "pause", "resume", "resolve", "return"};
  const char* actors[] = {nullptr,    "postal.a", "postal.a", "spec.b",
                          "postal.a", "spec.b",   "postal.a"};
  for (size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(events[i]["seq"], i + 1);
    EXPECT_EQ(events[i]["action"], actions[i]);
    if (actors[i] == nullptr) {
      EXPECT_TRUE(events[i]["actor"].is_null());
      EXPECT_TRUE(events[i]["on_behalf_of"].is_null());
    } else {
      EXPECT_EQ(events[i]["actor"], actors[i]);
      EXPECT_EQ(events[i]["on_behalf_of"], kAgencyA);
    }
    // Each event names the HTTP request that wrote it.
    EXPECT_TRUE(events[i]["request_id"].is_string()) << i;
    if (i > 0) {
      EXPECT_EQ(events[i]["prev_hash"], events[i - 1]["hash"]);
    }
  }

  // The agency's leader reads May's report: the dossier counts.
  r = Get(leader, std::string("/api/v1/reports?from=2024-05-01&to=2024-06-01&agency=") + kAgencyA);
  ASSERT_EQ(r.status, 200) << r.body;
  const json report = r.Json();
  EXPECT_EQ(report["from"], "2024-05-01");
  EXPECT_EQ(report["to"], "2024-06-01");
  EXPECT_EQ(report["received"]["total"], 1);
  EXPECT_EQ(report["received"]["online"], 1);
  EXPECT_EQ(report["resolved"]["total"], 1);
  EXPECT_EQ(report["resolved"]["early"], 1);
  EXPECT_EQ(report["resolved"]["approved"], 1);
  EXPECT_EQ(report["open"]["total"], 0);
  EXPECT_EQ(report["returned"], 1);
  EXPECT_EQ(report["supplement_requests"]["in_processing"], 1);
  // And the same report as the CLI computes from the same store.
  r = Get(leader, std::string("/api/v1/reports?from=2024-06-01&to=2024-07-01&agency=") + kAgencyA);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["received"]["total"], 0);
}

TEST_F(DossierStoryTest, AnotherAgencysLeaderMayNotReadTheReport) {
  const std::string other = Login("leader.x", {Role::kLeader}, "000.00.06.H29");
  const auto r =
      Get(other, std::string("/api/v1/reports?from=2024-05-01&to=2024-06-01&agency=") + kAgencyA);
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(r.Json()["error"]["rule"], "other_agency");
}

}  // namespace
}  // namespace motcua::api
