// WorkerPool: a fixed set of threads for handlers that touch storage or hash
// passwords, so that the I/O threads never block on disk or CPU-heavy work.
//
// The queue is bounded: when `max_queued` jobs wait already, Post() refuses
// and the server answers 503 with Retry-After at once; a queue that grows
// without bound only turns overload into timeouts for everybody.
//
// Thread-safe. Shutdown() (also run by the destructor) stops taking jobs,
// runs every job already queued, then joins the threads.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace motcua::http {

class WorkerPool {
 public:
  // REQUIRES: threads >= 1, max_queued >= 1
  WorkerPool(int threads, std::size_t max_queued);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // False when the queue is full or the pool is shutting down; the job is
  // then not run.
  bool Post(std::function<void()> job);

  void Shutdown();
  std::size_t Queued();

 private:
  void Run();

  const std::size_t max_queued_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;  // GUARDED_BY(mu_)
  bool stopping_ = false;                   // GUARDED_BY(mu_)
  std::mutex join_mu_;
  std::vector<std::thread> threads_;  // GUARDED_BY(join_mu_) after construction
};

}  // namespace motcua::http
