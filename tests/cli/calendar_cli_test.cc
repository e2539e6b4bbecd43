// `motcua calendar holidays | due | lunar`, run as a user runs them: the JSON
// shapes of the issue, the readable Vietnamese output, and bad input answered
// with a message on stderr and exit status 2, never a crash.
#include <filesystem>
#include <fstream>

#include "cli/cli_harness.h"

namespace motcua::testing {
namespace {

using nlohmann::json;

class CalendarCli : public CliHarness {};

TEST_F(CalendarCli, HolidaysOf2024ListTetAndTheSwappedSaturday) {
  const CliOutput o = Motcua({"calendar", "holidays", "--year", "2024", "--json"});
  ASSERT_EQ(o.exit, 0) << o.err;
  const json j = Json(o);
  EXPECT_EQ(j["year"], 2024);
  std::vector<std::string> dates;
  for (const json& h : j["holidays"]) {
    dates.push_back(h["date"]);
    EXPECT_TRUE(h["kind"] == "statutory" || h["kind"] == "substitute" || h["kind"] == "announced")
        << h.dump();
    EXPECT_FALSE(h["name"].get<std::string>().empty());
  }
  // Official notice for 2024: Tết 8–14 February; 29 April off in exchange for
  // Saturday 4 May; National Day 31 August – 3 September.
  for (const char* d : {"2024-01-01", "2024-02-08", "2024-02-14", "2024-04-18", "2024-04-29",
                        "2024-04-30", "2024-05-01", "2024-09-02", "2024-09-03"}) {
    EXPECT_NE(std::find(dates.begin(), dates.end(), d), dates.end()) << d;
  }
  EXPECT_TRUE(std::is_sorted(dates.begin(), dates.end()));
  EXPECT_EQ(j["working_saturdays"], json::array({"2024-05-04"}));
}

TEST_F(CalendarCli, DueTimeSkipsTetAndReportsTheClockStart) {
  // Received Wednesday 2024-02-07 at 16:00, one hour before the Tết break:
  // 1 hour that day, then 2 days and 6.5 hours after the holiday (from Thursday
  // 15 February) = Monday 19 February 16:00.
  const CliOutput o =
      Motcua({"calendar", "due", "--from", "2024-02-07T16:00:00+07:00", "--days", "3", "--json"});
  ASSERT_EQ(o.exit, 0) << o.err;
  EXPECT_EQ(Json(o), json({{"from", "2024-02-07T16:00:00+07:00"},
                           {"start", "2024-02-07T16:00:00+07:00"},
                           {"due", "2024-02-19T16:00:00+07:00"}}));
}

TEST_F(CalendarCli, DueTimeFromTheEveningStartsNextMorningAndEndsAtASessionEnd) {
  // Friday 2023-11-17 18:00 (after hours) starts Monday 07:30; 4 working hours
  // run out exactly at 11:30, which is the due time (not 13:30).
  const CliOutput o =
      Motcua({"calendar", "due", "--from", "2023-11-17T11:00:00Z", "--hours", "4", "--json"});
  ASSERT_EQ(o.exit, 0) << o.err;
  const json j = Json(o);
  EXPECT_EQ(j["from"], "2023-11-17T18:00:00+07:00");
  EXPECT_EQ(j["start"], "2023-11-20T07:30:00+07:00");
  EXPECT_EQ(j["due"], "2023-11-20T11:30:00+07:00");
}

TEST_F(CalendarCli, LunarDateOfTet2023AndOfALeapMonth) {
  CliOutput o = Motcua({"calendar", "lunar", "--date", "2023-01-22", "--json"});
  ASSERT_EQ(o.exit, 0) << o.err;
  EXPECT_EQ(Json(o),
            json::parse(
                R"({"solar":"2023-01-22","lunar":{"year":2023,"month":1,"day":1,"leap":false}})"));
  // 2023 had a leap second month: 22 March 2023 is day 1 of the leap month 2.
  o = Motcua({"calendar", "lunar", "--date", "2023-03-22", "--json"});
  ASSERT_EQ(o.exit, 0) << o.err;
  EXPECT_EQ(Json(o)["lunar"], json::parse(R"({"year":2023,"month":2,"day":1,"leap":true})"));
}

TEST_F(CalendarCli, WithoutJsonTheAnswersAreInVietnamese) {
  CliOutput o = Motcua({"calendar", "lunar", "--date", "2023-03-22"});
  ASSERT_EQ(o.exit, 0) << o.err;
  EXPECT_NE(o.out.find("nhuận"), std::string::npos) << o.out;
  o = Motcua({"calendar", "holidays", "--year", "2025"});
  ASSERT_EQ(o.exit, 0) << o.err;
  EXPECT_NE(o.out.find("Tết"), std::string::npos) << o.out;
  o = Motcua({"calendar", "due", "--from", "2024-02-07T16:00:00+07:00", "--days", "3"});
  ASSERT_EQ(o.exit, 0) << o.err;
  EXPECT_NE(o.out.find("19"), std::string::npos) << o.out;
}

TEST_F(CalendarCli, BadInputIsAClearMessageAndExitStatusTwo) {
  const std::vector<std::vector<std::string>> bad = {
      {"calendar", "holidays", "--year", "abc"},
      {"calendar", "holidays", "--year", "1850"},
      {"calendar", "holidays", "--year", "2200"},
      {"calendar", "holidays"},
      {"calendar", "lunar", "--date", "2023-02-30"},
      {"calendar", "lunar", "--date", "22/01/2023"},
      {"calendar", "lunar", "--date", "1800-01-01"},
      {"calendar", "due", "--from", "2024-02-07T16:00:00+07:00", "--days", "-1"},
      {"calendar", "due", "--from", "2024-02-07T25:00:00+07:00", "--days", "1"},
      {"calendar", "due", "--from", "yesterday", "--days", "1"},
      {"calendar", "due", "--from", "2024-02-07T16:00:00+07:00"},
      {"calendar", "due", "--from", "2024-02-07T16:00:00+07:00", "--days", "1", "--hours", "2"},
      {"calendar", "due", "--from", "2199-12-31T16:00:00+07:00", "--days", "100"},
      {"calendar", "bogus"},
  };
  for (const auto& args : bad) {
    const CliOutput o = Motcua(args);
    std::string joined;
    for (const auto& a : args) joined += a + " ";
    EXPECT_EQ(o.exit, 2) << joined << "\nstdout: " << o.out << "\nstderr: " << o.err;
    EXPECT_FALSE(o.err.empty()) << joined;
  }
}

TEST_F(CalendarCli, AMalformedCalendarFileIsNamedWithItsLine) {
  // An administrator's broken yearly file: the command refuses to guess.
  const std::string data = dir_ + "/data";
  std::filesystem::copy(MOTCUA_DATA_DIR, data, std::filesystem::copy_options::recursive);
  std::ofstream(data + "/calendar/2027.json")
      << "{\n  \"year\": 2027,\n  \"notice\": \"test\",\n  \"holidays\": [\n"
         "    {\"date\": \"2027-13-01\", \"name\": \"Sai ngày\"}\n  ]\n}\n";
  const CliOutput o = MotcuaIn(data, {"calendar", "holidays", "--year", "2027", "--json"});
  EXPECT_EQ(o.exit, 2) << o.out;
  EXPECT_NE(o.err.find("2027.json"), std::string::npos) << o.err;
  EXPECT_NE(o.err.find(":5:"), std::string::npos) << o.err;  // line 5: the bad date
}

}  // namespace
}  // namespace motcua::testing
