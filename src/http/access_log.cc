#include "http/access_log.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>

#include "http/utf8.h"

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

namespace {

// 0: copied as is; 1: escaped (a control character, '"' or '\\'); 2: part
// of a multi-byte sequence, copied once the text is known to be valid UTF-8.
constexpr std::array<std::uint8_t, 256> kJsonByteClass = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = 1;
  t['"'] = 1;
  t['\\'] = 1;
  for (int c = 0x80; c < 0x100; ++c) t[c] = 2;
  return t;
}();

void AppendEscaped(std::string& out, char c) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto u = static_cast<unsigned char>(c);
  switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\r':
      out += "\\r";
      break;
    default:
      out += "\\u00";
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 0xF]);
  }
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view text) {
  out.push_back('"');
  // Runs that need no escape are copied whole (most strings are one run).
  // Bytes >= 0x80 are checked as UTF-8 once, only when there are any; an
  // invalid byte becomes U+FFFD (as nlohmann's error_handler_t::replace did).
  std::size_t valid_until = 0;  // the bytes before it are known to be valid UTF-8
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::uint8_t cls = kJsonByteClass[static_cast<unsigned char>(text[i])];
    if (cls == 0) continue;
    if (cls == 2) {
      if (i < valid_until) continue;
      // Scans up to the next invalid byte only: linear overall.
      const std::optional<std::size_t> bad = FindInvalidUtf8(text.substr(i));
      if (!bad || *bad > 0) {
        valid_until = bad ? i + *bad : text.size();
        continue;
      }
      out.append(text.data() + run, i - run);
      out += "\xEF\xBF\xBD";
      run = i + 1;
      continue;
    }
    out.append(text.data() + run, i - run);
    AppendEscaped(out, text[i]);
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
  out.push_back('"');
}

namespace {

void AppendField(std::string& out, std::string_view name, std::string_view value) {
  out += ",\"";
  out.append(name);
  out += "\":";
  AppendJsonString(out, value);
}

void AppendField(std::string& out, std::string_view name, std::uint64_t value) {
  out += ",\"";
  out.append(name);
  out += "\":";
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, end);
}

}  // namespace

void LogAccess(spdlog::logger& logger, const AccessRecord& r) {
  const auto level = r.status >= 500 ? spdlog::level::err : spdlog::level::info;
  if (!logger.should_log(level)) return;
  // Written directly rather than through nlohmann::ordered_json (LogEvent):
  // one line per request, and building and dumping the object cost ~7% of
  // the CPU of a cached `GET /api/v1/dossiers/{code}` (perf while
  // bench/http/run.sh ran). The same fields, in the same order.
  std::string line;
  line.reserve(320 + r.path.size() + r.log_detail.size());
  line += R"("msg":"request")";
  AppendField(line, "request_id", r.request_id);
  AppendField(line, "method", r.method);
  AppendField(line, "route", r.route);
  AppendField(line, "path", r.path);
  AppendField(line, "status", static_cast<std::uint64_t>(r.status < 0 ? 0 : r.status));
  // Milliseconds with 0.1 ms resolution: enough to read, short to write.
  const double tenths = std::round(std::max(r.latency_seconds, 0.0) * 10000.0);
  AppendField(line, "latency_ms", static_cast<std::uint64_t>(tenths) / 10);
  line.push_back('.');
  line.push_back(static_cast<char>('0' + static_cast<std::uint64_t>(tenths) % 10));
  AppendField(line, "client", r.client);
  AppendField(line, "bytes_in", static_cast<std::uint64_t>(r.bytes_in));
  AppendField(line, "bytes_out", static_cast<std::uint64_t>(r.bytes_out));
  if (!r.user.empty()) AppendField(line, "user", r.user);
  if (!r.acting_for.empty()) AppendField(line, "acting_for", r.acting_for);
  if (!r.error_code.empty()) AppendField(line, "error", r.error_code);
  if (!r.log_detail.empty()) AppendField(line, "detail", r.log_detail);
  logger.log(level, spdlog::string_view_t(line.data(), line.size()));
}

}  // namespace motcua::http
