// An administrator's mistakes in the calendar data files are refused with a
// message naming the file, the line and column, the field and what is wrong.
#include <gtest/gtest.h>

#include <string>

#include "calendar/holiday_json.h"
#include "calendar/holidays.h"

namespace motcua::calendar {
namespace {

// The error message of parsing `text` as statutory rules ("" when ok).
std::string StatutoryError(const std::string& text) {
  Result<HolidayRules> r = HolidayRules::Parse(text, "statutory.json");
  if (r.ok()) return "";
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  return r.status().message();
}

constexpr const char* kOneRule = R"({"rules": [
  {"name": "Tết Dương lịch", "solar": {"month": 1, "day": 1}, "effective_from": "2000-01-01"}
]})";

// The error of adding `text` as yearly file `name` to one simple rule set:
// 1 January, 30 April and 1 May from 2000.
std::string YearError(const std::string& text, const std::string& name = "2022.json") {
  Result<HolidayRules> rules = HolidayRules::Parse(R"({"rules": [
    {"name": "Tết Dương lịch", "solar": {"month": 1, "day": 1}, "effective_from": "2000-01-01"},
    {"name": "Ngày Chiến thắng", "solar": {"month": 4, "day": 30}, "effective_from": "2000-01-01"},
    {"name": "Ngày Quốc tế Lao động", "solar": {"month": 5, "day": 1}, "effective_from": "2000-01-01"}
  ]})",
                                                   "statutory.json");
  EXPECT_TRUE(rules.ok());
  const Status s = rules->AddYearFile(text, name);
  if (s.ok()) return "";
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  return s.message();
}

TEST(HolidayParseTest, AValidRuleFileParses) {
  EXPECT_EQ(StatutoryError(kOneRule), "");
  Result<HolidayRules> r = HolidayRules::Parse(kOneRule, "statutory.json");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->rules().size(), 1u);
  EXPECT_EQ(r->rules()[0].name, "Tết Dương lịch");
  EXPECT_EQ(r->rules()[0].effective_to, StatutoryRule::kNoEnd);
  EXPECT_TRUE(r->rules()[0].enabled);
}

TEST(HolidayParseTest, BrokenJsonNamesLineAndColumn) {
  EXPECT_EQ(StatutoryError("{\"rules\": [\n  {\"name\": \"A\",}\n]}"),
            "statutory.json:2:16: invalid JSON: syntax error while parsing object key - "
            "unexpected '}'; expected string literal");
}

TEST(HolidayParseTest, ColumnsCountCharactersNotBytes) {
  // "Tết" is 3 characters but 5 bytes; the column is that of the key after it.
  EXPECT_EQ(StatutoryError("{\"rules\": [{\"name\": \"Tết\", \"bad\": 1}]}"),
            "statutory.json:1:28: rules[0].bad: unknown field (expected one of: name, solar, "
            "lunar, days, days_before, effective_from, effective_to, enabled, source, note)");
  EXPECT_EQ(internal::LineColumn("ab\ncdé\nx", 8), "3:1");
  EXPECT_EQ(internal::LineColumn("ab\ncdé\nx", 7), "2:4");
}

TEST(HolidayParseTest, TopLevelMustBeAnObjectWithRules) {
  EXPECT_EQ(StatutoryError("[1, 2]"),
            "statutory.json:1:1: the file must hold a JSON object, not an array");
  EXPECT_EQ(StatutoryError("{\n  \"rule\": []\n}"),
            "statutory.json:2:3: rule: unknown field (expected one of: description, rules)");
  EXPECT_EQ(StatutoryError("{}"), "statutory.json:1:1: missing required field \"rules\"");
  EXPECT_EQ(StatutoryError("{\"rules\": []}"),
            "statutory.json:1:11: rules: must list at least one rule");
}

TEST(HolidayParseTest, DuplicateFieldIsRefused) {
  EXPECT_EQ(StatutoryError("{\"rules\": [{\"name\": \"A\",\n \"name\": \"B\"}]}"),
            "statutory.json:2:2: rules[0].name: duplicate field");
}

TEST(HolidayParseTest, RuleFieldsAreChecked) {
  const std::string head = "{\"rules\": [\n";
  const std::string tail = "\n]}";
  EXPECT_EQ(
      StatutoryError(head + R"({"solar": {"month": 1, "day": 1}, "effective_from": "2000-01-01"})" +
                     tail),
      "statutory.json:2:1: rules[0]: missing required field \"name\"");
  EXPECT_EQ(
      StatutoryError(
          head +
          R"({"name": " ", "solar": {"month": 1, "day": 1}, "effective_from": "2000-01-01"})" +
          tail),
      "statutory.json:2:10: rules[0].name: must not be empty");
  EXPECT_EQ(StatutoryError(head + R"({"name": "A", "effective_from": "2000-01-01"})" + tail),
            "statutory.json:2:1: rules[0]: a rule needs a date: \"solar\" or \"lunar\" "
            "{\"month\", \"day\"}");
  EXPECT_EQ(
      StatutoryError(
          head +
          R"({"name": "A", "solar": {"month": 1, "day": 1}, "lunar": {"month": 1, "day": 1}, "effective_from": "2000-01-01"})" +
          tail),
      "statutory.json:2:48: rules[0].lunar: a rule has either \"solar\" or \"lunar\", not both");
  EXPECT_EQ(
      StatutoryError(
          head +
          R"({"name": "A", "solar": {"month": 2, "day": 29}, "effective_from": "2000-01-01"})" +
          tail),
      "statutory.json:2:44: rules[0].solar.day: 29 is out of range (1..28)");
  EXPECT_EQ(
      StatutoryError(
          head +
          R"({"name": "A", "solar": {"month": 13, "day": 1}, "effective_from": "2000-01-01"})" +
          tail),
      "statutory.json:2:34: rules[0].solar.month: 13 is out of range (1..12)");
  EXPECT_EQ(
      StatutoryError(
          head +
          R"({"name": "A", "lunar": {"month": 3, "day": 31}, "effective_from": "2000-01-01"})" +
          tail),
      "statutory.json:2:44: rules[0].lunar.day: 31 is out of range (1..30)");
  EXPECT_EQ(
      StatutoryError(
          head +
          R"({"name": "A", "solar": {"month": 3, "day": 1, "year": 2}, "effective_from": "2000-01-01"})" +
          tail),
      "statutory.json:2:47: rules[0].solar.year: unknown field (expected one of: month, day)");
  EXPECT_EQ(
      StatutoryError(
          head +
          R"({"name": "A", "solar": {"month": 3, "day": 1}, "days": 0, "effective_from": "2000-01-01"})" +
          tail),
      "statutory.json:2:56: rules[0].days: 0 is out of range (1..10)");
  EXPECT_EQ(
      StatutoryError(
          head +
          R"({"name": "A", "solar": {"month": 3, "day": 1}, "days": "2", "effective_from": "2000-01-01"})" +
          tail),
      "statutory.json:2:56: rules[0].days: must be a whole number, not a string");
  EXPECT_EQ(
      StatutoryError(
          head +
          R"({"name": "A", "solar": {"month": 3, "day": 1}, "days": 2, "days_before": 2, "effective_from": "2000-01-01"})" +
          tail),
      "statutory.json:2:74: rules[0].days_before: 2 is out of range (0..1)");
  EXPECT_EQ(
      StatutoryError(
          head +
          R"({"name": "A", "solar": {"month": 3, "day": 1}, "effective_from": "2021-02-30"})" +
          tail),
      "statutory.json:2:66: rules[0].effective_from: \"2021-02-30\" is not a valid date "
      "\"YYYY-MM-DD\"");
  EXPECT_EQ(
      StatutoryError(
          head +
          R"({"name": "A", "solar": {"month": 3, "day": 1}, "effective_from": "2021-01-01", "effective_to": "2020-12-31"})" +
          tail),
      "statutory.json:2:96: rules[0].effective_to: ends before effective_from 2021-01-01");
  EXPECT_EQ(
      StatutoryError(
          head +
          R"({"name": "A", "solar": {"month": 3, "day": 1}, "effective_from": "2021-01-01", "enabled": "no"})" +
          tail),
      "statutory.json:2:91: rules[0].enabled: must be true or false, not a string");
}

TEST(HolidayParseTest, AValidYearFileIsAccepted) {
  EXPECT_EQ(YearError(R"({"year": 2022, "notice": "Thông báo", "notes": ["a", "b"],
    "holidays": [{"from": "2022-04-28", "to": "2022-04-29", "name": "Nghỉ hoán đổi"}],
    "drop": ["2022-05-03"], "working_saturdays": ["2022-05-07"]})"),
            "");
}

TEST(HolidayParseTest, YearFileMistakesAreRefusedWithTheirLine) {
  EXPECT_EQ(YearError("{\"notice\": \"x\"}"), "2022.json:1:1: missing required field \"year\"");
  EXPECT_EQ(YearError("{\"year\": 2022}"), "2022.json:1:1: missing required field \"notice\"");
  EXPECT_EQ(YearError("{\"year\": 2023, \"notice\": \"x\"}"),
            "2022.json:1:10: year: is 2023 but the file is named 2022.json");
  EXPECT_EQ(YearError("{\"year\": 2200, \"notice\": \"x\"}", "x.json"),
            "x.json:1:10: year: 2200 is out of range (1900..2199)");
  EXPECT_EQ(YearError("{\"year\": 2022, \"notice\": \"x\",\n \"holiday\": []}"),
            "2022.json:2:2: holiday: unknown field (expected one of: year, notice, notes, "
            "holidays, drop, working_saturdays)");
  EXPECT_EQ(YearError("{\"year\": 2022, \"notice\": \"x\",\n \"holidays\": [\n"
                      "  {\"date\": \"2022-02-30\", \"name\": \"A\"}]}"),
            "2022.json:3:12: holidays[0].date: \"2022-02-30\" is not a valid date \"YYYY-MM-DD\"");
  EXPECT_EQ(YearError("{\"year\": 2022, \"notice\": \"x\",\n \"holidays\": [\n"
                      "  {\"date\": \"2021-12-31\", \"name\": \"A\"}]}"),
            "2022.json:3:12: holidays[0].date: 2021-12-31 is not in 2022");
  EXPECT_EQ(YearError("{\"year\": 2022, \"notice\": \"x\",\n \"holidays\": [\n"
                      "  {\"date\": \"2022-02-01\"}]}"),
            "2022.json:3:3: holidays[0]: missing required field \"name\"");
  EXPECT_EQ(YearError("{\"year\": 2022, \"notice\": \"x\",\n \"holidays\": [\n"
                      "  {\"date\": \"2022-02-01\", \"from\": \"2022-02-01\", \"name\": \"A\"}]}"),
            "2022.json:3:26: holidays[0].from: an entry has either \"date\" or \"from\"/\"to\", "
            "not both");
  EXPECT_EQ(YearError("{\"year\": 2022, \"notice\": \"x\",\n \"holidays\": [\n"
                      "  {\"from\": \"2022-02-03\", \"to\": \"2022-02-01\", \"name\": \"A\"}]}"),
            "2022.json:3:32: holidays[0].to: 2022-02-01 is before from 2022-02-03");
  EXPECT_EQ(YearError("{\"year\": 2022, \"notice\": \"x\",\n \"holidays\": [\n"
                      "  {\"date\": \"2022-02-01\", \"name\": \"A\"},\n"
                      "  {\"date\": \"2022-02-01\", \"name\": \"B\"}]}"),
            "2022.json:4:12: holidays[1].date: 2022-02-01 is listed twice (also at "
            "holidays[0].date)");
}

TEST(HolidayParseTest, DroppedDaysMustBeComputedAndListedOnce) {
  EXPECT_EQ(YearError("{\"year\": 2022, \"notice\": \"x\",\n \"drop\": [\"2022-05-04\"]}"),
            "2022.json:2:11: drop[0]: 2022-05-04 is not a statutory or substitute day computed "
            "for 2022; there is nothing to drop");
  EXPECT_EQ(YearError("{\"year\": 2022, \"notice\": \"x\",\n"
                      " \"drop\": [\"2022-05-02\", \"2022-05-02\"]}"),
            "2022.json:2:25: drop[1]: 2022-05-02 is listed twice (also at drop[0])");
  EXPECT_EQ(YearError("{\"year\": 2022, \"notice\": \"x\",\n"
                      " \"holidays\": [{\"date\": \"2022-05-02\", \"name\": \"A\"}],\n"
                      " \"drop\": [\"2022-05-02\"]}"),
            "2022.json:3:11: drop[0]: 2022-05-02 is listed twice (also at holidays[0].date)");
}

TEST(HolidayParseTest, WorkingSaturdaysMustBeWeekendWorkingDays) {
  EXPECT_EQ(YearError("{\"year\": 2022, \"notice\": \"x\",\n"
                      " \"working_saturdays\": [\"2022-05-06\"]}"),
            "2022.json:2:24: working_saturdays[0]: 2022-05-06 is a Friday, not a weekend day");
  // 30 April 2022 is a Saturday and a holiday.
  EXPECT_EQ(YearError("{\"year\": 2022, \"notice\": \"x\",\n"
                      " \"working_saturdays\": [\"2022-04-30\"]}"),
            "2022.json:2:24: working_saturdays[0]: 2022-04-30 is a holiday (Ngày Chiến thắng); "
            "drop it first to make it a working day");
  EXPECT_EQ(YearError("{\"year\": 2022, \"notice\": \"x\",\n"
                      " \"working_saturdays\": [\"2022-05-07\", \"2022-05-07\"]}"),
            "2022.json:2:38: working_saturdays[1]: 2022-05-07 is listed twice (also at "
            "working_saturdays[0])");
  EXPECT_EQ(YearError("{\"year\": 2022, \"notice\": \"x\",\n"
                      " \"holidays\": [{\"date\": \"2022-05-07\", \"name\": \"A\"}],\n"
                      " \"working_saturdays\": [\"2022-05-07\"]}"),
            "2022.json:3:24: working_saturdays[0]: 2022-05-07 is also announced as a holiday (A)");
  // A dropped Saturday holiday may be worked.
  EXPECT_EQ(YearError("{\"year\": 2022, \"notice\": \"x\", \"drop\": [\"2022-04-30\"],\n"
                      " \"working_saturdays\": [\"2022-04-30\"]}"),
            "");
}

}  // namespace
}  // namespace motcua::calendar
