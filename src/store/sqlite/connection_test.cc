#include "store/sqlite/connection.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/sqlite/temp_dir_testing.h"

namespace motcua::store::sqlite {
namespace {

std::unique_ptr<Connection> OpenOrDie(const std::string& path) {
  auto conn = Connection::Open(path, ConnectionOptions{});
  EXPECT_TRUE(conn.ok()) << conn.status().ToString();
  return std::move(conn).value();
}

TEST(Connection, BoundValuesRoundTripWithoutBeingSplicedIntoSql) {
  TempDir dir;
  auto conn = OpenOrDie(dir.File("c.db"));
  ASSERT_TRUE(conn->Exec("CREATE TABLE t(i INTEGER, r REAL, s TEXT, b BLOB, n INTEGER)").ok());
  auto insert = conn->Prepare("INSERT INTO t VALUES(?, ?, ?, ?, ?)");
  ASSERT_TRUE(insert.ok());
  const std::string quote_attack = "x'); DROP TABLE t; --";
  const std::string blob("\0\1\2", 3);
  insert->Bind(1, std::int64_t{1} << 40)
      .Bind(2, 0.5)
      .Bind(3, quote_attack)
      .BindBlob(4, blob)
      .Bind(5, std::optional<std::int64_t>());
  ASSERT_TRUE(insert->Run().ok());
  EXPECT_EQ(conn->Changes(), 1);

  auto select = conn->Prepare("SELECT i, r, s, b, n FROM t");
  ASSERT_TRUE(select.ok());
  auto row = select->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ(select->ColumnInt(0), std::int64_t{1} << 40);
  EXPECT_EQ(select->ColumnDouble(1), 0.5);
  EXPECT_EQ(select->ColumnText(2), quote_attack);
  EXPECT_EQ(select->ColumnBlob(3), blob);
  EXPECT_TRUE(select->ColumnIsNull(4));
  EXPECT_EQ(select->ColumnOptionalInt(4), std::nullopt);
  row = select->Step();
  ASSERT_TRUE(row.ok());
  EXPECT_FALSE(*row);
}

TEST(Connection, ErrorsComeBackAsStatusWithTheirKind) {
  TempDir dir;
  auto conn = OpenOrDie(dir.File("c.db"));
  auto bad = conn->Prepare("SELEC nonsense");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kInternal);
  EXPECT_NE(bad.status().message().find("syntax error"), std::string::npos);

  ASSERT_TRUE(conn->Exec("CREATE TABLE u(k TEXT PRIMARY KEY)").ok());
  for (int i = 0; i < 2; ++i) {
    auto insert = conn->Prepare("INSERT INTO u VALUES(?)");
    ASSERT_TRUE(insert.ok());
    insert->Bind(1, "same");
    const Status status = insert->Run();
    if (i == 0) {
      EXPECT_TRUE(status.ok());
    } else {
      EXPECT_EQ(status.code(), Status::Code::kAlreadyExists) << status.ToString();
    }
  }
}

TEST(Connection, BindingOutOfRangeIsReportedByRun) {
  TempDir dir;
  auto conn = OpenOrDie(dir.File("c.db"));
  auto stmt = conn->Prepare("SELECT ?");
  ASSERT_TRUE(stmt.ok());
  stmt->Bind(2, 5);
  EXPECT_FALSE(stmt->Run().ok());
}

TEST(Connection, OpeningAMissingFileWithoutCreateFails) {
  TempDir dir;
  ConnectionOptions options;
  options.create = false;
  auto conn = Connection::Open(dir.File("missing.db"), options);
  ASSERT_FALSE(conn.ok());
  EXPECT_EQ(conn.status().code(), Status::Code::kIOError);
}

TEST(Connection, AFileThatIsNotADatabaseIsCorruption) {
  TempDir dir;
  const std::string path = dir.File("junk.db");
  FILE* f = fopen(path.c_str(), "w");
  ASSERT_NE(f, nullptr);
  for (int i = 0; i < 200; ++i) fputs("this is not a sqlite database file ", f);
  fclose(f);
  auto conn = OpenOrDie(path);
  const Status status = conn->Exec("SELECT * FROM sqlite_master");
  EXPECT_EQ(status.code(), Status::Code::kCorruption) << status.ToString();
}

TEST(Connection, NestedUseOfTheSameSqlGetsItsOwnStatement) {
  TempDir dir;
  auto conn = OpenOrDie(dir.File("c.db"));
  ASSERT_TRUE(conn->Exec("CREATE TABLE t(x); INSERT INTO t VALUES(1),(2),(3);").ok());
  const char* sql = "SELECT x FROM t WHERE x >= ? ORDER BY x";
  auto outer = conn->Prepare(sql);
  ASSERT_TRUE(outer.ok());
  outer->Bind(1, 1);
  int pairs = 0;
  while (true) {
    auto row = outer->Step();
    ASSERT_TRUE(row.ok());
    if (!*row) break;
    auto inner = conn->Prepare(sql);
    ASSERT_TRUE(inner.ok());
    inner->Bind(1, outer->ColumnInt(0));
    while (true) {
      auto r = inner->Step();
      ASSERT_TRUE(r.ok());
      if (!*r) break;
      ++pairs;
    }
  }
  EXPECT_EQ(pairs, 3 + 2 + 1);
  // The cached statement is free again and reusable with fresh bindings.
  auto again = conn->Prepare(sql);
  ASSERT_TRUE(again.ok());
  again->Bind(1, 3);
  auto row = again->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ(again->ColumnInt(0), 3);
}

TEST(Connection, ARewoundStatementRunsAgainWithItsBindingsAResetOneWithout) {
  TempDir dir;
  auto conn = OpenOrDie(dir.File("c.db"));
  ASSERT_TRUE(conn->Exec("CREATE TABLE t(a, b)").ok());
  auto insert = conn->Prepare("INSERT INTO t VALUES(?1, ?2)");
  ASSERT_TRUE(insert.ok());
  const std::string text = "kept";
  insert->Bind(1, 1).BindRef(2, text);
  ASSERT_TRUE(insert->Run().ok());
  insert->Rewind();
  insert->Bind(1, 2);  // ?2 keeps "kept"
  ASSERT_TRUE(insert->Run().ok());
  insert->Reset();
  insert->Bind(1, 3);  // ?2 is NULL again
  ASSERT_TRUE(insert->Run().ok());

  auto select = conn->Prepare("SELECT a, b FROM t ORDER BY a");
  ASSERT_TRUE(select.ok());
  std::vector<std::pair<std::int64_t, std::string>> rows;
  while (true) {
    auto row = select->Step();
    ASSERT_TRUE(row.ok());
    if (!*row) break;
    rows.emplace_back(select->ColumnInt(0),
                      select->ColumnIsNull(1) ? "NULL" : select->ColumnText(1));
  }
  const std::vector<std::pair<std::int64_t, std::string>> expected = {
      {1, "kept"}, {2, "kept"}, {3, "NULL"}};
  EXPECT_EQ(rows, expected);
}

TEST(Connection, SqliteKeepsNoMemoryStatistics) {
  // Set before SQLite initializes (the first Connection::Open of the
  // process): the statistics would take a global mutex on every allocation.
  TempDir dir;
  auto conn = OpenOrDie(dir.File("c.db"));
  ASSERT_TRUE(conn->Exec("CREATE TABLE t(x); INSERT INTO t VALUES(randomblob(100000));").ok());
  EXPECT_EQ(sqlite3_memory_used(), 0);
}

}  // namespace
}  // namespace motcua::store::sqlite
