#include "http/route.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "http/listen_address.h"
#include "http/openapi.h"
#include "http/worker_pool.h"

namespace motcua::http {
namespace {

Route R(Method m, std::string pattern, std::string op) {
  Route r;
  r.method = m;
  r.pattern = std::move(pattern);
  r.doc.operation_id = std::move(op);
  r.doc.summary = "a route for tests";
  r.handler = [](RequestContext&) { return Reply::Json(200, nlohmann::json::object()); };
  return r;
}

TEST(RouteTable, PatternsAreCheckedWhenRegistered) {
  EXPECT_TRUE(PatternParams("/api/v1/dossiers/{code}/{action}").ok());
  EXPECT_EQ(*PatternParams("/api/v1/dossiers/{code}/{action}"),
            (std::vector<std::string>{"code", "action"}));
  EXPECT_FALSE(PatternParams("api/v1").ok());
  EXPECT_FALSE(PatternParams("/api//v1").ok());
  EXPECT_FALSE(PatternParams("/api/v1/").ok());
  EXPECT_FALSE(PatternParams("/a/x{code}").ok());
  EXPECT_FALSE(PatternParams("/a/{code}/{code}").ok());
  EXPECT_FALSE(PatternParams("/a/:code").ok());
}

TEST(RouteTable, TwoRoutesForTheSamePathAndMethodAreRefused) {
  RouteTable t;
  ASSERT_TRUE(t.Add(R(Method::kGet, "/a/{x}", "one")).ok());
  EXPECT_FALSE(t.Add(R(Method::kGet, "/a/{y}", "two")).ok());    // same shape
  EXPECT_TRUE(t.Add(R(Method::kPost, "/a/{y}", "three")).ok());  // other method
  EXPECT_FALSE(t.Add(R(Method::kGet, "/b", "one")).ok());        // operation id reused
  Route no_handler = R(Method::kGet, "/c", "four");
  no_handler.handler = nullptr;
  EXPECT_FALSE(t.Add(no_handler).ok());
}

TEST(RouteTable, LiteralSegmentsMatchBeforeParameters) {
  RouteTable t;
  ASSERT_TRUE(t.Add(R(Method::kPost, "/api/v1/dossiers/{code}/{action}", "act")).ok());
  ASSERT_TRUE(t.Add(R(Method::kGet, "/api/v1/dossiers/{code}", "get")).ok());
  ASSERT_TRUE(t.Add(R(Method::kGet, "/api/v1/dossiers/{code}/events", "events")).ok());
  const auto order = t.MatchOrder();
  ASSERT_EQ(order.size(), 3u);
  // "events" (literal last segment) precedes "{action}".
  auto pos = [&](const char* op) {
    for (std::size_t i = 0; i < order.size(); ++i) {
      if (order[i]->doc.operation_id == op) return i;
    }
    return order.size();
  };
  EXPECT_LT(pos("events"), pos("act"));
  EXPECT_EQ(t.AllowedMethods("/api/v1/dossiers/{code}"), "GET");
}

TEST(RouteTable, AllowListsEveryMethodOfAPattern) {
  RouteTable t;
  ASSERT_TRUE(t.Add(R(Method::kDelete, "/api/v1/session", "logout")).ok());
  ASSERT_TRUE(t.Add(R(Method::kPost, "/api/v1/session", "login")).ok());
  EXPECT_EQ(t.AllowedMethods("/api/v1/session"), "POST, DELETE");
  EXPECT_EQ(t.Patterns(), (std::vector<std::string>{"/api/v1/session"}));
}

// The table of the dossier routes, as the API registers them (shapes only).
RouteTable DossierRoutes() {
  RouteTable t;
  EXPECT_TRUE(t.Add(R(Method::kPost, "/api/v1/dossiers/{code}/{action}", "act")).ok());
  EXPECT_TRUE(t.Add(R(Method::kGet, "/api/v1/dossiers/{code}", "get")).ok());
  EXPECT_TRUE(t.Add(R(Method::kGet, "/api/v1/dossiers/{code}/events", "events")).ok());
  EXPECT_TRUE(t.Add(R(Method::kPost, "/api/v1/dossiers", "submit")).ok());
  EXPECT_TRUE(t.Add(R(Method::kGet, "/api/v1/dossiers", "list")).ok());
  EXPECT_TRUE(t.Add(R(Method::kGet, "/healthz", "health")).ok());
  EXPECT_TRUE(t.Add(R(Method::kGet, "/", "root")).ok());
  return t;
}

TEST(RouteMatcher, APathFindsItsRouteWithTheRawParameters) {
  const RouteTable t = DossierRoutes();
  const RouteMatcher m(t);
  RouteMatch r = m.Match("GET", "/api/v1/dossiers/000.00.12.H29-231116-0001");
  ASSERT_EQ(r.kind, RouteMatch::Kind::kRoute);
  EXPECT_EQ(r.route->doc.operation_id, "get");
  EXPECT_EQ(*r.pattern, "/api/v1/dossiers/{code}");
  ASSERT_EQ(r.params.size(), 1u);
  EXPECT_EQ((*r.param_names)[0], "code");
  EXPECT_EQ(r.params[0], "000.00.12.H29-231116-0001");

  r = m.Match("POST", "/api/v1/dossiers/X%20Y/receive");
  ASSERT_EQ(r.kind, RouteMatch::Kind::kRoute);
  EXPECT_EQ(r.route->doc.operation_id, "act");
  EXPECT_EQ(*r.param_names, (std::vector<std::string>{"code", "action"}));
  EXPECT_EQ(r.params, (std::vector<std::string_view>{"X%20Y", "receive"}));

  EXPECT_EQ(m.Match("GET", "/api/v1/dossiers").route->doc.operation_id, "list");
  EXPECT_EQ(m.Match("POST", "/api/v1/dossiers").route->doc.operation_id, "submit");
  EXPECT_EQ(m.Match("GET", "/").route->doc.operation_id, "root");
}

TEST(RouteMatcher, ALiteralSegmentWinsOverAParameterWhateverTheOrderOfRegistration) {
  const RouteTable t = DossierRoutes();
  const RouteMatcher m(t);
  EXPECT_EQ(m.Match("GET", "/api/v1/dossiers/A/events").route->doc.operation_id, "events");
  // The same path with another method goes to the route that has it.
  EXPECT_EQ(m.Match("POST", "/api/v1/dossiers/A/events").route->doc.operation_id, "act");
}

TEST(RouteMatcher, MatchingIsExact) {
  const RouteTable t = DossierRoutes();
  const RouteMatcher m(t);
  for (const char* path :
       {"/HEALTHZ", "/healthz/", "//healthz", "/api/v1/dossiers/", "/api/v1/dossiers//events",
        "/api/v1/dossiers/A/events/", "/api/v1/dossiers/A/B/C", "/api/v2/dossiers", "", "*",
        "healthz", "/healthzz", "/health"}) {
    EXPECT_EQ(m.Match("GET", path).kind, RouteMatch::Kind::kNotFound) << path;
  }
}

TEST(RouteMatcher, AKnownPathWithAnotherMethodIs405WithTheAllowHeader) {
  const RouteTable t = DossierRoutes();
  const RouteMatcher m(t);
  RouteMatch r = m.Match("DELETE", "/api/v1/dossiers");
  ASSERT_EQ(r.kind, RouteMatch::Kind::kMethodNotAllowed);
  EXPECT_EQ(*r.allow, "GET, POST");
  EXPECT_EQ(*r.pattern, "/api/v1/dossiers");
  r = m.Match("PUT", "/api/v1/dossiers/A/events");
  ASSERT_EQ(r.kind, RouteMatch::Kind::kMethodNotAllowed);
  EXPECT_EQ(*r.pattern, "/api/v1/dossiers/{code}/events");  // the literal one first
  EXPECT_EQ(*r.allow, "GET");
  EXPECT_EQ(m.Match("HEAD", "/healthz").kind, RouteMatch::Kind::kMethodNotAllowed);
  EXPECT_EQ(m.Match("get", "/healthz").kind, RouteMatch::Kind::kMethodNotAllowed);
}

TEST(RouteMatcher, EscapesAreCheckedAndLiteralsMatchDecoded) {
  const RouteTable t = DossierRoutes();
  const RouteMatcher m(t);
  for (const char* path : {"/api/v1/dossiers/%ZZ", "/api/v1/dossiers/%4", "/no/such/%", "/%G0"}) {
    EXPECT_EQ(m.Match("GET", path).kind, RouteMatch::Kind::kMalformedPath) << path;
  }
  // %64 is 'd': as RESTinio's router, which decoded unreserved characters.
  EXPECT_EQ(m.Match("GET", "/api/v1/%64ossiers").route->doc.operation_id, "list");
  // An escaped slash stays inside its segment.
  const RouteMatch r = m.Match("GET", "/api/v1/dossiers/a%2Fb");
  ASSERT_EQ(r.kind, RouteMatch::Kind::kRoute);
  EXPECT_EQ(r.params[0], "a%2Fb");
}

TEST(OpenApi, ARouteNamingAnUnknownSchemaFailsTheDocument) {
  RouteTable t;
  Route r = R(Method::kPost, "/x", "x");
  r.doc.request_schema = "Nope";
  ASSERT_TRUE(t.Add(r).ok());
  EXPECT_FALSE(BuildOpenApi(t, SchemaRegistry(), {}).ok());
}

TEST(OpenApi, ASchemaNameRegisteredTwiceFailsTheDocument) {
  RouteTable t;
  ASSERT_TRUE(t.Add(R(Method::kGet, "/x", "x")).ok());
  SchemaRegistry schemas;
  schemas.Add("Session", {{"type", "object"}});
  schemas.Add("Session", {{"type", "array"}});
  EXPECT_EQ(schemas.schemas().at("Session")["type"], "object");
  const auto doc = BuildOpenApi(t, schemas, {});
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("Session"), std::string::npos);
}

TEST(OpenApi, EachRouteBecomesOneOperationWithItsPolicy) {
  RouteTable t;
  Route r = R(Method::kPost, "/api/v1/dossiers/{code}/{action}", "act");
  r.access = Access::kUser;
  r.doc.request_schema = "ActionRequest";
  r.doc.response_schema = "Dossier";
  r.doc.params = {{.name = "Idempotency-Key",
                   .in = "header",
                   .type = "string",
                   .required = false,
                   .description = ""}};
  ASSERT_TRUE(t.Add(r).ok());
  SchemaRegistry schemas;
  schemas.Add("ActionRequest", {{"type", "object"}});
  schemas.Add("Dossier", {{"type", "object"}});
  auto doc = BuildOpenApi(t, schemas, {});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  const auto& op = (*doc)["paths"]["/api/v1/dossiers/{code}/{action}"]["post"];
  EXPECT_EQ(op["operationId"], "act");
  EXPECT_EQ(op["requestBody"]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/ActionRequest");
  for (const char* status : {"200", "400", "401", "403", "413", "415", "422"}) {
    EXPECT_TRUE(op["responses"].contains(status)) << status;
  }
  EXPECT_FALSE(op["responses"].contains("429"));
  std::vector<std::string> names;
  for (const auto& p : op["parameters"]) names.push_back(p["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"code", "action", "Idempotency-Key", "X-CSRF-Token"}));
  EXPECT_EQ(op["security"].size(), 2u);
}

TEST(ListenAddress, HostAndPortAreParsed) {
  auto a = ParseListenAddress("127.0.0.1:8080");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->host, "127.0.0.1");
  EXPECT_EQ(a->port, 8080);
  EXPECT_EQ(ParseListenAddress("[::1]:0")->host, "::1");
  EXPECT_EQ(ParseListenAddress("localhost:9000")->host, "127.0.0.1");
  EXPECT_EQ(ParseListenAddress("0.0.0.0:80")->port, 80);
}

TEST(ListenAddress, BadAddressesAreRefusedWithTheReason) {
  EXPECT_FALSE(ParseListenAddress("8080").ok());
  EXPECT_FALSE(ParseListenAddress("127.0.0.1:").ok());
  EXPECT_FALSE(ParseListenAddress("127.0.0.1:65536").ok());
  EXPECT_FALSE(ParseListenAddress("127.0.0.1:80x").ok());
  EXPECT_FALSE(ParseListenAddress("example.org:80").ok());
  EXPECT_FALSE(ParseListenAddress("[::g]:80").ok());
}

TEST(WorkerPool, QueuedJobsRunBeforeShutdownReturns) {
  std::atomic<int> done{0};
  {
    WorkerPool pool(2, 100);
    for (int i = 0; i < 50; ++i) {
      ASSERT_TRUE(pool.Post([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        ++done;
      }));
    }
    pool.Shutdown();
    EXPECT_EQ(done.load(), 50);
    EXPECT_FALSE(pool.Post([] {}));
  }
}

TEST(WorkerPool, AFullQueueRefusesInsteadOfGrowing) {
  WorkerPool pool(1, 2);
  std::mutex gate;
  gate.lock();
  ASSERT_TRUE(pool.Post([&] { std::lock_guard l(gate); }));  // occupies the thread
  // Wait until the worker has taken it, then fill the queue.
  while (pool.Queued() != 0) std::this_thread::yield();
  EXPECT_TRUE(pool.Post([] {}));
  EXPECT_TRUE(pool.Post([] {}));
  EXPECT_FALSE(pool.Post([] {}));
  gate.unlock();
}

}  // namespace
}  // namespace motcua::http
