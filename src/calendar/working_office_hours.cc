// OfficeHours: the default office day and the checks on a configured one.
#include <string>

#include "calendar/working_calendar.h"

namespace motcua::calendar {

OfficeHours OfficeHours::Default() {
  // DESIGN.md section 5: Monday–Friday 07:30–11:30 and 13:30–17:00, the hours
  // of a provincial Public Administrative Service Center.
  OfficeHours h;
  h.sessions = {{7 * 3600 + 30 * 60, 11 * 3600 + 30 * 60}, {13 * 3600 + 30 * 60, 17 * 3600}};
  h.weekdays = {false, true, true, true, true, true, false};
  return h;
}

Status OfficeHours::Validate() const {
  if (sessions.empty()) return Status::InvalidArgument("office hours have no session");
  int previous_end = 0;
  for (size_t i = 0; i < sessions.size(); ++i) {
    const OfficeSession& s = sessions[i];
    const std::string which = "office session " + std::to_string(i + 1);
    if (s.start < 0 || s.end > kSecondsPerDay) {
      return Status::InvalidArgument(which + " lies outside the day [0, 86400]");
    }
    if (s.end <= s.start) return Status::InvalidArgument(which + " ends before it starts");
    // Adjacent sessions ([a, b) then [b, c)) are allowed: they do not overlap.
    if (s.start < previous_end) {
      return Status::InvalidArgument(which + " overlaps or precedes the one before it");
    }
    previous_end = s.end;
  }
  bool any_weekday = false;
  for (bool w : weekdays) any_weekday = any_weekday || w;
  if (!any_weekday) return Status::InvalidArgument("office hours have no working weekday");
  return Status::Ok();
}

std::int64_t OfficeHours::SecondsPerDay() const {
  std::int64_t total = 0;
  for (const OfficeSession& s : sessions) total += s.end - s.start;
  return total;
}

}  // namespace motcua::calendar
