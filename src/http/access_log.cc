#include "http/access_log.h"

#include <cmath>

namespace motcua::http {

std::shared_ptr<spdlog::logger> MakeJsonLogger(const std::string& name, spdlog::sink_ptr sink) {
  auto logger = std::make_shared<spdlog::logger>(name, std::move(sink));
  // %v is the rest of the object: LogEvent writes `"msg":…,…` without braces.
  logger->set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%e%z","level":"%l",%v})");
  logger->set_level(spdlog::level::info);
  logger->flush_on(spdlog::level::warn);
  return logger;
}

void LogEvent(spdlog::logger& logger, spdlog::level::level_enum level, std::string_view msg,
              const nlohmann::ordered_json& fields) {
  if (!logger.should_log(level)) return;
  nlohmann::ordered_json line = {{"msg", msg}};
  for (const auto& [k, v] : fields.items()) line[k] = v;
  // `replace`: a header or path with bad bytes must not throw out of a log call.
  std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  // Strip the braces: the pattern supplies them around ts and level.
  std::string_view inner(text);
  inner.remove_prefix(1);
  inner.remove_suffix(1);
  logger.log(level, spdlog::string_view_t(inner.data(), inner.size()));
}

void LogAccess(spdlog::logger& logger, const AccessRecord& r) {
  const auto level = r.status >= 500 ? spdlog::level::err : spdlog::level::info;
  if (!logger.should_log(level)) return;
  nlohmann::ordered_json fields = {
      {"request_id", r.request_id},
      {"method", r.method},
      {"route", r.route},
      {"path", r.path},
      {"status", r.status},
      // Milliseconds with 0.1 ms resolution: enough to read, short to write.
      {"latency_ms", std::round(r.latency_seconds * 10000.0) / 10.0},
      {"client", r.client},
      {"bytes_in", r.bytes_in},
      {"bytes_out", r.bytes_out},
  };
  if (!r.user.empty()) fields["user"] = r.user;
  if (!r.acting_for.empty()) fields["acting_for"] = r.acting_for;
  if (!r.error_code.empty()) fields["error"] = r.error_code;
  if (!r.log_detail.empty()) fields["detail"] = r.log_detail;
  LogEvent(logger, level, "request", fields);
}

}  // namespace motcua::http
