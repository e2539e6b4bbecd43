// Typed reading of a request's query parameters and headers for the API
// routes, with the same 400/422 policy as request bodies (docs/api.md):
// a parameter that is missing or not of its type is 400 (missing_parameter,
// wrong_type); one of the right type outside its range or not a real date is
// 422 invalid_value. Messages name the parameter.
//
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "http/api_error.h"
#include "http/request_context.h"
#include "util/civil_time.h"

namespace motcua::api {

// The value of `name`; 400 missing_parameter when absent or empty.
http::ApiResult<std::string> RequiredQuery(const http::RequestContext& ctx, std::string_view name);
// The value, or nullopt when absent or empty.
std::optional<std::string> OptionalQuery(const http::RequestContext& ctx, std::string_view name);
// A decimal integer in [min, max]; `fallback` when absent.
http::ApiResult<std::int64_t> IntQuery(const http::RequestContext& ctx, std::string_view name,
                                       std::int64_t fallback, std::int64_t min, std::int64_t max);
// "true" or "false"; `fallback` when absent.
http::ApiResult<bool> BoolQuery(const http::RequestContext& ctx, std::string_view name,
                                bool fallback);
// A local (UTC+7) date "YYYY-MM-DD", as the local midnight that starts it.
http::ApiResult<Instant> DateQuery(const http::RequestContext& ctx, std::string_view name);

// The Idempotency-Key header: nullopt when absent; 400 invalid_idempotency_key
// unless 1..128 printable ASCII characters (text_limits::kIdempotencyKey). Clients send a fresh
// random key (a UUID) per intended write and the same key on every retry of it.
http::ApiResult<std::optional<std::string>> IdempotencyKeyHeader(const http::RequestContext& ctx);

// The key the store remembers: the client's key scoped to who sent it
// ("u:<login>:" or "public:"), so one user's key can never fetch another
// user's answer.
std::string ScopedIdempotencyKey(const http::RequestContext& ctx, const std::string& key);

}  // namespace motcua::api
