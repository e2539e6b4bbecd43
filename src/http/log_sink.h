// BufferedFdSink: a spdlog sink that writes the server's log lines to a file
// descriptor (stderr for `motcua serve`) in blocks instead of one write(2)
// per line.
//
// Why: spdlog's stderr sink writes and flushes every line, and with one
// access-log line per request that write was ~5% of the CPU of a cached
// `GET /api/v1/dossiers/{code}` (perf while bench/http/run.sh ran).
//
// When lines reach the descriptor: once `max_buffered` bytes wait, every
// `interval` (a thread of the sink), at every flush() (the logger flushes
// warnings and errors at once, MakeJsonLogger; Server::Shutdown flushes),
// and when the sink is destroyed. So a SIGTERM loses nothing, and a process
// killed outright loses at most the last `interval` of lines; what the
// requests did is in the store either way (events and audit carry the
// request id).
//
// Thread-safe (spdlog's base_sink mutex). Does not own the descriptor.
#pragma once

#include <spdlog/sinks/base_sink.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace motcua::http {

class BufferedFdSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit BufferedFdSink(int fd, std::chrono::milliseconds interval = std::chrono::seconds(1),
                          std::size_t max_buffered = 64 * 1024);
  ~BufferedFdSink() override;

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override;
  void flush_() override;

 private:
  // REQUIRES: mutex_ held.
  void WriteOut();

  const int fd_;
  const std::chrono::milliseconds interval_;
  const std::size_t max_buffered_;
  std::string buffer_;  // GUARDED_BY(mutex_)

  std::mutex stop_mu_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;  // GUARDED_BY(stop_mu_)
  std::thread flusher_;    // last: starts once the members above exist
};

}  // namespace motcua::http
