#include "api/request_params.h"

#include <charconv>

#include "api/text_limits.h"

namespace motcua::api {

using http::ApiError;
using http::ApiResult;

namespace {

std::string Quoted(std::string_view name) { return "\"" + std::string(name) + "\""; }

}  // namespace

ApiResult<std::string> RequiredQuery(const http::RequestContext& ctx, std::string_view name) {
  std::optional<std::string> v = OptionalQuery(ctx, name);
  if (!v) {
    return ApiError::BadRequest("missing_parameter",
                                "Thiếu tham số truy vấn bắt buộc " + Quoted(name) + ".");
  }
  return *std::move(v);
}

std::optional<std::string> OptionalQuery(const http::RequestContext& ctx, std::string_view name) {
  const std::optional<std::string_view> v = ctx.Query(name);
  if (!v || v->empty()) return std::nullopt;
  return std::string(*v);
}

ApiResult<std::int64_t> IntQuery(const http::RequestContext& ctx, std::string_view name,
                                 std::int64_t fallback, std::int64_t min, std::int64_t max) {
  const std::optional<std::string> v = OptionalQuery(ctx, name);
  if (!v) return fallback;
  std::int64_t n = 0;
  const char* end = v->data() + v->size();
  const auto [ptr, ec] = std::from_chars(v->data(), end, n);
  if (ec == std::errc::result_out_of_range) {
    return ApiError::Unprocessable("invalid_value", "Tham số " + Quoted(name) + " quá lớn.");
  }
  if (ec != std::errc() || ptr != end) {
    return ApiError::BadRequest("wrong_type", "Tham số " + Quoted(name) + " phải là số nguyên.");
  }
  if (n < min || n > max) {
    return ApiError::Unprocessable("invalid_value", "Tham số " + Quoted(name) + " phải từ " +
                                                        std::to_string(min) + " đến " +
                                                        std::to_string(max) + ".");
  }
  return n;
}

ApiResult<bool> BoolQuery(const http::RequestContext& ctx, std::string_view name, bool fallback) {
  const std::optional<std::string> v = OptionalQuery(ctx, name);
  if (!v) return fallback;
  if (*v == "true") return true;
  if (*v == "false") return false;
  return ApiError::BadRequest("wrong_type",
                              "Tham số " + Quoted(name) + " phải là true hoặc false.");
}

ApiResult<Instant> DateQuery(const http::RequestContext& ctx, std::string_view name) {
  ApiResult<std::string> v = RequiredQuery(ctx, name);
  if (!v.ok()) return std::move(v).error();
  Result<CivilDate> d = ParseDate(*v);
  if (!d.ok()) {
    return ApiError::Unprocessable("invalid_value", "Tham số " + Quoted(name) +
                                                        " phải là một ngày có thật, dạng "
                                                        "YYYY-MM-DD.");
  }
  return LocalMidnight(DaysFromCivil(*d));
}

ApiResult<std::optional<std::string>> IdempotencyKeyHeader(const http::RequestContext& ctx) {
  const std::optional<std::string_view> v = ctx.Header("idempotency-key");
  if (!v) return std::optional<std::string>();
  constexpr std::size_t kMax = text_limits::kIdempotencyKey.max;
  bool printable = !v->empty() && v->size() <= kMax;
  for (const char c : *v) printable = printable && c > 0x20 && c < 0x7f;
  if (!printable) {
    return ApiError::BadRequest(
        "invalid_idempotency_key",
        "Idempotency-Key phải gồm 1 đến " + std::to_string(kMax) + " ký tự ASCII in được.");
  }
  return std::optional<std::string>(std::string(*v));
}

std::string ScopedIdempotencyKey(const http::RequestContext& ctx, const std::string& key) {
  if (ctx.user) return "u:" + ctx.user->login + ":" + key;
  return "public:" + key;
}

}  // namespace motcua::api
