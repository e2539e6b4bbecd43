// GET /api/v1/procedures?q=&agency= and GET /api/v1/procedures/{code}: the
// catalog as citizens and desks look it up, without login.
//
// Both answer with the versions in force today (local day of the request).
// q is matched by the catalog's folding search (catalog/fold.h): case and
// diacritics are ignored, đ = d, so "cap giay phep" finds "Cấp giấy phép".
// The agency shown is the one that handles the procedure today, after
// reorganizations (Catalog::ResponsibleFor), not necessarily the publisher.
#include <nlohmann/json.hpp>

#include "api/dossier_api.h"
#include "api/request_params.h"

namespace motcua::api {
namespace {

using http::Reply;
using http::RequestContext;
using nlohmann::json;

json ProcessingTimeJson(const catalog::ProcessingTime& t) {
  return {{"amount", t.amount},
          {"unit", t.unit == catalog::TimeUnit::kWorkingDays ? "working_days" : "working_hours"},
          {"pause_policy", std::string(catalog::PausePolicyName(t.pause_policy))}};
}

json ChannelsJson(const catalog::Procedure& p) {
  json out = json::array();
  for (catalog::Channel c : p.channels) out.push_back(std::string(catalog::ChannelName(c)));
  return out;
}

json Responsible(const catalog::Catalog& catalog, const catalog::Procedure& p, DayNumber day) {
  const catalog::Responsibility r = catalog.ResponsibleFor(p, day);
  return {
      {"agency",
       r.agency ? json{{"code", r.agency->code}, {"name", r.agency->name}} : json(nullptr)},
      {"field", r.field ? json{{"code", r.field->code}, {"name", r.field->name}} : json(nullptr)}};
}

json SummaryOf(const catalog::Catalog& catalog, const catalog::Procedure& p, DayNumber day) {
  json out = {{"code", p.code},
              {"version", p.version},
              {"name", p.name},
              {"processing_time", ProcessingTimeJson(p.processing_time)},
              {"channels", ChannelsJson(p)}};
  out.update(Responsible(catalog, p, day));
  return out;
}

json DetailOf(const catalog::Catalog& catalog, const catalog::Procedure& p, DayNumber day) {
  json out = SummaryOf(catalog, p, day);
  json components = json::array();
  for (const catalog::Component& c : p.components) {
    components.push_back(
        {{"id", c.id},
         {"name", c.name},
         {"form", std::string(catalog::DocumentFormName(c.form))},
         {"form_label", std::string(catalog::DocumentFormLabel(c.form))},
         {"count", c.count},
         {"mandatory", c.mandatory},
         {"condition", c.mandatory ? json(nullptr) : json(c.condition)},
         {"template_file", c.template_file.empty() ? json(nullptr) : json(c.template_file)}});
  }
  json fees = json::array();
  for (const catalog::Fee& f : p.fees) {
    fees.push_back({{"amount_vnd", f.amount_vnd}, {"description", f.description}});
  }
  out["valid_from"] = p.valid.from ? json(FormatDate(*p.valid.from)) : json(nullptr);
  out["valid_to"] = p.valid.to ? json(FormatDate(*p.valid.to)) : json(nullptr);
  out["components"] = std::move(components);
  out["fees"] = std::move(fees);
  out["result"] = p.result;
  out["guidance"] = p.guidance;
  out["common_mistakes"] = p.common_mistakes;
  out["legal_basis"] = p.legal_basis;
  out["sample"] = p.sample;
  out["unverified"] = p.unverified;
  out["note"] = p.note;
  return out;
}

bool HandledBy(const catalog::Catalog& catalog, const catalog::Procedure& p,
               const std::string& agency, DayNumber day) {
  const catalog::Responsibility r = catalog.ResponsibleFor(p, day);
  return r.agency != nullptr && r.agency->code == agency;
}

Reply ListProcedures(const ApiDeps& deps, RequestContext& ctx) {
  const auto snapshot = deps.domain->Current();
  const catalog::Catalog& catalog = snapshot->catalog;
  const DayNumber today = LocalDayOf(ctx.now);
  const std::optional<std::string> q = OptionalQuery(ctx, "q");
  const std::optional<std::string> agency = OptionalQuery(ctx, "agency");
  const std::vector<const catalog::Procedure*> found =
      q ? catalog.Search(*q, today) : catalog.ProceduresAt(today);
  json out = json::array();
  for (const catalog::Procedure* p : found) {
    if (agency && !HandledBy(catalog, *p, *agency, today)) continue;
    out.push_back(SummaryOf(catalog, *p, today));
  }
  return Reply::Json(200, {{"procedures", std::move(out)}});
}

Reply GetProcedure(const ApiDeps& deps, RequestContext& ctx) {
  const auto snapshot = deps.domain->Current();
  const DayNumber today = LocalDayOf(ctx.now);
  const std::string code(ctx.PathParam("code"));
  const catalog::Procedure* p = snapshot->catalog.ProcedureAt(code, today);
  if (p == nullptr) {
    return Reply::FromStatus(
        Status::NotFound("no procedure " + code + " in force on " + FormatDate(today)));
  }
  return Reply::Json(200, DetailOf(snapshot->catalog, *p, today));
}

json Schema(json properties) {
  json required = json::array();
  for (const auto& [key, value] : properties.items()) required.push_back(key);
  return {{"type", "object"}, {"required", std::move(required)}, {"properties", properties}};
}

void AddSchemas(http::SchemaRegistry& schemas) {
  const json str = {{"type", "string"}};
  const json nullable_str = {{"type", {"string", "null"}}};
  const json code_name = {{"type", {"object", "null"}},
                          {"properties", {{"code", str}, {"name", str}}},
                          {"description", "Who handles it today; null when nobody does."}};
  json summary = {
      {"code", str},
      {"version", {{"type", "integer"}}},
      {"name", str},
      {"processing_time",
       Schema({{"amount", {{"type", "number"}}},
               {"unit", {{"type", "string"}, {"enum", {"working_days", "working_hours"}}}},
               {"pause_policy", {{"type", "string"}, {"enum", {"pause", "restart"}}}}})},
      {"channels",
       {{"type", "array"},
        {"items", {{"type", "string"}, {"enum", {"online", "counter", "postal"}}}}}},
      {"agency", code_name},
      {"field", code_name}};
  schemas.Add("ProcedureSummary", Schema(summary));
  schemas.Add("ProcedureList",
              Schema({{"procedures",
                       {{"type", "array"},
                        {"items", {{"$ref", "#/components/schemas/ProcedureSummary"}}}}}}));
  json detail = summary;
  detail["valid_from"] = {{"type", {"string", "null"}}, {"format", "date"}};
  detail["valid_to"] = {{"type", {"string", "null"}}, {"format", "date"}};
  detail["components"] = {
      {"type", "array"},
      {"items", Schema({{"id", str},
                        {"name", str},
                        {"form",
                         {{"type", "string"},
                          {"enum", {"original", "copy", "certified_copy", "electronic"}}}},
                        {"form_label", str},
                        {"count", {{"type", "integer"}}},
                        {"mandatory", {{"type", "boolean"}}},
                        {"condition", nullable_str},
                        {"template_file", nullable_str}})}};
  detail["fees"] = {
      {"type", "array"},
      {"items", Schema({{"amount_vnd", {{"type", "integer"}}}, {"description", str}})}};
  detail["result"] = str;
  detail["guidance"] = {{"type", "string"}, {"description", "Advice for the applicant and desk."}};
  detail["common_mistakes"] = {{"type", "array"}, {"items", str}};
  detail["legal_basis"] = {{"type", "array"}, {"items", str}};
  detail["sample"] = {{"type", "boolean"},
                      {"description", "Some legal detail is not verified (see unverified, note)."}};
  detail["unverified"] = {{"type", "array"}, {"items", str}};
  detail["note"] = str;
  schemas.Add("Procedure", Schema(detail));
}

}  // namespace

Status AddProcedureRoutes(http::RouteTable& routes, http::SchemaRegistry& schemas,
                          const ApiDeps& deps) {
  AddSchemas(schemas);
  http::RouteDoc list;
  list.operation_id = "listProcedures";
  list.summary = "Procedures in force today, optionally searched";
  list.description =
      "Without q: every procedure in force today. With q: those whose name or code contains "
      "every word of q, ignoring case and Vietnamese diacritics (\"cap giay phep\" finds "
      "\"Cấp giấy phép\"); names containing q as a phrase come first.";
  list.tag = "procedures";
  list.params = {{.name = "q", .description = "Search words; diacritics optional."},
                 {.name = "agency", .description = "Only those this agency handles today."}};
  list.response_schema = "ProcedureList";
  MOTCUA_RETURN_IF_ERROR(routes.Add(
      MakeRoute(http::Method::kGet, "/api/v1/procedures", http::Access::kPublic, std::move(list),
                [deps](RequestContext& ctx) { return ListProcedures(deps, ctx); })));

  http::RouteDoc get;
  get.operation_id = "getProcedure";
  get.summary = "A procedure in force today, with its components and guidance";
  get.tag = "procedures";
  get.response_schema = "Procedure";
  get.errors = {404};
  return routes.Add(MakeRoute(http::Method::kGet, "/api/v1/procedures/{code}",
                              http::Access::kPublic, std::move(get),
                              [deps](RequestContext& ctx) { return GetProcedure(deps, ctx); }));
}

}  // namespace motcua::api
