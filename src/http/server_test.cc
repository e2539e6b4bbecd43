// The server over real HTTP on loopback: what a client sees.
#include "http/server.h"

#include <gtest/gtest.h>
#include <pthread.h>
#include <signal.h>
#include <spdlog/sinks/ostream_sink.h>

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "http/access_log.h"
#include "http/http_client_testing.h"
#include "http/json_reader.h"
#include "http/signals.h"
#include "util/nonblocking.h"

namespace motcua::http {
namespace {

using testing::HttpResponse;
using testing::Request;
using testing::SendRaw;

// Tokens → users, as the store will do in phase 2.
class MapAuthenticator : public Authenticator {
 public:
  void Add(const std::string& token, const std::string& login) {
    access::User u;
    u.login = login;
    u.roles = {access::Role::kDesk};
    users_[TokenHash(token)] = u;
  }
  Result<Principal> Authenticate(TokenKind, std::string_view hash, Instant) override {
    const auto it = users_.find(std::string(hash));
    if (it == users_.end()) return Status::Unauthenticated("unknown token");
    return Principal{it->second, nullptr};
  }

 private:
  std::map<std::string, access::User> users_;
};

// A gate a handler waits on, so a test can hold a request in flight.
struct Gate {
  std::mutex mu;
  std::condition_variable cv;
  bool entered = false;
  bool open = false;
  void Enter() {
    std::unique_lock l(mu);
    entered = true;
    cv.notify_all();
    cv.wait(l, [&] { return open; });
  }
  bool WaitEntered() {
    std::unique_lock l(mu);
    return cv.wait_for(l, std::chrono::seconds(10), [&] { return entered; });
  }
  void Open() {
    std::lock_guard l(mu);
    open = true;
    cv.notify_all();
  }
};

Route Make(Method m, std::string pattern, std::string op, Handler h) {
  Route r;
  r.method = m;
  r.pattern = std::move(pattern);
  r.doc.operation_id = std::move(op);
  r.doc.summary = "test route";
  r.handler = std::move(h);
  return r;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ServerOptions options;
    StartServer(options);
  }
  void TearDown() override {
    if (server_) server_->Shutdown();
    gate_.Open();
  }

  void StartServer(ServerOptions options) {
    options.listen.host = "127.0.0.1";
    options.listen.port = 0;
    options.rate_limits["test"] = {.burst = 2, .per_second = 0.01};  // then 100 s apart
    options.body.max_bytes = 1 << 20;
    RouteTable routes;
    Route echo = Make(Method::kPost, "/api/v1/echo", "echo", [](RequestContext& ctx) -> Reply {
      MOTCUA_ASSIGN_OR_REPLY(const auto body, ctx.JsonBody());
      ObjectReader r(body);
      const std::string text = r.String("text");
      if (auto e = r.Finish()) return *e;
      return Reply::Json(200, {{"text", text}});
    });
    echo.doc.request_schema = "Echo";
    echo.doc.response_schema = "Echo";
    Add(routes, std::move(echo));
    Route limited = Make(Method::kGet, "/api/v1/limited", "limited", [](RequestContext&) {
      return Reply::Json(200, {{"ok", true}});
    });
    limited.rate_limit = "test";
    Add(routes, std::move(limited));
    Route me = Make(Method::kGet, "/api/v1/me", "me", [](RequestContext& ctx) {
      return Reply::Json(200, {{"login", ctx.user->login}});
    });
    me.access = Access::kUser;
    Add(routes, std::move(me));
    Route note = Make(Method::kPost, "/api/v1/me/notes", "note", [](RequestContext& ctx) {
      return Reply::Json(201, {{"by", ctx.user->login}});
    });
    note.access = Access::kUser;
    Add(routes, std::move(note));
    Add(routes, Make(Method::kGet, "/api/v1/things/{code}", "thing", [](RequestContext& ctx) {
          return Reply::Json(200,
                             {{"code", ctx.PathParam("code")}, {"q", ctx.Query("q").value_or("")}});
        }));
    Add(routes, Make(Method::kGet, "/api/v1/boom", "boom", [](RequestContext&) -> Reply {
          throw std::runtime_error("secret internal state");
        }));
    Add(routes, Make(Method::kGet, "/api/v1/slow", "slow", [this](RequestContext&) {
          gate_.Enter();
          handler_finished_ = true;
          return Reply::Json(200, {{"slow", "done"}});
        }));

    // As a store read: from memory ("warm"), or it would wait for disk
    // ("cold") and refuses inside a NonBlockingScope.
    Route cached =
        Make(Method::kGet, "/api/v1/cached/{code}", "cached", [this](RequestContext& ctx) {
          ++cached_attempts_;
          if (ctx.PathParam("code") == "cold" && RefuseToBlockHere()) {
            return Reply::Json(503, {{"from", "refused attempt"}});
          }
          return Reply::Json(200, {{"login", ctx.user->login}});
        });
    cached.access = Access::kUser;
    cached.execution = Execution::kMemoryFirst;
    Add(routes, std::move(cached));

    ServerDeps deps;
    deps.log = MakeJsonLogger("test", std::make_shared<spdlog::sinks::ostream_sink_mt>(log_));
    deps.authenticator = &auth_;
    deps.schemas.Add("Echo", {{"type", "object"}});
    deps.on_drained = [this] { drained_after_handler_ = handler_finished_.load(); };
    auto server = Server::Start(std::move(options), std::move(routes), std::move(deps));
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
    port_ = server_->port();
    ASSERT_NE(port_, 0);
  }

  // Stops the fixture's server and starts one with `options` instead.
  void RestartWith(ServerOptions options) {
    server_->Shutdown();
    server_.reset();
    StartServer(std::move(options));
  }

  static void Add(RouteTable& t, Route r) { ASSERT_TRUE(t.Add(std::move(r)).ok()); }

  HttpResponse Get(const std::string& target,
                   std::vector<std::pair<std::string, std::string>> headers = {}) {
    return Request(port_, "GET", target, "", std::move(headers));
  }
  HttpResponse Post(const std::string& target, const std::string& body,
                    std::vector<std::pair<std::string, std::string>> headers = {}) {
    return Request(port_, "POST", target, body, std::move(headers));
  }
  bool StillServing() { return Get("/healthz").status == 200; }

  std::ostringstream log_;
  MapAuthenticator auth_;
  Gate gate_;
  std::atomic<bool> handler_finished_{false};
  std::atomic<int> cached_attempts_{0};
  std::atomic<bool> drained_after_handler_{false};
  std::unique_ptr<Server> server_;
  std::uint16_t port_ = 0;
};

TEST_F(ServerTest, HealthzAnswersOkWithJsonAndARequestId) {
  const HttpResponse r = Get("/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Json()["status"], "ok");
  EXPECT_EQ(r.Header("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(r.Header("cache-control"), "no-store");
  ASSERT_TRUE(r.Header("x-request-id"));
  EXPECT_EQ(r.Header("x-request-id")->size(), 32u);
}

TEST_F(ServerTest, MetricsCountRequestsByRoutePatternAndStatus) {
  ASSERT_EQ(Get("/healthz").status, 200);
  ASSERT_EQ(Get("/api/v1/things/A1").status, 200);
  ASSERT_EQ(Get("/api/v1/things/B2").status, 200);
  ASSERT_EQ(Get("/no/such/page").status, 404);
  const HttpResponse r = Get("/metrics");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_NE(r.body.find(
                "motcua_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"} 1\n"),
            std::string::npos)
      << r.body;
  // One series for the pattern, not one per code.
  EXPECT_NE(r.body.find("motcua_http_requests_total{route=\"/api/v1/things/{code}\",method=\"GET\","
                        "status=\"200\"} 2\n"),
            std::string::npos);
  EXPECT_NE(r.body.find("{route=\"unmatched\",method=\"GET\",status=\"404\"} 1\n"),
            std::string::npos);
  EXPECT_NE(r.body.find("motcua_http_request_duration_seconds_bucket{route=\"/healthz\""),
            std::string::npos);
  // The scrape itself is in flight while it renders.
  EXPECT_NE(r.body.find("motcua_http_in_flight_requests 1\n"), std::string::npos);
}

TEST_F(ServerTest, AnUnknownRouteIsAJson404) {
  const HttpResponse r = Get("/api/v1/nothing-here");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.ErrorCode(), "route_not_found");
  EXPECT_TRUE(r.Json()["error"]["message"].is_string());
  // Exact paths only: no case folding, no trailing slash.
  EXPECT_EQ(Get("/HEALTHZ").status, 404);
  EXPECT_EQ(Get("/healthz/").status, 404);
}

TEST_F(ServerTest, AWrongMethodIs405WithTheAllowedMethods) {
  HttpResponse r = Request(port_, "DELETE", "/healthz");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.ErrorCode(), "method_not_allowed");
  EXPECT_EQ(r.Header("allow"), "GET");
  r = Request(port_, "PUT", "/api/v1/echo", "{}");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.Header("allow"), "POST");
  r = Request(port_, "GET", "/api/v1/echo");
  EXPECT_EQ(r.status, 405);
  // A parameterized path is matched as its pattern.
  r = Request(port_, "POST", "/api/v1/things/X", "{}");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.Header("allow"), "GET");
}

TEST_F(ServerTest, AValidBodyRoundTripsVietnameseText) {
  const HttpResponse r = Post("/api/v1/echo", R"({"text":"Sở Văn hoá, Thể thao và Du lịch"})");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Json()["text"], "Sở Văn hoá, Thể thao và Du lịch");
}

TEST_F(ServerTest, AHugeBodyIs413AndTheServerStaysUp) {
  const std::string big = "{\"text\":\"" + std::string(2 << 20, 'a') + "\"}";
  const HttpResponse r = Post("/api/v1/echo", big);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.ErrorCode(), "payload_too_large");
  EXPECT_TRUE(StillServing());
}

TEST_F(ServerTest, ABodyBeyondTheConnectionLimitIsCutOffAndTheServerStaysUp) {
  const std::string absurd(9 << 20, 'a');
  const HttpResponse r = Post("/api/v1/echo", absurd);
  EXPECT_TRUE(r.status == 0 || r.status == 413) << r.status;
  EXPECT_TRUE(StillServing());
}

TEST_F(ServerTest, AWrongContentTypeIs415) {
  const HttpResponse r =
      Post("/api/v1/echo", "text=x", {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(r.status, 415);
  EXPECT_EQ(r.ErrorCode(), "unsupported_media_type");
}

TEST_F(ServerTest, MalformedBodiesAre400AndWriteNothing) {
  EXPECT_EQ(Post("/api/v1/echo", "{\"text\":\"\xC3\x28\"}").ErrorCode(), "invalid_utf8");
  EXPECT_EQ(Post("/api/v1/echo", "{\"text\":").ErrorCode(), "malformed_json");
  EXPECT_EQ(Post("/api/v1/echo", std::string(5000, '[') + std::string(5000, ']')).ErrorCode(),
            "too_deep");
  EXPECT_EQ(Post("/api/v1/echo", R"({"text":7})").ErrorCode(), "wrong_type");
  EXPECT_EQ(Post("/api/v1/echo", R"({})").ErrorCode(), "missing_field");
  EXPECT_EQ(Post("/api/v1/echo", R"({"text":"a","extra":1})").ErrorCode(), "unknown_field");
  EXPECT_EQ(Post("/api/v1/echo", R"({"text":"a","text":"b"})").ErrorCode(), "duplicate_key");
  const HttpResponse r = Post("/api/v1/echo", "{\"text\":");
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(StillServing());
}

TEST_F(ServerTest, PathAndQueryParametersArriveDecoded) {
  HttpResponse r = Get("/api/v1/things/H%E1%BB%99%20t%E1%BB%8Bch?q=b%C6%B0u+%C4%91i%E1%BB%87n");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Json()["code"], "Hộ tịch");
  EXPECT_EQ(r.Json()["q"], "bưu điện");
  EXPECT_EQ(Get("/api/v1/things/%ZZ").ErrorCode(), "malformed_path");
  EXPECT_EQ(Get("/api/v1/things/%FF").ErrorCode(), "malformed_path");
  EXPECT_EQ(Get("/api/v1/things/x?q=%C3%28").ErrorCode(), "malformed_query");
}

TEST_F(ServerTest, AValidIncomingRequestIdIsEchoedAndLogged) {
  HttpResponse r = Get("/healthz", {{"X-Request-Id", "lb-7f3a:42"}});
  EXPECT_EQ(r.Header("x-request-id"), "lb-7f3a:42");
  server_->Shutdown();  // flushes the log
  const std::string log = log_.str();
  const auto line_start = log.find("\"request_id\":\"lb-7f3a:42\"");
  ASSERT_NE(line_start, std::string::npos) << log;
  const std::string line = log.substr(log.rfind('\n', line_start) + 1,
                                      log.find('\n', line_start) - log.rfind('\n', line_start) - 1);
  const auto j = nlohmann::json::parse(line, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << line;
  EXPECT_EQ(j["msg"], "request");
  EXPECT_EQ(j["route"], "/healthz");
  EXPECT_EQ(j["status"], 200);
  EXPECT_TRUE(j["latency_ms"].is_number());
}

TEST_F(ServerTest, AnUnsafeIncomingRequestIdIsReplaced) {
  HttpResponse r = Get("/healthz", {{"X-Request-Id", "a\"b"}});
  EXPECT_NE(r.Header("x-request-id"), "a\"b");
  EXPECT_EQ(r.Header("x-request-id")->size(), 32u);
  r = Get("/healthz", {{"X-Request-Id", std::string(65, 'a')}});
  EXPECT_EQ(r.Header("x-request-id")->size(), 32u);
}

TEST_F(ServerTest, TooManyRequestsFromOneClientGet429WithRetryAfter) {
  EXPECT_EQ(Get("/api/v1/limited").status, 200);
  EXPECT_EQ(Get("/api/v1/limited").status, 200);
  const HttpResponse r = Get("/api/v1/limited");
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.ErrorCode(), "rate_limited");
  EXPECT_EQ(r.Header("retry-after"), "100");
  // Other routes are not limited.
  EXPECT_TRUE(StillServing());
}

TEST_F(ServerTest, WithoutALoginAProtectedRouteIs401) {
  const HttpResponse r = Get("/api/v1/me");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.ErrorCode(), "unauthenticated");
  EXPECT_EQ(r.Header("www-authenticate"), "Bearer realm=\"motcua\"");
  EXPECT_EQ(Get("/api/v1/me", {{"Authorization", "Bearer " + NewToken(TokenKind::kApi)}}).status,
            401);  // well-formed but unknown
  EXPECT_EQ(Get("/api/v1/me", {{"Authorization", "Basic eDp5"}}).status, 401);
}

TEST_F(ServerTest, AnIntegrationAuthenticatesWithABearerTokenAndNeedsNoCsrf) {
  const std::string token = NewToken(TokenKind::kApi);
  auth_.Add(token, "tich-hop.dvc");
  HttpResponse r = Get("/api/v1/me", {{"Authorization", "Bearer " + token}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Json()["login"], "tich-hop.dvc");
  r = Post("/api/v1/me/notes", "{}", {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(r.status, 201);
}

TEST_F(ServerTest, ABrowserSessionMustSendTheCsrfTokenToWrite) {
  const std::string session = NewToken(TokenKind::kSession);
  auth_.Add(session, "postal.a");
  const std::pair<std::string, std::string> cookie{"Cookie", "motcua_session=" + session};
  EXPECT_EQ(Get("/api/v1/me", {cookie}).status, 200);  // reads need no token
  HttpResponse r = Post("/api/v1/me/notes", "{}", {cookie});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.ErrorCode(), "csrf_failed");
  EXPECT_EQ(r.Json()["error"]["rule"], "csrf_token_missing");
  r = Post("/api/v1/me/notes", "{}", {cookie, {"X-CSRF-Token", "forged"}});
  EXPECT_EQ(r.Json()["error"]["rule"], "csrf_token_mismatch");
  r = Post("/api/v1/me/notes", "{}", {cookie, {"X-CSRF-Token", CsrfTokenFor(session)}});
  EXPECT_EQ(r.status, 201);
  EXPECT_EQ(r.Json()["by"], "postal.a");
}

TEST_F(ServerTest, AHandlerFaultIsA500WithoutDetailsAndTheServerStaysUp) {
  const HttpResponse r = Get("/api/v1/boom");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.ErrorCode(), "internal");
  EXPECT_EQ(r.body.find("secret internal state"), std::string::npos);
  EXPECT_TRUE(StillServing());
  server_->Shutdown();
  EXPECT_NE(log_.str().find("secret internal state"), std::string::npos);  // in the log only
}

TEST_F(ServerTest, GarbageOnTheWireClosesOnlyThatConnection) {
  EXPECT_EQ(SendRaw(port_, "NOT HTTP AT ALL\r\n\r\n").status, 0);
  EXPECT_EQ(SendRaw(port_, "GET / HTTP/1.1\r\nHost: x\r\n" + std::string(100, 'X') + ": " +
                               std::string(10000, 'v') + "\r\n\r\n")
                .status,
            0);  // header over the limit
  EXPECT_TRUE(StillServing());
}

TEST_F(ServerTest, ASlowStoreCallDoesNotBlockTheIoThreads) {
  ServerOptions options;
  options.io_threads = 1;
  options.worker_threads = 1;
  RestartWith(options);
  std::thread slow([&] { EXPECT_EQ(Get("/api/v1/slow").status, 200); });
  ASSERT_TRUE(gate_.WaitEntered());
  // The only worker is busy; an inline route still answers at once on the
  // only I/O thread.
  EXPECT_EQ(Get("/api/v1/openapi.json").status, 200);
  gate_.Open();
  slow.join();
}

TEST_F(ServerTest, AMemoryFirstReadFromMemoryIsAnsweredOnTheIoThread) {
  ServerOptions options;
  options.worker_threads = 1;
  RestartWith(options);
  const std::string token = NewToken(TokenKind::kSession);
  auth_.Add(token, "buudien.a");
  // The only read worker is held: only the I/O thread can answer.
  std::thread slow([&] { EXPECT_EQ(Get("/api/v1/slow").status, 200); });
  ASSERT_TRUE(gate_.WaitEntered());
  const HttpResponse r = Get("/api/v1/cached/warm", {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Json()["login"], "buudien.a");
  EXPECT_EQ(cached_attempts_.load(), 1);
  // Authentication still comes first: no token, no handler.
  EXPECT_EQ(Get("/api/v1/cached/warm").status, 401);
  EXPECT_EQ(cached_attempts_.load(), 1);
  gate_.Open();
  slow.join();
  const HttpResponse m = Get("/metrics");
  EXPECT_NE(m.body.find("motcua_http_memory_first_total{outcome=\"answered\"} 1\n"),
            std::string::npos)
      << m.body;
}

TEST_F(ServerTest, AMemoryFirstReadThatWouldWaitForDiskRunsAgainOnAWorker) {
  const std::string token = NewToken(TokenKind::kSession);
  auth_.Add(token, "buudien.a");
  const HttpResponse r = Get("/api/v1/cached/cold", {{"Authorization", "Bearer " + token}});
  // The refused attempt's answer is thrown away; the worker's is sent.
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Json()["login"], "buudien.a");
  EXPECT_EQ(cached_attempts_.load(), 2);
  const HttpResponse m = Get("/metrics");
  EXPECT_NE(m.body.find("motcua_http_memory_first_total{outcome=\"handed_over\"} 1\n"),
            std::string::npos)
      << m.body;
  // One request, one access-log line.
  std::size_t lines = 0;
  for (std::size_t at = log_.str().find("/api/v1/cached/cold"); at != std::string::npos;
       at = log_.str().find("/api/v1/cached/cold", at + 1)) {
    ++lines;
  }
  EXPECT_EQ(lines, 1u) << log_.str();
}

TEST_F(ServerTest, WritesWaitingOnTheStoreDoNotHoldUpReads) {
  ServerOptions options;
  options.worker_threads = 1;
  options.write_worker_threads = 1;
  RestartWith(options);
  // The only read worker is held (a GET); a write still runs on its own pool…
  std::thread slow([&] { EXPECT_EQ(Get("/api/v1/slow").status, 200); });
  ASSERT_TRUE(gate_.WaitEntered());
  EXPECT_EQ(Post("/api/v1/echo", R"({"text":"x"})", {{"Content-Type", "application/json"}}).status,
            200);
  gate_.Open();
  slow.join();
  // …and both pools answer once free.
  EXPECT_EQ(Get("/api/v1/things/A").status, 200);
}

TEST_F(ServerTest, ShutdownFinishesTheInFlightRequestThenStops) {
  HttpResponse slow_response;
  std::thread client([&] { slow_response = Get("/api/v1/slow"); });
  ASSERT_TRUE(gate_.WaitEntered());
  EXPECT_EQ(server_->in_flight(), 1);

  std::atomic<bool> shutdown_returned{false};
  std::thread stopper([&] {
    server_->Shutdown();
    shutdown_returned = true;
  });
  // New connections are refused once the acceptor closed…
  bool refused = false;
  for (int i = 0; i < 200 && !refused; ++i) {
    const int fd = testing::ConnectLoopback(port_);
    if (fd < 0) {
      refused = true;
    } else {
      ::close(fd);
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  EXPECT_TRUE(refused);
  // …but the request in flight holds the shutdown.
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_FALSE(shutdown_returned.load());

  gate_.Open();
  client.join();
  stopper.join();
  EXPECT_EQ(slow_response.status, 200);
  EXPECT_EQ(slow_response.Json()["slow"], "done");
  EXPECT_TRUE(shutdown_returned.load());
  EXPECT_TRUE(drained_after_handler_.load());  // the store stops after the last answer
}

TEST_F(ServerTest, ARequestOnAKeptAliveConnectionDuringShutdownIsTurnedAway) {
  const int fd = testing::ConnectLoopback(port_);
  ASSERT_GE(fd, 0);
  const std::string again = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  ASSERT_TRUE(testing::SendAll(fd, again));
  EXPECT_EQ(testing::ReadOneResponse(fd).status, 200);

  std::thread client([&] { EXPECT_EQ(Get("/api/v1/slow").status, 200); });
  ASSERT_TRUE(gate_.WaitEntered());
  std::thread stopper([&] { server_->Shutdown(); });
  // Wait until the acceptor is closed, i.e. the shutdown has begun.
  for (int i = 0; i < 200; ++i) {
    const int probe = testing::ConnectLoopback(port_);
    if (probe < 0) break;
    ::close(probe);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_TRUE(testing::SendAll(fd, again));
  const HttpResponse r = testing::ReadOneResponse(fd);
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.ErrorCode(), "shutting_down");
  EXPECT_EQ(r.Header("retry-after"), "5");
  EXPECT_EQ(r.Header("connection"), "close");
  ::close(fd);
  gate_.Open();
  client.join();
  stopper.join();
}

TEST_F(ServerTest, BindingATakenPortFailsWithAClearError) {
  ServerOptions options;
  options.listen.host = "127.0.0.1";
  options.listen.port = port_;
  RouteTable routes;
  auto second = Server::Start(options, std::move(routes), ServerDeps{});
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), Status::Code::kIOError);
  EXPECT_TRUE(StillServing());
}

TEST(ServerConfig, AnInlineRouteThatNeedsALoginIsRefused) {
  RouteTable routes;
  Route r =
      Make(Method::kGet, "/api/v1/x", "x", [](RequestContext&) { return Reply::Json(200, {}); });
  r.access = Access::kUser;
  r.execution = Execution::kInline;
  ASSERT_TRUE(routes.Add(std::move(r)).ok());
  ServerOptions options;
  options.listen.host = "127.0.0.1";
  options.listen.port = 0;
  EXPECT_EQ(Server::Start(options, std::move(routes), {}).status().code(),
            Status::Code::kInvalidArgument);
}

TEST(ServerConfig, ARouteNamingAnUnknownRateLimitIsRefused) {
  RouteTable routes;
  Route r =
      Make(Method::kGet, "/api/v1/x", "x", [](RequestContext&) { return Reply::Json(200, {}); });
  r.rate_limit = "nope";
  ASSERT_TRUE(routes.Add(std::move(r)).ok());
  ServerOptions options;
  options.listen.host = "127.0.0.1";
  options.listen.port = 0;
  EXPECT_EQ(Server::Start(options, std::move(routes), {}).status().code(),
            Status::Code::kInvalidArgument);
}

TEST(Signals, SigtermIsTakenBySigwait) {
  BlockTerminationSignals();
  // Directed at this thread, where it is blocked, so it stays pending.
  ASSERT_EQ(pthread_kill(pthread_self(), SIGTERM), 0);
  EXPECT_EQ(WaitForTerminationSignal(), SIGTERM);
}

}  // namespace
}  // namespace motcua::http
