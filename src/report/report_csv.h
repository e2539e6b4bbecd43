// CSV renderings of reports, breakdowns and deadline alerts: one header row,
// then one row per report or group, RFC 4180 (fields holding a comma, a
// double quote, CR or LF are quoted, quotes doubled; lines end with CRLF).
//
// Columns are those of ToJson flattened (received_total, received_new, ...,
// on_time_rate, ...), from the same field table, with "from" and "to" first
// and, for a breakdown, the group label before them. Ratios print with four
// decimals and are empty when undefined.
//
// Pure functions; thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "report/breakdown.h"
#include "report/deadline_alerts.h"
#include "report/facts_table.h"
#include "report/report.h"

namespace motcua::report {

struct CsvOptions {
  // Header row in Vietnamese ("Tổng số hồ sơ tiếp nhận", ...) instead of the
  // column names, for the focal points who open the file in a spreadsheet.
  bool vietnamese_labels = false;
  // Start with a UTF-8 byte-order mark: spreadsheets then read the
  // diacritics as UTF-8 instead of the system code page.
  bool utf8_bom = false;
};

// One field, quoted if RFC 4180 requires it. Text a spreadsheet would take
// for a formula (starting with = + - @, tab or CR, other than a plain number
// such as "-3") is prefixed with an apostrophe.
std::string CsvField(std::string_view text);

std::string ToCsv(const Report& report, const CsvOptions& options = {});
std::string ToCsv(const Breakdown& breakdown, const FactsTable& table,
                  const CsvOptions& options = {});
// code, agency, procedure, officer, received_at, due_at, status.
// REQUIRES: `alerts` were listed over `facts`, which `table` made.
std::string ToCsv(std::span<const DeadlineAlert> alerts, std::span<const DossierFacts> facts,
                  const FactsTable& table, const CsvOptions& options = {});

}  // namespace motcua::report
