#include "datafiles/working_calendar_loader.h"

#include <string>
#include <utility>
#include <vector>

#include "calendar/holidays.h"
#include "datafiles/calendar_files.h"

namespace motcua::datafiles {

Result<calendar::WorkingCalendar> LoadWorkingCalendar(const std::string& data_dir,
                                                      calendar::OfficeHours hours, int first_year,
                                                      int last_year) {
  if (first_year > last_year) {
    return Status::InvalidArgument("working calendar: first year " + std::to_string(first_year) +
                                   " is after last year " + std::to_string(last_year));
  }
  if (first_year < calendar::kFirstHolidayYear || last_year > calendar::kLastHolidayYear) {
    return Status::OutOfRange("working calendar: years " + std::to_string(first_year) + ".." +
                              std::to_string(last_year) + " lie outside the holiday data " +
                              std::to_string(calendar::kFirstHolidayYear) + ".." +
                              std::to_string(calendar::kLastHolidayYear));
  }
  MOTCUA_ASSIGN_OR_RETURN(const calendar::HolidayRules rules, LoadHolidayRules(data_dir));
  std::vector<calendar::YearSchedule> years;
  years.reserve(static_cast<size_t>(last_year - first_year + 1));
  for (int y = first_year; y <= last_year; ++y) {
    MOTCUA_ASSIGN_OR_RETURN(calendar::YearSchedule schedule, rules.ForYear(y));
    years.push_back(std::move(schedule));
  }
  return calendar::WorkingCalendar::Build(std::move(hours), std::move(years));
}

}  // namespace motcua::datafiles
