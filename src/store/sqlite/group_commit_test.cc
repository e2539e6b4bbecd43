#include "store/sqlite/group_commit.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "store/sqlite/database.h"
#include "store/sqlite/temp_dir_testing.h"

namespace motcua::store::sqlite {
namespace {

constexpr Migration kSchema[] = {
    {1, "rows", "CREATE TABLE item(id INTEGER PRIMARY KEY, note TEXT NOT NULL);"},
};

std::unique_ptr<Database> OpenOrDie(const std::string& path) {
  auto db = Database::Open(path, kSchema, DatabaseOptions{});
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return std::move(db).value();
}

GroupCommitWriter::Job Insert(std::int64_t id, std::string note = "x") {
  return [id, note](Connection& conn) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(Statement stmt, conn.Prepare("INSERT INTO item VALUES(?, ?)"));
    stmt.Bind(1, id).Bind(2, note);
    return stmt.Run();
  };
}

std::int64_t Count(Database& db, const char* where = "1") {
  auto lease = db.readers().Acquire();
  EXPECT_TRUE(lease.ok());
  auto stmt = (*lease)->Prepare(std::string("SELECT count(*) FROM item WHERE ") + where);
  auto row = stmt->Step();
  EXPECT_TRUE(row.ok() && *row);
  return stmt->ColumnInt(0);
}

// Holds the writer thread inside a job until Release(), so that the jobs
// submitted meanwhile queue up and form the next batch. (With a flush still
// in flight they may join the gate's own batch instead: group_commit.h. The
// gate's job may then run a second time, after a failing job; like every
// job it must allow that, and the second run passes at once.)
class WriterGate {
 public:
  explicit WriterGate(GroupCommitWriter& writer) {
    done_ = writer.Submit([this](Connection&) {
      if (!ran_.exchange(true)) {
        entered_.set_value();
        release_.get_future().wait();
      }
      return Status::Ok();
    });
    entered_.get_future().wait();
  }
  void Release() {
    release_.set_value();
    EXPECT_TRUE(done_.get().ok());
  }

 private:
  std::promise<void> entered_, release_;
  std::atomic<bool> ran_{false};
  std::future<Status> done_;
};

TEST(GroupCommit, WritesQueuedWhileTheWriterIsBusyShareOneCommit) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("g.db"));
  GroupCommitWriter& writer = db->writer();
  WriterGate gate(writer);
  std::vector<std::future<Status>> acks;
  for (int i = 0; i < 50; ++i) acks.push_back(writer.Submit(Insert(i)));
  gate.Release();
  for (auto& ack : acks) EXPECT_TRUE(ack.get().ok());
  EXPECT_EQ(writer.commits(), 2u);  // the gate's batch, then all fifty together
  EXPECT_EQ(Count(*db), 50);
}

TEST(GroupCommit, AFailingWriteIsRolledBackAloneAndGetsItsOwnError) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("g.db"));
  GroupCommitWriter& writer = db->writer();
  WriterGate gate(writer);
  auto first = writer.Submit(Insert(1));
  auto failing = writer.Submit([](Connection& conn) -> Status {
    MOTCUA_RETURN_IF_ERROR(Insert(2)(conn));
    MOTCUA_RETURN_IF_ERROR(Insert(3)(conn));
    return Status::Conflict("expected version 4, found 5");
  });
  auto duplicate = writer.Submit(Insert(1, "again"));  // primary key taken by `first`
  auto last = writer.Submit(Insert(4));
  gate.Release();
  EXPECT_TRUE(first.get().ok());
  const Status failed = failing.get();
  EXPECT_EQ(failed.code(), Status::Code::kConflict);
  EXPECT_EQ(failed.message(), "expected version 4, found 5");
  EXPECT_EQ(duplicate.get().code(), Status::Code::kAlreadyExists);
  EXPECT_TRUE(last.get().ok());
  EXPECT_EQ(writer.commits(), 2u);
  EXPECT_EQ(Count(*db), 2);
  EXPECT_EQ(Count(*db, "id IN (1, 4) AND note = 'x'"), 2);
}

TEST(GroupCommit, ABatchRunsOnceWhenAllSucceedAndAgainWithSavepointsWhenOneFails) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("g.db"));
  GroupCommitWriter& writer = db->writer();
  std::atomic<int> runs{0};
  const auto counted = [&](std::int64_t id) -> GroupCommitWriter::Job {
    return [&runs, id](Connection& conn) {
      ++runs;
      return Insert(id)(conn);
    };
  };
  {
    WriterGate gate(writer);
    auto a = writer.Submit(counted(1));
    auto b = writer.Submit(counted(2));
    gate.Release();
    EXPECT_TRUE(a.get().ok());
    EXPECT_TRUE(b.get().ok());
  }
  EXPECT_EQ(runs.load(), 2) << "no failure: each job ran once";
  runs = 0;
  {
    WriterGate gate(writer);
    auto a = writer.Submit(counted(3));
    auto failing = writer.Submit([](Connection&) { return Status::Conflict("stale"); });
    auto b = writer.Submit(counted(4));
    gate.Release();
    EXPECT_TRUE(a.get().ok());
    EXPECT_EQ(failing.get().code(), Status::Code::kConflict);
    EXPECT_TRUE(b.get().ok());
  }
  // The first try stopped at the failure (3 ran); the second ran 3 and 4.
  EXPECT_EQ(runs.load(), 3);
  EXPECT_EQ(Count(*db), 4) << "rows 1 to 4, each once";
}

TEST(GroupCommit, AWriteInsideAJobSharesItsTransactionAndFate) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("g.db"));
  GroupCommitWriter& writer = db->writer();
  // Kept with the job that made it.
  EXPECT_TRUE(writer
                  .Write([&](Connection& conn) -> Status {
                    MOTCUA_RETURN_IF_ERROR(Insert(1)(conn));
                    return writer.Write(Insert(2));
                  })
                  .ok());
  EXPECT_EQ(Count(*db), 2);
  // Undone with the job that made it.
  EXPECT_EQ(writer
                .Write([&](Connection&) -> Status {
                  MOTCUA_RETURN_IF_ERROR(writer.Write(Insert(3)));
                  return Status::Conflict("stale");
                })
                .code(),
            Status::Code::kConflict);
  // A failing inner write leaves nothing of its own, the job goes on.
  EXPECT_TRUE(writer
                  .Write([&](Connection&) -> Status {
                    EXPECT_EQ(writer
                                  .Write([](Connection& conn) -> Status {
                                    MOTCUA_RETURN_IF_ERROR(Insert(4)(conn));
                                    return Status::Conflict("inner");
                                  })
                                  .code(),
                              Status::Code::kConflict);
                    return writer.Write(Insert(5));
                  })
                  .ok());
  EXPECT_EQ(Count(*db, "id IN (1, 2, 5)"), 3);
  EXPECT_EQ(Count(*db), 3);
  // No after-commit hook inside: it could not run after the outer commit.
  EXPECT_EQ(
      writer.Write([&](Connection&) -> Status { return writer.Write(Insert(6), [] {}); }).code(),
      Status::Code::kFailedPrecondition);
  EXPECT_EQ(Count(*db), 3);
}

TEST(GroupCommit, AFailedCommitFailsEveryWriteOfTheBatchAndKeepsNone) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("g.db"));
  GroupCommitWriter& writer = db->writer();
  WriterGate gate(writer);
  // A commit hook that vetoes turns COMMIT into ROLLBACK: the same path as an
  // fsync that fails.
  auto arm = writer.Submit([](Connection& conn) {
    sqlite3_commit_hook(
        conn.raw(), [](void*) { return 1; }, nullptr);
    return Status::Ok();
  });
  auto a = writer.Submit(Insert(1));
  auto b = writer.Submit(Insert(2));
  gate.Release();
  EXPECT_FALSE(arm.get().ok());
  EXPECT_FALSE(a.get().ok());
  EXPECT_FALSE(b.get().ok());
  EXPECT_EQ(Count(*db), 0);
  // The writer goes on once the fault is gone.
  ASSERT_TRUE(writer
                  .Write([](Connection& conn) {
                    sqlite3_commit_hook(conn.raw(), nullptr, nullptr);
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_TRUE(writer.Write(Insert(3)).ok());
  EXPECT_EQ(Count(*db), 1);
}

TEST(GroupCommit, ManyThreadsWritingAtOnceLoseNothingAndShareCommits) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("g.db"));
  constexpr int kThreads = 8, kPerThread = 100;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        if (!db->writer().Write(Insert(t * kPerThread + i)).ok()) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(Count(*db), kThreads * kPerThread);
  // Each commit fsyncs; eight waiting writers should mostly share them.
  EXPECT_LT(db->writer().commits(), static_cast<std::uint64_t>(kThreads * kPerThread));
}

TEST(GroupCommit, ReadersSeeTheLastCommittedStateWhileAWriteIsOpen) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("g.db"));
  ASSERT_TRUE(db->writer().Write(Insert(1)).ok());
  std::promise<void> written, release;
  auto slow = db->writer().Submit([&](Connection& conn) -> Status {
    MOTCUA_RETURN_IF_ERROR(Insert(2)(conn));
    written.set_value();
    release.get_future().wait();
    return Status::Ok();
  });
  written.get_future().wait();
  EXPECT_EQ(Count(*db), 1);  // not blocked, and the open write is invisible
  release.set_value();
  EXPECT_TRUE(slow.get().ok());
  EXPECT_EQ(Count(*db), 2);
}

TEST(GroupCommit, ClosingTheDatabaseFinishesSubmittedWrites) {
  TempDir dir;
  std::vector<std::future<Status>> acks;
  {
    auto db = OpenOrDie(dir.File("g.db"));
    for (int i = 0; i < 100; ++i) acks.push_back(db->writer().Submit(Insert(i)));
  }
  for (auto& ack : acks) EXPECT_TRUE(ack.get().ok());
  auto db = OpenOrDie(dir.File("g.db"));
  EXPECT_EQ(Count(*db), 100);
}

// A writer on its own connection (WAL, synchronous=NORMAL) whose WAL flush
// is the test's: it waits at a gate while `hold` is set, counts its calls
// and answers `answer`.
class HeldFlush {
 public:
  explicit HeldFlush(const std::string& path) {
    auto conn = Connection::Open(path, ConnectionOptions{});
    EXPECT_TRUE(conn.ok());
    EXPECT_TRUE((*conn)
                    ->Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                           "CREATE TABLE item(id INTEGER PRIMARY KEY, note TEXT NOT NULL);")
                    .ok());
    readers_ = std::make_unique<ReadPool>(path, 1);
    writer_ = std::make_unique<GroupCommitWriter>(
        std::move(conn).value(), GroupCommitWriter::Options{.flush_wal =
                                                                [this] {
                                                                  std::unique_lock lock(mu_);
                                                                  ++flushes_;
                                                                  flushing_.notify_all();
                                                                  opened_.wait(
                                                                      lock, [&] { return !hold_; });
                                                                  return answer_;
                                                                },
                                                            .between_transactions =
                                                                [this](Connection& conn) {
                                                                  ++between_;
                                                                  if (conn.InTransaction())
                                                                    ++between_in_transaction_;
                                                                }});
  }
  ~HeldFlush() { Open(); }

  GroupCommitWriter& writer() { return *writer_; }
  void Hold() {
    std::lock_guard lock(mu_);
    hold_ = true;
  }
  void Open() {
    {
      std::lock_guard lock(mu_);
      hold_ = false;
    }
    opened_.notify_all();
  }
  void Answer(Status status) {
    std::lock_guard lock(mu_);
    answer_ = std::move(status);
  }
  // Waits until the flush has been called `n` times in all.
  void AwaitFlushes(int n) {
    std::unique_lock lock(mu_);
    flushing_.wait(lock, [&] { return flushes_ >= n; });
  }
  int flushes() {
    std::lock_guard lock(mu_);
    return flushes_;
  }
  std::int64_t Rows() {
    auto lease = readers_->Acquire();
    EXPECT_TRUE(lease.ok());
    auto stmt = (*lease)->Prepare("SELECT count(*) FROM item");
    auto row = stmt->Step();
    EXPECT_TRUE(row.ok() && *row);
    return stmt->ColumnInt(0);
  }

 private:
  std::mutex mu_;
  std::condition_variable flushing_, opened_;
  bool hold_ = false;
  int flushes_ = 0;
  Status answer_;
  std::unique_ptr<ReadPool> readers_;

 public:
  std::atomic<int> between_{0}, between_in_transaction_{0};

 private:
  std::unique_ptr<GroupCommitWriter> writer_;  // last: destroyed first
};

bool IsReady(std::future<Status>& f) {
  return f.wait_for(std::chrono::milliseconds(50)) == std::future_status::ready;
}

TEST(GroupCommitFlush, AWriteIsAcknowledgedOnlyAfterTheWalFlushThatFollowsItsCommit) {
  TempDir dir;
  HeldFlush held(dir.File("f.db"));
  held.Hold();
  bool hook_ran = false;
  auto ack = held.writer().Submit(Insert(1), [&] { hook_ran = true; });
  held.AwaitFlushes(1);
  EXPECT_EQ(held.Rows(), 1) << "committed: other connections read it already";
  EXPECT_FALSE(IsReady(ack)) << "but not acknowledged before the flush returns";
  EXPECT_FALSE(hook_ran);
  held.Open();
  EXPECT_TRUE(ack.get().ok());
  EXPECT_TRUE(hook_ran);
  EXPECT_EQ(held.writer().commits(), 1u);
}

TEST(GroupCommitFlush, JobsArrivingDuringAFlushRunAtOnceAndShareTheNextCommit) {
  TempDir dir;
  HeldFlush held(dir.File("f.db"));
  held.Hold();
  auto first = held.writer().Submit(Insert(0));
  held.AwaitFlushes(1);
  std::atomic<int> ran{0};
  std::vector<std::future<Status>> acks;
  for (int i = 1; i <= 20; ++i) {
    acks.push_back(held.writer().Submit([&ran, i](Connection& conn) {
      ++ran;
      return Insert(i)(conn);
    }));
  }
  // The writer runs them while the first flush is still held...
  for (int spin = 0; spin < 500 && ran.load() < 20; ++spin) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  EXPECT_EQ(ran.load(), 20);
  // ...in a transaction it keeps open until that flush is done.
  EXPECT_EQ(held.Rows(), 1);
  EXPECT_EQ(held.writer().commits(), 0u);
  EXPECT_FALSE(IsReady(first));
  held.Open();
  EXPECT_TRUE(first.get().ok());
  for (auto& ack : acks) EXPECT_TRUE(ack.get().ok());
  EXPECT_EQ(held.Rows(), 21);
  EXPECT_EQ(held.writer().commits(), 2u) << "the first write, then the twenty together";
  EXPECT_EQ(held.flushes(), 2);
}

TEST(GroupCommitFlush, TheHookBetweenTransactionsRunsBeforeEachBatchWithNoneOpen) {
  TempDir dir;
  HeldFlush held(dir.File("f.db"));
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(held.writer().Write(Insert(i)).ok());
  EXPECT_EQ(held.between_.load(), 5) << "one batch per write, one after another";
  EXPECT_EQ(held.between_in_transaction_.load(), 0);
}

TEST(GroupCommitFlush, AFailedFlushFailsItsWritesAndSkipsTheirHooks) {
  TempDir dir;
  HeldFlush held(dir.File("f.db"));
  held.Answer(Status::IOError("disk gone"));
  bool hook_ran = false;
  const Status failed = held.writer().Write(Insert(1), [&] { hook_ran = true; });
  EXPECT_EQ(failed.code(), Status::Code::kIOError);
  EXPECT_NE(failed.message().find("disk gone"), std::string::npos) << failed.ToString();
  EXPECT_FALSE(hook_ran);
  // The write stays committed; the writer goes on once flushes work again.
  EXPECT_EQ(held.Rows(), 1);
  held.Answer(Status::Ok());
  EXPECT_TRUE(held.writer().Write(Insert(2), [&] { hook_ran = true; }).ok());
  EXPECT_TRUE(hook_ran);
  EXPECT_EQ(held.Rows(), 2);
}

TEST(GroupCommitFlush, AFailedJobIsAnsweredOnlyAfterTheEarlierWritesAreFlushed) {
  TempDir dir;
  HeldFlush held(dir.File("f.db"));
  held.Hold();
  auto first = held.writer().Submit(Insert(1));
  held.AwaitFlushes(1);
  // Fails because of the first write, which is not yet durable.
  auto duplicate = held.writer().Submit(Insert(1, "again"));
  EXPECT_FALSE(IsReady(duplicate));
  held.Open();
  EXPECT_TRUE(first.get().ok());
  EXPECT_EQ(duplicate.get().code(), Status::Code::kAlreadyExists);
}

TEST(GroupCommitFlush, ClosingFlushesAndAnswersEverySubmittedWrite) {
  TempDir dir;
  std::vector<std::future<Status>> acks;
  int flushes = 0;
  {
    HeldFlush held(dir.File("f.db"));
    for (int i = 0; i < 100; ++i) acks.push_back(held.writer().Submit(Insert(i)));
    held.AwaitFlushes(1);
    flushes = held.flushes();
  }
  EXPECT_GE(flushes, 1);
  for (auto& ack : acks) EXPECT_TRUE(ack.get().ok());
}

TEST(Database, OpensInWalModeWithTheFlushAfterCommit) {
  TempDir dir;
  auto db = OpenOrDie(dir.File("g.db"));
  std::string mode;
  std::int64_t sync = -1;
  ASSERT_TRUE(db->writer()
                  .Write([&](Connection& conn) -> Status {
                    MOTCUA_ASSIGN_OR_RETURN(Statement a, conn.Prepare("PRAGMA journal_mode"));
                    MOTCUA_RETURN_IF_ERROR(a.Step().status());
                    mode = a.ColumnText(0);
                    MOTCUA_ASSIGN_OR_RETURN(Statement b, conn.Prepare("PRAGMA synchronous"));
                    MOTCUA_RETURN_IF_ERROR(b.Step().status());
                    sync = b.ColumnInt(0);
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(mode, "wal");
  // NORMAL: COMMIT writes the WAL, the writer's flush makes it durable
  // (WalFlusher, wal_flusher_test.cc) before the write is acknowledged.
  EXPECT_EQ(sync, 1);
}

TEST(Database, InMemoryPathIsRefused) {
  EXPECT_EQ(Database::Open(":memory:", kSchema, DatabaseOptions{}).status().code(),
            Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace motcua::store::sqlite
