#include "http/system_routes.h"

namespace motcua::http {

void AddSystemSchemas(SchemaRegistry& schemas) {
  schemas.Add("Health",
              {{"type", "object"},
               {"required", {"status"}},
               {"properties",
                {{"status", {{"type", "string"}, {"enum", {"ok", "draining", "failing"}}}},
                 {"detail", {{"type", "string"}}}}}});
  schemas.Add("MetricsText",
              {{"type", "string"}, {"description", "Prometheus text exposition format 0.0.4."}});
  schemas.Add("OpenApiDocument",
              {{"type", "object"}, {"description", "This document (OpenAPI 3.1)."}});
}

Status AddSystemRoutes(RouteTable& routes, SystemHooks hooks) {
  auto shared = std::make_shared<SystemHooks>(std::move(hooks));

  Route health;
  health.method = Method::kGet;
  health.pattern = "/healthz";
  health.doc.operation_id = "getHealth";
  health.doc.summary = "Liveness and readiness";
  health.doc.description =
      "200 while the server takes work; 503 once it is shutting down or its store does not "
      "answer, so a load balancer moves away.";
  health.doc.tag = "system";
  health.doc.response_schema = "Health";
  health.doc.errors = {503};
  // On a worker: the health check reads the store, and a starved pool is
  // itself a reason to look unhealthy.
  health.execution = Execution::kWorker;
  health.handler = [shared](RequestContext&) {
    if (shared->draining && shared->draining()) {
      return Reply::Json(503, {{"status", "draining"}}).WithHeader("Retry-After", "5");
    }
    if (shared->health_check) {
      const Status s = shared->health_check();
      if (!s.ok()) {
        Reply r = Reply::Json(503, {{"status", "failing"}, {"detail", s.code_name()}});
        r.log_detail = s.ToString();
        return r;
      }
    }
    return Reply::Json(200, {{"status", "ok"}});
  };
  MOTCUA_RETURN_IF_ERROR(routes.Add(std::move(health)));

  Route metrics;
  metrics.method = Method::kGet;
  metrics.pattern = "/metrics";
  metrics.doc.operation_id = "getMetrics";
  metrics.doc.summary = "Metrics in the Prometheus text format";
  metrics.doc.description =
      "Requests by route and status, a latency histogram, in-flight requests, and the gauges of "
      "the store (dossiers by state, open overdue dossiers).";
  metrics.doc.tag = "system";
  metrics.doc.response_schema = "MetricsText";
  metrics.doc.response_content_type = "text/plain";
  metrics.execution = Execution::kWorker;  // collectors may read the store
  metrics.handler = [shared](RequestContext&) {
    return Reply::Text(200, "text/plain; version=0.0.4; charset=utf-8", shared->metrics->Render());
  };
  MOTCUA_RETURN_IF_ERROR(routes.Add(std::move(metrics)));

  Route openapi;
  openapi.method = Method::kGet;
  openapi.pattern = "/api/v1/openapi.json";
  openapi.doc.operation_id = "getOpenApi";
  openapi.doc.summary = "This OpenAPI document";
  openapi.doc.tag = "system";
  openapi.doc.response_schema = "OpenApiDocument";
  openapi.execution = Execution::kInline;  // a string already built
  openapi.handler = [shared](RequestContext&) {
    return Reply::Text(200, kJsonContentType, *shared->openapi_json);
  };
  return routes.Add(std::move(openapi));
}

}  // namespace motcua::http
