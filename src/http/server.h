// Server: the HTTP server of `motcua serve`, on RESTinio (asio).
//
// Threads: `io_threads` run asio (accepting, parsing, writing); handlers
// marked Execution::kWorker run on a separate pool, `worker_threads` for GET
// routes and `write_worker_threads` for the others, and answer
// asynchronously (RESTinio's request_accepted() now, the response's done()
// later from the worker), so an I/O thread never waits on disk, on the
// store's group commit or on a password hash. Execution::kMemoryFirst
// routes are first tried on the I/O thread with every wait for disk refused
// (util/nonblocking.h), and go to the pool only when something refused.
//
// Every request goes through one pipeline (server.cc, Dispatch):
//   match the route (route.h, RouteMatcher) → request id → decode path and
//   query → draining? (503) → body over max_bytes? (413) → rate limit (429)
//   → credentials and CSRF (401/403) → [worker] authenticate → handler →
//   response with X-Request-Id, counted in the metrics and written as one
//   access-log line.
// Unknown paths answer 404 route_not_found; a known path with another method
// answers 405 with the Allow header derived from the route table.
//
// Shutdown(): stop accepting, answer 503 (Connection: close) to requests
// that still arrive on open connections, wait for every in-flight request to
// be written (up to drain_timeout), stop the threads, then call on_drained
// (the serve command stops the store there). SIGTERM handling is the
// caller's (signals.h).
//
// Thread-safe. REQUIRES: Shutdown() and the destructor are not called from an
// I/O or a worker thread of this server.
#pragma once

#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "http/authenticator.h"
#include "http/cookie.h"
#include "http/json_body.h"
#include "http/listen_address.h"
#include "http/metrics.h"
#include "http/openapi.h"
#include "http/rate_limiter.h"
#include "http/route.h"
#include "util/civil_time.h"
#include "util/status.h"

namespace motcua::http {

struct ServerOptions {
  ListenAddress listen{"127.0.0.1", 8080};
  int io_threads = 2;
  // Handlers of GET routes: reads, CPU work. Few, so that a busy worker
  // takes the next job without a thread switch: with 32 instead of 4, a
  // cached `GET /api/v1/dossiers/{code}` cost ~40% more CPU (bench/http).
  int worker_threads = 4;
  // Handlers of POST, PUT, PATCH and DELETE routes: they spend most of their
  // time waiting for the store's group commit (its fsync), and the more of
  // them wait together, the more writes share one commit (group_commit.h).
  // With 4 threads for everything, writes reached only ~3x the rate of one
  // fsync'd commit per write; a waiting thread costs a stack and nothing
  // else.
  int write_worker_threads = 64;
  std::size_t max_queued_jobs = 1024;  // per pool; beyond: 503 overloaded
  std::size_t max_connections = 4096;

  BodyLimits body;  // max_bytes: larger bodies get 413
  // RESTinio reads a whole body before any handler runs and, past its own
  // limit, closes the connection without an answer. It is set this much
  // higher than body.max_bytes, so bodies in between get a proper 413 and
  // only absurd ones are cut off.
  std::size_t connection_body_limit = 8u << 20;
  // Header limits: past them RESTinio closes the connection.
  std::size_t max_url_bytes = 8 * 1024;
  std::size_t max_header_name_bytes = 256;
  std::size_t max_header_value_bytes = 8 * 1024;
  std::size_t max_header_count = 64;

  std::chrono::milliseconds read_timeout{30'000};  // idle keep-alive and slow uploads
  std::chrono::milliseconds write_timeout{30'000};
  std::chrono::milliseconds handle_timeout{30'000};  // a handler that answers later is cut off
  std::chrono::milliseconds drain_timeout{30'000};   // Shutdown() waits this long at most

  CookieOptions cookie;
  // Named limits that routes refer to (Route::rate_limit).
  std::map<std::string, RateLimit> rate_limits = {
      {"login", {.burst = 10, .per_second = 10.0 / 60}},          // 10 a minute
      {"public_lookup", {.burst = 30, .per_second = 30.0 / 60}},  // 30 a minute
  };
  ApiInfo api_info;
};

struct ServerDeps {
  std::shared_ptr<spdlog::logger> log;       // null: JSON lines on stderr
  Authenticator* authenticator = nullptr;    // not owned; null: kUser routes answer 401
  std::function<Instant()> clock;            // null: the system clock
  std::function<Status()> health_check;      // null: always healthy
  std::vector<MetricsCollector> collectors;  // gauges (dossiers by state, overdue)
  std::function<void()> on_drained;          // after the last request, once
  SchemaRegistry schemas;                    // the API's schemas (system ones are added)
};

class Server {
 public:
  // Adds the system routes to `routes`, builds the OpenAPI document, binds
  // and starts serving. InvalidArgument for a bad table (unknown schema or
  // rate limit, an inline route that needs a login); IOError when the
  // address cannot be bound.
  static Result<std::unique_ptr<Server>> Start(ServerOptions options, RouteTable routes,
                                               ServerDeps deps);
  ~Server();  // Shutdown()
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The bound port (the real one when options asked for 0).
  std::uint16_t port() const;
  void Shutdown();

  HttpMetrics& metrics();
  const nlohmann::json& openapi() const;
  const RouteTable& routes() const;
  int in_flight() const;

 private:
  class Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace motcua::http
