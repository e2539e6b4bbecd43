// The routes every server has, whatever its store: GET /healthz (liveness
// and readiness for a load balancer), GET /metrics (Prometheus) and
// GET /api/v1/openapi.json (the document generated from the route table).
//
// They live in the same route table as the API, so they appear in the
// OpenAPI document and in the metrics like every other route.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "http/metrics.h"
#include "http/openapi.h"
#include "http/route.h"
#include "util/status.h"

namespace motcua::http {

struct SystemHooks {
  std::function<bool()> draining;        // true once shutdown began: /healthz answers 503
  std::function<Status()> health_check;  // e.g. the store answers; null: always ok
  const HttpMetrics* metrics = nullptr;  // REQUIRES: non-null, outlives the routes
  // Filled by the server once the table is complete (the document describes
  // itself); read-only afterwards.
  std::shared_ptr<std::string> openapi_json;
};

// Registers the schemas the system routes name.
void AddSystemSchemas(SchemaRegistry& schemas);

// REQUIRES: hooks.metrics and hooks.openapi_json set.
Status AddSystemRoutes(RouteTable& routes, SystemHooks hooks);

}  // namespace motcua::http
