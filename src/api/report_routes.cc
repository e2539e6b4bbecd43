// GET /api/v1/reports?from=&to=&agency=…: the reception and resolution
// report of DESIGN.md section 6, the same JSON as `motcua report --json`
// (report/report_json.h), computed from the store's report facts exactly as
// the CLI does (src/cli/report_cmd.cc).
//
// Dates are local days; `to` is exclusive (2023 is from=2023-01-01 and
// to=2024-01-01). Who may read: the leader and focal point of the agency
// reported on, and center supervisors (any agency, or the whole center
// without `agency`); access::Authorize decides (kReadReports).
#include <nlohmann/json.hpp>

#include "api/actor.h"
#include "api/dossier_api.h"
#include "api/request_params.h"
#include "report/report.h"
#include "report/report_fields.h"
#include "report/report_json.h"

namespace motcua::api {
namespace {

using http::ApiError;
using http::Reply;
using http::RequestContext;
using nlohmann::json;

Reply GetReport(const ApiDeps& deps, RequestContext& ctx) {
  MOTCUA_ASSIGN_OR_REPLY(const Instant from, DateQuery(ctx, "from"));
  MOTCUA_ASSIGN_OR_REPLY(const Instant to, DateQuery(ctx, "to"));
  if (from > to) {
    return ApiError::Unprocessable("invalid_value",
                                   "\"to\" không được sớm hơn \"from\" (\"to\" không tính).");
  }
  report::SliceNames names;
  names.agency = OptionalQuery(ctx, "agency");
  names.field = OptionalQuery(ctx, "field");
  names.procedure = OptionalQuery(ctx, "procedure");
  if (const auto channel = OptionalQuery(ctx, "channel")) {
    names.channel = report::ParseChannel(*channel);
    if (!names.channel) {
      return ApiError::Unprocessable("invalid_value",
                                     "Tham số \"channel\" phải là online, counter hoặc postal.");
    }
  }
  MOTCUA_ASSIGN_OR_REPLY(const Actor actor, LoadActor(*deps.store, ctx));
  access::SubjectFacts subject;
  subject.agency_code = names.agency.value_or("");
  MOTCUA_ASSIGN_OR_REPLY(const access::Decision decision,
                         Authorize(actor, access::Operation::kReadReports, "", subject, ctx.now));
  (void)decision;

  store::FactsQuery query;
  query.agency_code = names.agency;
  query.from = from;
  query.to = to;
  MOTCUA_ASSIGN_OR_REPLY(const report::FactsTable table, deps.store->ReportFacts(query));
  report::ReportQuery rq;
  rq.from = from;
  rq.to = to;
  rq.slice = report::ResolveSlice(table, names);
  return Reply::Json(200, report::ToJson(report::Compute(table.facts(), rq)));
}

// The schema follows the field table both renderings are made from.
json ReportSchema() {
  json properties = {
      {"from", {{"type", "string"}, {"description", "First local day (YYYY-MM-DD)."}}},
      {"to", {{"type", "string"}, {"description", "The day after the last (exclusive)."}}}};
  for (const report::ReportField& f : report::ReportFields()) {
    const json type = f.count   ? json{{"type", "integer"}}
                      : f.ratio ? json{{"type", {"number", "null"}},
                                       {"description", std::string(f.label_vi) +
                                                           "; null when its denominator is zero."}}
                                : json{{"type", {"integer", "null"}}, {"description", f.label_vi}};
    if (f.group) {
      json& group = properties[f.group];
      group["type"] = "object";
      group["properties"][f.key] = type;
    } else {
      properties[f.key] = type;
    }
  }
  return {{"type", "object"}, {"properties", std::move(properties)}};
}

}  // namespace

Status AddReportRoutes(http::RouteTable& routes, http::SchemaRegistry& schemas,
                       const ApiDeps& deps) {
  schemas.Add("Report", ReportSchema());
  http::RouteDoc doc;
  doc.operation_id = "getReport";
  doc.summary = "Reception and resolution report of a period (same JSON as motcua report)";
  doc.description =
      "received = resolved + open at `to` + withdrawn after receipt + stopped, for any slice. "
      "Agency leaders and focal points read their agency's; center supervisors any.";
  doc.tag = "reports";
  doc.params = {{.name = "from", .required = true, .description = "First local day, YYYY-MM-DD."},
                {.name = "to", .required = true, .description = "Day after the last (exclusive)."},
                {.name = "agency", .description = "Agency unit code; absent: the whole center."},
                {.name = "field", .description = "Field code."},
                {.name = "procedure", .description = "National procedure code."},
                {.name = "channel", .description = "online, counter or postal."}};
  doc.response_schema = "Report";
  doc.errors = {422};
  return routes.Add(MakeRoute(http::Method::kGet, "/api/v1/reports", http::Access::kUser,
                              std::move(doc),
                              [deps](RequestContext& ctx) { return GetReport(deps, ctx); }));
}

}  // namespace motcua::api
