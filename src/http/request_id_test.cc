// Generated request ids: valid by the rule incoming ones are held to, 32 hex
// digits, never repeated within a thread or across threads.
#include "http/request_id.h"

#include <gtest/gtest.h>

#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace motcua::http {
namespace {

TEST(RequestId, GeneratedIdsAreValidHexAndNeverRepeat) {
  std::mutex mu;
  std::set<std::string> seen;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      std::vector<std::string> mine;
      for (int i = 0; i < 5000; ++i) mine.push_back(NewRequestId());
      std::lock_guard lock(mu);
      seen.insert(mine.begin(), mine.end());
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(seen.size(), 20000u);
  for (const std::string& id : seen) {
    ASSERT_EQ(id.size(), 32u);
    ASSERT_TRUE(IsValidRequestId(id));
    ASSERT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos) << id;
  }
}

TEST(RequestId, AValidIncomingIdIsKeptAndABadOneReplaced) {
  EXPECT_EQ(RequestIdFor("proxy-123:abc"), "proxy-123:abc");
  const std::string replaced = RequestIdFor("bad id\nwith newline");
  EXPECT_EQ(replaced.size(), 32u);
  EXPECT_EQ(RequestIdFor(std::string(65, 'a')).size(), 32u);
  EXPECT_EQ(RequestIdFor(std::nullopt).size(), 32u);
}

}  // namespace
}  // namespace motcua::http
