#include "http/log_sink.h"

#include <errno.h>
#include <unistd.h>

namespace motcua::http {

BufferedFdSink::BufferedFdSink(int fd, std::chrono::milliseconds interval, std::size_t max_buffered)
    : fd_(fd), interval_(interval), max_buffered_(max_buffered), flusher_([this] {
        std::unique_lock lock(stop_mu_);
        while (!stop_cv_.wait_for(lock, interval_, [this] { return stopping_; })) {
          flush();
        }
      }) {
  buffer_.reserve(max_buffered_ + 4096);
}

BufferedFdSink::~BufferedFdSink() {
  {
    std::lock_guard lock(stop_mu_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  flusher_.join();
  flush();
}

void BufferedFdSink::sink_it_(const spdlog::details::log_msg& msg) {
  spdlog::memory_buf_t formatted;
  formatter_->format(msg, formatted);
  buffer_.append(formatted.data(), formatted.size());
  if (buffer_.size() >= max_buffered_) WriteOut();
}

void BufferedFdSink::flush_() { WriteOut(); }

void BufferedFdSink::WriteOut() {
  std::size_t done = 0;
  while (done < buffer_.size()) {
    const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // a log that cannot be written must not stop the server
    done += static_cast<std::size_t>(n);
  }
  buffer_.clear();
}

}  // namespace motcua::http
