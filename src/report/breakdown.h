// Breakdown: one report per group of a period's dossiers (by agency, field,
// procedure, desk officer, delegation grant or channel), or one per local
// calendar month of the period; the table behind the dashboard's charts and
// the monthly report to each agency.
//
// Every row is exactly the report Compute would give for its group (the
// query's slice narrowed to the group, or the period narrowed to the month),
// so each row satisfies the identity of DESIGN.md section 6. For a grouping
// by id the rows add up to the report of the whole slice; for months, each
// month's open count is the next month's carried-over count.
//
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "report/dossier_facts.h"
#include "report/facts_table.h"
#include "report/report.h"

namespace motcua::report {

enum class GroupBy : std::uint8_t {
  kAgency,
  kField,
  kProcedure,
  kOfficer,
  kGrant,
  kChannel,
  kMonth,
};
const char* GroupByName(GroupBy by);  // "agency" | "field" | ... | "month"
std::optional<GroupBy> ParseGroupBy(std::string_view name);

struct BreakdownRow {
  // An id of the table's dictionary for that kind (Dictionary::kNone for the
  // dossiers without one, e.g. no delegation grant), the Channel value, or
  // for kMonth the DayNumber of the month's first day.
  std::uint32_t key = 0;
  Report report;
};

struct Breakdown {
  GroupBy by = GroupBy::kAgency;
  Instant from = 0;
  Instant to = 0;
  // By id: the groups with something to count, in ascending key order. By
  // month: every month that meets [from, to), in order, even if empty.
  std::vector<BreakdownRow> rows;
};

// REQUIRES: as for Compute.
Breakdown ComputeBreakdown(std::span<const DossierFacts> facts, const ReportQuery& query,
                           GroupBy by);

// The printable name of a row's group: the code from `table`'s dictionary,
// the channel name, or "YYYY-MM" for a month.
std::string GroupLabel(GroupBy by, std::uint32_t key, const FactsTable& table);

}  // namespace motcua::report
