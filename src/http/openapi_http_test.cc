// The served OpenAPI document against the router, over real HTTP, both
// ways: a route the document does not describe, or a documented operation
// the router does not serve, fails here.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "http/access_log.h"
#include "http/http_client_testing.h"
#include "http/server.h"
#include "spdlog/sinks/null_sink.h"

namespace motcua::http {
namespace {

using testing::HttpResponse;
using testing::Request;

Route Make(Method m, std::string pattern, std::string op, Access access = Access::kPublic) {
  Route r;
  r.method = m;
  r.pattern = std::move(pattern);
  r.doc.operation_id = std::move(op);
  r.doc.summary = "an operation of the API's shape";
  r.access = access;
  r.handler = [](RequestContext&) { return Reply::Json(200, {{"ok", true}}); };
  return r;
}

// Routes of the shapes the API uses (parameters, several methods on one
// path, literal and parameter siblings). Phase 2 builds the server from the
// real API table instead.
RouteTable ApiShapedRoutes() {
  RouteTable t;
  auto add = [&](Route r) { EXPECT_TRUE(t.Add(std::move(r)).ok()); };
  Route login = Make(Method::kPost, "/api/v1/session", "createSession");
  login.rate_limit = "login";
  login.doc.request_schema = "Body";
  add(std::move(login));
  add(Make(Method::kDelete, "/api/v1/session", "deleteSession", Access::kUser));
  add(Make(Method::kGet, "/api/v1/procedures", "listProcedures"));
  add(Make(Method::kGet, "/api/v1/procedures/{code}", "getProcedure"));
  add(Make(Method::kGet, "/api/v1/dossiers", "listDossiers", Access::kUser));
  add(Make(Method::kPost, "/api/v1/dossiers", "createDossier", Access::kUser));
  add(Make(Method::kGet, "/api/v1/dossiers/{code}", "getDossier", Access::kUser));
  add(Make(Method::kGet, "/api/v1/dossiers/{code}/events", "listEvents", Access::kUser));
  add(Make(Method::kPost, "/api/v1/dossiers/{code}/{action}", "applyAction", Access::kUser));
  Route lookup = Make(Method::kGet, "/api/v1/public/dossiers/{code}", "publicLookup");
  lookup.rate_limit = "public_lookup";
  add(std::move(lookup));
  return t;
}

class OpenApiHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ServerOptions options;
    options.listen.host = "127.0.0.1";
    options.listen.port = 0;
    ServerDeps deps;
    deps.log = MakeJsonLogger("test", std::make_shared<spdlog::sinks::null_sink_mt>());
    deps.schemas.Add("Body", {{"type", "object"}});
    auto server = Server::Start(std::move(options), ApiShapedRoutes(), std::move(deps));
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
    const HttpResponse r = Request(server_->port(), "GET", "/api/v1/openapi.json");
    ASSERT_EQ(r.status, 200);
    doc_ = r.Json();
    ASSERT_TRUE(doc_.is_object());
  }

  static std::string Upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
  }
  // "/api/v1/dossiers/{code}/{action}" → "/api/v1/dossiers/probe-code/probe-action"
  static std::string Concrete(const std::string& pattern) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      if (pattern[i] == '{') {
        const auto close = pattern.find('}', i);
        out += "probe-" + pattern.substr(i + 1, close - i - 1);
        i = close;
      } else {
        out += pattern[i];
      }
    }
    return out;
  }

  // True when `path` is an instance of `pattern` (a {param} takes one segment).
  static bool Matches(const std::string& pattern, const std::string& path) {
    auto split = [](const std::string& s) {
      std::vector<std::string> out;
      std::size_t start = 1;
      while (true) {
        const auto slash = s.find('/', start);
        out.push_back(s.substr(start, slash - start));
        if (slash == std::string::npos) return out;
        start = slash + 1;
      }
    };
    const auto a = split(pattern), b = split(path);
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (a[i].front() != '{' && a[i] != b[i]) return false;
    }
    return true;
  }

  std::set<std::pair<std::string, std::string>> Documented() const {
    std::set<std::pair<std::string, std::string>> out;
    for (const auto& [path, ops] : doc_["paths"].items()) {
      for (const auto& [method, op] : ops.items()) out.emplace(Upper(method), path);
    }
    return out;
  }

  std::unique_ptr<Server> server_;
  nlohmann::json doc_;
};

TEST_F(OpenApiHttpTest, TheServedDocumentIsOpenApi31) {
  EXPECT_EQ(doc_["openapi"], "3.1.0");
  EXPECT_TRUE(doc_["info"]["title"].is_string());
  EXPECT_TRUE(doc_["components"]["schemas"].contains("Error"));
}

TEST_F(OpenApiHttpTest, EveryRegisteredRouteIsDocumentedAndNothingElse) {
  std::set<std::pair<std::string, std::string>> registered;
  for (const Route& r : server_->routes().routes())
    registered.emplace(MethodName(r.method), r.pattern);
  EXPECT_EQ(Documented(), registered);
  // The system routes are part of both.
  EXPECT_TRUE(registered.count({"GET", "/healthz"}));
  EXPECT_TRUE(registered.count({"GET", "/metrics"}));
  EXPECT_TRUE(registered.count({"GET", "/api/v1/openapi.json"}));
}

TEST_F(OpenApiHttpTest, EveryDocumentedOperationReachesAHandler) {
  for (const auto& [method, path] : Documented()) {
    const std::string body = method == "POST" ? "{}" : "";
    const HttpResponse r = Request(server_->port(), method, Concrete(path), body);
    EXPECT_NE(r.status, 0) << method << " " << path;
    EXPECT_NE(r.ErrorCode(), "route_not_found") << method << " " << path;
    EXPECT_NE(r.ErrorCode(), "method_not_allowed") << method << " " << path;
  }
}

TEST_F(OpenApiHttpTest, EveryOtherMethodOnADocumentedPathIs405WithTheDocumentedAllow) {
  for (const auto& [path, ops] : doc_["paths"].items()) {
    std::string allow;
    for (const char* m : {"get", "post", "put", "patch", "delete"}) {
      if (!ops.contains(m)) continue;
      if (!allow.empty()) allow += ", ";
      allow += Upper(m);
    }
    for (const char* m : {"get", "post", "put", "patch", "delete"}) {
      if (ops.contains(m)) continue;
      // POST /api/v1/dossiers/x/events is the action "events" of
      // POST /api/v1/dossiers/{code}/{action}: served by that route, whose
      // handler refuses an unknown action.
      bool served_elsewhere = false;
      for (const auto& [method, pattern] : Documented()) {
        served_elsewhere |= method == Upper(m) && Matches(pattern, Concrete(path));
      }
      if (served_elsewhere) continue;
      const HttpResponse r = Request(server_->port(), Upper(m), Concrete(path), "");
      EXPECT_EQ(r.status, 405) << m << " " << path;
      EXPECT_EQ(r.Header("allow"), allow) << m << " " << path;
    }
  }
}

TEST_F(OpenApiHttpTest, AnUndocumentedPathIsNotServed) {
  EXPECT_EQ(Request(server_->port(), "GET", "/api/v1/dossiers/x/events/more").ErrorCode(),
            "route_not_found");
  EXPECT_EQ(Request(server_->port(), "GET", "/api/v2/procedures").ErrorCode(), "route_not_found");
}

TEST_F(OpenApiHttpTest, EveryReferenceResolves) {
  std::vector<const nlohmann::json*> stack{&doc_};
  int refs = 0;
  while (!stack.empty()) {
    const nlohmann::json* node = stack.back();
    stack.pop_back();
    if (node->is_object()) {
      if (node->contains("$ref")) {
        const std::string ref = (*node)["$ref"];
        ASSERT_EQ(ref.rfind("#/", 0), 0u) << ref;
        EXPECT_TRUE(doc_.contains(nlohmann::json::json_pointer(ref.substr(1)))) << ref;
        ++refs;
      }
      for (const auto& [k, v] : node->items()) stack.push_back(&v);
    } else if (node->is_array()) {
      for (const auto& v : *node) stack.push_back(&v);
    }
  }
  EXPECT_GT(refs, 10);
}

TEST_F(OpenApiHttpTest, OperationsDeclareTheirSecurityAndErrors) {
  const auto& paths = doc_["paths"];
  const auto& act = paths["/api/v1/dossiers/{code}/{action}"]["post"];
  EXPECT_TRUE(act["responses"].contains("401"));
  EXPECT_EQ(act["security"].size(), 2u);
  const auto& login = paths["/api/v1/session"]["post"];
  EXPECT_TRUE(login["responses"].contains("429"));
  EXPECT_TRUE(login["responses"].contains("415"));
  EXPECT_TRUE(login["security"].empty());
  EXPECT_EQ(paths["/metrics"]["get"]["responses"]["200"]["content"].begin().key(), "text/plain");
}

}  // namespace
}  // namespace motcua::http
