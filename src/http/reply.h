// Reply: what a handler answers, before it becomes an HTTP response.
//
// Handlers return a Reply and never touch RESTinio: Reply::Json(200, body),
// Reply::Error(api_error), Reply::FromStatus(store_status). The server adds
// the common headers (X-Request-Id, Cache-Control, nosniff) and writes it.
// MOTCUA_ASSIGN_OR_REPLY binds a value from a Result<T> (store, domain) or an
// ApiResult<T> (body parsing) and returns the matching error reply otherwise,
// so a handler is parse → domain → one store call → render.
//
// Plain value type; thread-compatible.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "http/api_error.h"
#include "util/status.h"

namespace motcua::http {

inline constexpr char kJsonContentType[] = "application/json; charset=utf-8";

struct Reply {
  int status = 200;
  std::string content_type = kJsonContentType;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // Set for error replies, for the access log.
  std::string error_code;
  std::string log_detail;

  Reply() = default;
  Reply(ApiError error) : Reply(Error(std::move(error))) {}  // NOLINT: implicit by design

  static Reply Json(int status, const nlohmann::json& body);
  static Reply Text(int status, std::string content_type, std::string body);
  static Reply Error(ApiError error);
  // REQUIRES: !status.ok()
  static Reply FromStatus(const Status& status);

  Reply& WithHeader(std::string name, std::string value) & {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  Reply&& WithHeader(std::string name, std::string value) && {
    return std::move(WithHeader(std::move(name), std::move(value)));
  }
};

// "OK", "Not Found", …; "Unknown" for codes the API never sends.
const char* ReasonPhrase(int status);

// The error reply of a failed result (overloaded for both result kinds).
template <typename T>
Reply FailureReply(ApiResult<T>&& r) {
  return Reply::Error(std::move(r).error());
}
template <typename T>
Reply FailureReply(Result<T>&& r) {
  return Reply::FromStatus(r.status());
}

}  // namespace motcua::http

// `MOTCUA_ASSIGN_OR_REPLY(auto x, expr)`: binds the value of a Result<T> or
// ApiResult<T>, or returns the error Reply from the enclosing handler.
#define MOTCUA_ASSIGN_OR_REPLY(lhs, expr) \
  MOTCUA_ASSIGN_OR_REPLY_IMPL_(MOTCUA_CONCAT_(motcua_reply_, __LINE__), lhs, expr)
#define MOTCUA_ASSIGN_OR_REPLY_IMPL_(tmp, lhs, expr)                  \
  auto tmp = (expr);                                                  \
  if (!tmp.ok()) return ::motcua::http::FailureReply(std::move(tmp)); \
  lhs = std::move(tmp).value()

// Returns the error Reply from the enclosing handler when `status` is not ok.
#define MOTCUA_REPLY_IF_ERROR(expr)                                   \
  do {                                                                \
    ::motcua::Status motcua_reply_status_ = (expr);                   \
    if (!motcua_reply_status_.ok())                                   \
      return ::motcua::http::Reply::FromStatus(motcua_reply_status_); \
  } while (0)
