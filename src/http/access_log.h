// Structured logs: one JSON object per line, and one line per request.
//
// MakeJsonLogger() gives a spdlog logger whose lines read
//   {"ts":"2024-05-02T09:15:02.114+07:00","level":"info","msg":"request",
//    "request_id":"…","method":"POST","route":"/api/v1/dossiers/{code}/{action}",
//    "path":"/api/v1/dossiers/000.00.12.H29-231116-0001/receive","status":200,
//    "latency_ms":12.4,"user":"postal.a","acting_for":"000.00.12.H29",
//    "client":"10.0.0.7","bytes_in":57,"bytes_out":812}
// The route is the pattern, so lines group by operation; the path never
// includes the query string, which may hold a citizen's phone number (the
// public lookup). Error answers add "error" (the code) and, for 5xx, the
// internal "detail" that the client never sees.
//
// Thread-safe (spdlog's *_mt sinks).
#pragma once

#include <spdlog/spdlog.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace motcua::http {

struct AccessRecord {
  std::string_view request_id;
  std::string_view method;
  std::string_view route;  // the pattern, or "unmatched"
  std::string_view path;
  int status = 0;
  double latency_seconds = 0;
  std::string_view user;        // login, empty when anonymous
  std::string_view acting_for;  // agency code, empty when none
  std::string_view client;
  std::size_t bytes_in = 0;
  std::size_t bytes_out = 0;
  std::string_view error_code;  // empty on success
  std::string_view log_detail;  // why a 5xx happened
};

// A logger that writes JSON lines to `sink`.
std::shared_ptr<spdlog::logger> MakeJsonLogger(const std::string& name, spdlog::sink_ptr sink);

// Logs `msg` with extra `fields` (an object, in the order given) as one
// JSON line.
void LogEvent(spdlog::logger& logger, spdlog::level::level_enum level, std::string_view msg,
              const nlohmann::ordered_json& fields = nlohmann::ordered_json::object());

// One line per request; writes the JSON directly (no JSON object built).
void LogAccess(spdlog::logger& logger, const AccessRecord& record);

// Appends `text` as a JSON string literal: quotes, backslashes and control
// characters escaped, each byte that is not part of valid UTF-8 replaced by
// U+FFFD, so that a hostile path or header can never break the line.
void AppendJsonString(std::string& out, std::string_view text);

}  // namespace motcua::http
