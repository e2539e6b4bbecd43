#include "http/api_error.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/reply.h"

namespace motcua::http {
namespace {

using Code = Status::Code;

TEST(ApiError, EveryStatusCodeMapsToItsDocumentedHttpStatus) {
  // docs/api.md, "Errors": this table is the contract.
  const struct {
    Code code;
    int http;
    const char* api_code;
  } kTable[] = {
      {Code::kInvalidArgument, 422, "invalid_argument"},
      {Code::kOutOfRange, 422, "out_of_range"},
      {Code::kNotFound, 404, "not_found"},
      {Code::kAlreadyExists, 409, "already_exists"},
      {Code::kFailedPrecondition, 409, "failed_precondition"},
      {Code::kConflict, 409, "conflict"},
      {Code::kPermissionDenied, 403, "permission_denied"},
      {Code::kUnauthenticated, 401, "unauthenticated"},
      {Code::kResourceExhausted, 429, "resource_exhausted"},
      {Code::kIOError, 503, "unavailable"},
      {Code::kCorruption, 500, "internal"},
      {Code::kInternal, 500, "internal"},
  };
  for (const auto& row : kTable) {
    const ApiError e = ApiError::FromStatus(Status(row.code, "why"));
    EXPECT_EQ(e.http_status, row.http) << Status(row.code, "").code_name();
    EXPECT_EQ(e.code, row.api_code) << Status(row.code, "").code_name();
    EXPECT_FALSE(e.message.empty());
  }
}

TEST(ApiError, BodyIsTheDocumentedErrorObject) {
  const ApiError e = ApiError::FromStatus(Status::NotFound("dossier X not found"));
  const auto body = nlohmann::json::parse(e.Body());
  ASSERT_TRUE(body.contains("error"));
  EXPECT_EQ(body["error"]["code"], "not_found");
  EXPECT_EQ(body["error"]["detail"], "dossier X not found");
  EXPECT_TRUE(body["error"]["message"].is_string());
  EXPECT_FALSE(body["error"].contains("rule"));
}

TEST(ApiError, ARefusedGrantSaysWhichRuleRefused) {
  const ApiError e = ApiError::FromStatus(
      Status::PermissionDenied("grant_expired: grant 12 expired at 2024-01-01T00:00:00+07:00"));
  EXPECT_EQ(e.http_status, 403);
  EXPECT_EQ(e.rule, "grant_expired");
  EXPECT_EQ(nlohmann::json::parse(e.Body())["error"]["rule"], "grant_expired");
}

TEST(ApiError, ServerFaultsDoNotLeakInternalMessages) {
  const ApiError e = ApiError::FromStatus(Status::Corruption("table dossiers page 7 broken"));
  EXPECT_EQ(e.http_status, 500);
  EXPECT_EQ(e.Body().find("page 7"), std::string::npos);
  EXPECT_NE(e.log_detail.find("page 7"), std::string::npos);
}

TEST(ApiError, UnauthenticatedCarriesWwwAuthenticate) {
  const Reply r = Reply::FromStatus(Status::Unauthenticated("session expired"));
  EXPECT_EQ(r.status, 401);
  bool found = false;
  for (const auto& [n, v] : r.headers) found = found || (n == "WWW-Authenticate");
  EXPECT_TRUE(found);
}

TEST(ApiError, RateLimitedReplyCarriesRetryAfter) {
  const Reply r = Reply::Error(ApiError::TooManyRequests(17));
  EXPECT_EQ(r.status, 429);
  bool found = false;
  for (const auto& [n, v] : r.headers) found = found || (n == "Retry-After" && v == "17");
  EXPECT_TRUE(found);
  EXPECT_EQ(r.error_code, "rate_limited");
}

TEST(ApiError, MethodNotAllowedListsTheAllowedMethods) {
  const Reply r = Reply::Error(ApiError::MethodNotAllowed("GET, POST"));
  EXPECT_EQ(r.status, 405);
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0], (std::pair<std::string, std::string>{"Allow", "GET, POST"}));
}

TEST(ApiError, ErrorBodiesStayValidJsonWhateverTheDetail) {
  ApiError e = ApiError::BadRequest("x", "y");
  e.detail = std::string("bad \xff byte");
  EXPECT_FALSE(nlohmann::json::parse(e.Body(), nullptr, false).is_discarded());
}

}  // namespace
}  // namespace motcua::http
