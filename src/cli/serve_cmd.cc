// `motcua serve --db URL [--listen 127.0.0.1:8080]`: runs the HTTP API until
// SIGTERM or SIGINT, then shuts down gracefully: stop accepting, finish the
// requests in flight, then close the store, so nothing acknowledged is lost.
//
// --port N (DESIGN.md section 9) overrides the port of --listen. Requests are
// authenticated against the store (api/store_authenticator.h) and /metrics
// carries the store's dossier gauges (api/store_metrics.h).
#include <signal.h>
#include <unistd.h>

#include <memory>
#include <string>

#include "api/api.h"
#include "api/domain_source.h"
#include "api/store_authenticator.h"
#include "api/store_metrics.h"
#include "cli/command.h"
#include "http/access_log.h"
#include "http/listen_address.h"
#include "http/log_sink.h"
#include "http/server.h"
#include "http/signals.h"
#include "store/store.h"

namespace motcua::cli {
namespace {

struct ServeOptions {
  std::string db;
  std::string listen = "127.0.0.1:8080";
  int port = -1;
  int io_threads = 2;
  int workers = 4;
  bool secure_cookies = false;
};

void Run(const ServeOptions& o, CliState& state) {
  auto listen = http::ParseListenAddress(o.listen);
  if (!listen.ok()) {
    state.exit_code = ReportFailure(
        Status::InvalidArgument("địa chỉ --listen không hợp lệ: \"" + o.listen +
                                "\" (cần HOST:PORT, ví dụ 127.0.0.1:8080 hoặc [::1]:8080)"));
    return;
  }
  if (o.port >= 0) listen->port = static_cast<std::uint16_t>(o.port);

  // Before any thread starts (the store's writer, the server's pools), so
  // every thread inherits the mask and only sigwait below sees the signals.
  http::BlockTerminationSignals();

  // Lines reach stderr in blocks, at least every second, warnings at once
  // (http/log_sink.h: a write per request line cost ~5% of a cached read).
  auto log = http::MakeJsonLogger("motcua", std::make_shared<http::BufferedFdSink>(STDERR_FILENO));
  auto opened = store::Open(o.db);
  if (!opened.ok()) {
    state.exit_code =
        ReportFailure(opened.status().WithContext("không mở được kho dữ liệu " + o.db));
    return;
  }
  std::unique_ptr<store::Store> db = std::move(*opened);
  auto domain = api::DomainSource::FromDataDir(state.data_dir);
  if (!domain.ok()) {
    state.exit_code = ReportFailure(domain.status());
    return;
  }
  http::PasswordHasher hasher;
  http::LogEvent(*log, spdlog::level::info, "store opened", {{"db", o.db}});

  http::ServerOptions options;
  options.listen = *listen;
  options.io_threads = o.io_threads;
  options.worker_threads = o.workers;
  options.cookie.secure = o.secure_cookies;
  http::ServerDeps deps;
  deps.log = log;
  // Sessions and API tokens are looked up in the store (cached, and checked
  // against the store's accounts generation at every request, so a logout,
  // a revocation or a disabled user takes effect at once).
  api::StoreAuthenticator authenticator(db.get());
  deps.authenticator = &authenticator;
  // /metrics: dossiers by state and open overdue, read at each scrape.
  deps.collectors.push_back(api::StoreMetricsCollector(db.get()));
  // Runs once the last request is answered and the pools are stopped: closing
  // the store then finishes its group commit with nothing left to lose.
  deps.on_drained = [&db, &log] {
    db.reset();
    http::LogEvent(*log, spdlog::level::info, "store closed");
  };
  // The API routes; the system routes (/healthz, /metrics,
  // /api/v1/openapi.json) are added by the server.
  http::RouteTable routes;
  const Status added = api::AddApiRoutes(
      routes, deps.schemas,
      api::ApiDeps{
          .store = db.get(), .domain = domain->get(), .hasher = &hasher, .cookie = options.cookie});
  if (!added.ok()) {
    state.exit_code = ReportFailure(added);
    return;
  }

  auto server = http::Server::Start(std::move(options), std::move(routes), std::move(deps));
  if (!server.ok()) {
    state.exit_code = ReportFailure(server.status());
    return;
  }
  const int sig = http::WaitForTerminationSignal();
  http::LogEvent(*log, spdlog::level::info, "signal received, shutting down",
                 {{"signal", sig == SIGTERM ? "SIGTERM" : "SIGINT"}});
  (*server)->Shutdown();
  state.exit_code = 0;
}

void Install(CLI::App& root, CliState& state) {
  auto options = std::make_shared<ServeOptions>();
  auto* cmd = root.add_subcommand("serve", "Chạy máy chủ HTTP API (dừng an toàn khi nhận SIGTERM)");
  cmd->add_option("--db", options->db, "Kho dữ liệu: sqlite:PATH hoặc postgresql://…")->required();
  cmd->add_option("--listen", options->listen, "Địa chỉ nghe HOST:PORT")->capture_default_str();
  cmd->add_option("--port", options->port, "Cổng (ghi đè cổng của --listen)")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--io-threads", options->io_threads, "Số luồng I/O")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  cmd->add_option("--workers", options->workers, "Số luồng xử lý (kho dữ liệu, mật khẩu)")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  cmd->add_flag("--secure-cookies", options->secure_cookies,
                "Cookie phiên có thuộc tính Secure (khi chạy sau HTTPS)");
  cmd->callback([options, &state] { Run(*options, state); });
}

const RegisterCommand kRegister(100, Install);

}  // namespace
}  // namespace motcua::cli
