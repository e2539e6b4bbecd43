#include "http/log_sink.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "http/access_log.h"

namespace motcua::http {
namespace {

// A pipe whose reading end a test drains without blocking.
class Pipe {
 public:
  Pipe() { EXPECT_EQ(::pipe(fds_), 0); }
  ~Pipe() {
    ::close(fds_[0]);
    ::close(fds_[1]);
  }
  int write_fd() const { return fds_[1]; }
  std::string Drain() {
    std::string out;
    char buf[4096];
    for (;;) {
      fd_set set;
      FD_ZERO(&set);
      FD_SET(fds_[0], &set);
      timeval none{0, 0};
      if (select(fds_[0] + 1, &set, nullptr, nullptr, &none) <= 0) return out;
      const ssize_t n = ::read(fds_[0], buf, sizeof buf);
      if (n <= 0) return out;
      out.append(buf, static_cast<std::size_t>(n));
    }
  }

 private:
  int fds_[2] = {-1, -1};
};

TEST(BufferedFdSink, InfoLinesWaitWarningsAndFlushesGoOutAtOnce) {
  Pipe pipe;
  auto sink = std::make_shared<BufferedFdSink>(pipe.write_fd(), std::chrono::hours(1));
  auto logger = MakeJsonLogger("test", sink);
  LogEvent(*logger, spdlog::level::info, "one");
  LogEvent(*logger, spdlog::level::info, "two");
  EXPECT_EQ(pipe.Drain(), "");  // buffered
  LogEvent(*logger, spdlog::level::warn, "three");
  const std::string out = pipe.Drain();
  std::istringstream lines(out);
  std::string line;
  std::vector<std::string> msgs;
  while (std::getline(lines, line)) msgs.push_back(nlohmann::json::parse(line)["msg"]);
  EXPECT_EQ(msgs, (std::vector<std::string>{"one", "two", "three"}));
  LogEvent(*logger, spdlog::level::info, "four");
  logger->flush();  // as Server::Shutdown does
  EXPECT_NE(pipe.Drain().find("\"four\""), std::string::npos);
}

TEST(BufferedFdSink, LinesGoOutWithinTheIntervalAndWhenTheBufferFills) {
  Pipe pipe;
  {
    auto sink = std::make_shared<BufferedFdSink>(pipe.write_fd(), std::chrono::milliseconds(20),
                                                 /*max_buffered=*/1 << 20);
    auto logger = MakeJsonLogger("test", sink);
    LogEvent(*logger, spdlog::level::info, "later");
    std::string out;
    for (int i = 0; i < 200 && out.empty(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      out = pipe.Drain();
    }
    EXPECT_NE(out.find("\"later\""), std::string::npos);
  }
  auto small = std::make_shared<BufferedFdSink>(pipe.write_fd(), std::chrono::hours(1),
                                                /*max_buffered=*/100);
  auto logger = MakeJsonLogger("test", small);
  LogEvent(*logger, spdlog::level::info, std::string(120, 'x'));
  EXPECT_NE(pipe.Drain().find(std::string(120, 'x')), std::string::npos);
  LogEvent(*logger, spdlog::level::info, "at exit");
  logger.reset();
  small.reset();  // the last owner: flushed on destruction
  EXPECT_NE(pipe.Drain().find("\"at exit\""), std::string::npos);
}

}  // namespace
}  // namespace motcua::http
