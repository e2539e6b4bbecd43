// Building the working calendar from the shipped holiday data: the statutory
// rules and the yearly notices under DATA_DIR/calendar (calendar_files.h),
// turned into one YearSchedule per year and precomputed by
// WorkingCalendar::Build.
//
// Thread-safe (no shared state). The calendar returned is immutable and may be
// shared between threads.
#pragma once

#include <string>

#include "calendar/working_calendar.h"
#include "util/status.h"

namespace motcua::datafiles {

// The working calendar of years [first_year, last_year] under `hours`.
// REQUIRES: first_year <= last_year (else InvalidArgument).
// OutOfRange outside the years the holiday rules cover (1900..2199);
// otherwise the errors of LoadHolidayRules and WorkingCalendar::Build.
Result<calendar::WorkingCalendar> LoadWorkingCalendar(const std::string& data_dir,
                                                      calendar::OfficeHours hours, int first_year,
                                                      int last_year);

}  // namespace motcua::datafiles
