#include "http/json_body.h"

#include <gtest/gtest.h>

#include "http/query.h"
#include "http/utf8.h"

namespace motcua::http {
namespace {

constexpr char kJson[] = "application/json";

std::string CodeOf(const ApiResult<nlohmann::json>& r) { return r.ok() ? "" : r.error().code; }
int StatusOf(const ApiResult<nlohmann::json>& r) { return r.ok() ? 200 : r.error().http_status; }

TEST(Utf8, VietnameseTextIsValid) {
  EXPECT_TRUE(IsValidUtf8("Nguyễn Thị Bích Ngọc, Bưu điện tỉnh"));
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x93\xAE"));  // U+1F4EE, 4 bytes
}

TEST(Utf8, MalformedSequencesAreFoundAtTheirOffset) {
  EXPECT_EQ(FindInvalidUtf8("ab\xff"), 2u);
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("\xE0\x80\xAF"), 0u);      // overlong 3-byte
  EXPECT_EQ(FindInvalidUtf8("x\xED\xA0\x80"), 1u);     // surrogate U+D800
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("ok\xE1\xBB"), 2u);        // truncated "ễ"
  EXPECT_EQ(FindInvalidUtf8("\x80"), 0u);              // lone continuation
}

TEST(JsonBody, AWellFormedObjectIsParsed) {
  auto r = ParseJsonObject("application/json; charset=UTF-8",
                           R"({"login":"postal.a","n":3,"nested":{"a":[1,2]}})", {});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)["login"], "postal.a");
}

TEST(JsonBody, WrongContentTypeIs415) {
  EXPECT_EQ(StatusOf(ParseJsonObject("text/plain", "{}", {})), 415);
  EXPECT_EQ(StatusOf(ParseJsonObject("", "{}", {})), 415);
  EXPECT_EQ(StatusOf(ParseJsonObject("application/x-www-form-urlencoded", "{}", {})), 415);
  EXPECT_EQ(StatusOf(ParseJsonObject("application/json; charset=latin1", "{}", {})), 415);
  EXPECT_EQ(StatusOf(ParseJsonObject("Application/JSON", "{}", {})), 200);
}

TEST(JsonBody, EmptyBodyIs400) { EXPECT_EQ(CodeOf(ParseJsonObject(kJson, "", {})), "empty_body"); }

TEST(JsonBody, OversizedBodyIs413) {
  BodyLimits limits;
  limits.max_bytes = 10;
  EXPECT_EQ(StatusOf(ParseJsonObject(kJson, R"({"a":"0123456789"})", limits)), 413);
}

TEST(JsonBody, InvalidUtf8IsRefusedEvenInsideStrings) {
  const auto r = ParseJsonObject(kJson, "{\"name\":\"Nguy\xE1\xBB\"}", {});
  EXPECT_EQ(CodeOf(r), "invalid_utf8");
  EXPECT_EQ(StatusOf(r), 400);
}

TEST(JsonBody, ANumberBeyondADoubleIs422NotAThrow) {
  // nlohmann throws out_of_range (not parse_error) on "1e999".
  const auto r = ParseJsonObject(kJson, R"({"version":1e999})", {});
  EXPECT_EQ(StatusOf(r), 422);
  EXPECT_EQ(CodeOf(r), "invalid_value");
  EXPECT_EQ(CodeOf(ParseJsonObject(kJson, R"({"version":-1e999})", {})), "invalid_value");
}

TEST(JsonBody, DeepNestingIsRefusedBeforeParsing) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_EQ(CodeOf(ParseJsonObject(kJson, "{\"a\":" + deep + "}", {})), "too_deep");
  BodyLimits limits;
  limits.max_depth = 3;
  EXPECT_EQ(StatusOf(ParseJsonObject(kJson, R"({"a":{"b":[1]}})", limits)), 200);
  EXPECT_EQ(CodeOf(ParseJsonObject(kJson, R"({"a":{"b":[[1]]}})", limits)), "too_deep");
}

TEST(JsonBody, BracketsInsideStringsDoNotCountAsNesting) {
  BodyLimits limits;
  limits.max_depth = 1;
  EXPECT_EQ(StatusOf(ParseJsonObject(kJson, R"({"a":"[[[{{{\"[[["})", limits)), 200);
  EXPECT_EQ(JsonNestingDepth(R"({"a":"\\"})", 10), 1);
}

TEST(JsonBody, SyntaxErrorsAre400WithThePosition) {
  const auto r = ParseJsonObject(kJson, R"({"a": 1,})", {});
  EXPECT_EQ(CodeOf(r), "malformed_json");
  EXPECT_NE(r.error().message.find("byte"), std::string::npos);
  EXPECT_EQ(CodeOf(ParseJsonObject(kJson, R"({"a":1} trailing)", {})), "malformed_json");
  EXPECT_EQ(CodeOf(ParseJsonObject(kJson, R"({"a":1 /* c */})", {})), "malformed_json");
}

TEST(JsonBody, DuplicateKeysAreRefused) {
  EXPECT_EQ(CodeOf(ParseJsonObject(kJson, R"({"version":1,"version":2})", {})), "duplicate_key");
  EXPECT_EQ(CodeOf(ParseJsonObject(kJson, R"({"a":{"k":1,"k":2}})", {})), "duplicate_key");
  // The same key in sibling objects is fine.
  EXPECT_EQ(StatusOf(ParseJsonObject(kJson, R"({"a":{"k":1},"b":{"k":2}})", {})), 200);
}

TEST(JsonBody, TheTopLevelMustBeAnObject) {
  EXPECT_EQ(CodeOf(ParseJsonObject(kJson, "[1,2]", {})), "wrong_type");
  EXPECT_EQ(CodeOf(ParseJsonObject(kJson, "\"x\"", {})), "wrong_type");
}

TEST(Query, ParametersAreDecoded) {
  auto q = ParseQuery("q=h%E1%BB%99+t%E1%BB%8Bch&state=received&empty=&flag");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(FindParam(*q, "q"), "hộ tịch");
  EXPECT_EQ(FindParam(*q, "state"), "received");
  EXPECT_EQ(FindParam(*q, "empty"), "");
  EXPECT_EQ(FindParam(*q, "flag"), "");
  EXPECT_FALSE(FindParam(*q, "absent"));
}

TEST(Query, MalformedEscapesAndInvalidTextAre400) {
  EXPECT_EQ(ParseQuery("a=%G1").error().code, "malformed_query");
  EXPECT_EQ(ParseQuery("a=%4").error().code, "malformed_query");
  EXPECT_EQ(ParseQuery("a=%ff").error().code, "malformed_query");
  EXPECT_EQ(ParseQuery("a=%00").error().code, "malformed_query");
  EXPECT_EQ(ParseQuery("=x").error().http_status, 400);
}

TEST(Query, PathSegmentsKeepPlusSigns) {
  EXPECT_EQ(PercentDecode("a+b%2Fc", false), "a+b/c");
  EXPECT_EQ(PercentDecode("a+b", true), "a b");
}

}  // namespace
}  // namespace motcua::http
