// Deadlines as a desk officer and an agency see them: due times around lunch,
// evenings, weekends and holiday weeks; pauses; classification. The year
// schedules are written by hand here (2024's real Tết and 30/4 arrangement),
// independent of the holiday rules.
#include "calendar/working_calendar.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace motcua::calendar {
namespace {

Instant At(const char* local_time) {
  auto t = ParseDateTime(local_time);
  EXPECT_TRUE(t.ok()) << local_time;
  return t.ok() ? *t : 0;
}

DayNumber Day(int y, int m, int d) { return DaysFromCivil({y, m, d}); }

std::string Show(const Result<Instant>& r) {
  return r.ok() ? FormatDateTime(*r) : r.status().ToString();
}

// A year with weekends only.
YearSchedule Plain(int year) {
  YearSchedule y;
  y.year = year;
  return y;
}

// 2024 as the Government announced it: Tết from Thursday 8 to Wednesday 14
// February; 30/4 with Monday 29 April off in exchange for working Saturday 4
// May; National Day Monday 2 and Tuesday 3 September.
YearSchedule Schedule2024() {
  YearSchedule y;
  y.year = 2024;
  auto off = [&](int m, int d, const char* name, HolidayKind kind) {
    y.holidays.push_back({Day(2024, m, d), name, kind});
  };
  off(1, 1, "Tết Dương lịch", HolidayKind::kStatutory);
  for (int d = 8; d <= 14; ++d) off(2, d, "Tết Nguyên đán", HolidayKind::kAnnounced);
  off(4, 18, "Giỗ Tổ Hùng Vương", HolidayKind::kStatutory);
  off(4, 29, "Nghỉ bù", HolidayKind::kAnnounced);
  off(4, 30, "Ngày Chiến thắng", HolidayKind::kStatutory);
  off(5, 1, "Ngày Quốc tế Lao động", HolidayKind::kStatutory);
  off(9, 2, "Quốc khánh", HolidayKind::kStatutory);
  off(9, 3, "Quốc khánh", HolidayKind::kAnnounced);
  y.working_weekend_days = {Day(2024, 5, 4)};
  return y;
}

std::vector<YearSchedule> Years2023To2025() { return {Plain(2023), Schedule2024(), Plain(2025)}; }

WorkingCalendar MustBuild(OfficeHours hours, std::vector<YearSchedule> years) {
  auto cal = WorkingCalendar::Build(std::move(hours), std::move(years));
  EXPECT_TRUE(cal.ok()) << cal.status().ToString();
  return std::move(cal).value();
}

class WorkingCalendarTest : public ::testing::Test {
 protected:
  WorkingCalendar cal_ = MustBuild(OfficeHours::Default(), Years2023To2025());

  std::string Days(const char* from, double days) const {
    return Show(cal_.AddWorkingDays(At(from), days));
  }
  std::string Hours(const char* from, double hours) const {
    return Show(cal_.AddWorkingHours(At(from), hours));
  }
};

// --- the office day ------------------------------------------------------

TEST_F(WorkingCalendarTest, DefaultOfficeDayIsSevenAndAHalfHours) {
  EXPECT_EQ(cal_.seconds_per_day(), 27000);
  EXPECT_EQ(OfficeHours::Default().SecondsPerDay(), 27000);
  EXPECT_EQ(cal_.first_year(), 2023);
  EXPECT_EQ(cal_.last_year(), 2025);
}

TEST_F(WorkingCalendarTest, OneHourFromElevenSpansLunchAndIsDueAtTwo) {
  EXPECT_EQ(Hours("2024-03-04T11:00:00", 1), "2024-03-04T14:00:00+07:00");
}

TEST_F(WorkingCalendarTest, HalfAnHourFromElevenIsDueAtElevenThirtyNotAfterLunch) {
  EXPECT_EQ(Hours("2024-03-04T11:00:00", 0.5), "2024-03-04T11:30:00+07:00");
}

TEST_F(WorkingCalendarTest, OneDayFromOpeningIsDueAtFivePmTheSameDay) {
  EXPECT_EQ(Days("2024-03-04T07:30:00", 1), "2024-03-04T17:00:00+07:00");
  EXPECT_EQ(Hours("2024-03-04T13:30:00", 3.5), "2024-03-04T17:00:00+07:00");
}

TEST_F(WorkingCalendarTest, ReceivedMondayNineWithThreeDaysIsDueThursdayNine) {
  EXPECT_EQ(Days("2024-03-04T09:00:00", 3), "2024-03-07T09:00:00+07:00");
}

TEST_F(WorkingCalendarTest, ReceivedFridayFourPmWithOneDayIsDueMondayFourPm) {
  // 1 hour on Friday, 6.5 hours on Monday: 07:30–11:30 and 13:30–16:00.
  EXPECT_EQ(Days("2024-03-08T16:00:00", 1), "2024-03-11T16:00:00+07:00");
}

TEST_F(WorkingCalendarTest, ReceivedInTheEveningStartsNextMorning) {
  EXPECT_EQ(Show(cal_.NextWorkingMoment(At("2024-03-04T18:00:00"))), "2024-03-05T07:30:00+07:00");
  EXPECT_EQ(Hours("2024-03-04T18:00:00", 1), "2024-03-05T08:30:00+07:00");
  EXPECT_EQ(Hours("2024-03-05T02:00:00", 0), "2024-03-05T07:30:00+07:00");
  EXPECT_EQ(Hours("2024-03-05T06:00:00", 0.25), "2024-03-05T07:45:00+07:00");
}

TEST_F(WorkingCalendarTest, ReceivedAtElevenThirtyExactlyStartsAfterLunch) {
  // 11:30 is the end of the morning session, not working time.
  EXPECT_FALSE(*cal_.IsWorkingTime(At("2024-03-04T11:30:00")));
  EXPECT_TRUE(*cal_.IsWorkingTime(At("2024-03-04T11:29:59")));
  EXPECT_EQ(Show(cal_.NextWorkingMoment(At("2024-03-04T11:30:00"))), "2024-03-04T13:30:00+07:00");
  EXPECT_EQ(Hours("2024-03-04T11:30:00", 0), "2024-03-04T13:30:00+07:00");
  EXPECT_EQ(Hours("2024-03-04T11:30:00", 1), "2024-03-04T14:30:00+07:00");
}

TEST_F(WorkingCalendarTest, ReceivedDuringLunchStartsAtOneThirty) {
  EXPECT_EQ(Hours("2024-03-04T12:00:00", 1), "2024-03-04T14:30:00+07:00");
  EXPECT_EQ(Show(cal_.NextWorkingMoment(At("2024-03-04T13:29:59"))), "2024-03-04T13:30:00+07:00");
}

TEST_F(WorkingCalendarTest, ReceivedFridayAtFivePmStartsMondayMorning) {
  EXPECT_EQ(Show(cal_.NextWorkingMoment(At("2024-03-08T17:00:00"))), "2024-03-11T07:30:00+07:00");
  EXPECT_EQ(Show(cal_.NextWorkingMoment(At("2024-03-08T16:59:59"))), "2024-03-08T16:59:59+07:00");
}

TEST_F(WorkingCalendarTest, ReceivedFridayAtFivePmBeforeAHolidayMondayStartsAfterTheHolidays) {
  // 29/4 (bridge day), 30/4 and 1/5 2024 are off: the clock starts Thursday.
  EXPECT_EQ(Show(cal_.NextWorkingMoment(At("2024-04-26T17:00:00"))), "2024-05-02T07:30:00+07:00");
}

TEST_F(WorkingCalendarTest, ReceivedOnSaturdayStartsMonday) {
  EXPECT_EQ(Days("2024-03-09T10:00:00", 1), "2024-03-11T17:00:00+07:00");
  EXPECT_EQ(Days("2024-03-10T23:59:59", 0), "2024-03-11T07:30:00+07:00");
}

TEST_F(WorkingCalendarTest, ZeroFromAWorkingMomentIsThatMoment) {
  EXPECT_EQ(Days("2024-03-05T10:17:23", 0), "2024-03-05T10:17:23+07:00");
  EXPECT_EQ(Show(cal_.AddWorkingSeconds(At("2024-03-05T07:30:00"), 0)),
            "2024-03-05T07:30:00+07:00");
}

TEST_F(WorkingCalendarTest, OneSecondFromTheLastSecondOfADayEndsAtFivePm) {
  EXPECT_EQ(Show(cal_.AddWorkingSeconds(At("2024-03-05T16:59:59"), 1)),
            "2024-03-05T17:00:00+07:00");
  EXPECT_EQ(Show(cal_.AddWorkingSeconds(At("2024-03-05T16:59:59"), 2)),
            "2024-03-06T07:30:01+07:00");
}

// --- holidays and swapped days -------------------------------------------

TEST_F(WorkingCalendarTest, ReceivedBeforeTetWithThreeDaysIsDueAfterTheHoliday) {
  // Wednesday 7 February 2024, 16:00: 1 hour that day; 8–14 February off;
  // Thursday 15 and Friday 16 full days; 6.5 hours on Monday 19 February.
  EXPECT_EQ(Days("2024-02-07T16:00:00", 3), "2024-02-19T16:00:00+07:00");
  EXPECT_EQ(*cal_.WorkingSecondsBetween(At("2024-02-07T16:00:00"), At("2024-02-19T16:00:00")),
            3 * 27000);
}

TEST_F(WorkingCalendarTest, ReceivedDuringTetStartsWhenOfficesReopen) {
  EXPECT_FALSE(*cal_.IsWorkingDay(Day(2024, 2, 12)));  // a Monday inside Tết
  EXPECT_FALSE(*cal_.IsWorkingTime(At("2024-02-12T09:00:00")));
  EXPECT_EQ(Days("2024-02-12T09:00:00", 1), "2024-02-15T17:00:00+07:00");
}

TEST_F(WorkingCalendarTest, HolidayOnAWeekdayIsNotAWorkingDay) {
  EXPECT_FALSE(*cal_.IsWorkingDay(Day(2024, 4, 30)));  // Tuesday
  EXPECT_FALSE(*cal_.IsWorkingDay(Day(2024, 4, 18)));  // Hùng Kings, Thursday
  EXPECT_TRUE(*cal_.IsWorkingDay(Day(2024, 4, 17)));
  EXPECT_EQ(Days("2024-04-17T16:00:00", 1), "2024-04-19T16:00:00+07:00");
  // The same date in a year without holidays works.
  EXPECT_TRUE(*cal_.IsWorkingDay(Day(2025, 4, 30)));  // Wednesday, no schedule given
}

TEST_F(WorkingCalendarTest, SwappedSaturdayIsWorkedWithNormalSessions) {
  EXPECT_TRUE(*cal_.IsWorkingDay(Day(2024, 5, 4)));
  EXPECT_FALSE(*cal_.IsWorkingDay(Day(2024, 5, 11)));  // the next Saturday rests
  EXPECT_TRUE(*cal_.IsWorkingTime(At("2024-05-04T14:00:00")));
  EXPECT_FALSE(*cal_.IsWorkingTime(At("2024-05-04T12:00:00")));
  // Friday 3 May 16:00 + 1 day: 1 hour Friday, 6.5 hours on Saturday 4 May.
  EXPECT_EQ(Days("2024-05-03T16:00:00", 1), "2024-05-04T16:00:00+07:00");
}

TEST_F(WorkingCalendarTest, ThreeDaysAcrossThirtyAprilWeek) {
  // Friday 26 April 09:00: 6 hours that day; 29/4–1/5 off; Thursday and
  // Friday full; 1.5 hours on the worked Saturday 4 May.
  EXPECT_EQ(Days("2024-04-26T09:00:00", 3), "2024-05-04T09:00:00+07:00");
}

// --- fractional days and hours -------------------------------------------

TEST_F(WorkingCalendarTest, HalfADayIsThreeHoursFortyFiveMinutes) {
  EXPECT_EQ(Days("2024-03-04T07:30:00", 0.5), "2024-03-04T11:15:00+07:00");
  EXPECT_EQ(Days("2024-03-04T09:00:00", 0.5), "2024-03-04T14:45:00+07:00");
  EXPECT_EQ(Days("2024-03-04T07:30:00", 1.5), "2024-03-05T11:15:00+07:00");
}

TEST_F(WorkingCalendarTest, FractionalDaysRoundToTheNearestSecond) {
  // 27,000 × 0.00001 = 0.27 s -> 0; × 0.00003 = 0.81 s -> 1.
  EXPECT_EQ(Days("2024-03-04T08:00:00", 0.00001), "2024-03-04T08:00:00+07:00");
  EXPECT_EQ(Days("2024-03-04T08:00:00", 0.00003), "2024-03-04T08:00:01+07:00");
  EXPECT_EQ(Days("2024-03-04T08:00:00", 1.0 / 3), "2024-03-04T10:30:00+07:00");
}

TEST_F(WorkingCalendarTest, WorkingHoursAreAddedTheSameWay) {
  EXPECT_EQ(Hours("2024-03-04T07:30:00", 8), "2024-03-05T08:00:00+07:00");
  EXPECT_EQ(Hours("2024-03-04T07:30:00", 7.5), "2024-03-04T17:00:00+07:00");
  EXPECT_EQ(Hours("2024-03-04T11:00:00", 0.25), "2024-03-04T11:15:00+07:00");
  EXPECT_EQ(Hours("2024-03-04T08:00:00", 1.0 / 3600), "2024-03-04T08:00:01+07:00");
}

TEST_F(WorkingCalendarTest, NegativeOrInvalidAmountsAreRefused) {
  const Instant t = At("2024-03-04T09:00:00");
  EXPECT_EQ(cal_.AddWorkingSeconds(t, -1).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(cal_.AddWorkingDays(t, -0.5).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(cal_.AddWorkingHours(t, -1).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(cal_.AddWorkingDays(t, std::nan("")).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(cal_.AddWorkingDays(t, std::numeric_limits<double>::infinity()).status().code(),
            Status::Code::kOutOfRange);
  EXPECT_EQ(cal_.AddWorkingHours(t, 1e300).status().code(), Status::Code::kOutOfRange);
}

// --- range ----------------------------------------------------------------

TEST_F(WorkingCalendarTest, InstantsOutsideTheBuiltYearsAreOutOfRange) {
  EXPECT_EQ(cal_.AddWorkingDays(At("2022-12-31T10:00:00"), 1).status().code(),
            Status::Code::kOutOfRange);
  EXPECT_EQ(cal_.AddWorkingDays(At("2026-01-01T07:30:00"), 1).status().code(),
            Status::Code::kOutOfRange);
  EXPECT_EQ(cal_.IsWorkingDay(Day(2026, 1, 1)).status().code(), Status::Code::kOutOfRange);
  EXPECT_EQ(cal_.IsWorkingDay(Day(2022, 12, 31)).status().code(), Status::Code::kOutOfRange);
  EXPECT_EQ(cal_.IsWorkingTime(At("2022-12-31T23:59:59")).status().code(),
            Status::Code::kOutOfRange);
  EXPECT_TRUE(cal_.IsWorkingTime(At("2023-01-01T00:00:00")).ok());
  EXPECT_TRUE(cal_.IsWorkingTime(At("2025-12-31T23:59:59")).ok());
}

TEST_F(WorkingCalendarTest, DueTimeBeyondTheLastYearIsOutOfRange) {
  // Wednesday 31 December 2025 is the last working day built.
  EXPECT_EQ(Hours("2025-12-31T16:00:00", 1), "2025-12-31T17:00:00+07:00");
  EXPECT_EQ(cal_.AddWorkingSeconds(At("2025-12-31T16:00:00"), 3601).status().code(),
            Status::Code::kOutOfRange);
  EXPECT_EQ(cal_.NextWorkingMoment(At("2025-12-31T17:00:00")).status().code(),
            Status::Code::kOutOfRange);
  EXPECT_EQ(cal_.AddWorkingDays(At("2025-12-31T18:00:00"), 0).status().code(),
            Status::Code::kOutOfRange);
}

TEST_F(WorkingCalendarTest, WorkingSecondsMayRunToTheEndOfTheRangeButNotBeyond) {
  const Instant end = At("2026-01-01T00:00:00");
  EXPECT_EQ(*cal_.WorkingSecondsBetween(At("2025-12-31T16:00:00"), end), 3600);
  EXPECT_EQ(cal_.WorkingSecondsBetween(At("2025-12-31T16:00:00"), end + 1).status().code(),
            Status::Code::kOutOfRange);
  EXPECT_EQ(cal_.WorkingSecondsBetween(At("2022-12-31T16:00:00"), end).status().code(),
            Status::Code::kOutOfRange);
}

// --- working seconds and pauses ---------------------------------------------

TEST_F(WorkingCalendarTest, AWeekHoldsFiveOfficeDays) {
  const Instant mon = At("2024-03-04T00:00:00");
  const Instant next_mon = At("2024-03-11T00:00:00");
  EXPECT_EQ(*cal_.WorkingSecondsBetween(mon, next_mon), 5 * 27000);
  EXPECT_EQ(*cal_.WorkingSecondsBetween(next_mon, mon), 0);
  EXPECT_EQ(*cal_.WorkingSecondsBetween(mon, mon), 0);
  EXPECT_EQ(*cal_.WorkingSecondsBetween(At("2024-03-04T11:00:00"), At("2024-03-04T14:00:00")),
            3600);
}

TEST_F(WorkingCalendarTest, OnePauseForASupplementStopsTheClock) {
  const Instant from = At("2024-03-04T07:30:00");
  const Instant to = At("2024-03-08T17:00:00");
  const PauseInterval pause[] = {{At("2024-03-05T07:30:00"), At("2024-03-06T07:30:00")}};
  EXPECT_EQ(*cal_.WorkingSecondsBetween(from, to, pause), 4 * 27000);
}

TEST_F(WorkingCalendarTest, SeveralPausesAreEachSubtracted) {
  const Instant from = At("2024-03-04T07:30:00");
  const Instant to = At("2024-03-08T17:00:00");
  // 1 hour on Tuesday; on Wednesday only 13:30–14:00 of 13:00–14:00 is work.
  const PauseInterval pauses[] = {{At("2024-03-05T10:00:00"), At("2024-03-05T11:00:00")},
                                  {At("2024-03-06T13:00:00"), At("2024-03-06T14:00:00")}};
  EXPECT_EQ(*cal_.WorkingSecondsBetween(from, to, pauses), 5 * 27000 - 3600 - 1800);
}

TEST_F(WorkingCalendarTest, OverlappingPausesAreNotSubtractedTwice) {
  const Instant from = At("2024-03-04T07:30:00");
  const Instant to = At("2024-03-08T17:00:00");
  // Union 09:00–14:00 on Tuesday: 2.5 hours + 0.5 hour.
  const PauseInterval pauses[] = {{At("2024-03-05T10:00:00"), At("2024-03-05T14:00:00")},
                                  {At("2024-03-05T09:00:00"), At("2024-03-05T11:00:00")},
                                  {At("2024-03-05T10:30:00"), At("2024-03-05T10:45:00")}};
  EXPECT_EQ(*cal_.WorkingSecondsBetween(from, to, pauses), 5 * 27000 - 3 * 3600);
}

TEST_F(WorkingCalendarTest, PausesReachingOutsideTheIntervalCountOnlyInside) {
  const Instant from = At("2024-03-04T07:30:00");
  const Instant to = At("2024-03-08T17:00:00");
  const PauseInterval before_and_into[] = {{At("2024-03-03T00:00:00"), At("2024-03-04T09:00:00")}};
  EXPECT_EQ(*cal_.WorkingSecondsBetween(from, to, before_and_into), 5 * 27000 - 5400);
  const PauseInterval outside[] = {{At("2024-02-01T00:00:00"), At("2024-03-04T07:30:00")},
                                   {At("2024-03-08T17:00:00"), At("2024-04-01T00:00:00")}};
  EXPECT_EQ(*cal_.WorkingSecondsBetween(from, to, outside), 5 * 27000);
  const PauseInterval everything[] = {{At("2023-06-01T00:00:00"), At("2025-06-01T00:00:00")}};
  EXPECT_EQ(*cal_.WorkingSecondsBetween(from, to, everything), 0);
  const PauseInterval empty_and_reversed[] = {
      {At("2024-03-05T09:00:00"), At("2024-03-05T09:00:00")},
      {At("2024-03-05T10:00:00"), At("2024-03-05T09:00:00")}};
  EXPECT_EQ(*cal_.WorkingSecondsBetween(from, to, empty_and_reversed), 5 * 27000);
}

TEST_F(WorkingCalendarTest, PausedDossierIsDueLaterByThePausedWorkingTime) {
  // Received Monday 09:00 with 3 days; paused Tuesday 10:00 until Wednesday
  // 10:00 (one office day): due Friday 09:00 instead of Thursday 09:00.
  const Instant received = At("2024-03-04T09:00:00");
  const Instant paused = At("2024-03-05T10:00:00");
  const Instant resumed = At("2024-03-06T10:00:00");
  const std::int64_t used = *cal_.WorkingSecondsBetween(received, paused);
  EXPECT_EQ(used, 6 * 3600 + 9000);  // Monday 09:00–17:00, Tuesday 07:30–10:00
  EXPECT_EQ(Show(cal_.AddWorkingSeconds(resumed, 3 * 27000 - used)), "2024-03-08T09:00:00+07:00");
}

// --- classification ----------------------------------------------------------

TEST(ClassifyTest, CompletedExactlyAtTheDueTimeIsOnTime) {
  const Instant due = At("2024-03-07T09:00:00");
  EXPECT_EQ(ClassifyCompletion(due, due), Completion::kOnTime);
}

TEST(ClassifyTest, CompletedOneSecondAfterTheDueTimeIsLate) {
  const Instant due = At("2024-03-07T09:00:00");
  EXPECT_EQ(ClassifyCompletion(due + 1, due), Completion::kLate);
  EXPECT_EQ(ClassifyCompletion(At("2024-03-08T08:00:00"), due), Completion::kLate);
}

TEST(ClassifyTest, CompletedEarlierOnTheDueDateIsOnTimeNotEarly) {
  const Instant due = At("2024-03-07T09:00:00");
  EXPECT_EQ(ClassifyCompletion(At("2024-03-07T08:00:00"), due), Completion::kOnTime);
  EXPECT_EQ(ClassifyCompletion(At("2024-03-07T00:00:00"), due), Completion::kOnTime);
  // 06:00 in Vietnam is still 6 March in UTC: the local date decides.
  EXPECT_EQ(ClassifyCompletion(At("2024-03-07T06:00:00+07:00"), due), Completion::kOnTime);
}

TEST(ClassifyTest, CompletedOnAnEarlierDateIsEarly) {
  const Instant due = At("2024-03-07T09:00:00");
  EXPECT_EQ(ClassifyCompletion(At("2024-03-06T23:59:59"), due), Completion::kEarly);
  EXPECT_EQ(ClassifyCompletion(At("2024-03-01T10:00:00"), due), Completion::kEarly);
  // 23:00 on 6 March and 06:00 on 7 March (Vietnam) are both 6 March in UTC;
  // the local dates differ, so it is early.
  EXPECT_EQ(ClassifyCompletion(At("2024-03-06T23:00:00"), At("2024-03-07T06:00:00")),
            Completion::kEarly);
}

TEST(ClassifyTest, OpenDossierIsOverdueOneSecondAfterItsDueTime) {
  const Instant due = At("2024-03-07T09:00:00");
  EXPECT_EQ(ClassifyOpen(due - 1, due), Standing::kWithinDeadline);
  EXPECT_EQ(ClassifyOpen(due, due), Standing::kWithinDeadline);
  EXPECT_EQ(ClassifyOpen(due + 1, due), Standing::kOverdue);
}

TEST(ClassifyTest, NamesAreStable) {
  EXPECT_STREQ(CompletionName(Completion::kEarly), "early");
  EXPECT_STREQ(CompletionName(Completion::kOnTime), "on_time");
  EXPECT_STREQ(CompletionName(Completion::kLate), "late");
  EXPECT_STREQ(StandingName(Standing::kWithinDeadline), "within_deadline");
  EXPECT_STREQ(StandingName(Standing::kOverdue), "overdue");
}

// --- configuration -----------------------------------------------------------

Status BuildWith(OfficeHours hours) {
  return WorkingCalendar::Build(std::move(hours), Years2023To2025()).status();
}

TEST(OfficeHoursTest, InvalidOfficeHoursAreRefused) {
  OfficeHours h = OfficeHours::Default();
  EXPECT_TRUE(h.Validate().ok());

  h.sessions.clear();
  EXPECT_EQ(BuildWith(h).code(), Status::Code::kInvalidArgument);

  h = OfficeHours::Default();
  h.sessions = {{8 * 3600, 12 * 3600}, {11 * 3600, 17 * 3600}};  // overlap
  EXPECT_EQ(BuildWith(h).code(), Status::Code::kInvalidArgument);

  h.sessions = {{13 * 3600, 17 * 3600}, {8 * 3600, 12 * 3600}};  // out of order
  EXPECT_EQ(BuildWith(h).code(), Status::Code::kInvalidArgument);

  h.sessions = {{8 * 3600, 8 * 3600}};  // empty session
  EXPECT_EQ(BuildWith(h).code(), Status::Code::kInvalidArgument);

  h.sessions = {{-1, 8 * 3600}};
  EXPECT_EQ(BuildWith(h).code(), Status::Code::kInvalidArgument);

  h.sessions = {{8 * 3600, 86401}};
  EXPECT_EQ(BuildWith(h).code(), Status::Code::kInvalidArgument);

  h = OfficeHours::Default();
  h.weekdays = {};
  EXPECT_EQ(BuildWith(h).code(), Status::Code::kInvalidArgument);

  h = OfficeHours::Default();
  h.weekday_sessions[0] = {{8 * 3600, 11 * 3600}};  // Sunday does not work
  EXPECT_EQ(BuildWith(h).code(), Status::Code::kInvalidArgument);

  h = OfficeHours::Default();
  h.weekdays[6] = true;
  h.weekday_sessions[6] = {{10 * 3600, 11 * 3600}, {9 * 3600, 10 * 3600}};
  EXPECT_EQ(BuildWith(h).code(), Status::Code::kInvalidArgument);
}

TEST(OfficeHoursTest, BadYearSchedulesAreRefused) {
  auto build = [](std::vector<YearSchedule> years) {
    return WorkingCalendar::Build(OfficeHours::Default(), std::move(years)).status().code();
  };
  EXPECT_EQ(build({}), Status::Code::kInvalidArgument);
  EXPECT_EQ(build({Plain(2023), Plain(2025)}), Status::Code::kInvalidArgument);
  EXPECT_EQ(build({Plain(2023), Plain(2023)}), Status::Code::kInvalidArgument);
  EXPECT_EQ(build({Plain(0)}), Status::Code::kInvalidArgument);

  YearSchedule stray = Plain(2023);
  stray.holidays.push_back({Day(2024, 1, 1), "Tết Dương lịch", HolidayKind::kStatutory});
  EXPECT_EQ(build({stray, Schedule2024()}), Status::Code::kInvalidArgument);

  YearSchedule both = Schedule2024();
  both.working_weekend_days.push_back(Day(2024, 2, 10));  // a Tết Saturday
  EXPECT_EQ(build({both}), Status::Code::kInvalidArgument);

  // Out of order but contiguous is fine.
  EXPECT_EQ(build({Schedule2024(), Plain(2023)}), Status::Code::kOk);
}

TEST(OfficeHoursTest, CenterOpenSaturdayMorningCountsItAsWorkingTime) {
  OfficeHours h = OfficeHours::Default();
  h.weekdays[6] = true;
  h.weekday_sessions[6] = {{7 * 3600 + 30 * 60, 11 * 3600 + 30 * 60}};
  const WorkingCalendar cal = MustBuild(h, Years2023To2025());
  EXPECT_EQ(cal.seconds_per_day(), 27000);  // a day of processing time is unchanged
  EXPECT_TRUE(*cal.IsWorkingTime(At("2024-03-09T10:00:00")));
  EXPECT_FALSE(*cal.IsWorkingTime(At("2024-03-09T14:00:00")));
  EXPECT_EQ(Show(cal.NextWorkingMoment(At("2024-03-09T11:30:00"))), "2024-03-11T07:30:00+07:00");
  // Friday 16:00 + 1 day: 1 hour Friday, 4 hours Saturday, 2.5 hours Monday.
  EXPECT_EQ(Show(cal.AddWorkingDays(At("2024-03-08T16:00:00"), 1)), "2024-03-11T10:00:00+07:00");
  EXPECT_EQ(Show(cal.AddWorkingHours(At("2024-03-08T16:00:00"), 5)), "2024-03-09T11:30:00+07:00");
  EXPECT_EQ(*cal.WorkingSecondsBetween(At("2024-03-04T00:00:00"), At("2024-03-11T00:00:00")),
            5 * 27000 + 4 * 3600);
  // A swapped Saturday stands in for a weekday: it works the afternoon too.
  EXPECT_TRUE(*cal.IsWorkingTime(At("2024-05-04T14:00:00")));
}

TEST(OfficeHoursTest, EightHourDayMakesADayEightHours) {
  OfficeHours h = OfficeHours::Default();
  h.sessions = {{8 * 3600, 12 * 3600}, {13 * 3600, 17 * 3600}};
  const WorkingCalendar cal = MustBuild(h, Years2023To2025());
  EXPECT_EQ(cal.seconds_per_day(), 28800);
  EXPECT_EQ(Show(cal.AddWorkingDays(At("2024-03-04T08:00:00"), 1)), "2024-03-04T17:00:00+07:00");
  EXPECT_EQ(Show(cal.AddWorkingDays(At("2024-03-04T08:00:00"), 0.5)), "2024-03-04T12:00:00+07:00");
  EXPECT_EQ(Show(cal.AddWorkingDays(At("2024-03-04T07:30:00"), 0)), "2024-03-04T08:00:00+07:00");
}

TEST(OfficeHoursTest, RoundTheClockServiceRunsThroughMidnight) {
  OfficeHours h;
  h.sessions = {{0, 86400}};
  h.weekdays = {true, true, true, true, true, true, true};
  const WorkingCalendar cal = MustBuild(h, Years2023To2025());
  EXPECT_EQ(Show(cal.AddWorkingHours(At("2024-03-04T22:00:00"), 2)), "2024-03-05T00:00:00+07:00");
  EXPECT_EQ(Show(cal.AddWorkingHours(At("2024-03-04T22:00:00"), 4)), "2024-03-05T02:00:00+07:00");
  // Tết days are still off: 24 hours from 7 February 12:00 end on the 15th.
  EXPECT_EQ(Show(cal.AddWorkingHours(At("2024-02-07T12:00:00"), 24)), "2024-02-15T12:00:00+07:00");
}

TEST(OfficeHoursTest, CopiesOfACalendarAnswerAlike) {
  const WorkingCalendar a = MustBuild(OfficeHours::Default(), Years2023To2025());
  const WorkingCalendar b = a;
  EXPECT_EQ(*a.AddWorkingDays(At("2024-02-07T16:00:00"), 3),
            *b.AddWorkingDays(At("2024-02-07T16:00:00"), 3));
}

}  // namespace
}  // namespace motcua::calendar
