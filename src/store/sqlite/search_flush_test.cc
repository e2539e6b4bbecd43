// The search index is flushed once per group commit, not once per job.
//
// FTS5 writes its pending terms into a new index segment whenever a
// savepoint opens on it, and SQLite opens one for every statement that needs
// a statement journal, such as any statement with RETURNING. A write job
// that ran such a statement after an earlier job of its batch had indexed a
// name made FTS5 write a segment per job (and merge them later): this test
// runs what a submission runs between two index entries (the code sequence
// and the facts generation) and checks that the index ends up exactly as
// large as when the entries were written back to back.
#include <gtest/gtest.h>

#include <string>

#include "store/sqlite/database.h"
#include "store/sqlite/dossier_rows.h"
#include "store/sqlite/schema.h"
#include "store/sqlite/temp_dir_testing.h"

namespace motcua::store::sqlite {
namespace {

constexpr int kJobs = 200;

Status IndexOne(Connection& conn, int i) {
  MOTCUA_ASSIGN_OR_RETURN(Statement s,
                          conn.Prepare("INSERT INTO dossier_search(rowid, name) VALUES(?1, ?2)"));
  s.Bind(1, std::int64_t{i + 1}).Bind(2, "nguyen van binh " + std::to_string(i));
  return s.Run();
}

// Rows of the FTS5 index's data table after one transaction of kJobs index
// entries, with a submission's other bookkeeping between them or not.
std::int64_t IndexRowsAfterOneCommit(const std::string& path, bool with_bookkeeping) {
  auto db = Database::Open(path, StoreMigrations(), DatabaseOptions{});
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  const Status written = (*db)->writer().Write([&](Connection& conn) -> Status {
    for (int i = 0; i < kJobs; ++i) {
      MOTCUA_RETURN_IF_ERROR(IndexOne(conn, i));
      if (!with_bookkeeping) continue;
      MOTCUA_ASSIGN_OR_RETURN(const int sequence, NextSequence(conn, "000.00.06.H29", 19700));
      EXPECT_EQ(sequence, i + 1);
      MOTCUA_ASSIGN_OR_RETURN(const std::uint64_t generation, BumpFactsGeneration(conn));
      MOTCUA_ASSIGN_OR_RETURN(const std::uint64_t read_back, FactsGeneration(conn));
      EXPECT_EQ(generation, read_back);
    }
    return Status::Ok();
  });
  EXPECT_TRUE(written.ok()) << written.ToString();
  auto lease = (*db)->readers().Acquire();
  EXPECT_TRUE(lease.ok());
  auto count = (*lease)->Prepare("SELECT count(*) FROM dossier_search_data");
  EXPECT_TRUE(count.ok());
  auto row = count->Step();
  EXPECT_TRUE(row.ok() && *row);
  return count->ColumnInt(0);
}

TEST(SearchIndexFlush, ASubmissionsBookkeepingDoesNotMakeTheIndexWriteASegmentPerJob) {
  TempDir dir;
  const std::int64_t back_to_back = IndexRowsAfterOneCommit(dir.File("plain.db"), false);
  const std::int64_t interleaved = IndexRowsAfterOneCommit(dir.File("submissions.db"), true);
  EXPECT_EQ(interleaved, back_to_back);
}

TEST(SearchIndexFlush, SequencesAndGenerationsStillCountUpAcrossCommits) {
  TempDir dir;
  auto db = Database::Open(dir.File("store.db"), StoreMigrations(), DatabaseOptions{});
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  std::uint64_t first_generation = 0;
  for (int round = 0; round < 3; ++round) {
    const Status s = (*db)->writer().Write([&](Connection& conn) -> Status {
      MOTCUA_ASSIGN_OR_RETURN(const int a, NextSequence(conn, "000.00.06.H29", 19700));
      MOTCUA_ASSIGN_OR_RETURN(const int b, NextSequence(conn, "000.00.07.H29", 19700));
      MOTCUA_ASSIGN_OR_RETURN(const int c, NextSequence(conn, "000.00.06.H29", 19701));
      EXPECT_EQ(a, round + 1);
      EXPECT_EQ(b, round + 1);
      EXPECT_EQ(c, round + 1);
      MOTCUA_ASSIGN_OR_RETURN(const std::uint64_t g, BumpFactsGeneration(conn));
      if (round == 0) first_generation = g;
      EXPECT_EQ(g, first_generation + static_cast<std::uint64_t>(round));
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
}

}  // namespace
}  // namespace motcua::store::sqlite
