#include "store/sqlite/checkpointer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "store/sqlite/temp_dir_testing.h"

namespace motcua::store::sqlite {
namespace {

// A writer connection in WAL mode with one table.
std::unique_ptr<Connection> OpenWriter(const std::string& path) {
  auto conn = Connection::Open(path, ConnectionOptions{});
  EXPECT_TRUE(conn.ok());
  EXPECT_TRUE((*conn)
                  ->Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                         "CREATE TABLE t(id INTEGER PRIMARY KEY, body BLOB);")
                  .ok());
  return std::move(conn).value();
}

Status InsertRows(Connection& conn, int from, int n) {
  MOTCUA_RETURN_IF_ERROR(conn.Exec("BEGIN"));
  for (int i = from; i < from + n; ++i) {
    MOTCUA_ASSIGN_OR_RETURN(Statement s, conn.Prepare("INSERT INTO t VALUES(?1, zeroblob(3000))"));
    s.Bind(1, i);
    MOTCUA_RETURN_IF_ERROR(s.Run());
  }
  return conn.Exec("COMMIT");
}

TEST(Checkpointer, ContinuousWritesKeepTheWalBoundedAndLoseNothing) {
  TempDir dir;
  const std::string path = dir.File("c.db");
  auto writer = OpenWriter(path);
  auto checkpointer = Checkpointer::Start(path, *writer, /*pages=*/20, /*restart_pages=*/200);
  ASSERT_TRUE(checkpointer.ok()) << checkpointer.status().ToString();
  // 2,000 rows of 3 KB: about 1,500 pages, far past the restart threshold.
  // After every 200 rows (about 150 pages) the test waits for a checkpoint
  // to have run, so that a starved checkpointer thread on a loaded machine
  // cannot make it flaky: the WAL then never holds more than a few groups.
  for (int group = 0; group < 10; ++group) {
    const int before = (*checkpointer)->runs();
    for (int batch = 0; batch < 10; ++batch) {
      // As the group-commit writer does between two transactions.
      (*checkpointer)->RewindWalIfLarge(*writer);
      ASSERT_TRUE(InsertRows(*writer, (group * 10 + batch) * 20, 20).ok());
    }
    for (int i = 0; i < 500 && (*checkpointer)->runs() == before; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_GT((*checkpointer)->runs(), before) << "no checkpoint after group " << group;
  }
  // Without checkpoints the WAL would hold all ~6 MB; the rewinds keep it
  // near the restart threshold (200 pages of 4 KB) plus what one batch adds.
  const auto wal = std::filesystem::file_size(path + "-wal");
  EXPECT_LT(wal, 3u * 1024 * 1024) << "WAL of " << wal << " bytes";
  EXPECT_GT(wal, 0u);
  auto count = writer->Prepare("SELECT count(*) FROM t");
  ASSERT_TRUE(*count->Step());
  EXPECT_EQ(count->ColumnInt(0), 2000);
}

// The background thread kept out (it would wake only past a million pages):
// what bounds the WAL is the writer's own rewind between transactions.
TEST(Checkpointer, TheWriterRewindsALargeWalBetweenTransactions) {
  for (const bool rewind : {false, true}) {
    SCOPED_TRACE(rewind ? "with rewinds" : "without");
    TempDir dir;
    const std::string path = dir.File("r.db");
    auto writer = OpenWriter(path);
    auto checkpointer = Checkpointer::Start(path, *writer, /*pages=*/1'000'000,
                                            /*restart_pages=*/200);
    ASSERT_TRUE(checkpointer.ok()) << checkpointer.status().ToString();
    for (int batch = 0; batch < 100; ++batch) {
      if (rewind) (*checkpointer)->RewindWalIfLarge(*writer);
      ASSERT_TRUE(InsertRows(*writer, batch * 20, 20).ok());
    }
    const auto wal = std::filesystem::file_size(path + "-wal");
    // 2,000 rows of 3 KB: about 6 MB of WAL when nothing rewinds it.
    if (rewind) {
      EXPECT_LT(wal, 3u * 1024 * 1024) << "WAL of " << wal << " bytes";
    } else {
      EXPECT_GT(wal, 5u * 1024 * 1024) << "WAL of " << wal << " bytes";
    }
    EXPECT_EQ((*checkpointer)->runs(), 0);
    auto count = writer->Prepare("SELECT count(*) FROM t");
    ASSERT_TRUE(*count->Step());
    EXPECT_EQ(count->ColumnInt(0), 2000);
  }
}

// A reader that keeps its snapshot (a long report, `audit verify` in another
// process) delays a rewind by kRewindWaitMs, not by the writer's busy timeout
// of 10 s; the WAL is rewound at a later try, once the reader is gone.
TEST(Checkpointer, ALongReaderDelaysARewindBrieflyAndOnlyOnce) {
  TempDir dir;
  const std::string path = dir.File("l.db");
  auto writer = OpenWriter(path);
  ASSERT_EQ(writer->busy_timeout_ms(), 10'000);
  auto checkpointer = Checkpointer::Start(path, *writer, /*pages=*/20, /*restart_pages=*/200);
  ASSERT_TRUE(checkpointer.ok());
  auto reader = Connection::Open(path, ConnectionOptions{});
  ASSERT_TRUE(reader.ok());
  ASSERT_TRUE(InsertRows(*writer, 0, 20).ok());
  ASSERT_TRUE((*reader)->Exec("BEGIN").ok());
  {
    auto snapshot = (*reader)->Prepare("SELECT count(*) FROM t");
    ASSERT_TRUE(*snapshot->Step());                  // the read transaction now holds its snapshot
    ASSERT_TRUE(InsertRows(*writer, 20, 400).ok());  // ~300 pages: past 200
    const auto start = std::chrono::steady_clock::now();
    (*checkpointer)->RewindWalIfLarge(*writer);
    const auto waited = std::chrono::steady_clock::now() - start;
    EXPECT_LT(waited, std::chrono::seconds(3)) << "waited for the busy timeout";
    EXPECT_EQ(writer->busy_timeout_ms(), 10'000) << "the usual timeout is back";
    ASSERT_TRUE(InsertRows(*writer, 420, 20).ok());
    EXPECT_EQ(snapshot->ColumnInt(0), 20);
  }
  ASSERT_TRUE((*reader)->Exec("COMMIT").ok());
  // Later tries (after another 20 pages each) rewind it once the reader is gone.
  for (int i = 0; i < 20; ++i) {
    (*checkpointer)->RewindWalIfLarge(*writer);
    ASSERT_TRUE(InsertRows(*writer, 440 + i * 20, 20).ok());
  }
  auto frames = writer->Prepare("PRAGMA wal_checkpoint(PASSIVE)");
  ASSERT_TRUE(*frames->Step());
  // At most the threshold plus a batch (about 16 pages); never rewound, it
  // would hold over 600.
  EXPECT_LT(frames->ColumnInt(1), 200 + 40) << "frames in the WAL after the last rewind";
}

}  // namespace
}  // namespace motcua::store::sqlite
