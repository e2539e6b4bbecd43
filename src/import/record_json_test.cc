// Reading lines of a historic import file: what a data clerk who exported
// dossiers from an older system would get back for each kind of mistake.
#include "import/record_json.h"

#include <gtest/gtest.h>

#include "import/import_testing.h"

namespace motcua::import {
namespace {

using dossier::Action;
using testing::ExampleLine;

std::string ErrorOf(std::string_view line) {
  Result<ImportRecord> r = ParseRecord(line);
  return r.ok() ? "ok" : r.status().message();
}

TEST(RecordJsonTest, TheExampleLineIsReadMemberByMember) {
  Result<ImportRecord> r = ParseRecord(ExampleLine(7));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->code, "000.00.12.H29-230105-0007");
  EXPECT_EQ(r->procedure, "2.001737");
  EXPECT_EQ(r->channel, dossier::Channel::kOnline);
  EXPECT_EQ(r->applicant.name, "Nguyễn Văn A");
  EXPECT_EQ(r->applicant.phone, "0912345678");
  EXPECT_FALSE(r->components_given);
  ASSERT_EQ(r->events.size(), 5u);
  EXPECT_EQ(r->events[0].action, Action::kSubmit);
  EXPECT_EQ(r->events[0].code, r->code) << "the submit carries the record's code";
  EXPECT_EQ(r->events[0].applicant, r->applicant);
  EXPECT_EQ(r->events[1].action, Action::kReceive);
  EXPECT_EQ(r->events[1].actor, "postal.a");
  EXPECT_EQ(r->events[1].on_behalf_of, "000.00.12.H29");
  EXPECT_EQ(r->events[1].at, *ParseDateTime("2023-01-05T09:00:00+07:00"));
  EXPECT_EQ(r->events[3].outcome, dossier::Outcome::kApproved);
  EXPECT_EQ(r->events[4].return_method, dossier::ReturnMethod::kCounter);
}

TEST(RecordJsonTest, ABadDateTimeNamesTheEventAndMember) {
  std::string line = ExampleLine();
  line.replace(line.find("2023-01-09T15:00:00"), 19, "2023-13-09T15:00:00");
  EXPECT_EQ(ErrorOf(line).rfind("field 'events[3].at': bad date-time '2023-13-09T15:00:00", 0), 0u)
      << ErrorOf(line);
}

TEST(RecordJsonTest, AMemberThatTheActionDoesNotHaveIsRefusedNotDropped) {
  std::string line = ExampleLine();
  line.replace(line.find(R"("action":"transfer",)"), 20,
               R"("action":"transfer","outcome":"approved",)");
  EXPECT_EQ(ErrorOf(line), "field 'events[2].outcome': not a member of a transfer event");
}

TEST(RecordJsonTest, DueTimesAreNotImported) {
  std::string line = ExampleLine();
  line.replace(line.find(R"("channel")"), 9, R"("due_at":"2023-01-10T09:00:00+07:00","channel")");
  EXPECT_NE(ErrorOf(line).find("field 'due_at': due times are computed"), std::string::npos)
      << ErrorOf(line);
  line = ExampleLine();
  line.replace(line.find(R"("action":"receive",)"), 19,
               R"("action":"receive","due_at":"2023-01-10T09:00:00+07:00",)");
  EXPECT_NE(ErrorOf(line).find("field 'events[1].due_at': due times are computed"),
            std::string::npos)
      << ErrorOf(line);
}

TEST(RecordJsonTest, ATruncatedLineIsNotJsonAndSaysWhere) {
  const std::string line = ExampleLine().substr(0, 40);
  EXPECT_EQ(ErrorOf(line).rfind("not JSON: syntax error at byte ", 0), 0u) << ErrorOf(line);
  EXPECT_EQ(ErrorOf("[1,2]"), "a line must hold a JSON object, not array");
}

TEST(RecordJsonTest, MissingAndMisplacedEventsAreRefused) {
  EXPECT_EQ(ErrorOf(R"({"code":"x","procedure":"2.001737","applicant":{"name":"A","phone":"1"},)"
                    R"("events":[]})"),
            "field 'events': a dossier needs at least its submit");
  EXPECT_EQ(ErrorOf(R"({"code":"x","procedure":"2.001737","applicant":{"name":"A","phone":"1"},)"
                    R"("events":[{"action":"receive","at":"2023-01-05T09:00:00+07:00"}]})"),
            "field 'events[0].action': the first event must be a submit");
  EXPECT_EQ(ErrorOf(R"({"code":"x","procedure":"2.001737","applicant":{"name":"A","phone":"1"},)"
                    R"("events":[{"action":"submit","at":"2023-01-05T09:00:00+07:00"},)"
                    R"({"action":"submit","at":"2023-01-05T09:00:00+07:00"}]})"),
            "field 'events[1].action': a dossier is submitted only once");
  EXPECT_EQ(ErrorOf(R"({"procedure":"2.001737","applicant":{"name":"A","phone":"1"},)"
                    R"("events":[{"action":"submit","at":"2023-01-05T09:00:00+07:00"}]})"),
            "field 'code': missing");
  EXPECT_EQ(ErrorOf(R"({"code":"x","procedure":"2.001737","applicant":{"name":"A","phone":"1"},)"
                    R"("events":[{"action":"sumbit","at":"2023-01-05T09:00:00+07:00"}]})"),
            "field 'events[0].action': unknown dossier action \"sumbit\"");
}

TEST(RecordJsonTest, WrongTypesAndValuesNameTheirMember) {
  std::string line = ExampleLine();
  line.replace(line.find(R"("outcome":"approved")"), 20, R"("outcome":"granted")");
  EXPECT_NE(ErrorOf(line).find("field 'events[3].outcome': "), std::string::npos);
  line = ExampleLine();
  line.replace(line.find(R"("channel":"online")"), 18, R"("channel":"fax")");
  EXPECT_NE(ErrorOf(line).find("field 'channel': "), std::string::npos);
  line = ExampleLine();
  line.replace(line.find(R"("phone":"0912345678")"), 20, R"("phone":912345678)");
  EXPECT_EQ(ErrorOf(line), "field 'applicant.phone': expected a string, not number");
  line = ExampleLine();
  line.replace(line.find(R"("phone")"), 7, R"("fone")");
  EXPECT_EQ(ErrorOf(line), "field 'applicant.fone': unknown member of the applicant");
}

TEST(RecordJsonTest, EveryMemberSurvivesFormatAndParse) {
  const std::string line =
      R"({"code":"000.00.06.H29-230301-0002","procedure":"9.005002","procedure_version":1,)"
      R"("channel":"postal","applicant":{"name":"Trần Thị Bình","phone":"0987654321",)"
      R"("id_number":"001190000001","email":"binh@example.vn","login":"binh"},)"
      R"("components":["don-de-nghi",{"id":"van-bang","document_hash":")" +
      std::string(64, 'a') +
      R"("}],"events":[{"action":"submit","at":"2023-03-01T08:00:00+07:00","by":"binh"},)"
      R"({"action":"request_supplement","at":"2023-03-01T09:00:00+07:00","by":"d","for":"000.00.06.H29","reason":"Thiếu","missing_components":["giay-to-can-cu"]},)"
      R"({"action":"resubmit","at":"2023-03-02T09:00:00+07:00","by":"binh","components":["giay-to-can-cu"]},)"
      R"({"action":"extend","at":"2023-03-03T09:00:00+07:00","by":"l","reason":"Xin lỗi","new_appointment":"2023-03-20T09:00:00+07:00"},)"
      R"({"action":"return","at":"2023-03-04T09:00:00+07:00","by":"d","method":"postal","tracking_number":"EL123"},)"
      R"({"action":"rate","at":"2023-03-05T09:00:00+07:00","stars":4,"comment":"Tốt"}]})";
  Result<ImportRecord> first = ParseRecord(line);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  const std::string formatted = FormatRecord(*first);
  Result<ImportRecord> second = ParseRecord(formatted);
  ASSERT_TRUE(second.ok()) << second.status().ToString() << "\n" << formatted;
  EXPECT_EQ(FormatRecord(*second), formatted);
  EXPECT_EQ(second->procedure_version, 1);
  EXPECT_EQ(second->channel, dossier::Channel::kPostal);
  EXPECT_EQ(second->applicant.login, "binh");
  ASSERT_EQ(second->components.size(), 2u);
  EXPECT_EQ(second->components[1].document_hash, std::string(64, 'a'));
  EXPECT_EQ(second->events[1].missing_components, std::vector<std::string>{"giay-to-can-cu"});
  EXPECT_EQ(second->events[3].new_appointment, *ParseDateTime("2023-03-20T09:00:00+07:00"));
  EXPECT_EQ(second->events[4].tracking_number, "EL123");
  EXPECT_EQ(second->events[5].stars, 4);
  EXPECT_EQ(second->events[5].comment, "Tốt");
}

}  // namespace
}  // namespace motcua::import
