// AccountApiTest: a gtest fixture that runs the session and admin routes (or,
// with all_routes_, every route of AddApiRoutes) on a real http::Server on
// loopback, against a real SQLite file in a temporary folder, with the store
// authenticator and the store's metrics collector wired as `motcua serve`
// wires them, and a clock the test moves.
//
// Passwords are hashed with weak argon2id parameters (tests only: the server
// uses opslimit 3, 64 MiB) so a test logs in within milliseconds.
//
// Test-only, header-only.
#pragma once

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "api/admin_routes.h"
#include "api/api.h"
#include "api/session_routes.h"
#include "api/store_authenticator.h"
#include "api/store_metrics.h"
#include "datafiles/domain_data.h"
#include "http/access_log.h"
#include "http/http_client_testing.h"
#include "http/server.h"
#include "store/sqlite/temp_dir_testing.h"
#include "store/store.h"

namespace motcua::api::testing {

using http::testing::HttpResponse;
using Headers = std::vector<std::pair<std::string, std::string>>;

// 2024-05-02 09:00 in Vietnam: a Thursday morning at the center.
inline constexpr Instant kStartTime = 1714615200;

inline http::PasswordParams WeakPasswordParams() {
  return {.opslimit = 1, .memlimit = 64u << 10, .max_concurrent = 4};
}

class AccountApiTest : public ::testing::Test {
 protected:
  static constexpr char kAdminPassword[] = "admin-mat-khau-1";
  static constexpr char kDeskPassword[] = "desk-mat-khau-1";
  // A real agency of the shipped catalog, with one field.
  static constexpr char kAgency[] = "000.00.02.H29";
  static constexpr char kAgencyField[] = "to-chuc-phi-chinh-phu";

  void SetUp() override {
    ASSERT_FALSE(dir_.path().empty());
    // The catalog is read from a copy, so a test can break it and reload.
    std::filesystem::create_directories(dir_.File("data"));
    std::filesystem::copy(std::string(MOTCUA_DATA_DIR) + "/catalog", dir_.File("data/catalog"),
                          std::filesystem::copy_options::recursive);
    std::filesystem::copy(std::string(MOTCUA_DATA_DIR) + "/calendar", dir_.File("data/calendar"),
                          std::filesystem::copy_options::recursive);
    auto opened = store::Open("sqlite:" + dir_.File("motcua.db"));
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(*opened);
    auto domain = DomainSource::FromDataDir(dir_.File("data"));
    ASSERT_TRUE(domain.ok()) << domain.status().ToString();
    domain_ = std::move(*domain);
    AddUser("admin", kAdminPassword, {access::Role::kAdmin});
    AddUser("postal.a", kDeskPassword, {access::Role::kDesk});
  }

  void TearDown() override {
    if (server_) server_->Shutdown();
  }

  // Starts the server; call once per test, after changing `options` if needed.
  void Start() {
    const http::ServerOptions defaults;
    Start(defaults);
  }
  void Start(http::ServerOptions options) {
    options.listen.host = "127.0.0.1";
    options.listen.port = 0;
    options.worker_threads = 2;
    options.io_threads = 1;
    cookie_ = options.cookie;
    http::RouteTable routes;
    http::ServerDeps deps;
    authenticator_ = std::make_unique<StoreAuthenticator>(store_.get(), authenticator_options_);
    const ApiDeps api{.store = store_.get(),
                      .domain = domain_.get(),
                      .hasher = &hasher_,
                      .cookie = options.cookie};
    if (all_routes_) {
      ASSERT_TRUE(AddApiRoutes(routes, deps.schemas, api).ok());
    } else {
      ASSERT_TRUE(AddSessionRoutes(routes, deps.schemas, api).ok());
      ASSERT_TRUE(AddAdminRoutes(routes, deps.schemas, api).ok());
    }
    deps.log = http::MakeJsonLogger("test", std::make_shared<spdlog::sinks::ostream_sink_mt>(log_));
    deps.authenticator = authenticator_.get();
    deps.clock = [this] { return now_.load(); };
    deps.collectors.push_back(StoreMetricsCollector(store_.get(), [this] { return now_.load(); }));
    auto server = http::Server::Start(std::move(options), std::move(routes), std::move(deps));
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
  }

  void AddUser(const std::string& login, const std::string& password,
               std::vector<access::Role> roles, const std::string& agency = "") {
    access::User u;
    u.login = login;
    u.display_name = "Người dùng " + login;
    u.roles = std::move(roles);
    u.agency_code = agency;
    ASSERT_TRUE(store_->PutUser(u).ok());
    auto hash = hasher_.Hash(password);
    ASSERT_TRUE(hash.ok());
    ASSERT_TRUE(store_->SetPasswordHash(login, *hash).ok());
  }

  HttpResponse Call(const std::string& method, const std::string& target,
                    const std::string& body = "", Headers headers = {}) {
    return http::testing::Request(server_->port(), method, target, body, std::move(headers));
  }
  // With "Authorization: Bearer <token>".
  HttpResponse As(const std::string& token, const std::string& method, const std::string& target,
                  const std::string& body = "", Headers headers = {}) {
    headers.emplace_back("Authorization", "Bearer " + token);
    return Call(method, target, body, std::move(headers));
  }

  HttpResponse Login(const std::string& login, const std::string& password, Headers headers = {}) {
    const nlohmann::json body = {{"login", login}, {"password", password}};
    return Call("POST", "/api/v1/session", body.dump(), std::move(headers));
  }
  // The token of a fresh session; "" (and a test failure) when login fails.
  std::string TokenOf(const std::string& login, const std::string& password) {
    const HttpResponse r = Login(login, password);
    EXPECT_EQ(r.status, 201) << r.body;
    const auto j = r.Json();
    return j.is_object() && j.contains("token") ? j["token"].get<std::string>() : "";
  }
  std::string AdminToken() { return TokenOf("admin", kAdminPassword); }

  std::vector<store::AuditEntry> Audit() {
    auto entries = store_->ListAudit(0, 1000);
    EXPECT_TRUE(entries.ok());
    return entries.ok() ? *entries : std::vector<store::AuditEntry>{};
  }

  store::sqlite::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<DomainSource> domain_;
  http::PasswordHasher hasher_{WeakPasswordParams()};
  AuthenticatorOptions authenticator_options_;  // as `motcua serve` has them
  bool all_routes_ = false;  // every route of AddApiRoutes, not only sessions and admin
  std::unique_ptr<StoreAuthenticator> authenticator_;
  std::atomic<Instant> now_{kStartTime};
  http::CookieOptions cookie_;
  std::ostringstream log_;
  std::unique_ptr<http::Server> server_;
};

}  // namespace motcua::api::testing
