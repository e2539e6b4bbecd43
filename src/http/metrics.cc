#include "http/metrics.h"

#include <cmath>
#include <sstream>

namespace motcua::http {
namespace {

std::string FormatValue(double v) {
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  if (std::isnan(v)) return "NaN";
  if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  std::ostringstream out;
  out.precision(9);
  out << v;
  return out.str();
}

std::string Labels(const std::vector<std::pair<std::string, std::string>>& labels) {
  if (labels.empty()) return {};
  std::string out = "{";
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (i > 0) out += ",";
    out += labels[i].first + "=\"" + EscapeLabelValue(labels[i].second) + "\"";
  }
  return out + "}";
}

void Header(std::string& out, std::string_view name, std::string_view help, std::string_view type) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

}  // namespace

std::string EscapeLabelValue(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (const char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

void HttpMetrics::Observe(std::string_view route, std::string_view method, int status,
                          double seconds) {
  std::size_t bucket = 0;
  while (bucket < kLatencyBuckets.size() && seconds > kLatencyBuckets[bucket]) ++bucket;
  std::lock_guard lock(mu_);
  // Looked up by views first: a series exists after its first request, and
  // building the keys' strings for every request showed in perf.
  auto count = requests_.find(std::make_tuple(route, method, status));
  if (count == requests_.end()) {
    count = requests_.emplace(std::make_tuple(std::string(route), std::string(method), status), 0)
                .first;
  }
  ++count->second;
  auto series = latency_.find(std::make_tuple(route, method));
  if (series == latency_.end()) {
    series = latency_.emplace(std::make_tuple(std::string(route), std::string(method)), Histogram{})
                 .first;
  }
  Histogram& h = series->second;
  if (bucket < kLatencyBuckets.size()) ++h.buckets[bucket];
  ++h.count;
  h.sum += seconds;
}

void HttpMetrics::AddCollector(MetricsCollector collector) {
  std::lock_guard lock(mu_);
  collectors_.push_back(std::move(collector));
}

std::uint64_t HttpMetrics::RequestCount(std::string_view route, std::string_view method,
                                        int status) const {
  std::lock_guard lock(mu_);
  const auto it = requests_.find(std::make_tuple(std::string(route), std::string(method), status));
  return it == requests_.end() ? 0 : it->second;
}

std::string HttpMetrics::Render() const {
  std::vector<MetricsCollector> collectors;
  decltype(requests_) requests;
  decltype(latency_) latency;
  {
    std::lock_guard lock(mu_);
    collectors = collectors_;
    requests = requests_;
    latency = latency_;
  }
  std::string out;
  Header(out, "motcua_http_requests_total",
         "HTTP requests answered, by route pattern, method and status.", "counter");
  for (const auto& [key, n] : requests) {
    const auto& [route, method, status] = key;
    out += "motcua_http_requests_total" +
           Labels({{"route", route}, {"method", method}, {"status", std::to_string(status)}}) +
           " " + std::to_string(n) + "\n";
  }
  Header(out, "motcua_http_request_duration_seconds",
         "Time from the request's arrival to the response, by route pattern and method.",
         "histogram");
  for (const auto& [key, h] : latency) {
    const auto& [route, method] = key;
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i) {
      cumulative += h.buckets[i];
      out +=
          "motcua_http_request_duration_seconds_bucket" +
          Labels({{"route", route}, {"method", method}, {"le", FormatValue(kLatencyBuckets[i])}}) +
          " " + std::to_string(cumulative) + "\n";
    }
    out += "motcua_http_request_duration_seconds_bucket" +
           Labels({{"route", route}, {"method", method}, {"le", "+Inf"}}) + " " +
           std::to_string(h.count) + "\n";
    out += "motcua_http_request_duration_seconds_sum" +
           Labels({{"route", route}, {"method", method}}) + " " + FormatValue(h.sum) + "\n";
    out += "motcua_http_request_duration_seconds_count" +
           Labels({{"route", route}, {"method", method}}) + " " + std::to_string(h.count) + "\n";
  }

  std::uint64_t failures = 0;
  for (const auto& collect : collectors) {
    auto families = collect();
    if (!families.ok()) {
      ++failures;
      continue;
    }
    for (const MetricFamily& f : *families) {
      Header(out, f.name, f.help, f.type);
      for (const MetricSample& s : f.samples) {
        out += f.name + Labels(s.labels) + " " + FormatValue(s.value) + "\n";
      }
    }
  }
  std::uint64_t total_failures;
  {
    std::lock_guard lock(mu_);
    collector_errors_ += failures;
    total_failures = collector_errors_;
  }
  Header(out, "motcua_metrics_collector_errors_total",
         "Scrapes at which a metrics source (e.g. the store) failed to answer.", "counter");
  out += "motcua_metrics_collector_errors_total " + std::to_string(total_failures) + "\n";
  return out;
}

}  // namespace motcua::http
