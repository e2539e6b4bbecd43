// OfficeHours: the default office day and the checks on a configured one.
#include <string>
#include <vector>

#include "calendar/working_calendar.h"

namespace motcua::calendar {
namespace {

// `what` names the list in messages, e.g. "office session" or "Saturday session".
Status ValidateSessions(const std::vector<OfficeSession>& sessions, const std::string& what) {
  int previous_end = 0;
  for (size_t i = 0; i < sessions.size(); ++i) {
    const OfficeSession& s = sessions[i];
    const std::string which = what + " " + std::to_string(i + 1);
    if (s.start < 0 || s.end > kSecondsPerDay) {
      return Status::InvalidArgument(which + " lies outside the day [0, 86400]");
    }
    if (s.end <= s.start) return Status::InvalidArgument(which + " does not end after it starts");
    // Adjacent sessions ([a, b) then [b, c)) are allowed: they do not overlap.
    if (s.start < previous_end) {
      return Status::InvalidArgument(which + " overlaps or precedes the one before it");
    }
    previous_end = s.end;
  }
  return Status::Ok();
}

constexpr const char* kWeekdayNames[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                          "Thursday", "Friday", "Saturday"};

}  // namespace

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
  MOTCUA_RETURN_IF_ERROR(ValidateSessions(sessions, "office session"));
  bool any_weekday = false;
  for (int w = 0; w < 7; ++w) {
    any_weekday = any_weekday || weekdays[w];
    if (weekday_sessions[w].empty()) continue;
    if (!weekdays[w]) {
      return Status::InvalidArgument(std::string("office hours give sessions to ") +
                                     kWeekdayNames[w] + ", which is not a working weekday");
    }
    MOTCUA_RETURN_IF_ERROR(
        ValidateSessions(weekday_sessions[w], std::string(kWeekdayNames[w]) + " session"));
  }
  if (!any_weekday) return Status::InvalidArgument("office hours have no working weekday");
  return Status::Ok();
}

std::int64_t OfficeHours::SecondsPerDay() const {
  std::int64_t total = 0;
  for (const OfficeSession& s : sessions) total += s.end - s.start;
  return total;
}

}  // namespace motcua::calendar
