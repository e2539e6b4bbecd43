#include "http/json_reader.h"

#include <gtest/gtest.h>

namespace motcua::http {
namespace {

nlohmann::json J(const char* text) { return nlohmann::json::parse(text); }

TEST(ObjectReader, ALoginBodyReadsInThreeLines) {
  const auto body = J(R"({"login":"postal.a","password":"mật khẩu"})");
  ObjectReader r(body);
  const std::string login = r.String("login");
  const std::string password = r.String("password");
  EXPECT_FALSE(r.Finish().has_value());
  EXPECT_EQ(login, "postal.a");
  EXPECT_EQ(password, "mật khẩu");
}

TEST(ObjectReader, AMissingFieldIs400NamingIt) {
  const auto body = J(R"({"login":"postal.a"})");
  ObjectReader r(body);
  r.String("login");
  r.String("password");
  const auto e = r.Finish();
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->http_status, 400);
  EXPECT_EQ(e->code, "missing_field");
  EXPECT_NE(e->message.find("/password"), std::string::npos);
}

TEST(ObjectReader, AWrongTypeIs400) {
  const auto body = J(R"({"version":"3"})");
  ObjectReader r(body);
  r.Int("version");
  EXPECT_EQ(r.Finish()->code, "wrong_type");

  const auto body2 = J(R"({"version":3.5})");
  ObjectReader r2(body2);
  r2.Int("version");
  EXPECT_EQ(r2.Finish()->code, "wrong_type");

  const auto body3 = J(R"({"login":null})");
  ObjectReader r3(body3);
  r3.String("login");
  EXPECT_EQ(r3.Finish()->code, "missing_field");
}

TEST(ObjectReader, AValueOutOfRangeIs422) {
  const auto body = J(R"({"version":0})");
  ObjectReader r(body);
  r.Int("version", 1, 1'000'000);
  const auto e = r.Finish();
  EXPECT_EQ(e->http_status, 422);
  EXPECT_EQ(e->code, "invalid_value");

  const auto huge = J(R"({"version":18446744073709551615})");
  ObjectReader r2(huge);
  r2.Int("version");
  EXPECT_EQ(r2.Finish()->http_status, 422);
}

TEST(ObjectReader, AMisspeltFieldIsRefusedNotDropped) {
  // "on_behalf" instead of "on_behalf_of": acting for the wrong agency by
  // silence is worse than a 400.
  const auto body = J(R"({"version":3,"on_behalf":"000.00.12.H29"})");
  ObjectReader r(body);
  r.Int("version");
  r.OptionalString("on_behalf_of");
  const auto e = r.Finish();
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->code, "unknown_field");
  EXPECT_NE(e->message.find("/on_behalf"), std::string::npos);
}

TEST(ObjectReader, UnknownFieldsCanBeAllowedWhereTheyDoNotMatter) {
  const auto body = J(R"({"a":1,"extra":true})");
  ObjectReader r(body, UnknownFields::kIgnore);
  EXPECT_EQ(r.Int("a"), 1);
  EXPECT_FALSE(r.Finish().has_value());
}

TEST(ObjectReader, NestedObjectsReportTheirPathAndUnknownFields) {
  const auto body = J(R"({"applicant":{"name":"Nguyễn Văn A","phone":912345678}})");
  ObjectReader r(body);
  ObjectReader applicant = r.Object("applicant");
  applicant.String("name");
  applicant.String("phone");
  const auto e = r.Finish();
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->code, "wrong_type");
  EXPECT_NE(e->message.find("/applicant/phone"), std::string::npos);

  const auto body2 = J(R"({"applicant":{"name":"A","fax":"1"}})");
  ObjectReader r2(body2);
  r2.Object("applicant").String("name");
  EXPECT_EQ(r2.Finish()->code, "unknown_field");
}

TEST(ObjectReader, OptionalFieldsMayBeAbsentOrNull) {
  const auto body = J(R"({"note":null})");
  ObjectReader r(body);
  EXPECT_FALSE(r.OptionalString("note").has_value());
  EXPECT_FALSE(r.OptionalInt("count").has_value());
  EXPECT_FALSE(r.OptionalBool("flag").has_value());
  EXPECT_FALSE(r.OptionalObject("sub").has_value());
  EXPECT_FALSE(r.Finish().has_value());
}

TEST(ObjectReader, TheFirstErrorWins) {
  const auto body = J(R"({"b":"x"})");
  ObjectReader r(body);
  r.String("a");  // missing
  r.Int("b");     // wrong type, not reported
  EXPECT_EQ(r.Finish()->code, "missing_field");
}

TEST(ObjectReader, NulInsideAStringIsRefused) {
  const auto body = J(R"({"name":"a\u0000b"})");
  ObjectReader r(body);
  r.String("name");
  EXPECT_EQ(r.Finish()->code, "invalid_value");
}

TEST(ObjectReader, StringArraysAndRequire) {
  const auto body = J(R"({"fields":["a","b"],"reason":""})");
  ObjectReader r(body);
  EXPECT_EQ(r.StringArray("fields"), (std::vector<std::string>{"a", "b"}));
  const std::string reason = r.String("reason");
  r.Require(!reason.empty(), "reason", "Cần nêu lý do.");
  const auto e = r.Finish();
  EXPECT_EQ(e->http_status, 422);
  EXPECT_EQ(e->message, "Cần nêu lý do.");

  const auto bad = J(R"({"fields":["a",1]})");
  ObjectReader r2(bad);
  r2.StringArray("fields");
  EXPECT_EQ(r2.Finish()->code, "wrong_type");
}

TEST(ObjectReader, BoolsAreStrict) {
  const auto body = J(R"({"flag":1})");
  ObjectReader r(body);
  r.Bool("flag");
  EXPECT_EQ(r.Finish()->code, "wrong_type");
}

}  // namespace
}  // namespace motcua::http
