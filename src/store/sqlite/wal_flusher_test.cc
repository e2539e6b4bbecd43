#include "store/sqlite/wal_flusher.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "store/sqlite/database.h"
#include "store/sqlite/temp_dir_testing.h"

namespace motcua::store::sqlite {
namespace {

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

// What this process's open descriptors point to (/proc/self/fd).
std::vector<std::string> OpenFiles() {
  std::vector<std::string> targets;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
    std::error_code ec;
    const auto target = std::filesystem::read_symlink(entry.path(), ec);
    if (!ec) targets.push_back(target.string());
  }
  return targets;
}

int CountOpen(const std::string& target) {
  int n = 0;
  for (const std::string& t : OpenFiles()) n += t == target ? 1 : 0;
  return n;
}

TEST(WalFlusher, AMissingWalIsAnIOErrorNamingIt) {
  TempDir dir;
  WalFlusher flusher(dir.File("none.db-wal"));
  const Status status = flusher.Flush();
  EXPECT_EQ(status.code(), Status::Code::kIOError);
  EXPECT_NE(status.message().find("none.db-wal"), std::string::npos) << status.ToString();
}

TEST(WalFlusher, KeepsOneDescriptorAndFollowsAWalMadeAgain) {
  TempDir dir;
  const std::string wal = dir.File("a.db-wal");
  WriteFile(wal, "frames");
  WalFlusher flusher(wal);
  ASSERT_TRUE(flusher.Flush().ok());
  ASSERT_TRUE(flusher.Flush().ok());
  EXPECT_EQ(CountOpen(wal), 1) << "opened once, at the first flush";
  std::filesystem::remove(wal);
  EXPECT_EQ(flusher.Flush().code(), Status::Code::kIOError) << "no WAL: nothing was flushed";
  WriteFile(wal, "new frames");
  ASSERT_TRUE(flusher.Flush().ok());
  EXPECT_EQ(CountOpen(wal), 1) << "the new file, and only it";
  EXPECT_EQ(CountOpen(wal + " (deleted)"), 0) << "the old descriptor is closed";
}

TEST(WalFlusher, TheDatabaseFlushesItsOwnWal) {
  TempDir dir;
  constexpr Migration kSchema[] = {{1, "rows", "CREATE TABLE item(id INTEGER PRIMARY KEY);"}};
  auto db = Database::Open(dir.File("d.db"), kSchema, DatabaseOptions{});
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  ASSERT_TRUE((*db)
                  ->writer()
                  .Write([](Connection& conn) { return conn.Exec("INSERT INTO item VALUES(1)"); })
                  .ok());
  // SQLite's connections hold the WAL open too; the flusher adds its own.
  const int with_flusher = CountOpen(dir.File("d.db-wal"));
  EXPECT_GE(with_flusher, 2);
  db->reset();
  EXPECT_EQ(CountOpen(dir.File("d.db-wal")), 0) << "closed with the database";
}

}  // namespace
}  // namespace motcua::store::sqlite
