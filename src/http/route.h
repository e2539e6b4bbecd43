// The route table: every API operation registered once, with its method,
// path pattern, documentation, access policy and handler.
//
// The router, the 405 answers (Allow), the metrics labels and the OpenAPI
// document (openapi.h) are all derived from this one table, so the served
// document and the router cannot drift (STYLE.md rule 8).
//
// Patterns use OpenAPI's syntax: "/api/v1/dossiers/{code}/events". A segment
// is a literal of [A-Za-z0-9._-] or a whole-segment parameter {name}. Two
// routes with one method and the same shape ("/a/{x}" and "/a/{y}") are
// refused, and matching tries literal segments before parameters, so
// registration order never decides which handler runs.
//
// Build the table on one thread, then share it read-only.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/reply.h"
#include "http/request_context.h"
#include "util/status.h"

namespace motcua::http {

enum class Method { kGet, kPost, kPut, kPatch, kDelete };
const char* MethodName(Method m);  // "GET", …
std::optional<Method> ParseMethod(std::string_view name);

// Where the handler runs. kInline: on the I/O thread, for work that never
// blocks (no store, no password hash). kWorker: on the worker pool.
enum class Execution { kInline, kWorker };

// kPublic: no login. kOptionalUser: a login is used when present (online
// submission by a citizen with or without an account). kUser: 401 without a
// valid session or API token; cookie writes need X-CSRF-Token.
enum class Access { kPublic, kOptionalUser, kUser };

struct ParamDoc {
  std::string name;
  std::string in = "query";     // "query" or "header"
  std::string type = "string";  // JSON Schema type: string, integer, boolean
  bool required = false;
  std::string description;
};

struct RouteDoc {
  std::string operation_id;  // unique, e.g. "getDossier"
  std::string summary;
  std::string description;
  std::string tag;
  std::vector<ParamDoc> params;  // query and header parameters
  std::string request_schema;    // a schema name (openapi.h), empty without body
  int success_status = 200;
  std::string response_schema;  // a schema name, empty for no body
  std::string response_content_type = "application/json";
  std::vector<int> errors;  // statuses beyond those the policy implies
};

using Handler = std::function<Reply(RequestContext&)>;

struct Route {
  Method method = Method::kGet;
  std::string pattern;
  RouteDoc doc;
  Access access = Access::kPublic;
  Execution execution = Execution::kWorker;
  std::string rate_limit;  // the name of a ServerOptions rate limit, or empty
  Handler handler;
};

// The parameter names of a pattern in order; InvalidArgument when malformed.
Result<std::vector<std::string>> PatternParams(std::string_view pattern);

class RouteTable {
 public:
  // InvalidArgument for a malformed pattern, no handler, a duplicate method
  // and shape, or a duplicate operation id.
  Status Add(Route route);

  const std::vector<Route>& routes() const { return routes_; }
  // The routes in matching order (literal segments before parameters).
  std::vector<const Route*> MatchOrder() const;
  // Each distinct pattern once, in matching order.
  std::vector<std::string> Patterns() const;
  // "GET, POST" for a pattern: the Allow header of its 405 answers.
  std::string AllowedMethods(std::string_view pattern) const;

 private:
  std::vector<Route> routes_;
};

}  // namespace motcua::http
