// What the holiday rules compute: the shipped statutory rules for years
// without a yearly file, art. 111(3) substitutes, effective-date windows, and
// how a yearly file changes a year. Dates were checked by hand against the
// Labour Codes and, for lunar dates, against Hồ Ngọc Đức's published
// algorithm (the `amlich` npm port) and the Chinese calendar.
#include "calendar/holidays.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "calendar/lunar.h"

namespace motcua::calendar {
namespace {

std::string ShippedStatutoryText() {
  std::ifstream in(std::string(MOTCUA_DATA_DIR) + "/calendar/statutory.json", std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

HolidayRules ShippedRules() {
  Result<HolidayRules> rules = HolidayRules::Parse(ShippedStatutoryText(), "statutory.json");
  EXPECT_TRUE(rules.ok()) << rules.status().ToString();
  return *rules;
}

// "2030-02-06 substitute Nghỉ bù Tết Nguyên đán" lines, for readable diffs.
std::vector<std::string> Lines(const YearSchedule& s) {
  std::vector<std::string> out;
  for (const Holiday& h : s.holidays) {
    out.push_back(FormatDate(h.date) + " " + HolidayKindName(h.kind) + " " + h.name);
  }
  return out;
}

std::vector<std::string> Dates(const YearSchedule& s) {
  std::vector<std::string> out;
  for (const Holiday& h : s.holidays) out.push_back(FormatDate(h.date));
  return out;
}

std::vector<std::string> Dates(const std::vector<DayNumber>& days) {
  std::vector<std::string> out;
  for (DayNumber d : days) out.push_back(FormatDate(d));
  return out;
}

YearSchedule Computed(const HolidayRules& rules, int year) {
  Result<YearSchedule> s = rules.ComputedForYear(year);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? *s : YearSchedule{};
}

TEST(HolidayKindNameTest, NamesTheThreeKindsAsTheCliPrintsThem) {
  EXPECT_STREQ(HolidayKindName(HolidayKind::kStatutory), "statutory");
  EXPECT_STREQ(HolidayKindName(HolidayKind::kSubstitute), "substitute");
  EXPECT_STREQ(HolidayKindName(HolidayKind::kAnnounced), "announced");
}

TEST(HolidayRulesTest, Year2030WithoutFileFollowsLabourCode2019) {
  // Vietnam's Tết 2030 is Saturday 2 February: the new moon falls late on
  // 2 February in UTC+7 and after midnight in China (UTC+8), where the new
  // year starts on 3 February. Sat 2 and Sun 3 Feb are taken on Wed 6 and
  // Thu 7 Feb; National Day's default second day, Sunday 1 September, is
  // taken on Tuesday 3 September (Monday 2 September is itself a holiday).
  EXPECT_THAT(Lines(Computed(ShippedRules(), 2030)),
              testing::ElementsAre(
                  "2030-01-01 statutory Tết Dương lịch", "2030-02-01 statutory Tết Nguyên đán",
                  "2030-02-02 statutory Tết Nguyên đán", "2030-02-03 statutory Tết Nguyên đán",
                  "2030-02-04 statutory Tết Nguyên đán", "2030-02-05 statutory Tết Nguyên đán",
                  "2030-02-06 substitute Nghỉ bù Tết Nguyên đán",
                  "2030-02-07 substitute Nghỉ bù Tết Nguyên đán",
                  "2030-04-12 statutory Giỗ Tổ Hùng Vương", "2030-04-30 statutory Ngày Chiến thắng",
                  "2030-05-01 statutory Ngày Quốc tế Lao động", "2030-09-01 statutory Quốc khánh",
                  "2030-09-02 statutory Quốc khánh", "2030-09-03 substitute Nghỉ bù Quốc khánh"));
}

TEST(HolidayRulesTest, ForYearWithoutFileEqualsComputed) {
  const HolidayRules rules = ShippedRules();
  Result<YearSchedule> s = rules.ForYear(2030);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(Lines(*s), Lines(Computed(rules, 2030)));
  EXPECT_TRUE(s->working_weekend_days.empty());
  EXPECT_EQ(s->year, 2030);
}

TEST(HolidayRulesTest, Year2100TetAndAMayDayOnSaturday) {
  // Tết 2100 is Tuesday 9 February (Vietnamese and Chinese calendars agree),
  // so the five days run Mon 8 – Fri 12 February. 1 May 2100 is a Saturday:
  // substitute Monday 3 May.
  const YearSchedule s = Computed(ShippedRules(), 2100);
  std::vector<std::string> want = {"2100-01-01", "2100-02-08", "2100-02-09",
                                   "2100-02-10", "2100-02-11", "2100-02-12"};
  std::vector<std::string> got = Dates(s);
  ASSERT_GE(got.size(), 6u);
  EXPECT_EQ(std::vector<std::string>(got.begin(), got.begin() + 6), want);
  EXPECT_THAT(got, testing::IsSupersetOf(
                       {"2100-04-30", "2100-05-01", "2100-05-03", "2100-09-01", "2100-09-02"}));
  EXPECT_EQ(got.size(), 13u);  // + Hùng Kings' day, checked below
  // Hùng Kings' day 2100 falls within an hour of midnight of a new moon
  // (18 April in Vietnam, 19 April in China): assert only that the day
  // computed is the 10th of the 3rd lunar month.
  int hung = 0;
  for (const Holiday& h : s.holidays) {
    if (h.name != "Giỗ Tổ Hùng Vương") continue;
    ++hung;
    Result<LunarDate> lunar = SolarToLunar(CivilFromDays(h.date));
    ASSERT_TRUE(lunar.ok());
    EXPECT_EQ(*lunar, (LunarDate{2100, 3, 10, false}));
  }
  EXPECT_EQ(hung, 1);
}

TEST(HolidayRulesTest, NewYearOnSundayAndApril30OnSundayUnderLabourCode2012) {
  // 2017: 1 January is a Sunday (taken Monday 2 January); 30 April is a
  // Sunday and 1 May a Monday holiday, so the substitute is Tuesday 2 May;
  // 2 September is a Saturday and the 2012 Code gives one day: Monday 4th.
  const YearSchedule s = Computed(ShippedRules(), 2017);
  EXPECT_THAT(Lines(s), testing::IsSupersetOf({
                            "2017-01-01 statutory Tết Dương lịch",
                            "2017-01-02 substitute Nghỉ bù Tết Dương lịch",
                            "2017-04-30 statutory Ngày Chiến thắng",
                            "2017-05-01 statutory Ngày Quốc tế Lao động",
                            "2017-05-02 substitute Nghỉ bù Ngày Chiến thắng",
                            "2017-09-02 statutory Quốc khánh",
                            "2017-09-04 substitute Nghỉ bù Quốc khánh",
                        }));
  EXPECT_THAT(Dates(s), testing::Not(testing::Contains("2017-09-01")));
}

TEST(HolidayRulesTest, Year2022MatchesThePublishedRestDayArrangements) {
  // As published by MOLISA for 2022 (no government swap): 1 Jan Saturday ->
  // Monday 3 Jan; Hùng Kings Sunday 10 April -> Monday 11 April; 30 April and
  // 1 May on the weekend -> Monday 2 and Tuesday 3 May.
  const YearSchedule s = Computed(ShippedRules(), 2022);
  EXPECT_THAT(Lines(s), testing::IsSupersetOf({
                            "2022-01-03 substitute Nghỉ bù Tết Dương lịch",
                            "2022-04-10 statutory Giỗ Tổ Hùng Vương",
                            "2022-04-11 substitute Nghỉ bù Giỗ Tổ Hùng Vương",
                            "2022-05-02 substitute Nghỉ bù Ngày Chiến thắng",
                            "2022-05-03 substitute Nghỉ bù Ngày Quốc tế Lao động",
                        }));
}

TEST(HolidayRulesTest, SubstitutesCascadePastAdjacentHolidays) {
  // 2023 without its file: Hùng Kings' day Saturday 29 April and 30 April
  // Sunday; Monday 1 May is a holiday, so they are taken Tue 2 and Wed 3 May.
  const YearSchedule s = Computed(ShippedRules(), 2023);
  EXPECT_THAT(Lines(s), testing::IsSupersetOf({
                            "2023-04-29 statutory Giỗ Tổ Hùng Vương",
                            "2023-05-02 substitute Nghỉ bù Giỗ Tổ Hùng Vương",
                            "2023-05-03 substitute Nghỉ bù Ngày Chiến thắng",
                        }));
}

TEST(HolidayRulesTest, NationalDayOnSundayWithSaturdayFirstOfSeptember) {
  // 2029: 1 September (the default second day) is a Saturday and 2 September
  // a Sunday: both are taken on Monday 3 and Tuesday 4 September.
  const YearSchedule s = Computed(ShippedRules(), 2029);
  EXPECT_THAT(Lines(s), testing::IsSupersetOf({
                            "2029-09-01 statutory Quốc khánh",
                            "2029-09-02 statutory Quốc khánh",
                            "2029-09-03 substitute Nghỉ bù Quốc khánh",
                            "2029-09-04 substitute Nghỉ bù Quốc khánh",
                        }));
  // Under the 2012 Code (one day), 2018's Sunday 2 September -> Monday 3rd.
  EXPECT_THAT(Lines(Computed(ShippedRules(), 2018)),
              testing::IsSupersetOf(
                  {"2018-09-02 statutory Quốc khánh", "2018-09-03 substitute Nghỉ bù Quốc khánh"}));
}

TEST(HolidayRulesTest, NationalDayGainsItsSecondDayFrom2021) {
  const HolidayRules rules = ShippedRules();
  auto national_day = [&](int year) {
    std::vector<std::string> out;
    for (const Holiday& h : Computed(rules, year).holidays) {
      if (h.name == "Quốc khánh") out.push_back(FormatDate(h.date));
    }
    return out;
  };
  EXPECT_THAT(national_day(2020), testing::ElementsAre("2020-09-02"));
  EXPECT_THAT(national_day(2021), testing::ElementsAre("2021-09-01", "2021-09-02"));
}

TEST(HolidayRulesTest, TetGrowsFromFourToFiveDaysOnFirstMay2013) {
  const HolidayRules rules = ShippedRules();
  auto tet = [&](int year) {
    std::vector<std::string> out;
    for (const Holiday& h : Computed(rules, year).holidays) {
      if (h.name.find("Tết Nguyên đán") != std::string::npos) {
        out.push_back(FormatDate(h.date) + " " + HolidayKindName(h.kind));
      }
    }
    return out;
  };
  // 1994 Code art. 73: one day at the end of the old year and three at the
  // start of the new one. Tết 2013 is Sunday 10 February.
  EXPECT_THAT(tet(2013), testing::ElementsAre("2013-02-09 statutory", "2013-02-10 statutory",
                                              "2013-02-11 statutory", "2013-02-12 statutory",
                                              "2013-02-13 substitute", "2013-02-14 substitute"));
  // 2012 Code art. 115 (from 1 May 2013): five days. Tết 2014 is Friday 31 Jan.
  EXPECT_THAT(tet(2014), testing::ElementsAre("2014-01-30 statutory", "2014-01-31 statutory",
                                              "2014-02-01 statutory", "2014-02-02 statutory",
                                              "2014-02-03 statutory", "2014-02-04 substitute",
                                              "2014-02-05 substitute"));
}

TEST(HolidayRulesTest, HungKingsDayStartsIn2007AndNothingBefore1995) {
  const HolidayRules rules = ShippedRules();
  auto has = [&](int year, const std::string& name) {
    for (const Holiday& h : Computed(rules, year).holidays) {
      if (h.name == name) return true;
    }
    return false;
  };
  EXPECT_FALSE(has(2006, "Giỗ Tổ Hùng Vương"));
  EXPECT_THAT(Lines(Computed(rules, 2007)),
              testing::Contains("2007-04-26 statutory Giỗ Tổ Hùng Vương"));
  EXPECT_TRUE(Computed(rules, 1994).holidays.empty());
  EXPECT_EQ(Computed(rules, 1995).holidays.front().date, DaysFromCivil({1995, 1, 1}));
}

TEST(HolidayRulesTest, YearsOutsideRangeAreRefusedAndTheEdgesWork) {
  const HolidayRules rules = ShippedRules();
  EXPECT_EQ(rules.ForYear(1899).status().code(), Status::Code::kOutOfRange);
  EXPECT_EQ(rules.ForYear(2200).status().code(), Status::Code::kOutOfRange);
  EXPECT_TRUE(rules.ForYear(1900).ok());
  Result<YearSchedule> last = rules.ForYear(2199);
  ASSERT_TRUE(last.ok()) << last.status().ToString();
  // Tết 2199 is Sunday 27 January.
  EXPECT_THAT(Dates(*last), testing::IsSupersetOf({"2199-01-26", "2199-01-27", "2199-01-30"}));
}

TEST(HolidayRulesTest, EveryYearIsSortedWithOneEntryPerDateAndWithinItsYear) {
  const HolidayRules rules = ShippedRules();
  for (int year = kFirstHolidayYear; year <= kLastHolidayYear; ++year) {
    Result<YearSchedule> s = rules.ForYear(year);
    ASSERT_TRUE(s.ok()) << year << ": " << s.status().ToString();
    for (size_t i = 0; i < s->holidays.size(); ++i) {
      EXPECT_EQ(CivilFromDays(s->holidays[i].date).year, year);
      if (i > 0) {
        EXPECT_LT(s->holidays[i - 1].date, s->holidays[i].date) << year;
      }
      if (s->holidays[i].kind == HolidayKind::kSubstitute) {
        const int w = WeekdayOf(s->holidays[i].date);
        EXPECT_TRUE(w >= 1 && w <= 5) << FormatDate(s->holidays[i].date);
      }
    }
    if (year >= 2021) {
      EXPECT_GE(s->holidays.size(), 11u) << year;  // art. 112: 11 days a year
    }
  }
}

TEST(HolidayRulesTest, CultureDayIsShippedDisabledAndEnablingItIsOneLine) {
  // Nov 24 was chosen as Vietnam Culture Day in principle (Resolution
  // 80-NQ/TW, 2026) pending an amendment of art. 112: the rule is in the data
  // but disabled.
  const std::string text = ShippedStatutoryText();
  EXPECT_THAT(Dates(Computed(ShippedRules(), 2026)), testing::Not(testing::Contains("2026-11-24")));
  const std::string disabled = "\"enabled\": false";
  ASSERT_NE(text.find(disabled), std::string::npos);
  ASSERT_EQ(text.find(disabled), text.rfind(disabled)) << "one disabled rule expected";
  std::string enabled = text;
  enabled.replace(enabled.find(disabled), disabled.size(), "\"enabled\": true");
  Result<HolidayRules> rules = HolidayRules::Parse(enabled, "statutory.json");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_THAT(Lines(Computed(*rules, 2026)),
              testing::Contains("2026-11-24 statutory Ngày Văn hóa Việt Nam"));
  // 24 November 2029 is a Saturday: taken on Monday 26 November.
  EXPECT_THAT(Lines(Computed(*rules, 2029)),
              testing::Contains("2029-11-26 substitute Nghỉ bù Ngày Văn hóa Việt Nam"));
  // Before its effective date it yields nothing.
  EXPECT_THAT(Dates(Computed(*rules, 2025)), testing::Not(testing::Contains("2025-11-24")));
}

// Small rule sets for the mechanics.
HolidayRules RulesFrom(const std::string& rules_json) {
  Result<HolidayRules> r = HolidayRules::Parse("{\"rules\": [" + rules_json + "]}", "test.json");
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : HolidayRules{};
}

TEST(HolidayRulesTest, ARuleAddedToTheDataShowsUpInTheComputedHolidays) {
  const HolidayRules rules = RulesFrom(
      R"({"name": "Ngày thử", "solar": {"month": 6, "day": 15}, "effective_from": "2024-01-01"})");
  EXPECT_THAT(Lines(Computed(rules, 2024)),
              testing::ElementsAre("2024-06-15 statutory Ngày thử",
                                   "2024-06-17 substitute Nghỉ bù Ngày thử"));
  EXPECT_TRUE(Computed(rules, 2023).holidays.empty());
}

TEST(HolidayRulesTest, ASubstituteCarriesIntoTheNextYear) {
  // 31 December 2022 is a Saturday; 1 January 2023 (Sunday) is a holiday
  // too: the two are taken Monday 2 and Tuesday 3 January 2023.
  const HolidayRules rules = RulesFrom(
      R"({"name": "Cuối năm", "solar": {"month": 12, "day": 31}, "effective_from": "2000-01-01"},
         {"name": "Đầu năm", "solar": {"month": 1, "day": 1}, "effective_from": "2000-01-01"})");
  EXPECT_THAT(Lines(Computed(rules, 2023)),
              testing::ElementsAre(
                  "2023-01-01 statutory Đầu năm", "2023-01-02 substitute Nghỉ bù Cuối năm",
                  "2023-01-03 substitute Nghỉ bù Đầu năm", "2023-12-31 statutory Cuối năm"));
  EXPECT_THAT(Dates(Computed(rules, 2022)),
              testing::ElementsAre("2022-01-01", "2022-01-03", "2022-12-31"));
}

TEST(HolidayRulesTest, ALunarDay30YieldsNothingInAYearWhoseMonthIsShort) {
  // The 12th month of lunar 2023 had 30 days (30 Chạp = 9 February 2024);
  // that of 2024 had 29 (28 January 2025 was the last day).
  const HolidayRules rules = RulesFrom(
      R"({"name": "Ba mươi Tết", "lunar": {"month": 12, "day": 30}, "effective_from": "2000-01-01"})");
  EXPECT_THAT(Dates(Computed(rules, 2024)), testing::ElementsAre("2024-02-09"));
  EXPECT_TRUE(Computed(rules, 2025).holidays.empty());
}

TEST(HolidayRulesTest, TwoRulesOnOneDateMakeOneHoliday) {
  const HolidayRules rules = RulesFrom(
      R"({"name": "A", "solar": {"month": 3, "day": 5}, "effective_from": "2000-01-01"},
         {"name": "B", "solar": {"month": 3, "day": 5}, "effective_from": "2000-01-01"})");
  EXPECT_THAT(Lines(Computed(rules, 2025)), testing::ElementsAre("2025-03-05 statutory A; B"));
}

constexpr const char* kYear2025 = R"({
  "year": 2025,
  "notice": "Thông báo thử",
  "holidays": [{"date": "2025-01-27", "name": "Tết Nguyên đán"},
               {"from": "2025-05-02", "to": "2025-05-02", "name": "Nghỉ hoán đổi"},
               {"date": "2025-01-28", "name": "Tên khác"}],
  "drop": ["2025-02-03", "2025-02-01"],
  "working_saturdays": ["2025-04-26"]
})";

TEST(HolidayRulesTest, AYearFileDropsAddsAndReplacesComputedDays) {
  HolidayRules rules = ShippedRules();
  ASSERT_TRUE(rules.AddYearFile(kYear2025, "2025.json").ok());
  Result<YearSchedule> s = rules.ForYear(2025);
  ASSERT_TRUE(s.ok());
  EXPECT_THAT(
      Lines(*s),
      testing::ElementsAre(
          "2025-01-01 statutory Tết Dương lịch", "2025-01-27 announced Tết Nguyên đán",
          "2025-01-28 announced Tên khác", "2025-01-29 statutory Tết Nguyên đán",
          "2025-01-30 statutory Tết Nguyên đán", "2025-01-31 statutory Tết Nguyên đán",
          "2025-04-07 statutory Giỗ Tổ Hùng Vương", "2025-04-30 statutory Ngày Chiến thắng",
          "2025-05-01 statutory Ngày Quốc tế Lao động", "2025-05-02 announced Nghỉ hoán đổi",
          "2025-09-01 statutory Quốc khánh", "2025-09-02 statutory Quốc khánh"));
  EXPECT_THAT(Dates(s->working_weekend_days), testing::ElementsAre("2025-04-26"));
  // The computed schedule is still there underneath, and other years are
  // untouched.
  EXPECT_THAT(Dates(Computed(rules, 2025)), testing::Contains("2025-02-03"));
  ASSERT_NE(rules.NoticeFor(2025), nullptr);
  EXPECT_EQ(rules.NoticeFor(2025)->notice, "Thông báo thử");
  EXPECT_EQ(rules.NoticeFor(2024), nullptr);
}

TEST(HolidayRulesTest, ASecondFileForTheSameYearIsRefused) {
  HolidayRules rules = ShippedRules();
  ASSERT_TRUE(rules.AddYearFile(kYear2025, "a/2025.json").ok());
  const Status again = rules.AddYearFile(kYear2025, "b/2025.json");
  EXPECT_EQ(again.code(), Status::Code::kAlreadyExists);
  EXPECT_EQ(again.message(), "b/2025.json: the year 2025 already has a file (a/2025.json)");
}

}  // namespace
}  // namespace motcua::calendar
