#include "http/rate_limiter.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace motcua::http {
namespace {

using Clock = RateLimiter::Clock;
using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(RateLimiter, ABurstIsAllowedThenTheClientMustWait) {
  RateLimiter limiter({.burst = 3, .per_second = 0.5});  // one every 2 s
  const Clock::time_point t0{};
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.Acquire("10.0.0.1", t0).allowed);
  const RateDecision refused = limiter.Acquire("10.0.0.1", t0);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after_seconds, 2);
  // After the announced wait, one more request goes through.
  EXPECT_TRUE(limiter.Acquire("10.0.0.1", t0 + seconds(2)).allowed);
  EXPECT_FALSE(limiter.Acquire("10.0.0.1", t0 + seconds(2)).allowed);
}

TEST(RateLimiter, RetryAfterIsRoundedUpAndAtLeastOneSecond) {
  RateLimiter fast({.burst = 1, .per_second = 100});
  const Clock::time_point t0{};
  EXPECT_TRUE(fast.Acquire("c", t0).allowed);
  EXPECT_EQ(fast.Acquire("c", t0).retry_after_seconds, 1);

  RateLimiter slow({.burst = 1, .per_second = 1.0 / 60});  // one a minute
  EXPECT_TRUE(slow.Acquire("c", t0).allowed);
  EXPECT_EQ(slow.Acquire("c", t0 + seconds(15)).retry_after_seconds, 45);
  EXPECT_EQ(slow.Acquire("c", t0 + milliseconds(59'500)).retry_after_seconds, 1);
}

TEST(RateLimiter, ARefundedAttemptDoesNotCountButNeverRaisesTheBurst) {
  RateLimiter limiter({.burst = 2, .per_second = 1.0 / 60});
  const Clock::time_point t0{};
  // Attempts that are refunded (successful sign-ins) never exhaust the bucket.
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(limiter.Acquire("an.officer", t0).allowed) << i;
    limiter.Refund("an.officer", t0);
  }
  // A refund to a full bucket adds nothing: still two, then refused.
  limiter.Refund("an.officer", t0);
  EXPECT_TRUE(limiter.Acquire("an.officer", t0).allowed);
  EXPECT_TRUE(limiter.Acquire("an.officer", t0).allowed);
  EXPECT_FALSE(limiter.Acquire("an.officer", t0).allowed);
  // Refunding a client never seen creates nothing.
  limiter.Refund("nobody", t0);
  EXPECT_EQ(limiter.TrackedClients(), 1u);
}

TEST(RateLimiter, ClientsHaveTheirOwnBuckets) {
  RateLimiter limiter({.burst = 1, .per_second = 0.01});
  const Clock::time_point t0{};
  EXPECT_TRUE(limiter.Acquire("10.0.0.1", t0).allowed);
  EXPECT_FALSE(limiter.Acquire("10.0.0.1", t0).allowed);
  EXPECT_TRUE(limiter.Acquire("10.0.0.2", t0).allowed);
}

TEST(RateLimiter, RefusedRequestsDoNotDeepenTheDebt) {
  RateLimiter limiter({.burst = 1, .per_second = 1});
  const Clock::time_point t0{};
  EXPECT_TRUE(limiter.Acquire("c", t0).allowed);
  for (int i = 0; i < 100; ++i) EXPECT_FALSE(limiter.Acquire("c", t0).allowed);
  EXPECT_TRUE(limiter.Acquire("c", t0 + seconds(1)).allowed);
}

TEST(RateLimiter, AFloodOfAddressesDoesNotGrowMemoryWithoutBound) {
  RateLimiter limiter({.burst = 1, .per_second = 0.001}, /*max_clients=*/1600);
  const Clock::time_point t0{};
  for (int i = 0; i < 100000; ++i) {
    (void)limiter.Acquire("10." + std::to_string(i), t0 + milliseconds(i));
  }
  EXPECT_LE(limiter.TrackedClients(), 1600u);
}

TEST(RateLimiter, ConcurrentClientsNeverGetMoreThanTheBurst) {
  RateLimiter limiter({.burst = 50, .per_second = 0.0001});
  const Clock::time_point t0{};
  std::atomic<int> allowed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 100; ++i) allowed += limiter.Acquire("same", t0).allowed ? 1 : 0;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(allowed.load(), 50);
}

}  // namespace
}  // namespace motcua::http
