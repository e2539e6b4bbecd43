#include "http/openapi.h"

#include <algorithm>
#include <set>

namespace motcua::http {
namespace {

nlohmann::json Ref(const std::string& schema) {
  return {{"$ref", "#/components/schemas/" + schema}};
}

nlohmann::json ErrorResponse(int status) {
  return {{"description", ReasonPhrase(status)},
          {"content", {{"application/json", {{"schema", Ref("Error")}}}}}};
}

std::string Lowercase(std::string s) {
  for (char& c : s) c = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  return s;
}

}  // namespace

SchemaRegistry::SchemaRegistry() {
  Add("Error",
      {{"type", "object"},
       {"description", "Every 4xx and 5xx answer."},
       {"required", {"error"}},
       {"properties",
        {{"error",
          {{"type", "object"},
           {"required", {"code", "message"}},
           {"properties",
            {{"code", {{"type", "string"}, {"description", "Stable, snake_case, for programs."}}},
             {"message", {{"type", "string"}, {"description", "For people, in Vietnamese."}}},
             {"detail", {{"type", "string"}, {"description", "The domain's reason (4xx only)."}}},
             {"rule",
              {{"type", "string"}, {"description", "403: the access rule that refused."}}}}}}}}}});
}

void SchemaRegistry::Add(const std::string& name, nlohmann::json schema) {
  if (!schemas_.emplace(name, std::move(schema)).second) duplicates_.push_back(name);
}

Result<nlohmann::json> BuildOpenApi(const RouteTable& routes, const SchemaRegistry& schemas,
                                    const ApiInfo& info) {
  if (!schemas.duplicates().empty()) {
    // Two route groups gave one name to two schemas: one of them would be
    // documented wrong.
    return Status::InvalidArgument("schema " + schemas.duplicates().front() + " registered twice");
  }
  nlohmann::json paths = nlohmann::json::object();
  for (const Route& route : routes.routes()) {
    const RouteDoc& doc = route.doc;
    const std::string where = std::string(MethodName(route.method)) + " " + route.pattern;
    for (const std::string* name : {&doc.request_schema, &doc.response_schema}) {
      if (!name->empty() && !schemas.Has(*name)) {
        return Status::InvalidArgument(where + ": unknown schema " + *name);
      }
    }

    nlohmann::json op = {{"operationId", doc.operation_id}, {"summary", doc.summary}};
    if (!doc.description.empty()) op["description"] = doc.description;
    if (!doc.tag.empty()) op["tags"] = {doc.tag};

    nlohmann::json params = nlohmann::json::array();
    MOTCUA_ASSIGN_OR_RETURN(const auto path_params, PatternParams(route.pattern));
    for (const auto& p : path_params) {
      params.push_back(
          {{"name", p}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
    }
    for (const ParamDoc& p : doc.params) {
      nlohmann::json param = {
          {"name", p.name}, {"in", p.in}, {"required", p.required}, {"schema", {{"type", p.type}}}};
      if (!p.description.empty()) param["description"] = p.description;
      params.push_back(std::move(param));
    }
    if (route.access == Access::kUser && route.method != Method::kGet) {
      params.push_back({{"name", "X-CSRF-Token"},
                        {"in", "header"},
                        {"required", false},
                        {"description",
                         "Required when authenticated by the session cookie: the csrf_token "
                         "returned at login. Not needed with a bearer token."},
                        {"schema", {{"type", "string"}}}});
    }
    if (!params.empty()) op["parameters"] = std::move(params);

    std::set<int> errors(doc.errors.begin(), doc.errors.end());
    if (!path_params.empty() || !doc.params.empty()) errors.insert(400);
    if (!doc.request_schema.empty()) {
      op["requestBody"] = {
          {"required", true},
          {"content", {{"application/json", {{"schema", Ref(doc.request_schema)}}}}}};
      errors.insert({400, 413, 415, 422});
    }
    if (route.access == Access::kUser) {
      errors.insert({401, 403});
      op["security"] = {{{"bearerAuth", nlohmann::json::array()}},
                        {{"cookieAuth", nlohmann::json::array()}}};
    } else if (route.access == Access::kOptionalUser) {
      op["security"] = {nlohmann::json::object(),
                        {{"bearerAuth", nlohmann::json::array()}},
                        {{"cookieAuth", nlohmann::json::array()}}};
    } else {
      op["security"] = nlohmann::json::array();
    }
    if (!route.rate_limit.empty()) errors.insert(429);

    nlohmann::json success = {{"description", ReasonPhrase(doc.success_status)}};
    if (!doc.response_schema.empty()) {
      success["content"] = {{doc.response_content_type, {{"schema", Ref(doc.response_schema)}}}};
    }
    nlohmann::json responses = {{std::to_string(doc.success_status), std::move(success)}};
    for (int status : errors) responses[std::to_string(status)] = ErrorResponse(status);
    responses["default"] = ErrorResponse(500);
    responses["default"]["description"] = "Any other error (503 while shutting down, 500).";
    op["responses"] = std::move(responses);

    paths[route.pattern][Lowercase(MethodName(route.method))] = std::move(op);
  }

  nlohmann::json components_schemas = nlohmann::json::object();
  for (const auto& [name, schema] : schemas.schemas()) components_schemas[name] = schema;

  nlohmann::json doc = {
      {"openapi", "3.1.0"},
      {"info", {{"title", info.title}, {"version", info.version}}},
      {"paths", std::move(paths)},
      {"components",
       {{"schemas", std::move(components_schemas)},
        {"securitySchemes",
         {{"bearerAuth",
           {{"type", "http"},
            {"scheme", "bearer"},
            {"description", "A session token (mcs_…) or an API token (mca_…)."}}},
          {"cookieAuth",
           {{"type", "apiKey"},
            {"in", "cookie"},
            {"name", "motcua_session"},
            {"description",
             "The HttpOnly session cookie set at login (__Host-motcua_session behind TLS)."}}}}}}}};
  if (!info.description.empty()) doc["info"]["description"] = info.description;
  return doc;
}

}  // namespace motcua::http
