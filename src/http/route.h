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
// kMemoryFirst: authentication and handler are first tried on the I/O thread
// inside a NonBlockingScope (util/nonblocking.h); if anything on the way
// would have waited for disk, that attempt is thrown away and the request
// runs on the worker pool as kWorker does. For reads that are usually
// answered from the store's memory (a dossier read again while nothing was
// committed): no hand-over to a worker and back. REQUIRES: the handler
// writes nothing before its reads (a refused attempt must leave no trace).
enum class Execution { kInline, kWorker, kMemoryFirst };

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

class RouteTable;

// What a request's method and path found in a table (RouteMatcher::Match).
struct RouteMatch {
  enum class Kind {
    kRoute,             // `route` serves it; `params` hold its path parameters
    kMethodNotAllowed,  // a pattern has this path but not this method: 405, Allow `allow`
    kNotFound,          // no pattern has this path: 404
    kMalformedPath,     // a %-escape in the path is malformed: 400
  };
  Kind kind = Kind::kNotFound;
  const Route* route = nullptr;
  const std::string* pattern = nullptr;  // kRoute and kMethodNotAllowed
  const std::string* allow = nullptr;    // kMethodNotAllowed: "GET, POST"
  // kRoute: the names of the route's parameters (PatternParams) and the raw,
  // still %-encoded value of each, in the same order (views into the path).
  const std::vector<std::string>* param_names = nullptr;
  std::vector<std::string_view> params;
};

// RouteMatcher: the router. Each pattern is split into segments once, so
// matching a path is a walk over the patterns comparing segments: no regular
// expression and no allocation beyond the parameter list. (RESTinio's
// express router, which std::regex drove, cost ~7% of the CPU of a cached
// `GET /api/v1/dossiers/{code}`: perf while bench/http/run.sh ran.)
//
// Matching is exact: case-sensitive, no optional trailing slash, a
// parameter is one non-empty segment. Patterns are tried in the table's
// matching order (literal segments first); the first one whose segments fit
// the path and that has a route for the method wins. When patterns fit but
// none has the method, the first of them answers 405.
//
// A literal segment of the path matches after %-decoding, as RESTinio did
// ("/api/v1/%64ossiers" is "/api/v1/dossiers"); parameters are handed on raw
// for the server to decode (and to refuse, naming the parameter).
//
// Immutable once built; thread-safe. Does not own the table, which must
// outlive it and not change.
class RouteMatcher {
 public:
  explicit RouteMatcher(const RouteTable& table);

  // `path` without the query string.
  RouteMatch Match(std::string_view method, std::string_view path) const;

 private:
  struct Segment {
    std::string literal;  // empty for a parameter
    bool param = false;
  };
  struct Pattern {
    std::string pattern;
    std::vector<Segment> segments;
    std::vector<std::string> param_names;
    std::vector<const Route*> routes;  // one per method served
    std::string allow;
  };
  static bool Fits(const Pattern& p, std::string_view path);

  std::vector<Pattern> patterns_;  // in matching order
};

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
