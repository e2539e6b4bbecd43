#include "calendar/year_schedule.h"

namespace motcua::calendar {

const char* HolidayKindName(HolidayKind kind) {
  switch (kind) {
    case HolidayKind::kStatutory:
      return "statutory";
    case HolidayKind::kSubstitute:
      return "substitute";
    case HolidayKind::kAnnounced:
      return "announced";
  }
  return "statutory";  // unreachable: every enumerator is handled above
}

}  // namespace motcua::calendar
