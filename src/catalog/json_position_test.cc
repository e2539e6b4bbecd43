#include "catalog/json_position.h"

#include <gtest/gtest.h>

namespace motcua::catalog {
namespace {

TEST(PositionAt, CountsLinesAndCharactersNotBytes) {
  const std::string text = "{\n  \"tên\": \"Sở\",\n  \"x\": 1\n}";
  auto p = PositionAt(text, text.find("\"Sở\""));
  EXPECT_EQ(p.line, 2);
  EXPECT_EQ(p.column, 10);  // 2 spaces + "tên" (5 chars with quotes) + ": " + 1
  p = PositionAt(text, text.find("1\n}"));
  EXPECT_EQ(p.line, 3);
  EXPECT_EQ(p.column, 8);
  EXPECT_EQ(PositionAt(text, 0).line, 1);
  EXPECT_EQ(PositionAt(text, 0).column, 1);
  EXPECT_EQ(PositionAt(text, 10'000).line, 4);  // clamped to the end
}

TEST(LocateJsonPath, FindsNestedKeysAndArrayElements) {
  const std::string text = R"({
  "a": {"skip": [1, {"x": "]}"}], "b": [10, 20, {"c": true}]},
  "d\"e": null
})";
  JsonLocation loc = LocateJsonPath(text, {"a", "b", "2", "c"});
  ASSERT_NE(loc.value, JsonLocation::npos);
  EXPECT_EQ(text.substr(loc.value, 4), "true");
  EXPECT_EQ(text.substr(loc.key, 3), "\"c\"");
  loc = LocateJsonPath(text, {"a", "b", "1"});
  EXPECT_EQ(text.substr(loc.value, 2), "20");
  EXPECT_EQ(loc.key, JsonLocation::npos);
  loc = LocateJsonPath(text, {"d\"e"});  // escaped quote in the key
  EXPECT_EQ(text.substr(loc.value, 4), "null");
  EXPECT_EQ(LocateJsonPath(text, {}).value, 0u);
}

TEST(LocateJsonPath, MissingPathsAreNpos) {
  const std::string text = R"({"a": [1, 2], "b": {"c": 1}})";
  EXPECT_EQ(LocateJsonPath(text, {"z"}).value, JsonLocation::npos);
  EXPECT_EQ(LocateJsonPath(text, {"a", "2"}).value, JsonLocation::npos);
  EXPECT_EQ(LocateJsonPath(text, {"a", "x"}).value, JsonLocation::npos);
  EXPECT_EQ(LocateJsonPath(text, {"b", "c", "d"}).value, JsonLocation::npos);
}

TEST(LocateJsonPath, SkipsDeepNestingWithoutRecursion) {
  std::string deep(100'000, '[');
  deep += std::string(100'000, ']');
  const std::string text = "{\"deep\": " + deep + ", \"after\": 7}";
  JsonLocation loc = LocateJsonPath(text, {"after"});
  ASSERT_NE(loc.value, JsonLocation::npos);
  EXPECT_EQ(text[loc.value], '7');
}

}  // namespace
}  // namespace motcua::catalog
