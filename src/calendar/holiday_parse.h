// The parsers behind HolidayRules (holidays.h): statutory.json text to
// rules, YYYY.json text to a YearNotice. Pure; every error is
// InvalidArgument "NAME:LINE:COLUMN: FIELD: what is wrong".
// Internal to src/calendar/; the file format is in docs/calendar-data.md.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "calendar/holidays.h"
#include "calendar/year_schedule.h"
#include "util/status.h"

namespace motcua::calendar::internal {

Result<std::vector<StatutoryRule>> ParseStatutoryRules(std::string_view text,
                                                       std::string_view name);

// `computed` gives the computed (statutory + substitute) schedule of a year,
// against which the file's dropped days and worked weekend days are checked.
using ComputeYear = std::function<Result<YearSchedule>(int year)>;
Result<YearNotice> ParseYearFile(std::string_view text, std::string_view name,
                                 const ComputeYear& computed);

}  // namespace motcua::calendar::internal
