#include "util/civil_time.h"

#include <gtest/gtest.h>

namespace motcua {
namespace {

TEST(CivilTime, DayNumbersRoundTripOverFourCenturies) {
  for (DayNumber d = DaysFromCivil({1800, 1, 1}); d <= DaysFromCivil({2300, 12, 31}); ++d) {
    ASSERT_EQ(DaysFromCivil(CivilFromDays(d)), d);
  }
  EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(DaysFromCivil({2000, 3, 1}), 11017);
}

TEST(CivilTime, WeekdayOfKnownDays) {
  EXPECT_EQ(WeekdayOf(DaysFromCivil({1970, 1, 1})), 4);    // Thursday
  EXPECT_EQ(WeekdayOf(DaysFromCivil({2023, 11, 16})), 4);  // Thursday
  EXPECT_EQ(WeekdayOf(DaysFromCivil({1900, 1, 1})), 1);    // Monday
  EXPECT_EQ(WeekdayOf(DaysFromCivil({2026, 11, 28})), 6);  // Saturday
}

TEST(CivilTime, ParsesDatesStrictly) {
  EXPECT_EQ(*ParseDate("2024-02-29"), (CivilDate{2024, 2, 29}));
  EXPECT_FALSE(ParseDate("2023-02-29").ok());
  EXPECT_FALSE(ParseDate("2023-2-1").ok());
  EXPECT_FALSE(ParseDate("2023-13-01").ok());
  EXPECT_FALSE(ParseDate("abcd-01-01").ok());
  EXPECT_FALSE(ParseDate("").ok());
}

TEST(CivilTime, ParsesRfc3339WithOffsetsAndFormatsInVietnamTime) {
  auto t = ParseDateTime("2023-01-05T08:10:00+07:00");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(FormatDateTime(*t), "2023-01-05T08:10:00+07:00");
  EXPECT_EQ(*ParseDateTime("2023-01-05T01:10:00Z"), *t);
  EXPECT_EQ(*ParseDateTime("2023-01-05 08:10"), *t);  // no offset: Vietnam time
  EXPECT_EQ(*ParseDateTime("2023-01-05T08:10:00.999+07:00"), *t);
  EXPECT_EQ(*ParseDateTime("2023-01-04T20:10:00-05:00"), *t);
  EXPECT_FALSE(ParseDateTime("2023-01-05T24:00:00+07:00").ok());
  EXPECT_FALSE(ParseDateTime("2023-01-05T08:10:00+0700").ok());
  EXPECT_FALSE(ParseDateTime("2023-01-05T08:10:00+07:00x").ok());
  EXPECT_FALSE(ParseDateTime("2023-01-05").ok());
}

TEST(CivilTime, LocalDayAndSecondOfDayUseUtcPlusSeven) {
  const Instant t = *ParseDateTime("2023-01-05T23:30:00Z");  // 06:30 on the 6th in Hanoi
  EXPECT_EQ(CivilFromDays(LocalDayOf(t)), (CivilDate{2023, 1, 6}));
  EXPECT_EQ(LocalSecondOfDay(t), 6 * 3600 + 30 * 60);
  EXPECT_EQ(LocalMidnight(LocalDayOf(t)), *ParseDateTime("2023-01-06T00:00:00+07:00"));
}

}  // namespace
}  // namespace motcua
