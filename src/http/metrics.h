// Metrics in the Prometheus text exposition format (version 0.0.4), served
// at GET /metrics.
//
// The HTTP layer counts every request by route pattern (never the raw path,
// which would make one series per dossier), method and status, and records
// its latency in a histogram per route and method. Other parts add gauges
// through collectors called at scrape time: the store reports dossiers by
// state and open overdue dossiers (phase 2), the server its in-flight
// requests. A collector that fails is skipped and counted in
// motcua_metrics_collector_errors_total, so one broken source does not hide
// the rest.
//
// Thread-safe: Observe() takes one mutex for a few map operations; Render()
// copies under the mutex and calls the collectors outside it.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "util/status.h"

namespace motcua::http {

struct MetricSample {
  std::vector<std::pair<std::string, std::string>> labels;
  double value = 0;
};

struct MetricFamily {
  std::string name;  // e.g. "motcua_dossiers"
  std::string help;
  std::string type;  // "gauge" or "counter"
  std::vector<MetricSample> samples;
};

// Called at each scrape (on a worker thread: it may read the store).
using MetricsCollector = std::function<Result<std::vector<MetricFamily>>()>;

class HttpMetrics {
 public:
  // Upper bounds in seconds. From 1 ms (a cached read) to 10 s (the request
  // timeout); the steps around 0.1-0.5 s separate a read from a group
  // commit and from a password hash.
  static constexpr std::array<double, 14> kLatencyBuckets = {
      0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

  void Observe(std::string_view route, std::string_view method, int status, double seconds);
  void AddCollector(MetricsCollector collector);

  std::string Render() const;

  // The count for one series, for tests.
  std::uint64_t RequestCount(std::string_view route, std::string_view method, int status) const;

 private:
  struct Histogram {
    std::array<std::uint64_t, kLatencyBuckets.size()> buckets{};  // not cumulative
    std::uint64_t count = 0;
    double sum = 0;
  };

  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t, std::less<>>
      requests_;  // GUARDED_BY(mu_)
  std::map<std::tuple<std::string, std::string>, Histogram, std::less<>>
      latency_;                                 // GUARDED_BY(mu_)
  std::vector<MetricsCollector> collectors_;    // GUARDED_BY(mu_)
  mutable std::uint64_t collector_errors_ = 0;  // GUARDED_BY(mu_)
};

// Escapes a label value: backslash, double quote and newline (the format's
// only escapes).
std::string EscapeLabelValue(std::string_view value);

}  // namespace motcua::http
