// Crash safety on real files: a child process writes multi-row records
// through the group-commit writer and reports each acknowledged record on a
// pipe; the parent kills it with SIGKILL mid-stream and reopens the database.
// Every acknowledged record must be there, and every record present must be
// whole (a record's rows are committed together or not at all).
#include <gtest/gtest.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <set>
#include <thread>
#include <vector>

#include "store/sqlite/database.h"
#include "store/sqlite/temp_dir_testing.h"

namespace motcua::store::sqlite {
namespace {

constexpr int kPartsPerRecord = 5;
constexpr Migration kSchema[] = {
    {1, "records",
     "CREATE TABLE record(id INTEGER PRIMARY KEY, parts INTEGER NOT NULL);"
     "CREATE TABLE record_part(record_id INTEGER NOT NULL REFERENCES record(id),"
     "  n INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY(record_id, n));"},
};

// Writes one record: the parent row, then its parts one statement at a time,
// so that a kill can land between them.
Status WriteRecord(Connection& conn, std::int64_t id) {
  MOTCUA_ASSIGN_OR_RETURN(Statement head, conn.Prepare("INSERT INTO record VALUES(?, ?)"));
  head.Bind(1, id).Bind(2, kPartsPerRecord);
  MOTCUA_RETURN_IF_ERROR(head.Run());
  for (int n = 0; n < kPartsPerRecord; ++n) {
    MOTCUA_ASSIGN_OR_RETURN(Statement part,
                            conn.Prepare("INSERT INTO record_part VALUES(?, ?, ?)"));
    part.Bind(1, id).Bind(2, n).Bind(3, std::string(200, static_cast<char>('a' + n)));
    MOTCUA_RETURN_IF_ERROR(part.Run());
  }
  return Status::Ok();
}

// The child: four threads writing records first_id, first_id + 1, ... until killed. Never returns.
[[noreturn]] void WriteUntilKilled(const std::string& path, std::int64_t first_id, int ack_fd) {
  auto db = Database::Open(path, kSchema, DatabaseOptions{});
  if (!db.ok()) _exit(3);
  std::atomic<std::int64_t> next{first_id};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      while (true) {
        const std::int64_t id = next++;
        const Status status =
            (*db)->writer().Write([id](Connection& conn) { return WriteRecord(conn, id); });
        if (!status.ok()) {
          fprintf(stderr, "child write failed: %s\n", status.ToString().c_str());
          _exit(4);
        }
        // 8 bytes < PIPE_BUF: the write is atomic among the threads.
        if (write(ack_fd, &id, sizeof id) != sizeof id) _exit(5);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  _exit(0);
}

TEST(CrashSafety, KilledWriterKeepsEveryAcknowledgedRecordAndNoHalfRecord) {
  TempDir dir;
  const std::string path = dir.File("crash.db");
  for (int round = 0; round < 3; ++round) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(fds[0]);
      // Each round writes new ids; records of earlier rounds stay.
      WriteUntilKilled(path, 1'000'000 * (round + 1), fds[1]);
    }
    close(fds[1]);
    std::set<std::int64_t> acked;
    std::int64_t id;
    // Kill after a number of acks that varies per round, so the kill lands at
    // different points of a batch.
    const size_t kill_after = 300 + 170 * static_cast<size_t>(round);
    while (acked.size() < kill_after && read(fds[0], &id, sizeof id) == sizeof id) {
      acked.insert(id);
    }
    ASSERT_EQ(kill(pid, SIGKILL), 0);
    int wstatus = 0;
    ASSERT_EQ(waitpid(pid, &wstatus, 0), pid);
    ASSERT_TRUE(WIFSIGNALED(wstatus)) << "child exited on its own, code " << WEXITSTATUS(wstatus);
    // Acks already in the pipe were acknowledged before the kill.
    while (read(fds[0], &id, sizeof id) == sizeof id) acked.insert(id);
    close(fds[0]);
    ASSERT_GE(acked.size(), kill_after);

    auto db = Database::Open(path, kSchema, DatabaseOptions{});
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    auto lease = (*db)->readers().Acquire();
    ASSERT_TRUE(lease.ok());
    Connection& conn = **lease;

    std::set<std::int64_t> present;
    auto records = conn.Prepare("SELECT id FROM record");
    while (*records->Step()) present.insert(records->ColumnInt(0));
    for (std::int64_t a : acked) {
      ASSERT_TRUE(present.count(a))
          << "acknowledged record " << a << " lost (round " << round << ")";
    }
    // Never half: every record has all its parts, and no part is orphaned.
    auto half = conn.Prepare(
        "SELECT count(*) FROM record r WHERE "
        "(SELECT count(*) FROM record_part p WHERE p.record_id = r.id) != r.parts");
    ASSERT_TRUE(*half->Step());
    EXPECT_EQ(half->ColumnInt(0), 0) << "records with missing parts";
    auto orphans = conn.Prepare(
        "SELECT count(*) FROM record_part p WHERE NOT EXISTS "
        "(SELECT 1 FROM record r WHERE r.id = p.record_id)");
    ASSERT_TRUE(*orphans->Step());
    EXPECT_EQ(orphans->ColumnInt(0), 0) << "parts without their record";
    auto check = conn.Prepare("PRAGMA integrity_check");
    ASSERT_TRUE(*check->Step());
    EXPECT_EQ(check->ColumnText(0), "ok");
  }
}

}  // namespace
}  // namespace motcua::store::sqlite
