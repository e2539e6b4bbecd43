// Reading the holiday data folder: DATA_DIR/calendar/statutory.json and every
// DATA_DIR/calendar/YYYY.json, handed as text to the pure parsers of
// calendar/holidays.h.
//
// Files whose names are neither statutory.json nor YYYY.json are ignored (the
// folder may hold other calendar data). Yearly files are applied in year
// order. Thread-safe (no shared state); the caller owns the paths.
#pragma once

#include <string>

#include "calendar/holidays.h"
#include "util/status.h"

namespace motcua::datafiles {

// The statutory rules with every yearly file applied. NotFound if
// statutory.json is missing; InvalidArgument "PATH:LINE:COL: FIELD: what"
// for a malformed file; IOError if the folder cannot be read.
Result<calendar::HolidayRules> LoadHolidayRules(const std::string& data_dir);

}  // namespace motcua::datafiles
