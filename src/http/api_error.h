// ApiError: an HTTP error answer, and the one place that maps a Status to an
// HTTP status and the JSON error body {"error":{"code":"…","message":"…"}}.
//
// Two sources of errors reach a client, and they map differently on purpose:
//  - the HTTP layer's own checks (body, Content-Type, JSON syntax and schema,
//    query strings, limits) build an ApiError directly: 400 for a request that
//    is not well-formed (bad JSON, invalid UTF-8, too deep, wrong type, missing
//    or unknown field), 413, 415, 405, 429;
//  - the domain and the store answer with a Status; FromStatus maps it. A
//    domain InvalidArgument or OutOfRange means "valid JSON, invalid content"
//    and becomes 422.
// The table is in docs/api.md ("Errors"); api_error_test.cc pins every code.
//
// `message` is for people (Vietnamese); `code` is for programs (stable,
// snake_case); `detail` carries the domain's English message for 4xx answers;
// `rule` names the access rule that refused a 403. Server faults (5xx) never
// echo internal messages to the client: they go to `log_detail` only.
//
// Plain value type; thread-compatible.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "util/status.h"

namespace motcua::http {

struct ApiError {
  int http_status = 500;
  std::string code;     // e.g. "not_found", "malformed_json"
  std::string message;  // Vietnamese, for people
  std::string detail;   // optional, English, from the domain (rendered when non-empty)
  std::string rule;     // optional, 403 only: the access rule that refused
  std::optional<int> retry_after_seconds;                    // 429, 503: Retry-After
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. Allow for 405
  std::string log_detail;  // never sent: why a 5xx happened, for the log

  // {"error":{"code":…,"message":…[,"detail":…][,"rule":…]}}
  std::string Body() const;

  // The mapping of every Status code (REQUIRES: !status.ok()).
  static ApiError FromStatus(const Status& status);

  // 400 with a specific code (malformed_json, invalid_utf8, too_deep,
  // wrong_type, missing_field, unknown_field, duplicate_key, malformed_query…).
  static ApiError BadRequest(std::string code, std::string message);
  // 422: well-formed but invalid content (a value out of its range).
  static ApiError Unprocessable(std::string code, std::string message);
  static ApiError Unauthenticated(std::string message);
  static ApiError Forbidden(std::string code, std::string message, std::string rule);
  static ApiError RouteNotFound(std::string_view path);
  // 405 with Allow: `allow` (e.g. "GET, POST"), derived from the route table.
  static ApiError MethodNotAllowed(std::string allow);
  static ApiError PayloadTooLarge(std::size_t limit_bytes);
  static ApiError UnsupportedMediaType(std::string_view content_type);
  static ApiError TooManyRequests(int retry_after_seconds);
  // 503: the server is shutting down or its work queue is full.
  static ApiError Unavailable(std::string code, std::string message, int retry_after_seconds);
  static ApiError Internal(std::string log_detail);
};

// Either a T or an ApiError; the HTTP layer's Result<T>.
template <typename T>
class [[nodiscard]] ApiResult {
 public:
  ApiResult(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design
  ApiResult(ApiError error) : v_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }

  // REQUIRES: ok()
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // REQUIRES: !ok()
  const ApiError& error() const& { return std::get<ApiError>(v_); }
  ApiError&& error() && { return std::get<ApiError>(std::move(v_)); }

 private:
  std::variant<T, ApiError> v_;
};

}  // namespace motcua::http
