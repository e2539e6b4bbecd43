// The shipped calendar data: every yearly file gives exactly the days off of
// its government notice, and a broken data folder is reported usefully.
#include "datafiles/calendar_files.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace motcua::datafiles {
namespace {

namespace fs = std::filesystem;
using calendar::Holiday;
using calendar::HolidayKindName;
using calendar::HolidayRules;
using calendar::YearSchedule;

HolidayRules Shipped() {
  Result<HolidayRules> rules = LoadHolidayRules(MOTCUA_DATA_DIR);
  EXPECT_TRUE(rules.ok()) << rules.status().ToString();
  return rules.ok() ? *rules : HolidayRules{};
}

// "date kind" for each holiday of `year`.
std::vector<std::string> DaysOff(const HolidayRules& rules, int year) {
  Result<YearSchedule> s = rules.ForYear(year);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  std::vector<std::string> out;
  if (!s.ok()) return out;
  for (const Holiday& h : s->holidays) {
    out.push_back(FormatDate(h.date) + " " + HolidayKindName(h.kind));
  }
  return out;
}

std::vector<std::string> WorkedWeekendDays(const HolidayRules& rules, int year) {
  Result<YearSchedule> s = rules.ForYear(year);
  std::vector<std::string> out;
  if (s.ok()) {
    for (DayNumber d : s->working_weekend_days) out.push_back(FormatDate(d));
  }
  return out;
}

TEST(ShippedCalendarTest, Year2023FollowsNotice8056) {
  // Tết 20–26 Jan (29 Chạp – mùng 5); Hùng Kings' day Saturday 29 April and
  // 30 April Sunday taken on 2 and 3 May; National Day 1–4 September.
  EXPECT_THAT(
      DaysOff(Shipped(), 2023),
      testing::ElementsAre("2023-01-01 statutory", "2023-01-02 substitute", "2023-01-20 announced",
                           "2023-01-21 statutory", "2023-01-22 statutory", "2023-01-23 statutory",
                           "2023-01-24 statutory", "2023-01-25 statutory", "2023-01-26 substitute",
                           "2023-04-29 statutory", "2023-04-30 statutory", "2023-05-01 statutory",
                           "2023-05-02 substitute", "2023-05-03 substitute", "2023-09-01 statutory",
                           "2023-09-02 statutory", "2023-09-04 substitute"));
  EXPECT_THAT(WorkedWeekendDays(Shipped(), 2023), testing::IsEmpty());
}

TEST(ShippedCalendarTest, Year2024FollowsNotices8662And2450) {
  // Tết 8–14 Feb; Hùng Kings 18 April; 27 April – 1 May with Monday 29 April
  // off, worked back on Saturday 4 May; National Day 2 and 3 September.
  EXPECT_THAT(
      DaysOff(Shipped(), 2024),
      testing::ElementsAre("2024-01-01 statutory", "2024-02-08 announced", "2024-02-09 statutory",
                           "2024-02-10 statutory", "2024-02-11 statutory", "2024-02-12 statutory",
                           "2024-02-13 statutory", "2024-02-14 substitute", "2024-04-18 statutory",
                           "2024-04-29 announced", "2024-04-30 statutory", "2024-05-01 statutory",
                           "2024-09-02 statutory", "2024-09-03 announced"));
  EXPECT_THAT(WorkedWeekendDays(Shipped(), 2024), testing::ElementsAre("2024-05-04"));
}

TEST(ShippedCalendarTest, Year2025FollowsNotice8726) {
  // Tết: five days 27–31 January; Hùng Kings Monday 7 April; 30 April – 2 May
  // with Friday 2 May worked back on Saturday 26 April; National Day 1–2 Sep.
  EXPECT_THAT(
      DaysOff(Shipped(), 2025),
      testing::ElementsAre("2025-01-01 statutory", "2025-01-27 announced", "2025-01-28 statutory",
                           "2025-01-29 statutory", "2025-01-30 statutory", "2025-01-31 statutory",
                           "2025-04-07 statutory", "2025-04-30 statutory", "2025-05-01 statutory",
                           "2025-05-02 announced", "2025-09-01 statutory", "2025-09-02 statutory"));
  EXPECT_THAT(WorkedWeekendDays(Shipped(), 2025), testing::ElementsAre("2025-04-26"));
}

TEST(ShippedCalendarTest, Year2026FollowsNotices12729And9441) {
  // New Year 1–2 January (Saturday 10 January worked); Tết 16–20 February;
  // Hùng Kings Sunday 26 April taken Monday 27; 30 April, 1 May; National
  // Day 1–2 September plus Monday 31 August (Saturday 22 August worked).
  EXPECT_THAT(
      DaysOff(Shipped(), 2026),
      testing::ElementsAre("2026-01-01 statutory", "2026-01-02 announced", "2026-02-16 statutory",
                           "2026-02-17 statutory", "2026-02-18 statutory", "2026-02-19 statutory",
                           "2026-02-20 statutory", "2026-04-26 statutory", "2026-04-27 substitute",
                           "2026-04-30 statutory", "2026-05-01 statutory", "2026-08-31 announced",
                           "2026-09-01 statutory", "2026-09-02 statutory"));
  EXPECT_THAT(WorkedWeekendDays(Shipped(), 2026), testing::ElementsAre("2026-01-10", "2026-08-22"));
}

TEST(ShippedCalendarTest, EachYearFileCitesItsNotice) {
  const HolidayRules rules = Shipped();
  const std::vector<std::pair<int, std::string>> cited = {
      {2023, "8056/VPCP-KGVX"}, {2024, "8662/VPCP-KGVX"},  {2024, "2450/VPCP-KGVX"},
      {2025, "8726/VPCP-KGVX"}, {2026, "12729/VPCP-KGVX"}, {2026, "9441/TB-BNV"}};
  for (const auto& [year, number] : cited) {
    const calendar::YearNotice* notice = rules.NoticeFor(year);
    ASSERT_NE(notice, nullptr) << year;
    EXPECT_THAT(notice->notice, testing::HasSubstr(number)) << year;
  }
  EXPECT_EQ(rules.NoticeFor(2030), nullptr);
}

// A scratch copy of data/ for the failure cases; removed at the end.
class CalendarFolderTest : public testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("motcua_calendar_files_test_" + std::to_string(::getpid()) + "_" +
             testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "calendar");
    fs::copy(fs::path(MOTCUA_DATA_DIR) / "calendar", root_ / "calendar",
             fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  }
  void TearDown() override { fs::remove_all(root_); }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(root_ / "calendar" / name, std::ios::binary | std::ios::trunc) << text;
  }
  std::string Read(const std::string& name) {
    std::ifstream in(root_ / "calendar" / name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  std::string Path(const std::string& name) { return (root_ / "calendar" / name).string(); }

  fs::path root_;
};

TEST_F(CalendarFolderTest, TheCopyLoadsLikeTheOriginal) {
  Result<HolidayRules> rules = LoadHolidayRules(root_.string());
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_EQ(DaysOff(*rules, 2024), DaysOff(Shipped(), 2024));
}

TEST_F(CalendarFolderTest, AMalformedYearFileNamesItsPathAndLine) {
  Write("2027.json",
        "{\n  \"year\": 2027,\n  \"notice\": \"x\",\n  \"drop\": [\"2027-13-01\"]\n}\n");
  Result<HolidayRules> rules = LoadHolidayRules(root_.string());
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(
      rules.status().message(),
      Path("2027.json") + ":4:12: drop[0]: \"2027-13-01\" is not a valid date \"YYYY-MM-DD\"");
}

TEST_F(CalendarFolderTest, AYearFileWhoseYearDiffersFromItsNameIsRefused) {
  Write("2027.json", "{\"year\": 2028, \"notice\": \"x\"}");
  Result<HolidayRules> rules = LoadHolidayRules(root_.string());
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.status().message(),
            Path("2027.json") + ":1:10: year: is 2028 but the file is named 2027.json");
}

TEST_F(CalendarFolderTest, AMissingStatutoryFileIsNotFound) {
  fs::remove(root_ / "calendar" / "statutory.json");
  Result<HolidayRules> rules = LoadHolidayRules(root_.string());
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.status().code(), Status::Code::kNotFound);
  EXPECT_THAT(rules.status().message(), testing::HasSubstr("statutory.json"));
}

TEST_F(CalendarFolderTest, OtherFilesInTheFolderAreIgnored) {
  Write("README.md", "not json");
  Write("office_hours.json", "[not json");
  Write("2027.json.bak", "[not json");
  EXPECT_TRUE(LoadHolidayRules(root_.string()).ok());
}

TEST_F(CalendarFolderTest, EnablingCultureDayIsAOneLineDataChange) {
  std::string text = Read("statutory.json");
  const std::string off = "\"enabled\": false";
  ASSERT_NE(text.find(off), std::string::npos);
  text.replace(text.find(off), off.size(), "\"enabled\": true");
  Write("statutory.json", text);
  Result<HolidayRules> rules = LoadHolidayRules(root_.string());
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_THAT(DaysOff(*rules, 2026), testing::Contains("2026-11-24 statutory"));
  EXPECT_THAT(DaysOff(Shipped(), 2026), testing::Not(testing::Contains("2026-11-24 statutory")));
}

}  // namespace
}  // namespace motcua::datafiles
