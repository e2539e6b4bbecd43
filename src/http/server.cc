#include "http/server.h"

#include <spdlog/sinks/stdout_sinks.h>

#include <condition_variable>
#include <ctime>
#include <future>
#include <mutex>
#include <restinio/all.hpp>
#include <thread>

#include "http/access_log.h"
#include "http/credentials.h"
#include "http/query.h"
#include "http/request_id.h"
#include "http/system_routes.h"
#include "http/token.h"
#include "http/worker_pool.h"
#include "util/nonblocking.h"

namespace motcua::http {
namespace {

struct Traits : restinio::default_traits_t {
  static constexpr bool use_connection_count_limiter = true;
};

using RestinioServer = restinio::http_server_t<Traits>;

std::string Lowercase(std::string s) {
  for (char& c : s) c = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  return s;
}

Instant SystemNow() { return static_cast<Instant>(std::time(nullptr)); }

// One request on its way through the pipeline; shared between the I/O
// thread that received it and the worker that answers it.
struct Exchange {
  restinio::request_handle_t req;
  RequestContext ctx;
  std::string_view label;  // the route pattern (owned by the matcher), or "unmatched"
};

}  // namespace

class Server::Impl {
 public:
  Impl(ServerOptions options, RouteTable routes, ServerDeps deps)
      : options_(std::move(options)), routes_(std::move(routes)), deps_(std::move(deps)) {
    if (!deps_.log) {
      deps_.log = MakeJsonLogger("motcua", std::make_shared<spdlog::sinks::stderr_sink_mt>());
    }
    if (!deps_.clock) deps_.clock = SystemNow;
  }

  ~Impl() {
    Shutdown();
    // RESTinio before the io_context it runs on; both before the members
    // their last callbacks touch (mu_, cv_, in_flight_).
    server_.reset();
    io_.reset();
  }

  Status Prepare() {
    if (options_.io_threads < 1 || options_.worker_threads < 1 ||
        options_.write_worker_threads < 1 || options_.max_queued_jobs < 1) {
      return Status::InvalidArgument("the server needs at least one I/O thread and one worker");
    }
    if (options_.connection_body_limit < options_.body.max_bytes) {
      options_.connection_body_limit = options_.body.max_bytes;
    }
    for (const auto& [name, limit] : options_.rate_limits) {
      if (limit.burst < 1 || limit.per_second <= 0) {
        return Status::InvalidArgument("rate limit " + name + ": burst >= 1 and a positive rate");
      }
      limiters_.emplace(name, std::make_unique<RateLimiter>(limit));
    }

    for (auto& collector : deps_.collectors) metrics_.AddCollector(std::move(collector));
    metrics_.AddCollector([this]() -> Result<std::vector<MetricFamily>> {
      return std::vector<MetricFamily>{
          {"motcua_http_in_flight_requests",
           "Requests received and not yet answered.",
           "gauge",
           {{{}, static_cast<double>(in_flight())}}},
          {"motcua_http_worker_queue_depth",
           "Jobs waiting for a worker thread.",
           "gauge",
           {{{},
             workers_ ? static_cast<double>(workers_->Queued() + write_workers_->Queued()) : 0.0}}},
          {"motcua_http_memory_first_total",
           "Requests of memory-first routes, by whether the I/O thread answered them from "
           "memory or handed them to a worker.",
           "counter",
           {{{{"outcome", "answered"}}, static_cast<double>(memory_first_answered_.load())},
            {{{"outcome", "handed_over"}},
             static_cast<double>(memory_first_handed_over_.load())}}}};
    });

    auto openapi_json = std::make_shared<std::string>();
    SystemHooks hooks;
    hooks.draining = [this] { return draining_.load(); };
    hooks.health_check = deps_.health_check;
    hooks.metrics = &metrics_;
    hooks.openapi_json = openapi_json;
    AddSystemSchemas(deps_.schemas);
    MOTCUA_RETURN_IF_ERROR(AddSystemRoutes(routes_, std::move(hooks)));

    for (const Route& r : routes_.routes()) {
      const std::string where = std::string(MethodName(r.method)) + " " + r.pattern;
      if (!r.rate_limit.empty() && !limiters_.count(r.rate_limit)) {
        return Status::InvalidArgument(where + ": unknown rate limit " + r.rate_limit);
      }
      if (r.execution == Execution::kInline && r.access != Access::kPublic) {
        return Status::InvalidArgument(where + ": a route that needs a login runs on a worker");
      }
    }
    MOTCUA_ASSIGN_OR_RETURN(openapi_, BuildOpenApi(routes_, deps_.schemas, options_.api_info));
    *openapi_json = openapi_.dump();
    return Status::Ok();
  }

  Status Listen() {
    matcher_ = std::make_unique<RouteMatcher>(routes_);
    const auto limits = restinio::incoming_http_msg_limits_t{}
                            .max_url_size(options_.max_url_bytes)
                            .max_field_name_size(options_.max_header_name_bytes)
                            .max_field_value_size(options_.max_header_value_bytes)
                            .max_field_count(options_.max_header_count)
                            .max_body_size(options_.connection_body_limit);
    restinio::server_settings_t<Traits> settings;
    settings.address(options_.listen.host)
        .port(options_.listen.port)
        .request_handler(
            [this](restinio::request_handle_t req) { return Dispatch(std::move(req)); })
        .incoming_http_msg_limits(limits)
        .max_parallel_connections(options_.max_connections)
        .read_next_http_message_timelimit(options_.read_timeout)
        .write_http_response_timelimit(options_.write_timeout)
        .handle_request_timeout(options_.handle_timeout)
        .acceptor_post_bind_hook([this](restinio::asio_ns::ip::tcp::acceptor& acceptor) {
          port_ = acceptor.local_endpoint().port();
        });
    if (options_.listen.host.find(':') != std::string::npos) {
      settings.protocol(restinio::asio_ns::ip::tcp::v6());
    }

    io_ = std::make_unique<restinio::asio_ns::io_context>(options_.io_threads);
    try {
      server_ = std::make_unique<RestinioServer>(restinio::external_io_context(*io_),
                                                 std::move(settings));
      server_->open_sync();
    } catch (const std::exception& e) {
      server_.reset();
      return Status::IOError("cannot listen on " + options_.listen.host + ":" +
                             std::to_string(options_.listen.port) + ": " + e.what());
    }
    write_workers_ =
        std::make_unique<WorkerPool>(options_.write_worker_threads, options_.max_queued_jobs);
    workers_ = std::make_unique<WorkerPool>(options_.worker_threads, options_.max_queued_jobs);
    work_guard_.emplace(restinio::asio_ns::make_work_guard(*io_));
    StartIoThreads();
    LogEvent(*deps_.log, spdlog::level::info, "listening",
             {{"address", options_.listen.host},
              {"port", port_.load()},
              {"io_threads", options_.io_threads},
              {"worker_threads", options_.worker_threads},
              {"write_worker_threads", options_.write_worker_threads}});
    return Status::Ok();
  }

  void Shutdown() {
    std::call_once(shutdown_once_, [this] {
      if (!server_) return;  // never started
      draining_ = true;
      LogEvent(*deps_.log, spdlog::level::info, "shutdown: no longer accepting",
               {{"in_flight", in_flight()}});
      // RESTinio 0.6.16 re-arms async_accept from completion handlers on the
      // plain io_context executor, while close_async() closes the acceptor
      // on a strand: with several I/O threads both can touch the acceptor at
      // once (ThreadSanitizer reports it). So the I/O threads pause, the
      // acceptor closes with none running, and they resume for the drain.
      // Pending operations stay queued across the pause.
      StopIoThreads();
      server_->close_sync();
      io_->restart();
      StartIoThreads();

      bool drained;
      {
        std::unique_lock lock(mu_);
        drained = cv_.wait_for(lock, options_.drain_timeout, [this] { return in_flight_ == 0; });
      }
      if (!drained) {
        LogEvent(*deps_.log, spdlog::level::warn, "shutdown: drain timeout, cutting requests off",
                 {{"in_flight", in_flight()}});
      }
      work_guard_.reset();
      StopIoThreads();
      workers_->Shutdown();
      write_workers_->Shutdown();
      if (deps_.on_drained) deps_.on_drained();
      LogEvent(*deps_.log, spdlog::level::info, "shutdown: complete");
      deps_.log->flush();
    });
  }

  void StartIoThreads() {
    for (int i = 0; i < options_.io_threads; ++i) io_threads_.emplace_back([this] { io_->run(); });
  }
  void StopIoThreads() {
    io_->stop();
    for (auto& t : io_threads_) t.join();
    io_threads_.clear();
  }

  std::uint16_t port() const { return port_.load(); }
  HttpMetrics& metrics() { return metrics_; }
  const nlohmann::json& openapi() const { return openapi_; }
  const RouteTable& routes() const { return routes_; }
  int in_flight() const {
    std::lock_guard lock(mu_);
    return in_flight_;
  }

 private:
  // Every request enters here on an I/O thread.
  restinio::request_handling_status_t Dispatch(restinio::request_handle_t req) {
    {
      std::lock_guard lock(mu_);
      ++in_flight_;
    }
    std::shared_ptr<Exchange> ex;
    try {
      ex = std::make_shared<Exchange>();
      const RouteMatch match =
          matcher_->Match(req->header().method().c_str(), req->header().path());
      Begin(*ex, match, std::move(req));
      std::optional<ApiError> refusal = Admit(*ex, match);
      if (refusal) {
        Finish(ex, Reply::Error(std::move(*refusal)));
      } else if (ex->ctx.route->execution == Execution::kInline) {
        Finish(ex, Run(ex->ctx));
      } else if (ex->ctx.route->execution == Execution::kMemoryFirst && TryFromMemory(ex)) {
        // answered on this I/O thread
      } else if (!PoolFor(*ex->ctx.route).Post([this, ex] { Finish(ex, Run(ex->ctx)); })) {
        Finish(ex, Reply::Error(ApiError::Unavailable(
                       "overloaded", "Máy chủ đang quá tải; hãy thử lại sau.", 1)));
      }
    } catch (const std::exception& e) {
      // Only allocation can fail above; answer if we can, and never leave
      // the in-flight count up (a shutdown would wait for it).
      if (ex && ex->req) {
        Finish(ex, Reply::Error(ApiError::Internal(std::string("dispatch: ") + e.what())));
      } else {
        RequestDone();
      }
    }
    return restinio::request_accepted();
  }

  // Runs the request on this I/O thread if nothing on the way would wait
  // for disk (route.h, Execution::kMemoryFirst); false, with nothing
  // answered, when something would have.
  bool TryFromMemory(const std::shared_ptr<Exchange>& ex) {
    Reply reply;
    {
      NonBlockingScope scope;
      reply = Run(ex->ctx);
      if (scope.refused()) {
        ++memory_first_handed_over_;
        return false;
      }
    }
    ++memory_first_answered_;
    Finish(ex, std::move(reply));
    return true;
  }

  // GET handlers read; the others write and wait for the group commit.
  WorkerPool& PoolFor(const Route& route) {
    return route.method == Method::kGet ? *workers_ : *write_workers_;
  }

  // Fills the request context from RESTinio's request.
  void Begin(Exchange& ex, const RouteMatch& match, restinio::request_handle_t req) {
    ex.req = std::move(req);
    ex.label = match.pattern != nullptr ? std::string_view(*match.pattern) : "unmatched";
    RequestContext& ctx = ex.ctx;
    ctx.arrived = std::chrono::steady_clock::now();
    ctx.now = deps_.clock();
    ctx.route = match.kind == RouteMatch::Kind::kRoute ? match.route : nullptr;
    ctx.body_limits = options_.body;
    const auto& header = ex.req->header();
    ctx.method = header.method().c_str();
    ctx.path = std::string(header.path());
    ctx.headers.reserve(header.fields_count());
    for (const auto& field : header) {
      ctx.headers.emplace_back(Lowercase(field.name()), field.value());
    }
    ctx.request_id = RequestIdFor(ctx.Header("x-request-id"));
    ctx.client_address = ex.req->remote_endpoint().address().to_string();
  }

  // The checks made on the I/O thread before any handler runs; a refusal
  // or nullopt.
  std::optional<ApiError> Admit(Exchange& ex, const RouteMatch& match) {
    RequestContext& ctx = ex.ctx;
    switch (match.kind) {
      case RouteMatch::Kind::kRoute:
        break;
      case RouteMatch::Kind::kMalformedPath:
        return ApiError::BadRequest("malformed_path",
                                    "Đường dẫn có ký tự mã hoá sai (%XX hoặc UTF-8).");
      case RouteMatch::Kind::kMethodNotAllowed:
        return ApiError::MethodNotAllowed(*match.allow);
      case RouteMatch::Kind::kNotFound:
        return ApiError::RouteNotFound(ctx.path);
    }
    if (draining_) {
      return ApiError::Unavailable("shutting_down",
                                   "Máy chủ đang dừng để bảo trì; hãy thử lại sau giây lát.", 5);
    }
    auto query = ParseQuery(ex.req->header().query());
    if (!query.ok()) return std::move(query).error();
    ctx.query = std::move(*query);
    ctx.path_params.reserve(match.params.size());
    for (std::size_t i = 0; i < match.params.size(); ++i) {
      const std::string& name = (*match.param_names)[i];
      auto value = PercentDecode(match.params[i], /*plus_is_space=*/false);
      if (!value) {
        return ApiError::BadRequest(
            "malformed_path", "Tham số đường dẫn \"" + name + "\" mã hoá sai (%XX hoặc UTF-8).");
      }
      ctx.path_params.emplace_back(name, std::move(*value));
    }
    const std::string& body = ex.req->body();
    if (body.size() > options_.body.max_bytes) {
      return ApiError::PayloadTooLarge(options_.body.max_bytes);
    }
    ctx.body = body;
    if (!ctx.route->rate_limit.empty()) {
      const RateDecision d = limiters_.at(ctx.route->rate_limit)
                                 ->Acquire(ctx.client_address, std::chrono::steady_clock::now());
      if (!d.allowed) return ApiError::TooManyRequests(d.retry_after_seconds);
    }
    if (ctx.route->access != Access::kPublic) {
      auto credentials = ExtractCredentials(ctx.Header("authorization"), ctx.Header("cookie"),
                                            options_.cookie.Name());
      if (!credentials.ok()) return std::move(credentials).error();
      ctx.credentials = std::move(*credentials);
      if (ctx.route->access == Access::kUser && ctx.credentials.source == CredentialSource::kNone) {
        return ApiError::Unauthenticated("Cần đăng nhập để dùng chức năng này.");
      }
      if (auto csrf = CheckCsrf(ctx.method, ctx.credentials, ctx.Header("x-csrf-token"))) {
        return csrf;
      }
    }
    return std::nullopt;
  }

  // Authentication and the handler; on a worker unless the route is inline.
  Reply Run(RequestContext& ctx) {
    try {
      if (ctx.credentials.source != CredentialSource::kNone) {
        if (deps_.authenticator == nullptr) {
          return ApiError::Unauthenticated("Máy chủ chưa cấu hình đăng nhập.");
        }
        auto principal = deps_.authenticator->Authenticate(
            ctx.credentials.kind, TokenHash(ctx.credentials.token), ctx.now);
        if (!principal.ok()) return Reply::FromStatus(principal.status());
        ctx.user = std::move(principal->user);
        ctx.grants = std::move(principal->grants);
      }
      return ctx.route->handler(ctx);
    } catch (const std::exception& e) {
      // No exception crosses a layer by design; one that does is a bug.
      return ApiError::Internal(std::string("handler threw: ") + e.what());
    } catch (...) {
      return ApiError::Internal("handler threw a non-exception");
    }
  }

  // Writes the response; from an I/O thread or a worker (RESTinio posts the
  // write to the connection's strand).
  void Finish(const std::shared_ptr<Exchange>& ex, Reply reply) noexcept {
    bool handed_over = false;
    try {
      const RequestContext& ctx = ex->ctx;
      const double latency =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - ctx.arrived).count();
      metrics_.Observe(ex->label, ctx.method, reply.status, latency);
      AccessRecord record;
      record.request_id = ctx.request_id;
      record.method = ctx.method;
      record.route = ex->label;
      record.path = ctx.path;
      record.status = reply.status;
      record.latency_seconds = latency;
      if (ctx.user) record.user = ctx.user->login;
      record.acting_for = ctx.acting_for;
      record.client = ctx.client_address;
      record.bytes_in = ex->req->body().size();
      record.bytes_out = reply.body.size();
      record.error_code = reply.error_code;
      record.log_detail = reply.log_detail;
      LogAccess(*deps_.log, record);

      auto resp = ex->req->create_response(restinio::http_status_line_t{
          restinio::http_status_code_t{static_cast<std::uint16_t>(reply.status)},
          ReasonPhrase(reply.status)});
      if (!reply.content_type.empty()) {
        resp.append_header(restinio::http_field::content_type, reply.content_type);
      }
      resp.append_header("X-Request-Id", ctx.request_id);
      // API answers carry personal data: no cache may keep them.
      resp.append_header(restinio::http_field::cache_control, "no-store");
      resp.append_header("X-Content-Type-Options", "nosniff");
      for (auto& [name, value] : reply.headers) resp.append_header(name, std::move(value));
      if (draining_) resp.connection_close();
      resp.set_body(std::move(reply.body));
      handed_over = true;
      // The count drops once the bytes are written (or the write failed):
      // that is what "in flight" means to a graceful shutdown.
      resp.done([this](const restinio::asio_ns::error_code&) { RequestDone(); });
    } catch (const std::exception& e) {
      LogEvent(*deps_.log, spdlog::level::err, "cannot write response",
               {{"request_id", ex->ctx.request_id}, {"error", e.what()}});
      if (!handed_over) RequestDone();
    } catch (...) {
      if (!handed_over) RequestDone();
    }
  }

  void RequestDone() {
    {
      std::lock_guard lock(mu_);
      --in_flight_;
    }
    cv_.notify_all();
  }

  ServerOptions options_;
  RouteTable routes_;
  ServerDeps deps_;
  HttpMetrics metrics_;
  nlohmann::json openapi_;
  std::map<std::string, std::unique_ptr<RateLimiter>> limiters_;

  mutable std::mutex mu_;
  std::condition_variable cv_;
  int in_flight_ = 0;  // GUARDED_BY(mu_)
  std::atomic<std::uint64_t> memory_first_answered_{0};
  std::atomic<std::uint64_t> memory_first_handed_over_{0};
  std::atomic<bool> draining_{false};
  std::atomic<std::uint16_t> port_{0};
  std::once_flag shutdown_once_;

  std::unique_ptr<RouteMatcher> matcher_;      // over routes_, once they are complete
  std::unique_ptr<WorkerPool> workers_;        // GET handlers
  std::unique_ptr<WorkerPool> write_workers_;  // the other handlers
  std::unique_ptr<restinio::asio_ns::io_context> io_;
  std::unique_ptr<RestinioServer> server_;
  std::optional<
      restinio::asio_ns::executor_work_guard<restinio::asio_ns::io_context::executor_type>>
      work_guard_;
  std::vector<std::thread> io_threads_;
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::Start(ServerOptions options, RouteTable routes,
                                              ServerDeps deps) {
  auto impl = std::make_unique<Impl>(std::move(options), std::move(routes), std::move(deps));
  MOTCUA_RETURN_IF_ERROR(impl->Prepare());
  MOTCUA_RETURN_IF_ERROR(impl->Listen());
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

std::uint16_t Server::port() const { return impl_->port(); }
void Server::Shutdown() { impl_->Shutdown(); }
HttpMetrics& Server::metrics() { return impl_->metrics(); }
const nlohmann::json& Server::openapi() const { return impl_->openapi(); }
const RouteTable& Server::routes() const { return impl_->routes(); }
int Server::in_flight() const { return impl_->in_flight(); }

}  // namespace motcua::http
