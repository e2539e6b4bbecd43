// The fast reader of import lines against the DOM reader it stands in for:
// every good line is read fast and to the same record, and no damaged line
// is ever read to a record the DOM reader would not give.
#include "import/record_json_fast.h"

#include <gtest/gtest.h>

#include "import/import_testing.h"
#include "import/record_json.h"

namespace motcua::import::internal {
namespace {

using testing::ExampleLine;

// Every member of every kind, as record_json_test.cc's round trip has them.
std::string EveryMemberLine() {
  return R"({"code":"000.00.06.H29-230301-0002","procedure":"9.005002","procedure_version":1,)"
         R"("channel":"postal","applicant":{"name":"Trần Thị Bình","phone":"0987654321",)"
         R"("id_number":"001190000001","email":"binh@example.vn","login":"binh"},)"
         R"("components":["don-de-nghi",{"id":"van-bang","document_hash":")" +
         std::string(64, 'a') +
         R"("}],"events":[{"action":"submit","at":"2023-03-01T08:00:00+07:00","by":"binh"},)"
         R"({"action":"request_supplement","at":"2023-03-01T09:00:00+07:00","by":"d","for":"000.00.06.H29","reason":"Thiếu","missing_components":["giay-to-can-cu"]},)"
         R"({"action":"resubmit","at":"2023-03-02T09:00:00+07:00","by":"binh","components":["giay-to-can-cu"]},)"
         R"({"action":"extend","at":"2023-03-03T09:00:00+07:00","by":"l","reason":"Xin lỗi","new_appointment":"2023-03-20T09:00:00+07:00"},)"
         R"({"action":"digitize","at":"2023-03-03T10:00:00+07:00","by":"l","component_id":"don-de-nghi","document_hash":"abc"},)"
         R"({"action":"ask_question","at":"2023-03-03T11:00:00+07:00","by":"binh","text":"Khi nào?"},)"
         R"({"action":"resolve","at":"2023-03-04T08:00:00+07:00","by":"l","outcome":"denied","result_document":"r1"},)"
         R"({"action":"return","at":"2023-03-04T09:00:00+07:00","by":"d","method":"postal","tracking_number":"EL123"},)"
         R"({"action":"rate","at":"2023-03-05T09:00:00+07:00","stars":4,"comment":"Tốt"}]})";
}

// Good lines that are written differently: escapes (as Python's json.dumps
// writes Vietnamese by default), surrogate pairs, spacing, member order.
std::vector<std::string> GoodLines() {
  std::vector<std::string> lines = {ExampleLine(7), EveryMemberLine()};
  lines.push_back(
      R"({"code":"000.00.12.H29-230105-0009","procedure":"2.001737","channel":"counter",)"
      R"("applicant":{"name":"Nguy\u1ec5n V\u0103n \u0110\u1ee9c \"B\u00e9\"","phone":"0912"},)"
      R"("events":[{"action":"submit","at":"2023-01-05T08:10:00Z"},)"
      R"({"action":"withdraw","at":"2023-01-05T09:00:00+07:00","by":"x\/y","reason":"a\\b\nc\td\r\b\f \ud83d\ude00 \u0000!"}]})");
  lines.push_back(
      "  {\t\"events\" : [ { \"at\" : \"2023-01-05 08:10\" , \"action\" : \"submit\" } ,\n"
      "{ \"by\":\"p\", \"at\":\"2023-01-05T09:00:00.5+07:00\", \"action\":\"refuse\", "
      "\"reason\":\"thi\u1ebfu\" } ] ,\r\n \"applicant\" : { } , \"components\" : [ ] ,"
      " \"procedure\" : \"2.001737\" , \"code\" : \"000.00.12.H29-230105-0010\" }  ");
  lines.push_back(
      R"({"code":"c","procedure":"p","procedure_version":1000000,"applicant":{"name":""},)"
      R"("components":[{"document_hash":"h","id":"x"}],)"
      R"("events":[{"action":"submit","at":"2023-01-05T08:10:00+07:00","by":""},)"
      R"({"action":"receive","at":"2023-01-05T09:00:00+07:00","by":"d","components":[]},)"
      R"({"action":"pause","at":"2023-01-05T10:00:00+07:00","by":"d","reason":"r","missing_components":[]},)"
      R"({"action":"resume","at":"2023-01-06T10:00:00+07:00","by":"d","components":[{"id":"y"}]},)"
      R"({"action":"transfer","at":"2023-01-06T11:00:00+07:00","by":"d"},)"
      R"({"action":"assign_handler","at":"2023-01-06T12:00:00+07:00","by":"d","handler":"h"},)"
      R"({"action":"sign","at":"2023-01-06T13:00:00+07:00","by":"d","component_id":"x","document_hash":"h"},)"
      R"({"action":"stop","at":"2023-01-07T13:00:00+07:00","by":"d","reason":"s"},)"
      R"({"action":"answer_question","at":"2023-01-07T14:00:00+07:00","by":"d","text":"t"}]})");
  return lines;
}

void ExpectSameRecord(const ImportRecord& fast, const ImportRecord& dom, const std::string& line) {
  EXPECT_EQ(FormatRecord(fast), FormatRecord(dom)) << line;
  EXPECT_EQ(fast.components_given, dom.components_given) << line;
  ASSERT_EQ(fast.events.size(), dom.events.size()) << line;
  const dossier::Command& a = fast.events.front();
  const dossier::Command& b = dom.events.front();
  EXPECT_EQ(a.code, b.code);
  EXPECT_EQ(a.applicant, b.applicant);
  EXPECT_EQ(a.channel, b.channel);
  EXPECT_EQ(a.components.size(), b.components.size());
}

TEST(RecordJsonFastTest, GoodLinesAreReadFastToTheDomReadersRecord) {
  for (const std::string& line : GoodLines()) {
    Result<ImportRecord> dom = ReadRecordDom(line);
    ASSERT_TRUE(dom.ok()) << dom.status().ToString() << "\n" << line;
    ImportRecord fast;
    ASSERT_TRUE(ReadRecordFast(line, &fast)) << line;
    ExpectSameRecord(fast, *dom, line);
  }
}

TEST(RecordJsonFastTest, EscapesAreDecodedAsJsonSaysAndSurrogatePairsJoin) {
  ImportRecord r;
  ASSERT_TRUE(ReadRecordFast(GoodLines()[2], &r));
  EXPECT_EQ(r.applicant.name, "Nguyễn Văn Đức \"Bé\"");
  EXPECT_EQ(r.events[1].actor, "x/y");
  static constexpr char kReason[] = "a\\b\nc\td\r\b\f \xF0\x9F\x98\x80 \0!";
  EXPECT_EQ(r.events[1].reason, std::string(kReason, sizeof kReason - 1));
}

TEST(RecordJsonFastTest, WhatTheFastReaderDoesNotTakeIsLeftToTheDomReader) {
  const std::string good = ExampleLine(7);
  ImportRecord r;
  // A repeated member: the DOM reader keeps the last one.
  std::string line = good;
  line.replace(line.find(R"("channel":"online")"), 18, R"("channel":"counter","channel":"postal")");
  EXPECT_FALSE(ReadRecordFast(line, &r));
  EXPECT_EQ(ParseRecord(line)->channel, dossier::Channel::kPostal);
  // Numbers the DOM reader reads as integers or refuses, and a byte-order mark.
  for (const char* version : {"1.0", "01", "-1", "1e2", "0", "99999999"}) {
    line = good;
    line.replace(line.find(R"("channel")"), 9,
                 std::string(R"("procedure_version":)") + version + R"(,"channel")");
    EXPECT_FALSE(ReadRecordFast(line, &r)) << version;
    EXPECT_FALSE(ParseRecord(line).ok()) << version;
  }
  EXPECT_FALSE(ReadRecordFast("\xEF\xBB\xBF" + good, &r));
  EXPECT_TRUE(ParseRecord("\xEF\xBB\xBF" + good).ok()) << "the DOM reader skips a BOM";
  // A bad line still gets the DOM reader's words.
  EXPECT_EQ(ParseRecord("[1,2]").status().message(), "a line must hold a JSON object, not array");
}

// Each good line damaged in every place, one byte at a time: removed,
// replaced or preceded by a byte that matters to JSON or to UTF-8. Whatever
// the fast reader accepts, the DOM reader accepts as the same record.
TEST(RecordJsonFastTest, NoDamagedLineIsReadToARecordTheDomReaderWouldNotGive) {
  const std::string bytes[] = {"\"", "\\", "{",    "}",    "[",    "]",    ",",
                               ":",  " ",  "0",    "1",    "a",    "u",    "-",
                               ".",  "e",  "\x01", "\xC3", "\xA1", "\xFF", "\xED"};
  int accepted = 0, checked = 0;
  for (const std::string& good : {GoodLines()[0], GoodLines()[1], GoodLines()[2]}) {
    std::vector<std::string> damaged;
    for (size_t i = 0; i < good.size(); ++i) {
      damaged.push_back(good.substr(0, i) + good.substr(i + 1));
      for (const std::string& b : bytes) {
        damaged.push_back(good.substr(0, i) + b + good.substr(i + 1));
        damaged.push_back(good.substr(0, i) + b + good.substr(i));
      }
    }
    for (const std::string& line : damaged) {
      ImportRecord fast;
      if (!ReadRecordFast(line, &fast)) continue;
      ++accepted;
      Result<ImportRecord> dom = ReadRecordDom(line);
      ASSERT_TRUE(dom.ok()) << "fast reader took a line the DOM reader refuses ("
                            << dom.status().ToString() << "):\n"
                            << line;
      ExpectSameRecord(fast, *dom, line);
    }
    checked += static_cast<int>(damaged.size());
  }
  // Damage inside a string value often leaves a good line: those must match.
  EXPECT_GT(accepted, 1000) << "of " << checked;
}

}  // namespace
}  // namespace motcua::import::internal
