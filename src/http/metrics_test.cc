#include "http/metrics.h"

#include <gtest/gtest.h>

namespace motcua::http {
namespace {

bool Contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

TEST(Metrics, RequestsAreCountedByRoutePatternMethodAndStatus) {
  HttpMetrics m;
  m.Observe("/api/v1/dossiers/{code}", "GET", 200, 0.004);
  m.Observe("/api/v1/dossiers/{code}", "GET", 200, 0.2);
  m.Observe("/api/v1/dossiers/{code}", "GET", 404, 0.001);
  EXPECT_EQ(m.RequestCount("/api/v1/dossiers/{code}", "GET", 200), 2u);
  const std::string text = m.Render();
  EXPECT_TRUE(Contains(text, "# TYPE motcua_http_requests_total counter\n"));
  EXPECT_TRUE(Contains(text,
                       "motcua_http_requests_total{route=\"/api/v1/dossiers/"
                       "{code}\",method=\"GET\",status=\"200\"} 2\n"));
  EXPECT_TRUE(Contains(text,
                       "motcua_http_requests_total{route=\"/api/v1/dossiers/"
                       "{code}\",method=\"GET\",status=\"404\"} 1\n"));
}

TEST(Metrics, TheLatencyHistogramIsCumulative) {
  HttpMetrics m;
  m.Observe("/r", "GET", 200, 0.004);  // le 0.005
  m.Observe("/r", "GET", 200, 0.2);    // le 0.25
  m.Observe("/r", "GET", 200, 60);     // only +Inf
  const std::string text = m.Render();
  EXPECT_TRUE(Contains(text, "# TYPE motcua_http_request_duration_seconds histogram\n"));
  EXPECT_TRUE(Contains(text, "_bucket{route=\"/r\",method=\"GET\",le=\"0.0025\"} 0\n"));
  EXPECT_TRUE(Contains(text, "_bucket{route=\"/r\",method=\"GET\",le=\"0.005\"} 1\n"));
  EXPECT_TRUE(Contains(text, "_bucket{route=\"/r\",method=\"GET\",le=\"0.25\"} 2\n"));
  EXPECT_TRUE(Contains(text, "_bucket{route=\"/r\",method=\"GET\",le=\"30\"} 2\n"));
  EXPECT_TRUE(Contains(text, "_bucket{route=\"/r\",method=\"GET\",le=\"+Inf\"} 3\n"));
  EXPECT_TRUE(Contains(
      text, "motcua_http_request_duration_seconds_count{route=\"/r\",method=\"GET\"} 3\n"));
  EXPECT_TRUE(Contains(
      text, "motcua_http_request_duration_seconds_sum{route=\"/r\",method=\"GET\"} 60.204\n"));
}

TEST(Metrics, StoreGaugesComeFromCollectors) {
  HttpMetrics m;
  m.AddCollector([]() -> Result<std::vector<MetricFamily>> {
    return std::vector<MetricFamily>{
        {"motcua_dossiers",
         "Dossiers by state.",
         "gauge",
         {{{{"state", "received"}}, 12}, {{{"state", "paused"}}, 3}}},
        {"motcua_dossiers_open_overdue", "Open overdue.", "gauge", {{{}, 2}}}};
  });
  const std::string text = m.Render();
  EXPECT_TRUE(Contains(text, "# TYPE motcua_dossiers gauge\n"));
  EXPECT_TRUE(Contains(text, "motcua_dossiers{state=\"received\"} 12\n"));
  EXPECT_TRUE(Contains(text, "motcua_dossiers_open_overdue 2\n"));
}

TEST(Metrics, AFailingCollectorIsCountedAndTheRestStillRenders) {
  HttpMetrics m;
  m.Observe("/r", "GET", 200, 0.01);
  m.AddCollector([]() -> Result<std::vector<MetricFamily>> { return Status::IOError("db down"); });
  EXPECT_TRUE(Contains(m.Render(), "motcua_metrics_collector_errors_total 1\n"));
  const std::string second = m.Render();
  EXPECT_TRUE(Contains(second, "motcua_metrics_collector_errors_total 2\n"));
  EXPECT_TRUE(Contains(second, "motcua_http_requests_total{"));
}

TEST(Metrics, LabelValuesAreEscaped) {
  EXPECT_EQ(EscapeLabelValue("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
}

}  // namespace
}  // namespace motcua::http
