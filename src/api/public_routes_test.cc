// The citizen's doors without an account: online submission and the lookup
// by code and phone, which must not reveal whether a code exists.
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

class PublicRoutesTest : public testing::ApiTest {
 protected:
  void ConfigureServer(http::ServerOptions& options) override {
    options.rate_limits["public_lookup"] = {.burst = 12, .per_second = 0.001};
  }
};

TEST_F(PublicRoutesTest, TheRightPhoneShowsTheStateAndNothingPersonal) {
  const std::string code =
      SubmitOnline(kProcedureA, "Nguyễn Văn An", "0912 345 678", {{{"id", "don-de-nghi"}}});
  const std::string desk = Login("desk.a", {Role::kDesk}, kAgencyA);
  Advance(3600);
  ASSERT_EQ(Post(desk, "/api/v1/dossiers/" + code + "/receive",
                 {{"version", 1}, {"on_behalf_of", kAgencyA}})
                .status,
            200);
  for (const char* phone : {"0912345678", "0912.345.678", "%2B84912345678", "84912345678"}) {
    const auto r = Get("", "/api/v1/public/dossiers/" + code + "?phone=" + phone);
    ASSERT_EQ(r.status, 200) << phone << ": " << r.body;
    const json j = r.Json();
    EXPECT_EQ(j["code"], code);
    EXPECT_EQ(j["state"], "received");
    EXPECT_EQ(j["state_label"], "Đã tiếp nhận");
    EXPECT_EQ(j["due_at"], "2024-05-20T09:00:00+07:00");
    EXPECT_EQ(j["appointment_at"], "2024-05-20T09:00:00+07:00");
    EXPECT_EQ(j["agency"]["name"], "Sở Khoa học và Công nghệ");
    // Nothing personal: no name, phone, components, documents or actors.
    EXPECT_EQ(r.body.find("Nguyễn"), std::string::npos);
    EXPECT_EQ(r.body.find("0912"), std::string::npos);
    EXPECT_FALSE(j.contains("applicant"));
    EXPECT_FALSE(j.contains("components"));
    EXPECT_FALSE(j.contains("handler"));
  }
}

TEST_F(PublicRoutesTest, AWrongPhoneAndAnUnknownCodeGetTheSameAnswer) {
  const std::string code =
      SubmitOnline(kProcedureA, "Nguyễn Văn An", "0912345678", {{{"id", "don-de-nghi"}}});
  const auto wrong_phone = Get("", "/api/v1/public/dossiers/" + code + "?phone=0912345679");
  const auto unknown =
      Get("", "/api/v1/public/dossiers/000.00.07.H29-240506-0002?phone=0912345678");
  const auto malformed = Get("", "/api/v1/public/dossiers/not-a-code?phone=0912345678");
  const auto empty_phone = Get("", "/api/v1/public/dossiers/" + code + "?phone=abc");
  for (const auto* r : {&wrong_phone, &unknown, &malformed, &empty_phone}) {
    EXPECT_EQ(r->status, 404) << r->body;
    EXPECT_EQ(r->body, wrong_phone.body);
  }
  EXPECT_EQ(Get("", "/api/v1/public/dossiers/" + code).status, 400);  // phone required
}

TEST_F(PublicRoutesTest, TheLookupIsRateLimitedPerClient) {
  const std::string target = "/api/v1/public/dossiers/000.00.07.H29-240506-0001?phone=0912345678";
  int limited = 0;
  for (int i = 0; i < 14; ++i) {
    const auto r = Get("", target);
    if (r.status == 429) {
      ++limited;
      EXPECT_TRUE(r.Header("retry-after"));
    } else {
      EXPECT_EQ(r.status, 404);
    }
  }
  EXPECT_EQ(limited, 2);
}

TEST_F(PublicRoutesTest, AnOnlineSubmissionIsRetriedSafelyAndChecked) {
  const json body = {{"procedure", kProcedureA},
                     {"applicant", {{"name", "Nguyễn Văn An"}, {"phone", "0912345678"}}}};
  const Headers key = {{"Idempotency-Key", "0b6a6c1e-6f1e-4d8c"}};
  const auto first = Post("", "/api/v1/public/dossiers", body, key);
  const auto retry = Post("", "/api/v1/public/dossiers", body, key);
  ASSERT_EQ(first.status, 201) << first.body;
  ASSERT_EQ(retry.status, 201) << retry.body;
  EXPECT_EQ(first.Json()["code"], retry.Json()["code"]);
  EXPECT_EQ(first.Json()["channel"], "online");
  auto page = db().ListDossiers({}, "", 10);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->dossiers.size(), 1u);
  // The event says nobody acted: an anonymous submission.
  auto events = db().ListEvents(first.Json()["code"].get<std::string>());
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ(events->front().actor, "");

  // A citizen picks neither the channel nor an agency to act for.
  json bad = body;
  bad["channel"] = "counter";
  EXPECT_EQ(Post("", "/api/v1/public/dossiers", bad).ErrorCode(), "unknown_field");
  bad = body;
  bad["applicant"]["phone"] = "12";
  EXPECT_EQ(Post("", "/api/v1/public/dossiers", bad).status, 422);
  bad = body;
  bad["applicant"].erase("name");
  EXPECT_EQ(Post("", "/api/v1/public/dossiers", bad).ErrorCode(), "missing_field");
  bad = body;
  bad["procedure"] = "'; DROP TABLE dossier; --";
  EXPECT_EQ(Post("", "/api/v1/public/dossiers", bad).status, 422);
  page = db().ListDossiers({}, "", 10);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->dossiers.size(), 1u);
}

}  // namespace
}  // namespace motcua::api
