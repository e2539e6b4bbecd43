// The question channel from the desk to the agency's experts, with the time
// to answer measured in working time.
#include <gtest/gtest.h>

#include "api/api_testing.h"

namespace motcua::api {
namespace {

using access::GrantAction;
using access::Role;
using nlohmann::json;
using testing::At;

constexpr char kAgencyA[] = "000.00.07.H29";
constexpr char kProcedureA[] = "9.004001";

class QuestionRoutesTest : public testing::ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    postal_ = Login("postal.a", {Role::kDesk});
    specialist_ = Login("spec.b", {Role::kSpecialist}, kAgencyA);
    Grant(kAgencyA, "postal.a", {GrantAction::kGuide, GrantAction::kReceive},
          At("2024-01-01T00:00:00+07:00"));
    code_ = SubmitOnline(kProcedureA, "Nguyễn Văn An", "0912345678", {{{"id", "don-de-nghi"}}});
    path_ = "/api/v1/dossiers/" + code_ + "/questions";
  }
  std::string postal_, specialist_, code_, path_;
};

TEST_F(QuestionRoutesTest, TheDeskAsksTheAgencyAnswersAndTheWaitIsCountedInWorkingTime) {
  // Monday 16:00: one office hour is left that day.
  SetNow("2024-05-06T16:00:00+07:00");
  auto r = Post(postal_, path_,
                {{"text", "Giấy chứng nhận cũ bị mất thì có cần xác nhận của công an không?"},
                 {"on_behalf_of", kAgencyA}});
  ASSERT_EQ(r.status, 201) << r.body;
  const json asked = r.Json();
  EXPECT_EQ(asked["agency_code"], kAgencyA);
  EXPECT_EQ(asked["asked_by"], "postal.a");
  EXPECT_EQ(asked["answered"], false);
  EXPECT_EQ(asked["working_seconds"], 0);
  const std::string answer = path_ + "/" + std::to_string(asked["id"].get<int>()) + "/answer";

  // The desk cannot answer its own question.
  r = Post(postal_, answer, {{"text", "Không cần."}, {"on_behalf_of", kAgencyA}});
  EXPECT_EQ(r.status, 403) << r.body;

  // While it waits, the list shows the working time so far (overnight is not).
  SetNow("2024-05-07T08:00:00+07:00");
  r = Get(postal_, path_);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.Json()["questions"].size(), 1u);
  EXPECT_EQ(r.Json()["questions"][0]["working_seconds"], 3600 + 1800);

  // Tuesday 08:30: the agency's specialist answers.
  SetNow("2024-05-07T08:30:00+07:00");
  r = Post(specialist_, answer,
           {{"text", "Không cần; nộp đơn cam kết thay thế."}, {"on_behalf_of", kAgencyA}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["answered"], true);
  EXPECT_EQ(r.Json()["answered_by"], "spec.b");
  // 16:00–17:00 on Monday and 07:30–08:30 on Tuesday.
  EXPECT_EQ(r.Json()["working_seconds"], 7200);

  // A second answer is refused and changes nothing.
  SetNow("2024-05-07T09:00:00+07:00");
  r = Post(specialist_, answer, {{"text", "Sửa lại."}, {"on_behalf_of", kAgencyA}});
  EXPECT_EQ(r.status, 409) << r.body;
  r = Get(specialist_, path_);
  EXPECT_EQ(r.Json()["questions"][0]["answer"], "Không cần; nộp đơn cam kết thay thế.");
  EXPECT_EQ(r.Json()["questions"][0]["working_seconds"], 7200);
}

TEST_F(QuestionRoutesTest, AGrantWithoutGuideDoesNotLetTheDeskAsk) {
  const std::string other = Login("postal.c", {Role::kDesk});
  Grant(kAgencyA, "postal.c", {GrantAction::kReceive}, At("2024-01-01T00:00:00+07:00"));
  const auto r = Post(other, path_, {{"text", "Câu hỏi"}, {"on_behalf_of", kAgencyA}});
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(r.Json()["error"]["rule"], "grant_action_not_listed");
  auto listed = db().ListQuestions(code_);
  ASSERT_TRUE(listed.ok());
  EXPECT_TRUE(listed->empty());
}

TEST_F(QuestionRoutesTest, AQuestionIsAnsweredOnlyUnderItsOwnDossier) {
  const std::string other =
      SubmitOnline(kProcedureA, "Trần Thị Bình", "0987654321", {{{"id", "don-de-nghi"}}});
  auto r = Post(postal_, path_, {{"text", "Câu hỏi"}, {"on_behalf_of", kAgencyA}});
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string id = std::to_string(r.Json()["id"].get<int>());
  r = Post(specialist_, "/api/v1/dossiers/" + other + "/questions/" + id + "/answer",
           {{"text", "Trả lời"}, {"on_behalf_of", kAgencyA}});
  EXPECT_EQ(r.status, 404) << r.body;
  r = Post(specialist_, path_ + "/abc/answer", {{"text", "Trả lời"}, {"on_behalf_of", kAgencyA}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(Post(postal_, path_, {{"text", ""}, {"on_behalf_of", kAgencyA}}).status, 422);
}

TEST_F(QuestionRoutesTest, NoQuestionsOnceTheDossierIsClosed) {
  const std::string desk = Login("desk.a", {Role::kDesk}, kAgencyA);
  Advance(60);
  ASSERT_EQ(Post(desk, "/api/v1/dossiers/" + code_ + "/refuse",
                 {{"version", 1}, {"on_behalf_of", kAgencyA}, {"reason", "Sai thủ tục"}})
                .status,
            200);
  const auto r = Post(postal_, path_, {{"text", "Câu hỏi"}, {"on_behalf_of", kAgencyA}});
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(r.ErrorCode(), "failed_precondition");
}

}  // namespace
}  // namespace motcua::api
