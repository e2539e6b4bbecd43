// RequestContext: everything a handler may know about one request, already
// decoded and checked by the server (request id, path parameters, query,
// headers, body bytes, the authenticated user), with no RESTinio type in
// sight so that handlers compile fast and test without a socket.
//
// The server fills it before the handler runs; the handler reads it and may
// set `acting_for` (the agency named by on_behalf_of) so that the access log
// and the audit say "X, on behalf of agency A".
//
// Owned by the server for the duration of one request; not shared between
// threads while the handler runs.
#pragma once

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "access/grant.h"
#include "access/role.h"
#include "http/api_error.h"
#include "http/credentials.h"
#include "http/json_body.h"
#include "http/query.h"
#include "util/civil_time.h"

namespace motcua::http {

struct Route;

struct RequestContext {
  std::string request_id;
  std::string method;  // "GET", "POST", …
  std::string path;    // as received, without the query
  const Route* route = nullptr;
  std::vector<std::pair<std::string, std::string>> path_params;  // percent-decoded
  QueryParams query;
  std::vector<std::pair<std::string, std::string>> headers;  // names in lowercase
  std::string body;
  std::string client_address;  // the peer's IP address (the rate-limit key)
  Instant now = 0;             // wall clock at arrival (pinned in tests)
  std::chrono::steady_clock::time_point arrived{};
  BodyLimits body_limits;

  Credentials credentials;
  std::optional<access::User> user;  // set when the request is authenticated
  // The user's grants when the authenticator read them (Principal::grants).
  std::shared_ptr<const std::vector<access::Grant>> grants;

  // Set by the handler.
  std::string acting_for;

  // REQUIRES: the route's pattern declares {name}.
  std::string_view PathParam(std::string_view name) const;
  std::optional<std::string_view> Query(std::string_view name) const;
  // `lowercase_name` e.g. "idempotency-key".
  std::optional<std::string_view> Header(std::string_view lowercase_name) const;
  // The body as one JSON object (json_body.h: 400/413/415 on failure).
  ApiResult<nlohmann::json> JsonBody() const;
};

}  // namespace motcua::http
