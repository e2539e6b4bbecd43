// GroupCommitWriter: the one thread that writes to a SQLite database, turning
// many concurrent write requests into few durable commits.
//
// Callers Submit() a job (a function that writes through the connection it is
// given) and receive a future Status. The writer thread takes every job that
// is pending (up to max_batch), runs them in submission order inside one
// transaction and commits once. Then it completes all their futures.
//
// Savepoints only when needed: the batch is first run without any; should a
// job fail, the transaction is rolled back and the batch run again with each
// job inside its own SAVEPOINT, so that only the failing job's writes are
// undone. (A savepoint per job, always, made FTS5 flush its pending terms
// into a new index segment at every job, and merge them: server CPU per
// HTTP submit fell from 444 to 363-389 us without them, docs/storage.md.)
//
// Pipelined durability (Options::flush_wal, as Database::Open sets it): the
// connection runs with synchronous=NORMAL, so a COMMIT only writes the
// batch's frames into the WAL; the batch then goes to a second thread, which
// makes the WAL durable (wal_flusher.h) and only then completes the batch's
// futures, while the writer already runs the next batch. One flush covers
// every batch committed before it began. While a flush is in flight, the
// writer keeps its transaction open and runs the jobs that arrive meanwhile
// in it (up to max_batch), committing when the flush is done: their answers
// would wait for the next flush anyway, and one commit of many jobs writes
// far fewer WAL pages than several small ones (each commit rewrites the
// pages at the end of every index it appends to). Without it, on this disk, the
// writer spent more than half of its time waiting in the COMMIT's fsync and
// a commit of a batch of 17 HTTP submits took 3.4 ms (docs/storage.md).
// Without flush_wal, each COMMIT must be durable when it returns
// (synchronous=FULL) and the writer completes the futures itself.
//
// Guarantees (with the database opened in WAL mode, as Database::Open does):
//  - Durable acknowledgement: a future completes with ok only after the
//    job's writes are in the fsynced WAL: after a flush that began after its
//    COMMIT returned (or after the COMMIT itself, without flush_wal). A crash
//    at any moment, power loss included, keeps every acknowledged job.
//  - Acknowledgements in order: futures complete in the order the jobs ran,
//    so an answer that depends on an earlier write (a version conflict, a
//    retried idempotent request) is never given before that write is
//    durable. Other connections may read a committed write before it is
//    durable (and so before it is acknowledged): a power loss in between
//    loses a write that a reader saw but that nobody was told was done.
//  - A failed flush fails the futures it would have completed (IOError, and
//    their after_commit hooks do not run). Their writes stay committed and
//    may or may not survive a power loss.
//  - Atomic jobs: a job's writes are all committed or all absent. A job that
//    returns a non-ok Status is rolled back to its savepoint alone; the others
//    of its batch are unaffected and its future carries its own error.
//  - Serial order: jobs see the effects of every job submitted before them
//    (same thread) or run before them (other threads); a job runs alone on the
//    connection, so a check-then-write inside one job is race-free.
//  - If the batch as a whole fails (BEGIN or COMMIT fails, or SQLite aborts the
//    transaction on its own, e.g. disk full), every job that was not already
//    failed gets that error, and none of their writes are kept.
//
// Nested writes: a job may itself call Submit()/Write() (a store method called
// from inside SqliteStore::Atomically). Such a write runs at once, inline,
// in the job's own transaction (in a savepoint of its own: a failing nested
// write leaves nothing), and shares the job's fate: it is committed with the
// job or rolled back with it. A nested write cannot have an after_commit
// hook (it is refused with FailedPrecondition).
//
// Thread-safety: Submit() and Write() may be called from any thread.
// REQUIRES (of a job): it does not BEGIN/COMMIT/ROLLBACK itself, does not wait
// on another write (that would deadlock the writer), and leaves no Statement
// alive after it returns. It may be run twice (the second time after its
// batch was rolled back): what it reports to its caller must be set afresh
// at each run. Jobs should not throw; one that does is rolled back and
// reported as Internal.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "store/sqlite/connection.h"
#include "util/status.h"

namespace motcua::store::sqlite {

class GroupCommitWriter {
 public:
  using Job = std::function<Status(Connection&)>;

  struct Options {
    // Most jobs in one transaction; bounds the latency a big batch adds to the
    // first job in it and the WAL growth of one commit.
    size_t max_batch = 1024;
    // Pipelined durability (above): makes everything written to the WAL so
    // far durable (WalFlusher::Flush). REQUIRES: the connection runs with
    // synchronous=NORMAL or FULL. Null: the writer completes each batch
    // right after its COMMIT, which must then be durable (FULL).
    std::function<Status()> flush_wal;
    // Run on the writer thread before each batch, with no transaction open
    // (Checkpointer::RewindWalIfLarge). Null: nothing.
    std::function<void(Connection&)> between_transactions;
  };

  // Takes the connection and starts the writer thread.
  GroupCommitWriter(std::unique_ptr<Connection> conn, Options options);
  // Runs the jobs already submitted, then stops the thread.
  ~GroupCommitWriter();
  GroupCommitWriter(const GroupCommitWriter&) = delete;
  GroupCommitWriter& operator=(const GroupCommitWriter&) = delete;

  // `after_commit`, if given, runs once the job's writes are committed and
  // durable (and not if they are not), before the job's future completes, in
  // the order of the jobs, on the writer thread (or on the flushing one, with
  // flush_wal): the place to bring in-memory state in step with what is now
  // durable (sqlite_store.h's facts cache).
  // REQUIRES: it is quick and does not touch the writer.
  using AfterCommit = std::function<void()>;
  std::future<Status> Submit(Job job, AfterCommit after_commit = nullptr);
  // Submit and wait.
  Status Write(Job job, AfterCommit after_commit = nullptr) {
    return Submit(std::move(job), std::move(after_commit)).get();
  }

  // Transactions committed so far (for tests and metrics).
  std::uint64_t commits() const;
  // CPU seconds the writer thread has spent running batches: the serial part
  // of every write, so jobs/busy_cpu_seconds() bounds the write throughput
  // whatever the number of callers (bench/store_import_bench.cc).
  double busy_cpu_seconds() const;

 private:
  struct Pending {
    Job job;
    AfterCommit after_commit;
    std::promise<Status> done;
  };

  // A batch that ran, waiting for the flush that makes it durable.
  struct Ran {
    std::vector<Pending> batch;
    std::vector<Status> results;
    bool committed = false;
  };

  void Loop();
  // Moves queued jobs to `batch`, in order, until it holds max_batch.
  // REQUIRES: mu_ held.
  void TakeQueued(std::vector<Pending>& batch);
  void RunBatch(std::vector<Pending>& batch);
  bool RunBatchWithoutSavepoints(std::vector<Pending>& batch);
  // With flush_wal: waits while an earlier batch is being flushed for more
  // jobs and appends them to `batch`; false when there are none to add
  // (nothing is being flushed, the batch is full, or the writer stops).
  bool TakeMoreWhileFlushing(std::vector<Pending>& batch);
  // After a batch ran: finishes it, or hands it to the flushing thread.
  void Complete(std::vector<Pending>& batch, std::vector<Status>& results, bool committed);
  // Runs the after_commit hooks and completes the futures.
  void Finish(std::vector<Pending>& batch, std::vector<Status>& results, bool committed);
  void FlushLoop();

  std::unique_ptr<Connection> conn_;  // used by the writer thread only
  const Options options_;

  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::deque<Pending> queue_;    // guarded by mu_
  bool stopping_ = false;        // guarded by mu_
  std::uint64_t commits_ = 0;    // guarded by mu_
  double busy_cpu_seconds_ = 0;  // guarded by mu_
  size_t unflushed_ = 0;         // batches handed to the flusher, not finished; guarded by mu_

  std::mutex flush_mu_;
  std::condition_variable flush_wake_;
  std::deque<Ran> ran_;          // guarded by flush_mu_
  bool flush_stopping_ = false;  // guarded by flush_mu_
  std::thread flusher_;          // only with flush_wal

  std::thread thread_;  // last: starts after the members above exist
};

}  // namespace motcua::store::sqlite
