// The JSON and CSV shapes that the CLI, the API and the focal points' mail
// rely on.
#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "report/breakdown.h"
#include "report/deadline_alerts.h"
#include "report/facts_table.h"
#include "report/facts_testing.h"
#include "report/report_csv.h"
#include "report/report_json.h"

namespace motcua::report {
namespace {

using testing::At;
using testing::ReceivedRecord;

std::set<std::string> Keys(const nlohmann::json& j) {
  std::set<std::string> keys;
  for (const auto& [key, value] : j.items()) keys.insert(key);
  return keys;
}

// Splits CSV text into records of fields (RFC 4180, enough for the tests).
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        rows.back().back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        rows.back().back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      if (i + 1 < text.size()) rows.emplace_back(1);
    } else {
      rows.back().back() += c;
    }
  }
  return rows;
}

class ReportFormatTest : public ::testing::Test {
 protected:
  void SetUp() override {
    DossierRecord d1 = ReceivedRecord("D1", At("2023-03-02T09:00"), At("2023-03-09T09:00"));
    d1.completed_at = At("2023-03-08T09:00");
    d1.outcome = Outcome::kApproved;
    d1.rating = 5;
    Add(d1);
    DossierRecord d2 = ReceivedRecord("D2", At("2023-03-02T09:00"), At("2023-03-09T09:00"));
    d2.agency = "Sở \"Khoa học\", Công nghệ";  // a label that needs quoting
    d2.desk_officer = "bưu.điện\nA";
    d2.channel = Channel::kCounter;
    Add(d2);
    march_ = QueryForDates({2023, 3, 1}, {2023, 3, 31});
  }
  void Add(const DossierRecord& r) { ASSERT_TRUE(table_.Add(r).ok()) << r.code; }
  FactsTable table_;
  ReportQuery march_;
};

TEST_F(ReportFormatTest, JsonHasTheAgreedKeys) {
  const nlohmann::json j = ToJson(Compute(table_.facts(), march_));
  for (const char* key :
       {"from", "to", "received", "resolved", "open", "returned", "refused", "withdrawn", "stopped",
        "supplement_requests", "apologies", "indicators"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  const std::set<std::string> received = Keys(j["received"]);
  for (const char* key : {"total", "carried_over", "online", "counter", "postal"}) {
    EXPECT_TRUE(received.count(key)) << key;
  }
  EXPECT_EQ(Keys(j["resolved"]).count("early") + Keys(j["resolved"]).count("on_time") +
                Keys(j["resolved"]).count("late") + Keys(j["resolved"]).count("total"),
            4u);
  EXPECT_EQ(Keys(j["open"]), (std::set<std::string>{"total", "within_deadline", "overdue"}));
  EXPECT_EQ(Keys(j["supplement_requests"]),
            (std::set<std::string>{"at_reception", "in_processing"}));
  for (const char* key : {"on_time_rate", "online_share", "digitization_rate",
                          "result_digitization_rate", "satisfaction", "rework_rate"}) {
    EXPECT_TRUE(j["indicators"].contains(key)) << key;
  }
  EXPECT_EQ(j["from"], "2023-03-01");
  EXPECT_EQ(j["to"], "2023-04-01");  // exclusive
  EXPECT_EQ(j["received"]["total"], 2);
  EXPECT_EQ(j["received"]["new"], 2);
  EXPECT_EQ(j["received"]["counter"], 1);
  EXPECT_EQ(j["resolved"]["early"], 1);
  EXPECT_EQ(j["open"]["overdue"], 1);  // D2, due 9 March
  EXPECT_EQ(j["indicators"]["on_time_rate"], 1.0);
  EXPECT_EQ(j["indicators"]["online_share"], 0.5);
  EXPECT_EQ(j["indicators"]["satisfaction"], 5.0);
  EXPECT_TRUE(j["indicators"]["cost_per_dossier"].is_null());  // no contract cost given
  EXPECT_TRUE(j["contract_cost_vnd"].is_null());
}

TEST_F(ReportFormatTest, JsonShowsBoundsThatAreNotMidnightsWithTheTime) {
  ReportQuery q = march_;
  q.to = At("2023-03-15T12:30");
  q.contract_cost_vnd = 3000;
  const nlohmann::json j = ToJson(Compute(table_.facts(), q));
  EXPECT_EQ(j["to"], "2023-03-15T12:30:00+07:00");
  EXPECT_EQ(j["contract_cost_vnd"], 3000);
  EXPECT_EQ(j["indicators"]["cost_per_dossier"], 1500.0);
  EXPECT_TRUE(Compute({}, q).indicators.on_time_rate == std::nullopt);
  EXPECT_TRUE(ToJson(Compute({}, q))["indicators"]["on_time_rate"].is_null());
}

TEST_F(ReportFormatTest, BreakdownAndAlertsJsonNameTheirGroupsAndDossiers) {
  const nlohmann::json b =
      ToJson(ComputeBreakdown(table_.facts(), march_, GroupBy::kAgency), table_);
  EXPECT_EQ(b["by"], "agency");
  ASSERT_EQ(b["rows"].size(), 2u);
  EXPECT_EQ(b["rows"][0]["group"], "A");
  EXPECT_EQ(b["rows"][0]["received"]["total"], 1);

  ReportQuery late = march_;
  late.to = At("2023-03-12T00:00");
  const auto alerts = ListDeadlineAlerts(table_.facts(), late);
  const nlohmann::json a = ToJson(alerts, table_.facts(), table_);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0]["code"], "D2");
  EXPECT_EQ(a[0]["status"], "overdue");
  EXPECT_EQ(a[0]["due_at"], "2023-03-09T09:00:00+07:00");
}

TEST(CsvField, QuotesOnlyWhatRfc4180Requires) {
  EXPECT_EQ(CsvField("000.00.12.H29"), "000.00.12.H29");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("cr\r"), "\"cr\r\"");
  EXPECT_EQ(CsvField("Sở Tư pháp"), "Sở Tư pháp");
}

TEST(CsvField, TextThatASpreadsheetWouldRunAsAFormulaIsDefused) {
  EXPECT_EQ(CsvField("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(CsvField("+1+1"), "'+1+1");
  EXPECT_EQ(CsvField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvField("-2+3"), "'-2+3");
  EXPECT_EQ(CsvField("\tcmd"), "'\tcmd");
  // Numbers stay numbers.
  EXPECT_EQ(CsvField("-3"), "-3");
  EXPECT_EQ(CsvField("-0.25"), "-0.25");
  EXPECT_EQ(CsvField("42"), "42");
}

TEST_F(ReportFormatTest, CsvHasAHeaderAndOneRowWithTheJsonFigures) {
  const Report r = Compute(table_.facts(), march_);
  const std::string csv = ToCsv(r);
  ASSERT_GE(csv.size(), 2u);
  EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");
  const auto rows = ParseCsv(csv);
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_EQ(rows[0].size(), rows[1].size());
  EXPECT_EQ(rows[0][0], "from");
  EXPECT_EQ(rows[1][0], "2023-03-01");
  EXPECT_EQ(rows[1][1], "2023-04-01");
  const nlohmann::json j = ToJson(r);
  const auto cell = [&](const std::string& column) {
    for (std::size_t i = 0; i < rows[0].size(); ++i) {
      if (rows[0][i] == column) return rows[1][i];
    }
    ADD_FAILURE() << "no column " << column;
    return std::string();
  };
  EXPECT_EQ(cell("received_total"), std::to_string(j["received"]["total"].get<int>()));
  EXPECT_EQ(cell("received_counter"), "1");
  EXPECT_EQ(cell("open_within_deadline"), "0");
  EXPECT_EQ(cell("open_overdue"), "1");
  EXPECT_EQ(cell("on_time_rate"), "1.0000");
  EXPECT_EQ(cell("online_share"), "0.5000");
  EXPECT_EQ(cell("rework_rate"), "0.0000");
  EXPECT_EQ(cell("cost_per_dossier_vnd"), "");  // undefined: empty
}

TEST_F(ReportFormatTest, CsvBreakdownQuotesLabelsWithCommasQuotesAndNewlines) {
  const Breakdown by_agency = ComputeBreakdown(table_.facts(), march_, GroupBy::kAgency);
  const std::string csv = ToCsv(by_agency, table_);
  EXPECT_NE(csv.find("\"Sở \"\"Khoa học\"\", Công nghệ\""), std::string::npos);
  const auto rows = ParseCsv(csv);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0][0], "agency");
  EXPECT_EQ(rows[1][0], "A");
  EXPECT_EQ(rows[2][0], "Sở \"Khoa học\", Công nghệ");
  EXPECT_EQ(rows[1].size(), rows[0].size());
  EXPECT_EQ(rows[2].size(), rows[0].size());

  const Breakdown by_officer = ComputeBreakdown(table_.facts(), march_, GroupBy::kOfficer);
  const auto officer_rows = ParseCsv(ToCsv(by_officer, table_));
  ASSERT_EQ(officer_rows.size(), 3u);
  EXPECT_EQ(officer_rows[1][0], "desk.a");  // by id: the first interned first
  EXPECT_EQ(officer_rows[2][0], "bưu.điện\nA");
}

TEST_F(ReportFormatTest, CsvInVietnameseWithAByteOrderMark) {
  const std::string csv =
      ToCsv(Compute(table_.facts(), march_), {.vietnamese_labels = true, .utf8_bom = true});
  ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  const auto rows = ParseCsv(csv.substr(3));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], "Từ ngày");
  EXPECT_EQ(rows[0][2], "Tổng số hồ sơ tiếp nhận");
  EXPECT_EQ(rows[0].size(), rows[1].size());
}

TEST_F(ReportFormatTest, AlertsCsvListsEachDossier) {
  ReportQuery q = march_;
  q.to = At("2023-03-12T00:00");
  const auto alerts = ListDeadlineAlerts(table_.facts(), q);
  const auto rows = ParseCsv(ToCsv(alerts, table_.facts(), table_, {.vietnamese_labels = true}));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], "Mã hồ sơ");
  EXPECT_EQ(rows[1][0], "D2");
  EXPECT_EQ(rows[1][1], "Sở \"Khoa học\", Công nghệ");
  EXPECT_EQ(rows[1][6], "Quá hạn");
}

}  // namespace
}  // namespace motcua::report
