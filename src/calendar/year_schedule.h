// YearSchedule: what one year's official calendar says about days, the bridge
// between the holiday rules (holidays.h) and the working-time engine
// (working_calendar.h).
//
// A holiday is a non-working day whatever its weekday; a worked weekend day
// (a Saturday worked in exchange for a bridge day off) is a working day with
// normal office hours. Plain value type.
#pragma once

#include <string>
#include <vector>

#include "util/civil_time.h"

namespace motcua::calendar {

enum class HolidayKind {
  kStatutory,   // a day of Labour Code art. 112 as computed by the rules
  kSubstitute,  // art. 111(3): taken on the next working day for one on a rest day
  kAnnounced,   // from the government's yearly notice (bridge days, moved days)
};

const char* HolidayKindName(HolidayKind kind);  // "statutory" | "substitute" | "announced"

struct Holiday {
  DayNumber date = 0;
  std::string name;  // Vietnamese, e.g. "Tết Nguyên đán"
  HolidayKind kind = HolidayKind::kStatutory;
};

struct YearSchedule {
  int year = 0;
  std::vector<Holiday> holidays;                // sorted by date, one entry per date
  std::vector<DayNumber> working_weekend_days;  // sorted; usually Saturdays
};

}  // namespace motcua::calendar
