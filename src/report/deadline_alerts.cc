// Overdue and at-risk dossiers at the end of a period.
#include "report/deadline_alerts.h"

#include <algorithm>

#include "calendar/working_calendar.h"

namespace motcua::report {

std::vector<DeadlineAlert> ListDeadlineAlerts(std::span<const DossierFacts> facts,
                                              const ReportQuery& query, std::int64_t at_risk) {
  const Instant to = query.to;
  std::vector<DeadlineAlert> alerts;
  for (std::size_t i = 0; i < facts.size(); ++i) {
    const DossierFacts& f = facts[i];
    if (!f.is_received() || f.ending() == Ending::kRefused || !query.slice.Matches(f)) continue;
    const Instant received = f.received_or_never();
    if (received >= to || f.ended_or_never() < to) continue;  // not open at `to`
    const Instant due = f.due_or_never();
    const bool overdue = calendar::ClassifyOpen(to, due) == calendar::Standing::kOverdue;
    if (overdue || due - to <= at_risk) {
      alerts.push_back({static_cast<std::uint32_t>(i), due, overdue});
    }
  }
  // Overdue dossiers are due before `to` and at-risk ones at or after it, so
  // ordering by due time puts the overdue first.
  std::sort(alerts.begin(), alerts.end(), [](const DeadlineAlert& a, const DeadlineAlert& b) {
    return a.due_at != b.due_at ? a.due_at < b.due_at : a.index < b.index;
  });
  return alerts;
}

}  // namespace motcua::report
