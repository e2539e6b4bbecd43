// A per-client token-bucket rate limiter (login attempts, public lookups).
//
// Each client key (the remote IP address, or a login for failed sign-ins)
// owns a bucket of `burst` tokens
// that refills at `per_second`; a request takes one token or is refused with
// the whole seconds to wait until one is back (the Retry-After value,
// rounded up, at least 1). Buckets that have refilled completely are
// forgotten when the table grows past `max_clients`, so memory stays bounded
// under a flood of addresses; a full bucket is indistinguishable from a new
// one, so forgetting it loses nothing.
//
// Thread-safe: the keys are spread over 16 independently locked shards so
// I/O threads rarely wait on each other. The clock is a parameter, so tests
// pin the time.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace motcua::http {

struct RateLimit {
  double burst = 10;        // requests allowed at once
  double per_second = 0.2;  // sustained rate (0.2 = 12 per minute)
};

struct RateDecision {
  bool allowed = true;
  int retry_after_seconds = 0;  // > 0 when refused
};

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // REQUIRES: limit.burst >= 1, limit.per_second > 0
  explicit RateLimiter(RateLimit limit, std::size_t max_clients = 100000);

  RateDecision Acquire(std::string_view client, Clock::time_point now);
  // Gives back the token an allowed Acquire took, for an attempt that turned
  // out not to count (a login that succeeded: only failures are limited per
  // account). A bucket never holds more than `burst`; refunding a client
  // that is not remembered does nothing.
  void Refund(std::string_view client, Clock::time_point now);

  const RateLimit& limit() const { return limit_; }
  // How many clients are remembered (for tests and metrics).
  std::size_t TrackedClients();

 private:
  struct Bucket {
    double tokens;
    Clock::time_point updated;
  };
  struct Shard {
    std::mutex mu;
    std::unordered_map<std::string, Bucket> buckets;  // GUARDED_BY(mu)
  };
  static constexpr std::size_t kShards = 16;

  // Tokens in `b` at `now` (refilled, capped at burst).
  double Refilled(const Bucket& b, Clock::time_point now) const;
  // REQUIRES: shard.mu held.
  void Evict(Shard& shard, Clock::time_point now);

  const RateLimit limit_;
  const std::size_t max_per_shard_;
  std::array<Shard, kShards> shards_;
};

}  // namespace motcua::http
