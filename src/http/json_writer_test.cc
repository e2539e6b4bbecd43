#include "http/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <vector>

namespace motcua::http {
namespace {

TEST(JsonWriter, NestedObjectsAndArraysGetTheirCommas) {
  JsonWriter w;
  w.BeginObject();
  w.Key("code").String("000.00.12.H29-231116-0001");
  w.Key("version").Int(-3);
  w.Key("extended").Bool(false);
  w.Key("handler").StringOrNull("");
  w.Key("empty").BeginArray().EndArray();
  w.Key("agency").BeginObject().Key("code").String("X").Key("name").Null().EndObject();
  w.Key("list").BeginArray();
  w.BeginObject().Key("id").String("a").EndObject();
  w.BeginObject().EndObject();
  w.Int(7).Raw(R"({"raw":[1,2]})");
  w.EndArray();
  w.Key("last").String("Hộ \"tịch\"");
  w.EndObject();
  const std::string text = std::move(w).Take();
  EXPECT_EQ(
      text,
      R"({"code":"000.00.12.H29-231116-0001","version":-3,"extended":false,"handler":null,)"
      R"("empty":[],"agency":{"code":"X","name":null},"list":[{"id":"a"},{},7,{"raw":[1,2]}],)"
      R"("last":"Hộ \"tịch\""})");
  const auto j = nlohmann::json::parse(text, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["last"], "Hộ \"tịch\"");
}

TEST(JsonWriter, BadBytesInAStringStillMakeValidJson) {
  JsonWriter w;
  w.BeginArray().String("a\xFF\n").String("\x01").EndArray();
  const auto j = nlohmann::json::parse(w.text(), nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << w.text();
  EXPECT_EQ(j[0], "a\xEF\xBF\xBD\n");
}

TEST(JsonWriter, TimesAreWrittenExactlyAsFormatDateTime) {
  std::vector<Instant> times = {0,          1,         59,        3599,       61199,
                                61200,      946684799, 951782400, 1700000000, 1709164800,
                                4102444799, -86400,    -1};
  for (Instant t = 1672531200; t < 1672531200 + 2 * 366 * 86400; t += 86400 + 3607) {
    times.push_back(t);
  }
  for (const Instant t : times) {
    JsonWriter w;
    w.BeginArray().LocalDateTime(t).EndArray();
    EXPECT_EQ(w.text(), "[\"" + FormatDateTime(t) + "\"]") << t;
  }
}

}  // namespace
}  // namespace motcua::http
