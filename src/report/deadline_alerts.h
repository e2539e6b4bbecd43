// Deadline alerts: the dossiers of a slice that are overdue or at risk at the
// end of a period, the list that goes with the monthly report to each
// agency's TTHC-control focal point so that late dossiers are chased
// (DESIGN.md sections 1 and 6).
//
// A dossier is listed when it is open at `to` (received before `to`, not
// ended before `to`, as in report.h) and either overdue at `to`
// (calendar::ClassifyOpen) or due within `at_risk` seconds after `to`
// (two calendar days by default: simple and easy to explain, rather than
// working hours).
//
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "report/dossier_facts.h"
#include "report/report.h"

namespace motcua::report {

inline constexpr std::int64_t kDefaultAtRiskSeconds = 2 * kSecondsPerDay;

struct DeadlineAlert {
  std::uint32_t index = 0;  // of the fact in the span given to ListDeadlineAlerts
  Instant due_at = 0;
  bool overdue = false;  // else at risk
};

// Overdue first, then at risk, each by due time (the most urgent first).
// REQUIRES: at_risk >= 0.
std::vector<DeadlineAlert> ListDeadlineAlerts(std::span<const DossierFacts> facts,
                                              const ReportQuery& query,
                                              std::int64_t at_risk = kDefaultAtRiskSeconds);

}  // namespace motcua::report
