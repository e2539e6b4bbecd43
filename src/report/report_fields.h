// The figures of a report in output order, with their JSON place, CSV column
// and Vietnamese label: the one list both report_json.cc and report_csv.cc
// render from, so that the two formats cannot drift apart.
//
// Immutable static data; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "report/report.h"

namespace motcua::report {

struct ReportField {
  const char* group;     // the JSON object holding it, or nullptr for the top level
  const char* key;       // its key there
  const char* column;    // CSV column name
  const char* label_vi;  // CSV column label in Vietnamese
  // Exactly one of these is set: a count, a ratio that may be undefined, or
  // an amount that may be absent.
  std::int64_t (*count)(const Report&);
  std::optional<double> (*ratio)(const Report&);
  std::optional<std::int64_t> (*amount)(const Report&) = nullptr;
};

std::span<const ReportField> ReportFields();

// A period bound for display: "YYYY-MM-DD" when it is a local midnight (the
// usual case, periods of whole days), else "YYYY-MM-DDTHH:MM:SS+07:00".
std::string FormatBound(Instant t);

}  // namespace motcua::report
