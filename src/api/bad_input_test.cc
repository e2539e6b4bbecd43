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

// DISABLED: server bug. Text fields have no length bound below the 1 MiB body
// limit: ReadSubmission (src/api/submission.cc) takes applicant.name,
// id_number and email at any length, so the public door, without a login,
// stores a 600 KB name (201); a client can store
// about 1 MiB per request. Issue 4 asks huge strings to get a clear 4xx with
// nothing written. Enable once names (and the other free-text fields: reason,
// comment, tracking_number, handler) have a bound (e.g. 422 invalid_value
// past a few hundred characters).
TEST_F(BadInputTest, DISABLED_AHugeApplicantNameIsRefusedAndNothingIsWritten) {
  const auto before = Counts();
  const HttpResponse r =
      Post("", "/api/v1/public/dossiers",
           {{"procedure", kProcedure},
            {"applicant", {{"name", std::string(600000, 'A')}, {"phone", "0912345678"}}},
            {"components", {{{"id", "don-de-nghi"}}}}});
  EXPECT_EQ(r.status, 422) << r.body.substr(0, 300);
  EXPECT_EQ(Counts(), before);
}

}  // namespace
}  // namespace motcua::api
