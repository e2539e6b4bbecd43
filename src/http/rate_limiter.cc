#include "http/rate_limiter.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <functional>
#include <vector>

namespace motcua::http {

RateLimiter::RateLimiter(RateLimit limit, std::size_t max_clients)
    : limit_(limit), max_per_shard_(std::max<std::size_t>(1, max_clients / kShards)) {
  assert(limit.burst >= 1 && limit.per_second > 0);
}

double RateLimiter::Refilled(const Bucket& b, Clock::time_point now) const {
  const double elapsed = std::max(0.0, std::chrono::duration<double>(now - b.updated).count());
  return std::min(limit_.burst, b.tokens + elapsed * limit_.per_second);
}

void RateLimiter::Evict(Shard& shard, Clock::time_point now) {
  std::erase_if(shard.buckets,
                [&](const auto& kv) { return Refilled(kv.second, now) >= limit_.burst; });
  if (shard.buckets.size() < max_per_shard_) return;
  // Still full of clients that are all being limited (a flood of distinct
  // addresses): forget the half least recently seen rather than grow.
  std::vector<Clock::time_point> times;
  times.reserve(shard.buckets.size());
  for (const auto& kv : shard.buckets) times.push_back(kv.second.updated);
  auto middle = times.begin() + times.size() / 2;
  std::nth_element(times.begin(), middle, times.end());
  const Clock::time_point cutoff = *middle;
  std::erase_if(shard.buckets, [&](const auto& kv) { return kv.second.updated <= cutoff; });
}

RateDecision RateLimiter::Acquire(std::string_view client, Clock::time_point now) {
  Shard& shard = shards_[std::hash<std::string_view>{}(client) % kShards];
  std::lock_guard lock(shard.mu);
  auto it = shard.buckets.find(std::string(client));
  if (it == shard.buckets.end()) {
    if (shard.buckets.size() >= max_per_shard_) Evict(shard, now);
    it = shard.buckets.emplace(std::string(client), Bucket{limit_.burst, now}).first;
  }
  Bucket& b = it->second;
  b.tokens = Refilled(b, now);
  b.updated = std::max(b.updated, now);
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return {true, 0};
  }
  const double wait = (1.0 - b.tokens) / limit_.per_second;
  return {false, std::max(1, static_cast<int>(std::ceil(wait)))};
}

void RateLimiter::Refund(std::string_view client, Clock::time_point now) {
  Shard& shard = shards_[std::hash<std::string_view>{}(client) % kShards];
  std::lock_guard lock(shard.mu);
  auto it = shard.buckets.find(std::string(client));
  if (it == shard.buckets.end()) return;
  Bucket& b = it->second;
  b.tokens = std::min(limit_.burst, Refilled(b, now) + 1.0);
  b.updated = std::max(b.updated, now);
}

std::size_t RateLimiter::TrackedClients() {
  std::size_t n = 0;
  for (Shard& shard : shards_) {
    std::lock_guard lock(shard.mu);
    n += shard.buckets.size();
  }
  return n;
}

}  // namespace motcua::http
