// The two readers behind ParseRecord (record_json.h), exposed for its tests.
//
// ReadRecordFast reads a line straight into an ImportRecord, without building
// a JSON document first: nlohmann::json built a tree of maps and strings per
// line, about 25 of the 45 microseconds a line took to parse and replay
// (bench/import_bench.cc --stages). It reads the strict JSON that a good line
// is made of (objects, arrays, strings with every escape, small positive
// integers) and answers false for anything else and for every mistake,
// without saying why: ParseRecord then hands the line to ReadRecordDom, the
// nlohmann reader, which decides and words the error. So the fast reader
// never refuses a line on its own, and a line it accepts gives the record the
// DOM reader gives (record_json_fast_test.cc compares them on good lines and
// on thousands of damaged ones).
//
// Pure functions; thread-safe.
#pragma once

#include <string_view>

#include "import/record.h"
#include "util/status.h"

namespace motcua::import::internal {

// True, with *out set, when `line` is a good line that the fast reader reads
// whole; false otherwise (*out is then unspecified).
bool ReadRecordFast(std::string_view line, ImportRecord* out);

// The reader of record_json.cc over nlohmann::json: the reference.
Result<ImportRecord> ReadRecordDom(std::string_view line);

}  // namespace motcua::import::internal
