// The bad-input catalogue of issue 4 ("Proof"): malformed and hostile
// requests against every kind of API route, each with the status and error
// code it must get (docs/api.md, "Errors"; http/api_error.h), sent as raw
// bytes over real HTTP to a real SQLite file. After the whole catalogue:
// nothing was written (dossiers, events and two dossiers' JSON as before),
// the server still answers /healthz, and every error body had the shape
// {"error":{"code","message"}} with a Vietnamese message.
//
// The rule the expectations follow (docs/api.md): a request that is not
// well-formed is 400; a well-formed one whose content is invalid is 422; who
// may not do it is 403 with the rule; a stale version or a wrong state is 409.
// SQL-looking text is data like any other: it finds nothing, matches no
// agency, and is stored verbatim when it is a valid name.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "api/api_testing.h"
#include "api/text_limits.h"
#include "http/utf8.h"

namespace motcua::api {
namespace {

using access::Role;
using nlohmann::json;
using testing::HttpResponse;

constexpr char kAgencyA[] = "000.00.07.H29";  // Sở Khoa học và Công nghệ
constexpr char kProcedure[] = "9.004001";     // don-de-nghi mandatory
constexpr char kSql[] = "'; DROP TABLE dossier; --";
// The same, percent-encoded for a path segment or a query value.
constexpr char kSqlEncoded[] = "%27%3B%20DROP%20TABLE%20dossier%3B%20--";

// Who sends a request.
enum class Who { kNobody, kDesk, kApplicant, kLeader, kSupervisor };

// One malformed request and the answer it must get.
struct BadRequest {
  std::string what;  // what the client got wrong
  Who who;
  std::string method;
  std::string target;  // "{D}": the submitted dossier's code; "{E}": the received one's
  std::string body;    // sent verbatim
  int status;          // expected HTTP status
  std::string code;    // expected error code; empty for a 2xx
  std::string rule;    // 403: the rule expected
  // "Content-Type" when the body is not empty unless set here; "-": none.
  std::string content_type = "";
  std::vector<std::pair<std::string, std::string>> headers = {};
};

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

// Whether `text` has a letter outside ASCII (Vietnamese is written with
// diacritics: a message without any is not Vietnamese).
bool HasVietnameseLetters(const std::string& text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return true;
  }
  return false;
}

std::string Repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

class BadInputTest : public testing::ApiTest {
 protected:
  void ConfigureServer(http::ServerOptions& options) override {
    // The catalogue sends more than a minute's budget of public requests
    // from one address; the limits are tested elsewhere (http/server_test.cc).
    for (const char* name : {"public_lookup", "login"}) {
      options.rate_limits[name] = {.burst = 100000, .per_second = 100000};
    }
  }

  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    tokens_[Who::kDesk] = Login("motcua.a", {Role::kDesk}, kAgencyA);
    tokens_[Who::kApplicant] = Login("citizen", {Role::kApplicant});
    tokens_[Who::kLeader] = Login("lanhdao.a", {Role::kLeader}, kAgencyA);
    tokens_[Who::kSupervisor] = Login("giamsat", {Role::kCenterSupervisor});
    // D: submitted online (version 1); E: received by the desk (version 2).
    submitted_ = Submit("Nguyễn Văn An", "0912345678");
    received_ = Submit("Trần Thị Bình", "0987654321");
    Advance(600);
    const HttpResponse r = Post(tokens_[Who::kDesk], "/api/v1/dossiers/" + received_ + "/receive",
                                {{"version", 1}, {"on_behalf_of", kAgencyA}});
    ASSERT_EQ(r.status, 200) << r.body;
    Advance(600);
  }

  std::string Submit(const std::string& name, const std::string& phone) {
    const HttpResponse r = Post("", "/api/v1/public/dossiers",
                                {{"procedure", kProcedure},
                                 {"applicant", {{"name", name}, {"phone", phone}}},
                                 {"components", {{{"id", "don-de-nghi"}}}}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json()["code"].get<std::string>() : "";
  }

  // Sends `c` as raw bytes, so that nothing on the way fixes it.
  HttpResponse Send(const BadRequest& c) {
    const std::string target = Replace(Replace(c.target, "{D}", submitted_), "{E}", received_);
    std::string raw =
        c.method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (c.who != Who::kNobody) raw += "Authorization: Bearer " + tokens_[c.who] + "\r\n";
    for (const auto& [name, value] : c.headers) raw += name + ": " + value + "\r\n";
    if (c.content_type != "-" && (!c.body.empty() || !c.content_type.empty())) {
      raw += "Content-Type: " + (c.content_type.empty() ? "application/json" : c.content_type) +
             "\r\n";
    }
    if (!c.body.empty() || c.method == "POST") {
      raw += "Content-Length: " + std::to_string(c.body.size()) + "\r\n";
    }
    raw += "\r\n" + c.body;
    return http::testing::SendRaw(port(), raw);
  }

  // Every dossier and every event, counted through the store.
  std::pair<std::int64_t, std::int64_t> Counts() {
    std::int64_t dossiers = 0;
    std::int64_t events = 0;
    const Status s = db().ForEachEventChain([&](const store::EventChain& chain) {
      ++dossiers;
      events += static_cast<std::int64_t>(chain.events.size());
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return {dossiers, events};
  }

  std::string DossierJson(const std::string& code) {
    const HttpResponse r = Get(tokens_[Who::kLeader], "/api/v1/dossiers/" + code);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.body;
  }

  bool HasRoute(const std::string& method, const std::string& path) {
    const json doc = Get("", "/api/v1/openapi.json").Json();
    return doc.is_object() && doc["paths"].contains(path) && doc["paths"][path].contains(method);
  }

  std::map<Who, std::string> tokens_;
  std::string submitted_, received_;
};

// The catalogue. Bodies are raw strings: what a broken or hostile client
// sends, not what a JSON library would make of it.
std::vector<BadRequest> Catalogue() {
  const std::string receive = "/api/v1/dossiers/{D}/receive";
  const std::string a = std::string("\"") + kAgencyA + "\"";
  const std::string ok_body = "{\"version\":1,\"on_behalf_of\":" + a + "}";
  const auto with = [&](const std::string& fields) {
    return "{\"version\":1,\"on_behalf_of\":" + a + "," + fields + "}";
  };
  const auto with_e = [&](const std::string& fields) {
    return "{\"version\":2,\"on_behalf_of\":" + a + "," + fields + "}";
  };
  const std::string applicant = R"("applicant":{"name":"Lê Văn Cường","phone":"0911111111"})";
  const auto submit = [&](const std::string& fields) {
    return "{\"procedure\":\"9.004001\"," + applicant + (fields.empty() ? "" : "," + fields) + "}";
  };
  const std::string deep_arrays = Repeat("[", 10000) + Repeat("]", 10000);
  const std::string deep_objects = Repeat("{\"a\":", 10000) + "1" + Repeat("}", 10000);
  const std::string over_limit = "{\"version\":1,\"reason\":\"" + std::string(1100000, 'x') + "\"}";
  const std::string long_text(100000, '7');
  std::string hundred_and_one = "[";
  for (int i = 0; i < 101; ++i)
    hundred_and_one += std::string(i ? "," : "") + R"({"id":"don-de-nghi"})";
  hundred_and_one += "]";

  using W = Who;
  std::vector<BadRequest> c = {
      // ---- Bodies, on an action route (the parser is shared by every route).
      {"empty body", W::kDesk, "POST", receive, "", 400, "empty_body", ""},
      {"JSON cut short", W::kDesk, "POST", receive, "{\"version\":", 400, "malformed_json", ""},
      {"text after the object", W::kDesk, "POST", receive, ok_body + " {}", 400, "malformed_json",
       ""},
      {"a comment", W::kDesk, "POST", receive, "{\"version\":1 /* v */}", 400, "malformed_json",
       ""},
      {"single quotes", W::kDesk, "POST", receive, "{'version':1}", 400, "malformed_json", ""},
      {"a lone escaped surrogate", W::kDesk, "POST", receive,
       "{\"version\":1,\"on_behalf_of\":\"\\ud800\"}", 400, "malformed_json", ""},
      {"invalid UTF-8 byte", W::kDesk, "POST", receive,
       "{\"version\":1,\"on_behalf_of\":\"\xff\xfe\"}", 400, "invalid_utf8", ""},
      {"overlong UTF-8 for '/'", W::kDesk, "POST", receive,
       "{\"version\":1,\"on_behalf_of\":\"\xc0\xaf\"}", 400, "invalid_utf8", ""},
      {"a surrogate encoded in UTF-8", W::kDesk, "POST", receive,
       "{\"version\":1,\"on_behalf_of\":\"\xed\xa0\x80\"}", 400, "invalid_utf8", ""},
      {"UTF-8 cut in the middle of a letter", W::kDesk, "POST", receive,
       "{\"version\":1,\"on_behalf_of\":\"Nguy\xe1\xbb\"}", 400, "invalid_utf8", ""},
      {"10,000 levels of arrays", W::kDesk, "POST", receive, deep_arrays, 400, "too_deep", ""},
      {"10,000 levels of objects", W::kDesk, "POST", receive, deep_objects, 400, "too_deep", ""},
      {"an array instead of an object", W::kDesk, "POST", receive, "[" + ok_body + "]", 400,
       "wrong_type", ""},
      {"a string instead of an object", W::kDesk, "POST", receive, "\"receive\"", 400, "wrong_type",
       ""},
      {"null instead of an object", W::kDesk, "POST", receive, "null", 400, "wrong_type", ""},
      {"a key twice", W::kDesk, "POST", receive, "{\"version\":1,\"version\":2}", 400,
       "duplicate_key", ""},
      {"a body over 1 MiB", W::kDesk, "POST", receive, over_limit, 413, "payload_too_large", ""},
      {"Content-Type text/plain", W::kDesk, "POST", receive, ok_body, 415, "unsupported_media_type",
       "", "text/plain"},
      {"JSON in Latin-1", W::kDesk, "POST", receive, ok_body, 415, "unsupported_media_type", "",
       "application/json; charset=iso-8859-1"},
      {"no Content-Type", W::kDesk, "POST", receive, ok_body, 415, "unsupported_media_type", "",
       "-"},
      {"an HTML form", W::kDesk, "POST", receive, "version=1", 415, "unsupported_media_type", "",
       "application/x-www-form-urlencoded"},

      // ---- The fields of an action.
      {"no version", W::kDesk, "POST", receive, "{\"on_behalf_of\":" + a + "}", 400,
       "missing_field", ""},
      {"version null", W::kDesk, "POST", receive, "{\"version\":null,\"on_behalf_of\":" + a + "}",
       400, "missing_field", ""},
      {"version as a string", W::kDesk, "POST", receive,
       "{\"version\":\"1\",\"on_behalf_of\":" + a + "}", 400, "wrong_type", ""},
      {"version 1.5", W::kDesk, "POST", receive, "{\"version\":1.5,\"on_behalf_of\":" + a + "}",
       400, "wrong_type", ""},
      {"version true", W::kDesk, "POST", receive, "{\"version\":true,\"on_behalf_of\":" + a + "}",
       400, "wrong_type", ""},
      {"version -1", W::kDesk, "POST", receive, "{\"version\":-1,\"on_behalf_of\":" + a + "}", 422,
       "invalid_value", ""},
      {"version 0", W::kDesk, "POST", receive, "{\"version\":0,\"on_behalf_of\":" + a + "}", 422,
       "invalid_value", ""},
      {"version 2^63", W::kDesk, "POST", receive,
       "{\"version\":9223372036854775808,\"on_behalf_of\":" + a + "}", 422, "invalid_value", ""},
      {"version 2^64, beyond any integer", W::kDesk, "POST", receive,
       "{\"version\":18446744073709551616,\"on_behalf_of\":" + a + "}", 400, "wrong_type", ""},
      {"version 1e999, beyond any number", W::kDesk, "POST", receive,
       "{\"version\":1e999,\"on_behalf_of\":" + a + "}", 422, "invalid_value", ""},
      {"version as 100,000 digits in a string", W::kDesk, "POST", receive,
       "{\"version\":\"" + long_text + "\",\"on_behalf_of\":" + a + "}", 400, "wrong_type", ""},
      {"on_behalf_of as a number", W::kDesk, "POST", receive, "{\"version\":1,\"on_behalf_of\":7}",
       400, "wrong_type", ""},
      {"on_behalf_of misspelt", W::kDesk, "POST", receive,
       "{\"version\":1,\"on_behalf\":" + a + "}", 400, "unknown_field", ""},
      {"on_behalf_of an agency that does not exist", W::kDesk, "POST", receive,
       "{\"version\":1,\"on_behalf_of\":\"999.99.99.H99\"}", 403, "permission_denied",
       "acting_for_mismatch"},
      {"on_behalf_of SQL", W::kDesk, "POST", receive,
       std::string("{\"version\":1,\"on_behalf_of\":\"") + kSql + "\"}", 403, "permission_denied",
       "acting_for_mismatch"},
      {"on_behalf_of 100,000 characters", W::kDesk, "POST", receive,
       "{\"version\":1,\"on_behalf_of\":\"" + long_text + "\"}", 403, "permission_denied",
       "acting_for_mismatch"},
      {"on_behalf_of with a NUL", W::kDesk, "POST", receive,
       "{\"version\":1,\"on_behalf_of\":\"000.00.07.H29\\u0000\"}", 422, "invalid_value", ""},
      {"components as an object", W::kDesk, "POST", receive, with("\"components\":{}"), 400,
       "wrong_type", ""},
      {"a component with an unknown field", W::kDesk, "POST", receive,
       with("\"components\":[{\"id\":\"don-de-nghi\",\"pages\":3}]"), 400, "unknown_field", ""},
      {"a component without id", W::kDesk, "POST", receive,
       with("\"components\":[{\"document_hash\":null}]"), 400, "missing_field", ""},
      {"a component id in SQL", W::kDesk, "POST", receive,
       with(std::string("\"components\":[{\"id\":\"") + kSql + "\"}]"), 422, "invalid_argument",
       ""},
      {"101 components", W::kDesk, "POST", receive, with("\"components\":" + hundred_and_one), 422,
       "invalid_value", ""},
      {"refuse without a reason", W::kDesk, "POST", "/api/v1/dossiers/{D}/refuse", ok_body, 400,
       "missing_field", ""},
      {"refuse with reason null", W::kDesk, "POST", "/api/v1/dossiers/{D}/refuse",
       with("\"reason\":null"), 400, "missing_field", ""},
      {"refuse with reason as an array", W::kDesk, "POST", "/api/v1/dossiers/{D}/refuse",
       with("\"reason\":[\"thiếu\"]"), 400, "wrong_type", ""},
      {"missing_components as a string", W::kDesk, "POST",
       "/api/v1/dossiers/{D}/request_supplement",
       with("\"reason\":\"Thiếu đơn\",\"missing_components\":\"don-de-nghi\""), 400, "wrong_type",
       ""},
      {"an outcome that does not exist", W::kLeader, "POST", "/api/v1/dossiers/{E}/resolve",
       with_e("\"outcome\":\"maybe\""), 422, "invalid_value", ""},
      {"a new appointment that is not a time", W::kLeader, "POST", "/api/v1/dossiers/{E}/extend",
       with_e("\"reason\":\"Xác minh\",\"new_appointment\":\"tomorrow\""), 422, "invalid_value",
       ""},
      {"a return by drone", W::kDesk, "POST", "/api/v1/dossiers/{E}/return",
       with_e("\"return_method\":\"drone\""), 422, "invalid_value", ""},
      {"six stars", W::kApplicant, "POST", "/api/v1/dossiers/{E}/rate",
       "{\"version\":2,\"stars\":6}", 422, "invalid_value", ""},
      {"stars as a string", W::kApplicant, "POST", "/api/v1/dossiers/{E}/rate",
       "{\"version\":2,\"stars\":\"5\"}", 400, "wrong_type", ""},
      {"a document hash that is not SHA-256", W::kDesk, "POST", "/api/v1/dossiers/{E}/digitize",
       with_e(std::string("\"component_id\":\"don-de-nghi\",\"document_hash\":\"") + kSql + "\""),
       422, "invalid_argument", ""},
      {"a stale version", W::kDesk, "POST", "/api/v1/dossiers/{E}/transfer", ok_body, 409,
       "conflict", ""},
      {"an action the state does not allow", W::kDesk, "POST", "/api/v1/dossiers/{D}/transfer",
       ok_body, 409, "failed_precondition", ""},
      {"an Idempotency-Key with a space",
       W::kDesk,
       "POST",
       receive,
       ok_body,
       400,
       "invalid_idempotency_key",
       "",
       "",
       {{"Idempotency-Key", "a b"}}},
      {"an Idempotency-Key of 200 characters",
       W::kDesk,
       "POST",
       receive,
       ok_body,
       400,
       "invalid_idempotency_key",
       "",
       "",
       {{"Idempotency-Key", std::string(200, 'k')}}},

      // ---- Paths.
      {"a percent-encoded NUL as the code", W::kDesk, "POST", "/api/v1/dossiers/%00/receive",
       ok_body, 400, "malformed_path", ""},
      {"a bad percent escape in the code", W::kDesk, "POST", "/api/v1/dossiers/%zz/receive",
       ok_body, 400, "malformed_path", ""},
      {"percent-encoded invalid UTF-8 in the code", W::kDesk, "POST",
       "/api/v1/dossiers/%ff%fe/receive", ok_body, 400, "malformed_path", ""},
      {"../ encoded in the code", W::kDesk, "POST",
       "/api/v1/dossiers/..%2F..%2Fetc%2Fpasswd/receive", ok_body, 404, "not_found", ""},
      {".. as the code", W::kDesk, "POST", "/api/v1/dossiers/../receive", ok_body, 404, "not_found",
       ""},
      {"a 5,000-character code", W::kDesk, "POST",
       "/api/v1/dossiers/" + std::string(5000, '9') + "/receive", ok_body, 404, "not_found", ""},
      {"SQL as the code", W::kDesk, "POST",
       std::string("/api/v1/dossiers/") + kSqlEncoded + "/receive", ok_body, 404, "not_found", ""},
      {"SQL as the code of the events", W::kLeader, "GET",
       std::string("/api/v1/dossiers/") + kSqlEncoded + "/events", "", 404, "not_found", ""},
      {"an action that does not exist", W::kDesk, "POST", "/api/v1/dossiers/{D}/approve", ok_body,
       404, "route_not_found", ""},
      {"GET on an action", W::kDesk, "GET", receive, "", 405, "method_not_allowed", ""},

      // ---- Credentials.
      {"no credentials", W::kNobody, "POST", receive, ok_body, 401, "unauthenticated", ""},
      {"an unknown token",
       W::kNobody,
       "POST",
       receive,
       ok_body,
       401,
       "unauthenticated",
       "",
       "",
       {{"Authorization", "Bearer mcs_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}}},
      {"Basic credentials",
       W::kNobody,
       "POST",
       receive,
       ok_body,
       401,
       "unauthenticated",
       "",
       "",
       {{"Authorization", "Basic bW90Y3VhOmFkbWlu"}}},
      {"an empty bearer",
       W::kNobody,
       "POST",
       receive,
       ok_body,
       401,
       "unauthenticated",
       "",
       "",
       {{"Authorization", "Bearer"}}},
      {"SQL as the token",
       W::kNobody,
       "GET",
       "/api/v1/dossiers/{D}",
       "",
       401,
       "unauthenticated",
       "",
       "",
       {{"Authorization", std::string("Bearer ") + kSql}}},

      // ---- Submission by a logged-in user.
      {"submit without procedure", W::kApplicant, "POST", "/api/v1/dossiers", "{" + applicant + "}",
       400, "missing_field", ""},
      {"procedure as a number", W::kApplicant, "POST", "/api/v1/dossiers",
       "{\"procedure\":9.004001," + applicant + "}", 400, "wrong_type", ""},
      {"applicant as a string", W::kApplicant, "POST", "/api/v1/dossiers",
       "{\"procedure\":\"9.004001\",\"applicant\":\"Lê Văn Cường\"}", 400, "wrong_type", ""},
      {"applicant without phone", W::kApplicant, "POST", "/api/v1/dossiers",
       "{\"procedure\":\"9.004001\",\"applicant\":{\"name\":\"Lê Văn Cường\"}}", 400,
       "missing_field", ""},
      {"an applicant field that does not exist", W::kApplicant, "POST", "/api/v1/dossiers",
       "{\"procedure\":\"9.004001\",\"applicant\":{\"name\":\"Lê Văn Cường\",\"phone\":"
       "\"0911111111\",\"address\":\"Hà Nội\"}}",
       400, "unknown_field", ""},
      {"a channel that does not exist", W::kDesk, "POST", "/api/v1/dossiers",
       submit("\"channel\":\"fax\",\"on_behalf_of\":" + a), 422, "invalid_value", ""},
      {"an applicant entering a counter dossier", W::kApplicant, "POST", "/api/v1/dossiers",
       submit("\"channel\":\"counter\""), 422, "invalid_value", ""},
      {"SQL as the procedure", W::kApplicant, "POST", "/api/v1/dossiers",
       std::string("{\"procedure\":\"") + kSql + "\"," + applicant + "}", 422, "invalid_argument",
       ""},
      {"a desk submitting for an agency that does not exist", W::kDesk, "POST", "/api/v1/dossiers",
       submit("\"on_behalf_of\":\"999.99.99.H99\""), 403, "permission_denied",
       "acting_for_mismatch"},
      {"a name with a NUL", W::kApplicant, "POST", "/api/v1/dossiers",
       "{\"procedure\":\"9.004001\",\"applicant\":{\"name\":\"L\\u0000\",\"phone\":\"0911111111\"}"
       "}",
       422, "invalid_value", ""},
      {"a phone without digits", W::kApplicant, "POST", "/api/v1/dossiers",
       "{\"procedure\":\"9.004001\",\"applicant\":{\"name\":\"Lê Văn Cường\",\"phone\":\"abc\"}}",
       422, "invalid_value", ""},

      {"a phone with letters among its digits", W::kApplicant, "POST", "/api/v1/dossiers",
       "{\"procedure\":\"9.004001\",\"applicant\":{\"name\":\"Lê Văn Cường\",\"phone\":"
       "\"abc0912345678\"}}",
       422, "invalid_value", ""},
      {"an email without a domain", W::kApplicant, "POST", "/api/v1/dossiers",
       "{\"procedure\":\"9.004001\",\"applicant\":{\"name\":\"Lê Văn Cường\",\"phone\":"
       "\"0911111111\",\"email\":\"cuong@\"}}",
       422, "invalid_value", ""},

      // ---- The public doors (no login).
      {"public submit acting for an agency", W::kNobody, "POST", "/api/v1/public/dossiers",
       submit("\"on_behalf_of\":" + a), 400, "unknown_field", ""},
      {"public submit choosing the channel", W::kNobody, "POST", "/api/v1/public/dossiers",
       submit("\"channel\":\"counter\""), 400, "unknown_field", ""},
      {"public submit with a two-digit phone", W::kNobody, "POST", "/api/v1/public/dossiers",
       "{\"procedure\":\"9.004001\",\"applicant\":{\"name\":\"Lê Văn Cường\",\"phone\":\"12\"}}",
       422, "invalid_value", ""},
      {"public submit of a SQL procedure", W::kNobody, "POST", "/api/v1/public/dossiers",
       std::string("{\"procedure\":\"") + kSql + "\"," + applicant + "}", 422, "invalid_argument",
       ""},
      {"public submit of a component the procedure lacks", W::kNobody, "POST",
       "/api/v1/public/dossiers", submit("\"components\":[{\"id\":\"ho-chieu\"}]"), 422,
       "invalid_argument", ""},
      {"public submit as an array", W::kNobody, "POST", "/api/v1/public/dossiers",
       "[" + submit("") + "]", 400, "wrong_type", ""},
      {"public lookup without phone", W::kNobody, "GET", "/api/v1/public/dossiers/{D}", "", 400,
       "missing_parameter", ""},
      {"public lookup with another phone", W::kNobody, "GET",
       "/api/v1/public/dossiers/{D}?phone=0900000000", "", 404, "not_found", ""},
      {"public lookup of a SQL code", W::kNobody, "GET",
       std::string("/api/v1/public/dossiers/") + kSqlEncoded + "?phone=0912345678", "", 404,
       "not_found", ""},
      {"public lookup with a SQL phone", W::kNobody, "GET",
       std::string("/api/v1/public/dossiers/{D}?phone=") + kSqlEncoded, "", 404, "not_found", ""},
      {"public lookup of a NUL code", W::kNobody, "GET",
       "/api/v1/public/dossiers/%00?phone=0912345678", "", 400, "malformed_path", ""},

      // ---- Lists and their query parameters.
      {"limit=0", W::kDesk, "GET", "/api/v1/dossiers?limit=0", "", 422, "invalid_value", ""},
      {"limit=-5", W::kDesk, "GET", "/api/v1/dossiers?limit=-5", "", 422, "invalid_value", ""},
      {"limit=201", W::kDesk, "GET", "/api/v1/dossiers?limit=201", "", 422, "invalid_value", ""},
      {"limit=abc", W::kDesk, "GET", "/api/v1/dossiers?limit=abc", "", 400, "wrong_type", ""},
      {"limit beyond any integer", W::kDesk, "GET", "/api/v1/dossiers?limit=99999999999999999999",
       "", 422, "invalid_value", ""},
      {"a garbage cursor", W::kDesk, "GET", "/api/v1/dossiers?cursor=garbage", "", 422,
       "invalid_argument", ""},
      {"a SQL cursor", W::kDesk, "GET", std::string("/api/v1/dossiers?cursor=") + kSqlEncoded, "",
       422, "invalid_argument", ""},
      {"state=unknown", W::kDesk, "GET", "/api/v1/dossiers?state=unknown", "", 422,
       "invalid_argument", ""},
      {"overdue=yes", W::kDesk, "GET", "/api/v1/dossiers?overdue=yes", "", 400, "wrong_type", ""},
      {"q with a cursor", W::kDesk, "GET", "/api/v1/dossiers?q=an&cursor=1.1", "", 400,
       "malformed_query", ""},
      {"a bad percent escape in the query", W::kDesk, "GET", "/api/v1/dossiers?q=%zz", "", 400,
       "malformed_query", ""},
      {"a NUL in the query", W::kDesk, "GET", "/api/v1/dossiers?q=a%00b", "", 400,
       "malformed_query", ""},
      {"invalid UTF-8 in the query", W::kDesk, "GET", "/api/v1/dossiers?q=%c0%af", "", 400,
       "malformed_query", ""},
      {"an applicant searching", W::kApplicant, "GET", "/api/v1/dossiers?q=an", "", 422,
       "invalid_value", ""},
      {"a desk listing a SQL agency", W::kDesk, "GET",
       std::string("/api/v1/dossiers?agency=") + kSqlEncoded, "", 403, "permission_denied",
       "no_grant"},
      {"SQL searched as text", W::kDesk, "GET", std::string("/api/v1/dossiers?q=") + kSqlEncoded,
       "", 200, "", ""},
      {"a supervisor listing a SQL agency", W::kSupervisor, "GET",
       std::string("/api/v1/dossiers?agency=") + kSqlEncoded, "", 200, "", ""},

      // ---- Reports.
      {"a report without from", W::kLeader, "GET", "/api/v1/reports?to=2024-06-01", "", 400,
       "missing_parameter", ""},
      {"a report from 30 February", W::kLeader, "GET",
       "/api/v1/reports?from=2024-02-30&to=2024-06-01", "", 422, "invalid_value", ""},
      {"a report from a word", W::kLeader, "GET", "/api/v1/reports?from=yesterday&to=2024-06-01",
       "", 422, "invalid_value", ""},
      {"a report ending before it starts", W::kLeader, "GET",
       "/api/v1/reports?from=2024-06-01&to=2024-05-01", "", 422, "invalid_value", ""},
      {"a report of a channel that does not exist", W::kLeader, "GET",
       "/api/v1/reports?from=2024-05-01&to=2024-06-01&channel=fax", "", 422, "invalid_value", ""},
      {"a leader reading the report of a SQL agency", W::kLeader, "GET",
       std::string("/api/v1/reports?from=2024-05-01&to=2024-06-01&agency=") + kSqlEncoded, "", 403,
       "permission_denied", "other_agency"},
      {"a supervisor reading the report of a SQL agency", W::kSupervisor, "GET",
       std::string("/api/v1/reports?from=2024-05-01&to=2024-06-01&agency=") + kSqlEncoded, "", 200,
       "", ""},

      // ---- The catalog.
      {"a NUL procedure code", W::kNobody, "GET", "/api/v1/procedures/%00", "", 400,
       "malformed_path", ""},
      {"a SQL procedure code", W::kNobody, "GET", std::string("/api/v1/procedures/") + kSqlEncoded,
       "", 404, "not_found", ""},
      {"../ as a procedure code", W::kNobody, "GET", "/api/v1/procedures/..%2F..%2Fetc%2Fpasswd",
       "", 404, "not_found", ""},
      {"SQL searched in the catalog", W::kNobody, "GET",
       std::string("/api/v1/procedures?q=") + kSqlEncoded, "", 200, "", ""},
      {"POST on the catalog", W::kNobody, "POST", "/api/v1/procedures", "{}", 405,
       "method_not_allowed", ""},
  };
  return c;
}

// Login cases, when the session routes are there (issue 4: POST /api/v1/session).
std::vector<BadRequest> LoginCatalogue() {
  const std::string s = "/api/v1/session";
  using W = Who;
  return {
      {"login without password", W::kNobody, "POST", s, "{\"login\":\"motcua.a\"}", 400,
       "missing_field", ""},
      {"login with a numeric password", W::kNobody, "POST", s,
       "{\"login\":\"motcua.a\",\"password\":123456}", 400, "wrong_type", ""},
      {"login with a field that does not exist", W::kNobody, "POST", s,
       "{\"login\":\"motcua.a\",\"password\":\"x\",\"remember\":true}", 400, "unknown_field", ""},
      {"login as SQL", W::kNobody, "POST", s,
       "{\"login\":\"' OR '1'='1\",\"password\":\"' OR '1'='1\"}", 401, "invalid_credentials", ""},
      {"login with an empty body", W::kNobody, "POST", s, "", 400, "empty_body", ""},
  };
}

TEST_F(BadInputTest, EveryMalformedRequestGetsItsClearErrorAndNothingIsWritten) {
  std::vector<BadRequest> catalogue = Catalogue();
  if (HasRoute("post", "/api/v1/session")) {
    for (BadRequest& c : LoginCatalogue()) catalogue.push_back(std::move(c));
  }
  ASSERT_GE(catalogue.size(), 50u);
  RecordProperty("requests", static_cast<int>(catalogue.size()));

  const auto counts_before = Counts();
  const std::string submitted_before = DossierJson(submitted_);
  const std::string received_before = DossierJson(received_);

  int errors = 0;
  for (const BadRequest& c : catalogue) {
    SCOPED_TRACE(c.what);
    const HttpResponse r = Send(c);
    EXPECT_EQ(r.status, c.status) << r.body.substr(0, 500);
    const json body = r.Json();
    ASSERT_TRUE(body.is_object()) << "the answer is not a JSON object: " << r.body.substr(0, 200);
    EXPECT_EQ(r.Header("content-type").value_or("").rfind("application/json", 0), 0u);
    if (c.status < 400) continue;
    ++errors;
    // {"error":{"code":…,"message":…}}, the message in Vietnamese.
    ASSERT_TRUE(body.contains("error") && body["error"].is_object()) << r.body;
    const json& e = body["error"];
    ASSERT_TRUE(e.contains("code") && e["code"].is_string()) << r.body;
    ASSERT_TRUE(e.contains("message") && e["message"].is_string()) << r.body;
    EXPECT_EQ(e["code"], c.code) << r.body.substr(0, 500);
    const std::string message = e["message"];
    EXPECT_TRUE(HasVietnameseLetters(message)) << message;
    EXPECT_TRUE(http::IsValidUtf8(message)) << message;
    if (c.status == 403) {
      EXPECT_EQ(e.value("rule", ""), c.rule) << r.body;
    }
  }
  EXPECT_GE(errors, 50);

  // Nothing was written, and the dossiers read as before.
  EXPECT_EQ(Counts(), counts_before);
  EXPECT_EQ(DossierJson(submitted_), submitted_before);
  EXPECT_EQ(DossierJson(received_), received_before);
  // The server is still up.
  const HttpResponse health = Get("", "/healthz");
  EXPECT_EQ(health.status, 200) << health.body;
  EXPECT_EQ(health.Json().value("status", ""), "ok");
}

TEST_F(BadInputTest, ANameThatLooksLikeSqlIsStoredAndFoundVerbatim) {
  const std::string name = std::string("Robert'); DROP TABLE dossier; -- ") + kSql;
  const std::string code = Submit(name, "0977777777");
  ASSERT_FALSE(code.empty());
  auto d = db().GetDossier(code);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->applicant.name, name);
  // Searching by the phone finds it, with the name as typed.
  const HttpResponse r = Get(tokens_[Who::kDesk], "/api/v1/dossiers?q=0977777777");
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.Json()["dossiers"].size(), 1u) << r.body;
  EXPECT_EQ(r.Json()["dossiers"][0]["code"], code);
  // And every other dossier is still there.
  EXPECT_EQ(Counts().first, 3);
}

// ---- Free-text fields past their limit (api/text_limits.h).

// `n` characters of Vietnamese (names repeated and cut), most letters two or
// three bytes, so the text is much longer in bytes than in characters.
std::string VietnameseText(std::size_t n) {
  static constexpr std::string_view kWords = "Nguyễn Thị Ánh Tuyết Trần Đức Huỳnh Lê Ngọc Ẩn ";
  std::string out;
  std::size_t i = 0;
  for (std::size_t count = 0; count < n; ++count) {
    const unsigned char lead = static_cast<unsigned char>(kWords[i]);
    const std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    out.append(kWords.substr(i, len));
    i = (i + len) % kWords.size();
  }
  return out;
}

// 422 field_too_long, the message (Vietnamese) naming the field and the limit.
void ExpectTooLong(const HttpResponse& r, const std::string& path, std::size_t limit) {
  EXPECT_EQ(r.status, 422) << r.body.substr(0, 300);
  EXPECT_EQ(r.ErrorCode(), "field_too_long") << r.body.substr(0, 300);
  const json body = r.Json();
  const std::string message =
      body.is_object() && body.contains("error") ? body["error"].value("message", "") : "";
  EXPECT_NE(message.find("\"" + path + "\""), std::string::npos) << message;
  EXPECT_NE(message.find(std::to_string(limit)), std::string::npos) << message;
  EXPECT_TRUE(HasVietnameseLetters(message)) << message;
}

class TextLimitTest : public BadInputTest {
 protected:
  // A submission with `applicant`, by `token` ("" for the public door; a desk
  // enters it for agency A).
  HttpResponse SubmitAs(const std::string& token, const json& applicant) {
    json body = {{"procedure", kProcedure},
                 {"applicant", applicant},
                 {"components", {{{"id", "don-de-nghi"}}}}};
    if (token.empty()) return Post("", "/api/v1/public/dossiers", body);
    if (token == tokens_[Who::kDesk]) body["on_behalf_of"] = kAgencyA;
    return Post(token, "/api/v1/dossiers", body);
  }

  // POST an action on `code` at its current version; the answer.
  HttpResponse Act(Who who, const std::string& code, const std::string& action, json body,
                   Headers headers = {}) {
    auto d = db().GetDossier(code);
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    body["version"] = d.ok() ? d->version : 0;
    if (who != Who::kApplicant) body["on_behalf_of"] = kAgencyA;
    Advance(60);
    return Post(tokens_[who], "/api/v1/dossiers/" + code + "/" + action, body, std::move(headers));
  }

  // A dossier the citizen submitted, received and handed to the agency
  // (in_progress, version 3).
  std::string InProgress() {
    const HttpResponse r =
        SubmitAs(tokens_[Who::kApplicant], {{"name", "Đỗ Văn Hùng"}, {"phone", "0933333333"}});
    EXPECT_EQ(r.status, 201) << r.body;
    const std::string code = r.status == 201 ? r.Json()["code"].get<std::string>() : "";
    EXPECT_EQ(Act(Who::kDesk, code, "receive", json::object()).status, 200);
    EXPECT_EQ(Act(Who::kDesk, code, "transfer", json::object()).status, 200);
    return code;
  }

  // The dossier's version and state, to see that a refused request changed
  // nothing.
  std::string Stamp(const std::string& code) {
    auto d = db().GetDossier(code);
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    return d.ok() ? std::to_string(d->version) + " " + dossier::StateName(d->state) : "";
  }

  HttpResponse Put(const std::string& token, const std::string& target, const json& body) {
    return http::testing::Request(port(), "PUT", target, body.dump(), Bearer(token));
  }
};

// The public door, without a login, stored a 600 KB name (201): only the
// 1 MiB body limit stopped anything. Both doors now refuse it.
TEST_F(TextLimitTest, AHugeApplicantNameIsRefusedAndNothingIsWritten) {
  const auto before = Counts();
  const json applicant = {{"name", std::string(600000, 'A')}, {"phone", "0912345678"}};
  ExpectTooLong(SubmitAs("", applicant), "/applicant/name", 200);
  ExpectTooLong(SubmitAs(tokens_[Who::kDesk], applicant), "/applicant/name", 200);
  ExpectTooLong(SubmitAs(tokens_[Who::kApplicant], applicant), "/applicant/name", 200);
  EXPECT_EQ(Counts(), before);
}

TEST_F(TextLimitTest, EachApplicantFieldIsRefusedPastItsLimitAndStoredAtIt) {
  struct Case {
    std::string field;
    std::size_t limit;
    std::string at_limit;  // exactly `limit` characters
    std::string over;      // one more
  };
  const std::string local = "nguyen.van.an";
  const std::string domain_at = std::string(254 - local.size() - 1 - 3, 'b') + ".vn";
  const std::vector<Case> cases = {
      {"name", 200, VietnameseText(200), VietnameseText(201)},
      // Dialable either way: 13 digits with the signs people type.
      {"phone", 20, "+84 (0) 912-345-6789", "+84 (0)  912-345-6789"},
      {"id_number", 20, "079091234567-PP12345", "079091234567-PP123456"},
      {"email", 254, local + "@" + domain_at, local + "@b" + domain_at},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.field);
    ASSERT_EQ(CountCharacters(c.at_limit), c.limit);
    ASSERT_EQ(CountCharacters(c.over), c.limit + 1);
    json applicant = {{"name", "Lê Văn Cường"}, {"phone", "0911111111"}};
    applicant[c.field] = c.over;
    for (const std::string& token : {std::string(), tokens_[Who::kDesk]}) {
      const auto before = Counts();
      ExpectTooLong(SubmitAs(token, applicant), "/applicant/" + c.field, c.limit);
      EXPECT_EQ(Counts(), before);
    }
    applicant[c.field] = c.at_limit;
    const HttpResponse r = SubmitAs("", applicant);
    ASSERT_EQ(r.status, 201) << r.body.substr(0, 300);
    auto d = db().GetDossier(r.Json()["code"].get<std::string>());
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    const std::map<std::string, std::string> stored = {{"name", d->applicant.name},
                                                       {"phone", d->applicant.phone},
                                                       {"id_number", d->applicant.id_number},
                                                       {"email", d->applicant.email}};
    EXPECT_EQ(stored.at(c.field), c.at_limit);
  }
}

TEST_F(TextLimitTest, AVietnameseNameIsCountedInCharactersNotBytes) {
  const std::string name = VietnameseText(200);
  ASSERT_GT(name.size(), 250u) << "the name should be far over 200 bytes";
  const auto before = Counts();
  const HttpResponse r = SubmitAs(tokens_[Who::kDesk], {{"name", name}, {"phone", "0922222222"}});
  ASSERT_EQ(r.status, 201) << r.body.substr(0, 300);
  auto d = db().GetDossier(r.Json()["code"].get<std::string>());
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->applicant.name, name);
  EXPECT_EQ(Counts().first, before.first + 1);
  // One letter more, "ễ" (three bytes), is over.
  ExpectTooLong(SubmitAs(tokens_[Who::kDesk], {{"name", name + "ễ"}, {"phone", "0922222222"}}),
                "/applicant/name", 200);
  EXPECT_EQ(Counts().first, before.first + 1);
}

TEST_F(TextLimitTest, ActionTextsAreRefusedPastTheirLimitAndStoredAtThem) {
  // reason (refuse), 2,000 characters; the Idempotency-Key at its 128.
  {
    const std::string code = Submit("Vũ Thị Lan", "0944444444");
    const std::string stamp = Stamp(code);
    ExpectTooLong(Act(Who::kDesk, code, "refuse", {{"reason", VietnameseText(2001)}}), "/reason",
                  2000);
    EXPECT_EQ(Stamp(code), stamp);
    const HttpResponse r = Act(Who::kDesk, code, "refuse", {{"reason", VietnameseText(2000)}},
                               {{"Idempotency-Key", std::string(128, 'k')}});
    ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
    EXPECT_EQ(db().GetDossier(code)->closing_reason, VietnameseText(2000));
  }
  // missing_components: at most 100 ids, as components.
  {
    const std::string code = Submit("Vũ Thị Mai", "0944444445");
    const std::string stamp = Stamp(code);
    const HttpResponse r =
        Act(Who::kDesk, code, "request_supplement",
            {{"reason", "Thiếu giấy tờ"},
             {"missing_components", std::vector<std::string>(101, "giay-chung-nhan-cu")}});
    EXPECT_EQ(r.status, 422) << r.body.substr(0, 300);
    EXPECT_EQ(r.ErrorCode(), "invalid_value");
    EXPECT_EQ(Stamp(code), stamp);
  }
  const std::string code = InProgress();
  // handler (assign_handler): a login, 64.
  {
    const std::string stamp = Stamp(code);
    ExpectTooLong(Act(Who::kLeader, code, "assign_handler", {{"handler", std::string(65, 'c')}}),
                  "/handler", 64);
    EXPECT_EQ(Stamp(code), stamp);
    const HttpResponse r =
        Act(Who::kLeader, code, "assign_handler", {{"handler", std::string(64, 'c')}});
    ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
    EXPECT_EQ(db().GetDossier(code)->handler, std::string(64, 'c'));
  }
  ASSERT_EQ(Act(Who::kLeader, code, "resolve", {{"outcome", "approved"}}).status, 200);
  // tracking_number (a postal return): 64.
  {
    const std::string stamp = Stamp(code);
    ExpectTooLong(Act(Who::kDesk, code, "return",
                      {{"return_method", "postal"}, {"tracking_number", std::string(65, '9')}}),
                  "/tracking_number", 64);
    EXPECT_EQ(Stamp(code), stamp);
    const HttpResponse r = Act(Who::kDesk, code, "return",
                               {{"return_method", "postal"}, {"tracking_number", "EB123456785VN"}});
    ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
  }
  // comment (the citizen's rating): 2,000.
  {
    const std::string stamp = Stamp(code);
    ExpectTooLong(
        Act(Who::kApplicant, code, "rate", {{"stars", 4}, {"comment", VietnameseText(2001)}}),
        "/comment", 2000);
    EXPECT_EQ(Stamp(code), stamp);
    const HttpResponse r =
        Act(Who::kApplicant, code, "rate", {{"stars", 4}, {"comment", VietnameseText(2000)}});
    ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
    auto d = db().GetDossier(code);
    ASSERT_TRUE(d.ok() && d->rating.has_value());
    EXPECT_EQ(d->rating->comment, VietnameseText(2000));
  }
}

TEST_F(TextLimitTest, AQuestionOrAnswerPastFourThousandCharactersIsRefusedAndNotStored) {
  const std::string path = "/api/v1/dossiers/" + received_ + "/questions";
  const json over = {{"text", VietnameseText(4001)}, {"on_behalf_of", kAgencyA}};
  const json at = {{"text", VietnameseText(4000)}, {"on_behalf_of", kAgencyA}};
  ExpectTooLong(Post(tokens_[Who::kDesk], path, over), "/text", 4000);
  EXPECT_TRUE(db().ListQuestions(received_)->empty());
  HttpResponse r = Post(tokens_[Who::kDesk], path, at);
  ASSERT_EQ(r.status, 201) << r.body.substr(0, 300);
  const std::int64_t id = r.Json()["id"].get<std::int64_t>();
  const std::string answer = path + "/" + std::to_string(id) + "/answer";
  ExpectTooLong(Post(tokens_[Who::kLeader], answer, over), "/text", 4000);
  EXPECT_FALSE(db().GetQuestion(id)->answered_at.has_value());
  r = Post(tokens_[Who::kLeader], answer, at);
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
  EXPECT_EQ(db().GetQuestion(id)->answer, VietnameseText(4000));
  EXPECT_EQ(db().ListQuestions(received_)->size(), 1u);
}

TEST_F(TextLimitTest, AccountTextsPastTheirLimitAreRefusedAndNothingIsWritten) {
  const std::string admin = Login("quantri", {Role::kAdmin});
  const std::string users = "/api/v1/admin/users/";
  // A user: display_name 200 characters, password 1,024 bytes.
  const json user = {{"display_name", VietnameseText(200)},
                     {"roles", {"specialist"}},
                     {"agency", kAgencyA},
                     {"password", std::string(1024, 'p')}};
  json bad = user;
  bad["display_name"] = VietnameseText(201);
  ExpectTooLong(Put(admin, users + "chuyenvien.b", bad), "/display_name", 200);
  bad = user;
  bad["password"] = std::string(1025, 'p');
  ExpectTooLong(Put(admin, users + "chuyenvien.b", bad), "/password", 1024);
  EXPECT_FALSE(db().GetUser("chuyenvien.b").ok()) << "a refused user was stored";
  HttpResponse r = Put(admin, users + "chuyenvien.b", user);
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
  EXPECT_EQ(db().GetUser("chuyenvien.b")->display_name, VietnameseText(200));

  // A grant: contract_reference 200, the grantee a login of at most 64.
  const json grant = {{"agency", kAgencyA},
                      {"grantee", "motcua.a"},
                      {"actions", {"receive"}},
                      {"valid_from", "2024-05-01"},
                      {"contract_reference", VietnameseText(200)}};
  const auto grants = [&] { return db().ListGrants({})->size(); };
  const std::size_t grants_before = grants();
  bad = grant;
  bad["contract_reference"] = VietnameseText(201);
  ExpectTooLong(Post(admin, "/api/v1/admin/grants", bad), "/contract_reference", 200);
  bad = grant;
  bad["grantee"] = std::string(65, 'g');
  ExpectTooLong(Post(admin, "/api/v1/admin/grants", bad), "/grantee", 64);
  EXPECT_EQ(grants(), grants_before);
  r = Post(admin, "/api/v1/admin/grants", grant);
  ASSERT_EQ(r.status, 201) << r.body.substr(0, 300);
  EXPECT_EQ(grants(), grants_before + 1);

  // An API token: label 200, login 64.
  const auto tokens = [&] {
    return db().ListCredentials(store::CredentialKind::kApiToken, "")->size();
  };
  const std::size_t tokens_before = tokens();
  ExpectTooLong(
      Post(admin, "/api/v1/admin/tokens", {{"login", "motcua.a"}, {"label", VietnameseText(201)}}),
      "/label", 200);
  ExpectTooLong(Post(admin, "/api/v1/admin/tokens",
                     {{"login", std::string(65, 'l')}, {"label", "Cổng dịch vụ công"}}),
                "/login", 64);
  EXPECT_EQ(tokens(), tokens_before);
  r = Post(admin, "/api/v1/admin/tokens", {{"login", "motcua.a"}, {"label", VietnameseText(200)}});
  ASSERT_EQ(r.status, 201) << r.body.substr(0, 300);
  EXPECT_EQ(tokens(), tokens_before + 1);
}

// A 1 MB password would cost an argon2 run (the hasher refuses it, but only
// after the login was looked up): refused before anything is read.
TEST_F(TextLimitTest, ALoginOrPasswordPastItsLimitIsRefusedBeforeAnyLookup) {
  ExpectTooLong(
      Post("", "/api/v1/session", {{"login", "motcua.a"}, {"password", std::string(1000000, 'p')}}),
      "/password", 1024);
  ExpectTooLong(
      Post("", "/api/v1/session", {{"login", std::string(65, 'm')}, {"password", "matkhau1"}}),
      "/login", 64);
  // At the limits the request goes on to the check of the credentials.
  const HttpResponse r =
      Post("", "/api/v1/session",
           {{"login", std::string(64, 'm')}, {"password", std::string(1024, 'p')}});
  EXPECT_EQ(r.status, 401) << r.body.substr(0, 300);
  EXPECT_EQ(r.ErrorCode(), "invalid_credentials");
}

}  // namespace
}  // namespace motcua::api
