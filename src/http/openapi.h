// The OpenAPI 3.1 document of the API, generated from the route table.
//
// Every route contributes one operation: its path parameters (from the
// pattern), query and header parameters, request body and success response
// (by schema name), the error answers its policy implies (400/413/415 with a
// body, 401/403 with a login, 429 with a rate limit) and its security
// (bearer token or session cookie). Schemas are registered by name in a
// SchemaRegistry and land in components/schemas; a route naming an
// unregistered schema fails the build of the document, so the document is
// complete by construction. http_openapi_test.cc checks the served document
// against the router over real HTTP, both ways.
//
// Pure; thread-compatible.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "http/route.h"
#include "util/status.h"

namespace motcua::http {

class SchemaRegistry {
 public:
  SchemaRegistry();  // holds "Error" already

  // A name registered before keeps its first schema; the name is noted in
  // duplicates(), and BuildOpenApi (so the server's start) then fails.
  void Add(const std::string& name, nlohmann::json schema);
  bool Has(const std::string& name) const { return schemas_.count(name) > 0; }
  const std::map<std::string, nlohmann::json>& schemas() const { return schemas_; }
  const std::vector<std::string>& duplicates() const { return duplicates_; }

 private:
  std::map<std::string, nlohmann::json> schemas_;
  std::vector<std::string> duplicates_;
};

struct ApiInfo {
  std::string title = "motcua API";
  std::string version = "0.1.0";
  std::string description;
};

// InvalidArgument when a route names an unregistered schema or a schema
// name was registered twice.
Result<nlohmann::json> BuildOpenApi(const RouteTable& routes, const SchemaRegistry& schemas,
                                    const ApiInfo& info);

}  // namespace motcua::http
