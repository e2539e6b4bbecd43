// The store's gauges as a Prometheus scraper sees them at GET /metrics.
#include "api/store_metrics.h"

#include <gtest/gtest.h>

#include "api/session_testing.h"
#include "store/dossier_maker_testing.h"

namespace motcua::api {
namespace {

using testing::AccountApiTest;

class StoreMetricsTest : public AccountApiTest {
 protected:
  // Submits a dossier through the store as the API does; returns it.
  dossier::Dossier Submit(Instant at) {
    store::NewDossier n;
    n.agency_code = store::DossierMaker::kAgency;
    n.submitted_at = at;
    n.build = [this, at](const std::string& code) {
      return maker_.Submit(code, "Nguyễn Văn A", "0912345678", at);
    };
    auto d = store_->CreateDossier(n);
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    return d.ok() ? *d : dossier::Dossier{};
  }

  std::string Scrape() {
    const auto r = Call("GET", "/metrics");
    EXPECT_EQ(r.status, 200);
    return r.body;
  }

  static bool Has(const std::string& text, const std::string& line) {
    return text.find(line + "\n") != std::string::npos;
  }

  store::DossierMaker maker_;
};

TEST_F(StoreMetricsTest, MetricsShowDossiersByStateAndOpenOverdue) {
  all_routes_ = true;
  Start();
  std::string text = Scrape();
  EXPECT_TRUE(Has(text, "# TYPE motcua_dossiers gauge")) << text;
  // Every state is there from the start, at zero.
  EXPECT_TRUE(Has(text, "motcua_dossiers{state=\"submitted\"} 0")) << text;
  EXPECT_TRUE(Has(text, "motcua_dossiers{state=\"stopped\"} 0")) << text;
  EXPECT_TRUE(Has(text, "motcua_dossiers_open_overdue 0")) << text;

  // A citizen submits online at 09:00, over HTTP.
  const nlohmann::json submission = {
      {"procedure", "9.004001"},
      {"applicant", {{"name", "Nguyễn Văn An"}, {"phone", "0912345678"}}},
      {"components", {{{"id", "don-de-nghi"}}}}};
  const auto submitted = Call("POST", "/api/v1/public/dossiers", submission.dump());
  ASSERT_EQ(submitted.status, 201) << submitted.body;
  text = Scrape();
  EXPECT_TRUE(Has(text, "motcua_dossiers{state=\"submitted\"} 1")) << text;

  // The desk receives another one at once.
  const dossier::Dossier second = Submit(testing::kStartTime);
  auto receive = maker_.Step(second, dossier::Action::kReceive, testing::kStartTime + 60);
  ASSERT_TRUE(receive.ok()) << receive.status().ToString();
  store::TransitionWrite w;
  w.expected_version = second.version;
  w.transition = std::move(*receive);
  ASSERT_TRUE(store_->ApplyTransition(w).ok());

  text = Scrape();
  EXPECT_TRUE(Has(text, "motcua_dossiers{state=\"submitted\"} 1")) << text;
  EXPECT_TRUE(Has(text, "motcua_dossiers{state=\"received\"} 1")) << text;
  EXPECT_TRUE(Has(text, "motcua_dossiers_open_overdue 0")) << text;
  EXPECT_TRUE(Has(text, "motcua_metrics_collector_errors_total 0")) << text;

  // Five working days later plus a week, the received one is overdue.
  now_ = testing::kStartTime + 14 * 86400;
  text = Scrape();
  EXPECT_TRUE(Has(text, "motcua_dossiers_open_overdue 1")) << text;
}

}  // namespace
}  // namespace motcua::api
