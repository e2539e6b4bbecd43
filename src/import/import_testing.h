// Test-only: the shipped catalog and working calendar (2000..2099, default
// office hours), loaded once per test binary, and lines of historic dossiers
// built from the design's example.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "calendar/working_calendar.h"
#include "catalog/catalog.h"
#include "datafiles/catalog_files.h"
#include "datafiles/working_calendar_loader.h"
#include "import/replay.h"

namespace motcua::import::testing {

inline const catalog::Catalog& ShippedCatalog() {
  static const catalog::Catalog c = [] {
    auto loaded = datafiles::LoadCatalog(MOTCUA_DATA_DIR);
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return loaded.ok() ? *loaded : catalog::Catalog();
  }();
  return c;
}

inline const calendar::WorkingCalendar& ShippedCalendar() {
  static const calendar::WorkingCalendar cal = [] {
    auto c = datafiles::LoadWorkingCalendar(MOTCUA_DATA_DIR, calendar::OfficeHours::Default(), 2000,
                                            2099);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    if (c.ok()) return *c;
    calendar::YearSchedule empty;
    empty.year = 2000;
    return *calendar::WorkingCalendar::Build(calendar::OfficeHours::Default(), {empty});
  }();
  return cal;
}

inline ReplayContext Shipped() { return ReplayContext{&ShippedCatalog(), &ShippedCalendar()}; }

// A Sở TT&TT dossier of procedure 2.001737 (3 working days), submitted online
// on Thursday 5 January 2023, received and transferred by a postal employee
// on behalf of the agency, resolved on Monday 9 and returned on Tuesday 10.
// `seq` is the code's daily sequence.
inline std::string ExampleLine(int seq = 1) {
  char code[64];
  std::snprintf(code, sizeof code, "000.00.12.H29-230105-%04d", seq);
  return std::string(R"({"code":")") + code + R"(","procedure":"2.001737","channel":"online",)" +
         R"("applicant":{"name":"Nguyễn Văn A","phone":"0912345678"},)" +
         R"("events":[{"action":"submit","at":"2023-01-05T08:10:00+07:00"},)" +
         R"({"action":"receive","at":"2023-01-05T09:00:00+07:00","by":"postal.a","for":"000.00.12.H29"},)" +
         R"({"action":"transfer","at":"2023-01-05T10:00:00+07:00","by":"postal.a","for":"000.00.12.H29"},)" +
         R"({"action":"resolve","at":"2023-01-09T15:00:00+07:00","by":"spec.b","outcome":"approved"},)" +
         R"({"action":"return","at":"2023-01-10T08:00:00+07:00","by":"postal.a","for":"000.00.12.H29","method":"counter"}]})";
}

}  // namespace motcua::import::testing
