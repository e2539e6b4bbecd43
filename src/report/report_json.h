// JSON renderings of reports, breakdowns and deadline alerts, for the CLI
// (`motcua report --format json`) and the HTTP API.
//
// A report is
//   {"from","to","received":{"total","carried_over","new","online","counter","postal"},
//    "resolved":{"total","early","on_time","late","approved","denied"},
//    "open":{"total","within_deadline","overdue"},"returned","refused","withdrawn",
//    "withdrawn_before_receipt","stopped","supplement_requests":{"at_reception","in_processing"},
//    "apologies","contract_cost_vnd","indicators":{"on_time_rate","online_share",
//    "digitization_rate","result_digitization_rate","satisfaction","satisfaction_good_share",
//    "rework_rate","cost_per_dossier"},"indicator_counts":{...}}
// with from/to as local dates "YYYY-MM-DD" when they are local midnights
// (`to` is exclusive: a report of 2023 runs to "2024-01-01"); an indicator
// whose denominator is zero, and an absent contract cost, are null.
//
// Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <span>

#include "report/breakdown.h"
#include "report/deadline_alerts.h"
#include "report/facts_table.h"
#include "report/report.h"

namespace motcua::report {

nlohmann::json ToJson(const Report& report);

// {"by","from","to","rows":[{"group":label, ...the row's report...}]}.
nlohmann::json ToJson(const Breakdown& breakdown, const FactsTable& table);

// [{"code","agency","procedure","officer","received_at","due_at","status"}]
// with status "overdue" or "at_risk".
// REQUIRES: `alerts` were listed over `facts`, which `table` made.
nlohmann::json ToJson(std::span<const DeadlineAlert> alerts, std::span<const DossierFacts> facts,
                      const FactsTable& table);

}  // namespace motcua::report
