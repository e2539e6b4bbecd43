#include "store/sqlite/group_commit.h"

#include <time.h>

#include <exception>
#include <optional>
#include <thread>

#include "util/nonblocking.h"

namespace motcua::store::sqlite {
namespace {

// Runs `job`; an exception becomes Internal.
Status RunJob(Connection& conn, const GroupCommitWriter::Job& job) {
  try {
    return job(conn);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("write job threw: ") + e.what());
  } catch (...) {
    return Status::Internal("write job threw");
  }
}

// Runs `job` inside a savepoint; a failed job is rolled back to it.
Status RunInSavepoint(Connection& conn, const GroupCommitWriter::Job& job) {
  MOTCUA_RETURN_IF_ERROR(conn.ExecCached("SAVEPOINT job"));
  const Status status = RunJob(conn, job);
  if (!conn.InTransaction()) return status;  // SQLite aborted the transaction
  if (status.ok()) return conn.ExecCached("RELEASE job");
  Status undo = conn.ExecCached("ROLLBACK TO job");
  if (undo.ok()) undo = conn.ExecCached("RELEASE job");
  return undo.ok() ? status : undo;
}

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace

GroupCommitWriter::GroupCommitWriter(std::unique_ptr<Connection> conn, Options options)
    : conn_(std::move(conn)),
      options_(std::move(options)),
      flusher_(options_.flush_wal ? std::thread([this] { FlushLoop(); }) : std::thread()),
      thread_([this] { Loop(); }) {}

GroupCommitWriter::~GroupCommitWriter() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
  if (!flusher_.joinable()) return;
  {
    std::lock_guard lock(flush_mu_);
    flush_stopping_ = true;
  }
  flush_wake_.notify_one();
  flusher_.join();
}

std::future<Status> GroupCommitWriter::Submit(Job job, AfterCommit after_commit) {
  Pending pending{std::move(job), std::move(after_commit), {}};
  std::future<Status> future = pending.done.get_future();
  if (RefuseToBlockHere()) {
    pending.done.set_value(
        Status::FailedPrecondition("sqlite: a write would wait for disk on a non-blocking thread"));
    return future;
  }
  if (std::this_thread::get_id() == thread_.get_id()) {
    // Called by a job: run inside its transaction (see "Nested writes").
    pending.done.set_value(
        pending.after_commit
            ? Status::FailedPrecondition(
                  "sqlite: a write inside another cannot have an after-commit hook")
            : RunInSavepoint(*conn_, pending.job));
    return future;
  }
  {
    std::lock_guard lock(mu_);
    if (stopping_) {
      pending.done.set_value(Status::FailedPrecondition("store is closing"));
      return future;
    }
    queue_.push_back(std::move(pending));
  }
  wake_.notify_one();
  return future;
}

std::uint64_t GroupCommitWriter::commits() const {
  std::lock_guard lock(mu_);
  return commits_;
}

double GroupCommitWriter::busy_cpu_seconds() const {
  std::lock_guard lock(mu_);
  return busy_cpu_seconds_;
}

void GroupCommitWriter::TakeQueued(std::vector<Pending>& batch) {
  while (!queue_.empty() && batch.size() < options_.max_batch) {
    batch.push_back(std::move(queue_.front()));
    queue_.pop_front();
  }
}

void GroupCommitWriter::Loop() {
  std::vector<Pending> batch;
  while (true) {
    {
      std::unique_lock lock(mu_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything submitted is done
      TakeQueued(batch);
    }
    const double cpu_before = ThreadCpuSeconds();
    if (options_.between_transactions) options_.between_transactions(*conn_);
    RunBatch(batch);
    batch.clear();
    const double cpu = ThreadCpuSeconds() - cpu_before;
    std::lock_guard lock(mu_);
    busy_cpu_seconds_ += cpu;
  }
}

// The whole batch in one transaction, no savepoints. True when every job
// succeeded and the batch is committed and completed; false, with the
// transaction rolled back and nothing completed, otherwise.
bool GroupCommitWriter::RunBatchWithoutSavepoints(std::vector<Pending>& batch) {
  if (!conn_->ExecCached("BEGIN IMMEDIATE").ok()) return false;
  bool all_ok = true;
  for (size_t i = 0; i < batch.size() || TakeMoreWhileFlushing(batch); ++i) {
    if (!RunJob(*conn_, batch[i].job).ok() || !conn_->InTransaction()) {
      all_ok = false;
      break;
    }
  }
  if (all_ok && conn_->ExecCached("COMMIT").ok()) {
    std::vector<Status> results(batch.size());
    Complete(batch, results, /*committed=*/true);
    return true;
  }
  if (conn_->InTransaction()) conn_->Exec("ROLLBACK");
  return false;
}

bool GroupCommitWriter::TakeMoreWhileFlushing(std::vector<Pending>& batch) {
  if (!options_.flush_wal) return false;
  std::unique_lock lock(mu_);
  while (unflushed_ > 0 && !stopping_ && batch.size() < options_.max_batch) {
    if (!queue_.empty()) {
      TakeQueued(batch);
      return true;
    }
    wake_.wait(lock);
  }
  return false;
}

void GroupCommitWriter::Complete(std::vector<Pending>& batch, std::vector<Status>& results,
                                 bool committed) {
  if (!options_.flush_wal) {
    Finish(batch, results, committed);
    return;
  }
  {
    std::lock_guard lock(mu_);
    ++unflushed_;
  }
  // Even a batch that committed nothing waits for the flush: its answers may
  // depend on an earlier batch's writes (acknowledgements in order).
  {
    std::lock_guard lock(flush_mu_);
    ran_.push_back(Ran{std::move(batch), std::move(results), committed});
  }
  flush_wake_.notify_one();
}

void GroupCommitWriter::FlushLoop() {
  std::deque<Ran> taken;
  while (true) {
    {
      std::unique_lock lock(flush_mu_);
      flush_wake_.wait(lock, [&] { return flush_stopping_ || !ran_.empty(); });
      if (ran_.empty()) return;  // stopping, and every batch is completed
      taken.swap(ran_);
    }
    bool any_committed = false;
    for (const Ran& ran : taken) any_committed = any_committed || ran.committed;
    const Status flushed = any_committed ? options_.flush_wal() : Status::Ok();
    for (Ran& ran : taken) {
      if (ran.committed && !flushed.ok()) {
        for (Status& result : ran.results) {
          if (result.ok()) result = flushed.WithContext("flushing the WAL after commit");
        }
      }
      Finish(ran.batch, ran.results, ran.committed);
    }
    {
      std::lock_guard lock(mu_);
      unflushed_ -= taken.size();
    }
    wake_.notify_one();  // a writer holding its transaction open may commit now
    taken.clear();
  }
}

void GroupCommitWriter::Finish(std::vector<Pending>& batch, std::vector<Status>& results,
                               bool committed) {
  if (committed) {
    for (size_t i = 0; i < batch.size(); ++i) {
      if (results[i].ok() && batch[i].after_commit) batch[i].after_commit();
    }
    std::lock_guard lock(mu_);
    ++commits_;
  }
  for (size_t i = 0; i < batch.size(); ++i) batch[i].done.set_value(std::move(results[i]));
}

void GroupCommitWriter::RunBatch(std::vector<Pending>& batch) {
  if (RunBatchWithoutSavepoints(batch)) return;
  // Again, one savepoint per job: a failing job loses only its own writes.
  std::vector<Status> results(batch.size());
  // Jobs whose writes sit in the open transaction, waiting for COMMIT.
  std::vector<size_t> in_txn;
  bool committed_any = false;
  const auto fail_open = [&](const Status& why) {
    for (size_t k : in_txn) results[k] = why;
    in_txn.clear();
  };
  const auto commit = [&] {
    if (in_txn.empty()) {
      if (conn_->InTransaction()) conn_->Exec("ROLLBACK");
      return;
    }
    const Status status = conn_->ExecCached("COMMIT");
    if (status.ok()) {
      committed_any = true;
      in_txn.clear();
      return;
    }
    if (conn_->InTransaction()) conn_->Exec("ROLLBACK");
    fail_open(status.WithContext("commit"));
  };

  for (size_t i = 0; i < batch.size(); ++i) {
    if (!conn_->InTransaction()) {
      // IMMEDIATE: take the write lock up front (another process, e.g. a CLI
      // import, may hold it; the busy timeout waits for it).
      if (const Status begin = conn_->ExecCached("BEGIN IMMEDIATE"); !begin.ok()) {
        results[i] = begin.WithContext("begin");
        continue;
      }
    }
    const Status status = RunInSavepoint(*conn_, batch[i].job);
    if (!conn_->InTransaction()) {
      // SQLite rolled the whole transaction back (SQLITE_FULL, IOERR, ...):
      // the writes of the earlier jobs of this transaction are gone too.
      const Status lost =
          Status::IOError("transaction aborted by a later write: " + status.ToString());
      fail_open(lost);
      results[i] = status.ok() ? lost : status;
      continue;
    }
    results[i] = status;
    if (status.ok()) in_txn.push_back(i);
  }
  commit();
  Complete(batch, results, committed_any);
}

}  // namespace motcua::store::sqlite
