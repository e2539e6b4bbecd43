// The store's gauges for GET /metrics (issue 4: "dossiers by state, open
// overdue"), as an http::MetricsCollector called at each scrape:
//
//   motcua_dossiers{state="submitted"} 12        one sample per state, zeros too
//   motcua_dossiers_open_overdue 3               open past their due time
//
// Every state is always present, so a dashboard sees a 0 rather than a gap
// when the last dossier leaves a state. The count reads the store once per
// scrape (store::Store::CountDossiers); a failed read makes the collector fail
// and the server skips it for that scrape (metrics.h).
//
// Thread-safe (the store is); the store must outlive the collector.
#pragma once

#include <functional>

#include "http/metrics.h"
#include "store/store.h"
#include "util/civil_time.h"

namespace motcua::api {

// `clock`: the time "overdue" is judged at (null: the system clock).
// REQUIRES: store non-null.
http::MetricsCollector StoreMetricsCollector(store::Store* store,
                                             std::function<Instant()> clock = nullptr);

}  // namespace motcua::api
