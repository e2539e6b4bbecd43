#include "api/dossier_json.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "util/civil_time.h"

namespace motcua::api {
namespace {

using nlohmann::json;

Instant At(const char* local) { return *ParseDateTime(local); }

// A dossier with every optional part present: pauses, rating, outcome, return.
dossier::Dossier ReturnedDossier() {
  dossier::Dossier d;
  d.code = "000.00.12.H29-231116-0001";
  d.procedure_code = "1.004227";
  d.procedure_version = 2;
  d.agency_code = "000.00.12.H29";
  d.field_code = "HT";
  d.applicant.name = "Nguyễn Văn \"Bình\"";
  d.applicant.phone = "0912345678";
  d.applicant.login = "binh";
  d.channel = dossier::Channel::kPostal;
  d.components = {{"don", "ab12"}, {"cccd", ""}};
  d.state = dossier::State::kReturned;
  d.version = 9;
  d.updated_at = At("2023-11-24T10:00");
  d.submitted_at = At("2023-11-16T08:30");
  d.received_at = At("2023-11-16T09:00");
  d.due_at = At("2023-11-23T17:00");
  d.extended = true;
  d.extended_due_at = At("2023-11-27T17:00");
  d.extension_reason = "Cần xác minh";
  d.pauses = {{.from = At("2023-11-17T08:00"),
               .to = At("2023-11-18T08:00"),
               .reason = "Thiếu giấy",
               .missing_components = {"cccd"}},
              {.from = At("2023-11-20T08:00"),
               .to = std::nullopt,
               .reason = "Còn mở",
               .missing_components = {}}};
  d.completed_at = At("2023-11-22T15:00");
  d.outcome = dossier::Outcome::kApproved;
  d.returned_at = At("2023-11-24T10:00");
  d.return_method = dossier::ReturnMethod::kPostal;
  d.tracking_number = "EMS123";
  d.rating = dossier::Rating{5, "Nhanh"};
  d.questions_asked = 2;
  return d;
}

TEST(DossierJson, TheTextHasExactlyTheKeysOfTheSchema) {
  http::SchemaRegistry schemas;
  AddDossierSchemas(schemas);
  const json& schema = schemas.schemas().at("Dossier");
  std::set<std::string> expected;
  for (const auto& [key, value] : schema["properties"].items()) expected.insert(key);
  for (const dossier::Dossier& d : {ReturnedDossier(), dossier::Dossier{}}) {
    const json j = json::parse(DossierJsonText(d, catalog::Catalog(), At("2023-11-25T08:00")));
    std::set<std::string> keys;
    for (const auto& [key, value] : j.items()) keys.insert(key);
    EXPECT_EQ(keys, expected);
  }
}

TEST(DossierJson, AReturnedDossierShowsItsWholeStory) {
  const json j = DossierJson(ReturnedDossier(), catalog::Catalog(), At("2023-11-25T08:00"));
  EXPECT_EQ(j["code"], "000.00.12.H29-231116-0001");
  EXPECT_EQ(j["version"], 9);
  EXPECT_EQ(j["state"], "returned");
  EXPECT_EQ(j["state_label"], "Đã trả kết quả");
  EXPECT_EQ(j["procedure"], (json{{"code", "1.004227"}, {"version", 2}, {"name", nullptr}}));
  EXPECT_EQ(j["agency"], (json{{"code", "000.00.12.H29"}, {"name", nullptr}}));
  EXPECT_EQ(j["channel"], "postal");
  EXPECT_EQ(j["applicant"]["name"], "Nguyễn Văn \"Bình\"");
  EXPECT_EQ(j["applicant"]["login"], "binh");
  EXPECT_EQ(j["components"][0]["document_hash"], "ab12");
  EXPECT_TRUE(j["components"][1]["document_hash"].is_null());
  EXPECT_EQ(j["requested_components"], json::array());
  EXPECT_TRUE(j["handler"].is_null());
  EXPECT_EQ(j["submitted_at"], "2023-11-16T08:30:00+07:00");
  EXPECT_TRUE(j["clock_start"].is_null());
  EXPECT_EQ(j["appointment_at"], "2023-11-27T17:00:00+07:00");  // extended
  EXPECT_EQ(j["extended"], true);
  EXPECT_EQ(j["pauses"][0]["to"], "2023-11-18T08:00:00+07:00");
  EXPECT_EQ(j["pauses"][0]["missing_components"], json::array({"cccd"}));
  EXPECT_TRUE(j["pauses"][1]["to"].is_null());
  EXPECT_EQ(j["outcome"], "approved");
  EXPECT_TRUE(j["result_document"].is_null());
  EXPECT_EQ(j["return_method"], "postal");
  EXPECT_EQ(j["tracking_number"], "EMS123");
  EXPECT_TRUE(j["closed_at"].is_null());
  EXPECT_EQ(j["rating"], (json{{"stars", 5}, {"comment", "Nhanh"}}));
  EXPECT_TRUE(j["standing"].is_null());  // closed
  EXPECT_EQ(j["questions_asked"], 2);
  const json& actions = j["allowed_actions"];
  EXPECT_NE(std::find(actions.begin(), actions.end(), "rate"), actions.end()) << actions;
}

TEST(DossierJson, AFreshDossierHasNullsWhereNothingHappenedYet) {
  const json j = DossierJson(dossier::Dossier{}, catalog::Catalog(), 0);
  EXPECT_EQ(j["state"], "submitted");
  EXPECT_TRUE(j["received_at"].is_null());
  EXPECT_TRUE(j["outcome"].is_null());
  EXPECT_TRUE(j["rating"].is_null());
  EXPECT_TRUE(j["applicant"]["login"].is_null());
  EXPECT_EQ(j["pauses"], json::array());
  EXPECT_EQ(j["extended"], false);
}

}  // namespace
}  // namespace motcua::api
