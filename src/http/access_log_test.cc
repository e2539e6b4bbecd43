#include "http/access_log.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace motcua::http {
namespace {

std::string Quoted(std::string_view text) {
  std::string out;
  AppendJsonString(out, text);
  return out;
}

TEST(AccessLog, AHostilePathCannotBreakTheLine) {
  EXPECT_EQ(Quoted("plain"), "\"plain\"");
  EXPECT_EQ(Quoted("a\"b\\c\nd\te\x01"), R"("a\"b\\c\nd\te\u0001")");
  EXPECT_EQ(Quoted("Hộ tịch"), "\"Hộ tịch\"");
  // Invalid UTF-8 bytes become U+FFFD; the valid text around them stays.
  EXPECT_EQ(Quoted("a\xFF"
                   "b\xC3"),
            "\"a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD\"");
  // Escapes after valid multi-byte text and around a bad byte are all kept.
  EXPECT_EQ(Quoted("é\"\n\xFF\\"), R"("é\"\n)"
                                   "\xEF\xBF\xBD"
                                   R"(\\")");
  for (const char* text : {"\x80\x80", "x\xED\xA0\x80y", "\"}\n{\"msg\":\"forged\""}) {
    const auto j = nlohmann::json::parse(Quoted(text), nullptr, false);
    EXPECT_TRUE(j.is_string()) << text;
  }
}

TEST(AccessLog, ARequestIsOneJsonLineWithEveryField) {
  std::ostringstream out;
  auto logger = MakeJsonLogger("test", std::make_shared<spdlog::sinks::ostream_sink_mt>(out));
  AccessRecord r;
  r.request_id = "lb-7f3a:42";
  r.method = "POST";
  r.route = "/api/v1/dossiers/{code}/{action}";
  r.path = "/api/v1/dossiers/000.00.12.H29-231116-0001/receive";
  r.status = 409;
  r.latency_seconds = 0.01236;
  r.user = "postal.a";
  r.acting_for = "000.00.12.H29";
  r.client = "10.0.0.7";
  r.bytes_in = 57;
  r.bytes_out = 812;
  r.error_code = "version_conflict";
  LogAccess(*logger, r);
  r.status = 200;
  r.latency_seconds = 3;
  r.user = r.acting_for = r.error_code = "";
  LogAccess(*logger, r);
  logger->flush();

  std::istringstream lines(out.str());
  std::string line;
  ASSERT_TRUE(std::getline(lines, line));
  auto j = nlohmann::ordered_json::parse(line, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << line;
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"ts", "level", "msg", "request_id", "method", "route",
                                            "path", "status", "latency_ms", "client", "bytes_in",
                                            "bytes_out", "user", "acting_for", "error"}));
  EXPECT_EQ(j["msg"], "request");
  EXPECT_EQ(j["status"], 409);
  EXPECT_DOUBLE_EQ(j["latency_ms"].get<double>(), 12.4);
  EXPECT_EQ(j["bytes_out"], 812);
  EXPECT_EQ(j["acting_for"], "000.00.12.H29");

  ASSERT_TRUE(std::getline(lines, line));
  j = nlohmann::ordered_json::parse(line, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << line;
  EXPECT_DOUBLE_EQ(j["latency_ms"].get<double>(), 3000.0);
  EXPECT_FALSE(j.contains("user"));
  EXPECT_FALSE(j.contains("error"));
}

}  // namespace
}  // namespace motcua::http
