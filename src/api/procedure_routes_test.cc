// Looking procedures up without login, as a citizen types on a phone:
// without diacritics.
#include <gtest/gtest.h>

#include "api/api_testing.h"

namespace motcua::api {
namespace {

using nlohmann::json;

class ProcedureRoutesTest : public testing::ApiTest {};

TEST_F(ProcedureRoutesTest, SearchWithoutDiacriticsFindsTheProcedure) {
  auto r = Get("", "/api/v1/procedures?q=cap+lai+giay+chung+nhan+dang+ky+hoat+dong");
  ASSERT_EQ(r.status, 200) << r.body;
  const json list = r.Json()["procedures"];
  ASSERT_FALSE(list.empty());
  bool found = false;
  for (const json& p : list) {
    found = found || p["code"] == "9.004001";
    EXPECT_TRUE(p.contains("processing_time"));
  }
  EXPECT_TRUE(found) << r.body;
  // The same words with diacritics give the same answer.
  const auto with = Get("",
                        "/api/v1/procedures?q=C%E1%BA%A5p%20l%E1%BA%A1i%20gi%E1%BA%A5y%20"
                        "ch%E1%BB%A9ng%20nh%E1%BA%ADn%20%C4%91%C4%83ng%20k%C3%BD%20ho%E1%BA%A1t%20"
                        "%C4%91%E1%BB%99ng");
  ASSERT_EQ(with.status, 200);
  EXPECT_EQ(with.Json()["procedures"], list);
  // Words that match nothing.
  r = Get("", "/api/v1/procedures?q=xyzzy");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(r.Json()["procedures"].empty());
}

TEST_F(ProcedureRoutesTest, TheListNarrowsToAnAgency) {
  const auto all = Get("", "/api/v1/procedures");
  const auto one = Get("", "/api/v1/procedures?agency=000.00.07.H29");
  ASSERT_EQ(all.status, 200);
  ASSERT_EQ(one.status, 200);
  EXPECT_GT(all.Json()["procedures"].size(), one.Json()["procedures"].size());
  const json narrowed = one.Json()["procedures"];
  ASSERT_FALSE(narrowed.empty());
  for (const json& p : narrowed) EXPECT_EQ(p["agency"]["code"], "000.00.07.H29");
}

TEST_F(ProcedureRoutesTest, OneProcedureComesWithItsComponentsAndGuidance) {
  const auto r = Get("", "/api/v1/procedures/9.004001");
  ASSERT_EQ(r.status, 200) << r.body;
  const json p = r.Json();
  EXPECT_EQ(p["agency"]["code"], "000.00.07.H29");
  EXPECT_EQ(p["processing_time"]["amount"], 10);
  EXPECT_EQ(p["processing_time"]["unit"], "working_days");
  ASSERT_GE(p["components"].size(), 2u);
  EXPECT_EQ(p["components"][0]["id"], "don-de-nghi");
  EXPECT_EQ(p["components"][0]["mandatory"], true);
  EXPECT_FALSE(p["components"][0]["name"].get<std::string>().empty());
  EXPECT_EQ(p["components"][1]["mandatory"], false);
  EXPECT_TRUE(p["components"][1]["condition"].is_string());
  EXPECT_TRUE(p["guidance"].is_string());
  EXPECT_TRUE(p["common_mistakes"].is_array());
  EXPECT_EQ(Get("", "/api/v1/procedures/1.999999").status, 404);
}

}  // namespace
}  // namespace motcua::api
