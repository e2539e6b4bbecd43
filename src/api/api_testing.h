// Test harness of the API: a real SQLite file in a temporary directory, the
// shipped catalog and calendar, every route of AddApiRoutes served by
// http::Server on a loopback port, a pinned clock the test moves, and a
// token authenticator the test fills with users (until the store's
// authenticator serves sessions, this is how tests log in).
//
// Test-only (header-only, so it stays out of the library). The fixture's
// methods are called from the test thread; the server's workers read the
// clock and the authenticator concurrently (both are thread-safe).
#pragma once

#include <gtest/gtest.h>
#include <spdlog/sinks/null_sink.h>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "access/grant.h"
#include "access/role.h"
#include "api/api.h"
#include "api/domain_source.h"
#include "datafiles/domain_data.h"
#include "http/access_log.h"
#include "http/authenticator.h"
#include "http/http_client_testing.h"
#include "http/password.h"
#include "http/server.h"
#include "http/token.h"
#include "store/sqlite/temp_dir_testing.h"
#include "store/store.h"
#include "util/civil_time.h"

namespace motcua::api::testing {

using http::testing::HttpResponse;

// Session tokens → users, as a test decides them.
class TokenAuthenticator : public http::Authenticator {
 public:
  // A fresh session token for `user`.
  std::string Add(const access::User& user) {
    const std::string token = http::NewToken(http::TokenKind::kSession);
    std::lock_guard<std::mutex> lock(mu_);
    users_[http::TokenHash(token)] = user;
    return token;
  }
  // Without grants: the handlers read them from the store.
  Result<http::Principal> Authenticate(http::TokenKind, std::string_view hash, Instant) override {
    std::lock_guard<std::mutex> lock(mu_);
    const auto it = users_.find(std::string(hash));
    if (it == users_.end()) return Status::Unauthenticated("unknown token");
    return http::Principal{it->second, nullptr};
  }

 private:
  std::mutex mu_;
  std::map<std::string, access::User> users_;
};

// The shipped data folder, loaded once per test binary.
inline std::shared_ptr<const DomainSource::Snapshot> ShippedDomain() {
  static const std::shared_ptr<const DomainSource::Snapshot> data = [] {
    auto loaded = datafiles::LoadDomainData(MOTCUA_DATA_DIR);
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().ToString();
      return std::shared_ptr<const DomainSource::Snapshot>();
    }
    return std::shared_ptr<const DomainSource::Snapshot>(std::move(*loaded));
  }();
  return data;
}

// "2024-05-06T08:00:00+07:00" → Instant (test input is well-formed).
inline Instant At(const char* rfc3339) { return ParseDateTime(rfc3339).value(); }

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(dir_.path().empty());
    auto opened = store::Open("sqlite:" + dir_.File("motcua.db"));
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(*opened);
    ASSERT_TRUE(ShippedDomain());
    domain_ = DomainSource::Fixed(ShippedDomain());

    http::ServerOptions options;
    options.listen.host = "127.0.0.1";
    options.listen.port = 0;
    options.io_threads = 1;
    options.worker_threads = 2;
    ConfigureServer(options);
    http::ServerDeps deps;
    deps.log = http::MakeJsonLogger("api_test", std::make_shared<spdlog::sinks::null_sink_mt>());
    deps.authenticator = &auth_;
    deps.clock = [this] { return now_.load(); };
    http::RouteTable routes;
    const Status added = AddApiRoutes(routes, deps.schemas,
                                      ApiDeps{.store = store_.get(),
                                              .domain = domain_.get(),
                                              .hasher = &hasher_,
                                              .cookie = options.cookie});
    ASSERT_TRUE(added.ok()) << added.ToString();
    auto server = http::Server::Start(std::move(options), std::move(routes), std::move(deps));
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
  }

  void TearDown() override {
    if (server_) server_->Shutdown();
    server_.reset();
    store_.reset();
  }

  // Lets a test change the options (e.g. rate limits) before the start.
  virtual void ConfigureServer(http::ServerOptions&) {}

  void SetNow(Instant t) { now_ = t; }
  void SetNow(const char* rfc3339) { now_ = At(rfc3339); }
  void Advance(Instant seconds) { now_ += seconds; }
  Instant Now() const { return now_.load(); }

  // Stores the user and returns a session token for them.
  std::string Login(const std::string& login, std::vector<access::Role> roles,
                    const std::string& agency = "") {
    access::User u;
    u.login = login;
    u.display_name = login;
    u.roles = std::move(roles);
    u.agency_code = agency;
    EXPECT_TRUE(store_->PutUser(u).ok());
    return auth_.Add(u);
  }

  // A grant of `agency` to `grantee` over the whole agency, from `from` on.
  access::Grant Grant(const std::string& agency, const std::string& grantee,
                      std::vector<access::GrantAction> actions, Instant from) {
    access::Grant g;
    g.agency_code = agency;
    g.grantee_login = grantee;
    g.actions = std::move(actions);
    g.valid_from = from;
    g.contract_reference = "HĐ 12/2024/HĐ-BĐ";
    auto created = store_->CreateGrant(g);
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return created.ok() ? *created : g;
  }

  using Headers = std::vector<std::pair<std::string, std::string>>;

  static Headers Bearer(const std::string& token, Headers more = {}) {
    if (!token.empty()) more.emplace_back("Authorization", "Bearer " + token);
    return more;
  }
  HttpResponse Get(const std::string& token, const std::string& target) {
    return http::testing::Request(server_->port(), "GET", target, "", Bearer(token));
  }
  HttpResponse Post(const std::string& token, const std::string& target, const nlohmann::json& body,
                    Headers headers = {}) {
    return http::testing::Request(server_->port(), "POST", target, body.dump(),
                                  Bearer(token, std::move(headers)));
  }

  // A citizen's online submission without an account; the new code, or ""
  // (with a test failure) when it was refused.
  std::string SubmitOnline(const std::string& procedure, const std::string& name,
                           const std::string& phone, const nlohmann::json& components) {
    const HttpResponse r = Post("", "/api/v1/public/dossiers",
                                {{"procedure", procedure},
                                 {"applicant", {{"name", name}, {"phone", phone}}},
                                 {"components", components}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json()["code"].get<std::string>() : "";
  }

  store::Store& db() { return *store_; }
  std::uint16_t port() const { return server_->port(); }
  http::Server& server() { return *server_; }

 private:
  store::sqlite::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<DomainSource> domain_;
  http::PasswordHasher hasher_;
  TokenAuthenticator auth_;
  std::atomic<Instant> now_{At("2024-05-06T08:00:00+07:00")};
  std::unique_ptr<http::Server> server_;
};

}  // namespace motcua::api::testing
