#include "api/store_metrics.h"

#include <ctime>
#include <utility>
#include <vector>

#include "dossier/state.h"

namespace motcua::api {

http::MetricsCollector StoreMetricsCollector(store::Store* store, std::function<Instant()> clock) {
  if (!clock) clock = [] { return static_cast<Instant>(std::time(nullptr)); };
  return [store, clock = std::move(clock)]() -> Result<std::vector<http::MetricFamily>> {
    MOTCUA_ASSIGN_OR_RETURN(const store::DossierCounts counts, store->CountDossiers(clock()));
    http::MetricFamily by_state;
    by_state.name = "motcua_dossiers";
    by_state.help = "Dossiers by life-cycle state.";
    by_state.type = "gauge";
    for (const auto& [state, n] : counts.by_state) {
      by_state.samples.push_back({{{"state", dossier::StateName(state)}}, static_cast<double>(n)});
    }
    http::MetricFamily overdue;
    overdue.name = "motcua_dossiers_open_overdue";
    overdue.help = "Dossiers not yet completed whose due time has passed.";
    overdue.type = "gauge";
    overdue.samples.push_back({{}, static_cast<double>(counts.open_overdue)});
    return std::vector<http::MetricFamily>{std::move(by_state), std::move(overdue)};
  };
}

}  // namespace motcua::api
