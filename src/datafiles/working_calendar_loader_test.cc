// Due times against the shipped holiday data: the real Tết, 30/4 and National
// Day arrangements of the government notices, as a desk officer would see
// them on a receipt-and-appointment slip.
#include "datafiles/working_calendar_loader.h"

#include <gtest/gtest.h>

#include <string>

namespace motcua::datafiles {
namespace {

using calendar::OfficeHours;
using calendar::WorkingCalendar;

const WorkingCalendar& Shipped() {
  static const WorkingCalendar cal = [] {
    auto c = LoadWorkingCalendar(MOTCUA_DATA_DIR, OfficeHours::Default(), 2000, 2050);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    if (c.ok()) return *c;
    calendar::YearSchedule empty;  // keeps the other tests failing, not crashing
    empty.year = 2000;
    return *WorkingCalendar::Build(OfficeHours::Default(), {empty});
  }();
  return cal;
}

std::string Due(const char* received, double days) {
  auto from = ParseDateTime(received);
  EXPECT_TRUE(from.ok()) << received;
  auto due = Shipped().AddWorkingDays(*from, days);
  return due.ok() ? FormatDateTime(*due) : due.status().ToString();
}

TEST(ShippedWorkingCalendarTest, ReceivedBeforeTet2024WithThreeDaysIsDueAfterTet) {
  // Notice 8662/VPCP-KGVX: off 8–14 February 2024. 1 hour on Wednesday 7,
  // Thursday 15 and Friday 16 in full, 6.5 hours on Monday 19.
  EXPECT_EQ(Due("2024-02-07T16:00:00+07:00", 3), "2024-02-19T16:00:00+07:00");
}

TEST(ShippedWorkingCalendarTest, ThirtyAprilWeek2024EndsOnTheWorkedSaturday) {
  // Notice 2450/VPCP-KGVX: off 27 April–1 May 2024, Saturday 4 May worked.
  EXPECT_EQ(Due("2024-04-26T09:00:00+07:00", 3), "2024-05-04T09:00:00+07:00");
  EXPECT_EQ(Due("2024-04-26T17:00:00+07:00", 0), "2024-05-02T07:30:00+07:00");
  EXPECT_EQ(Due("2024-05-03T16:00:00+07:00", 1), "2024-05-04T16:00:00+07:00");
}

TEST(ShippedWorkingCalendarTest, ThirtyAprilWeek2023SkipsTheSubstituteDays) {
  // 2023: Hùng Kings' day on Saturday 29 April and 30 April on Sunday are
  // taken on 2 and 3 May; offices reopen Thursday 4 May.
  EXPECT_EQ(Due("2023-04-28T16:00:00+07:00", 1), "2023-05-04T16:00:00+07:00");
}

TEST(ShippedWorkingCalendarTest, Tet2023And2025) {
  // Tết 2023: off Friday 20–Thursday 26 January.
  EXPECT_EQ(Due("2023-01-19T16:00:00+07:00", 1), "2023-01-27T16:00:00+07:00");
  // Tết 2025: off Saturday 25 January–Sunday 2 February.
  EXPECT_EQ(Due("2025-01-24T16:00:00+07:00", 1), "2025-02-03T16:00:00+07:00");
}

TEST(ShippedWorkingCalendarTest, ThirtyAprilWeek2025WorksSaturday26April) {
  // 2025: Friday 2 May off in exchange for Saturday 26 April; off 30 April–4 May.
  EXPECT_EQ(Due("2025-04-25T16:00:00+07:00", 1), "2025-04-26T16:00:00+07:00");
  EXPECT_EQ(Due("2025-04-29T16:00:00+07:00", 1), "2025-05-05T16:00:00+07:00");
}

TEST(ShippedWorkingCalendarTest, NewYear2026BridgeDayCrossesTheYear) {
  // 2026: Friday 2 January off in exchange for Saturday 10 January.
  EXPECT_EQ(Due("2025-12-31T16:00:00+07:00", 1), "2026-01-05T16:00:00+07:00");
  EXPECT_TRUE(*Shipped().IsWorkingDay(DaysFromCivil({2026, 1, 10})));
}

TEST(ShippedWorkingCalendarTest, NationalDay2026) {
  // 2026: Monday 31 August off in exchange for Saturday 22 August; 1 and 2
  // September are National Day.
  EXPECT_EQ(Due("2026-08-28T16:00:00+07:00", 1), "2026-09-03T16:00:00+07:00");
  EXPECT_EQ(Due("2026-08-21T16:00:00+07:00", 1), "2026-08-22T16:00:00+07:00");
}

TEST(ShippedWorkingCalendarTest, YearsWithoutANoticeFollowTheStatute) {
  // 1 January 2030 is a Tuesday: a holiday by art. 112 alone.
  EXPECT_FALSE(*Shipped().IsWorkingDay(DaysFromCivil({2030, 1, 1})));
  EXPECT_TRUE(*Shipped().IsWorkingDay(DaysFromCivil({2030, 1, 2})));
  EXPECT_EQ(Due("2029-12-31T16:00:00+07:00", 1), "2030-01-02T16:00:00+07:00");
}

TEST(ShippedWorkingCalendarTest, WholeSupportedRangeBuilds) {
  auto cal = LoadWorkingCalendar(MOTCUA_DATA_DIR, OfficeHours::Default(), 1900, 2199);
  ASSERT_TRUE(cal.ok()) << cal.status().ToString();
  EXPECT_EQ(cal->first_year(), 1900);
  EXPECT_EQ(cal->last_year(), 2199);
}

TEST(ShippedWorkingCalendarTest, BadRangesAndFoldersAreReported) {
  EXPECT_EQ(
      LoadWorkingCalendar(MOTCUA_DATA_DIR, OfficeHours::Default(), 1899, 2000).status().code(),
      Status::Code::kOutOfRange);
  EXPECT_EQ(
      LoadWorkingCalendar(MOTCUA_DATA_DIR, OfficeHours::Default(), 2000, 2200).status().code(),
      Status::Code::kOutOfRange);
  EXPECT_EQ(
      LoadWorkingCalendar(MOTCUA_DATA_DIR, OfficeHours::Default(), 2025, 2024).status().code(),
      Status::Code::kInvalidArgument);
  EXPECT_FALSE(
      LoadWorkingCalendar("/nonexistent/motcua-data", OfficeHours::Default(), 2024, 2024).ok());
  OfficeHours none;
  EXPECT_EQ(LoadWorkingCalendar(MOTCUA_DATA_DIR, none, 2024, 2024).status().code(),
            Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace motcua::datafiles
