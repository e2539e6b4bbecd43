#include "store/sqlite/migrate.h"

#include <gtest/gtest.h>

#include "store/sqlite/temp_dir_testing.h"

namespace motcua::store::sqlite {
namespace {

constexpr Migration kV1[] = {
    {1, "people", "CREATE TABLE people(id INTEGER PRIMARY KEY, name TEXT NOT NULL);"},
};
constexpr Migration kV2[] = {
    kV1[0],
    {2, "people phone", "ALTER TABLE people ADD COLUMN phone TEXT;"},
};
constexpr Migration kV3Broken[] = {
    kV2[0],
    kV2[1],
    {3, "half applied",
     "CREATE TABLE first_half(x); CREATE TABLE people(id);"},  // second statement fails
};

std::unique_ptr<Connection> OpenOrDie(const std::string& path) {
  auto conn = Connection::Open(path, ConnectionOptions{});
  EXPECT_TRUE(conn.ok()) << conn.status().ToString();
  return std::move(conn).value();
}

bool TableExists(Connection& conn, const char* name) {
  auto stmt = conn.Prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  stmt->Bind(1, name);
  auto row = stmt->Step();
  return row.ok() && *row;
}

TEST(Migrate, FreshDatabaseGetsEveryMigration) {
  TempDir dir;
  auto conn = OpenOrDie(dir.File("m.db"));
  EXPECT_EQ(SchemaVersion(*conn).value(), 0);
  ASSERT_TRUE(Migrate(*conn, kV2).ok());
  EXPECT_EQ(SchemaVersion(*conn).value(), 2);
  EXPECT_TRUE(conn->Exec("INSERT INTO people(name, phone) VALUES('a', '1')").ok());
}

TEST(Migrate, ReopeningAppliesOnlyWhatIsNewAndKeepsData) {
  TempDir dir;
  {
    auto conn = OpenOrDie(dir.File("m.db"));
    ASSERT_TRUE(Migrate(*conn, kV1).ok());
    ASSERT_TRUE(conn->Exec("INSERT INTO people(name) VALUES('kept')").ok());
  }
  {
    auto conn = OpenOrDie(dir.File("m.db"));
    ASSERT_TRUE(Migrate(*conn, kV1).ok());  // nothing to do, no error
    ASSERT_TRUE(Migrate(*conn, kV2).ok());
    EXPECT_EQ(SchemaVersion(*conn).value(), 2);
    auto stmt = conn->Prepare("SELECT name, phone FROM people");
    auto row = stmt->Step();
    ASSERT_TRUE(row.ok() && *row);
    EXPECT_EQ(stmt->ColumnText(0), "kept");
    EXPECT_TRUE(stmt->ColumnIsNull(1));
  }
}

TEST(Migrate, DatabaseNewerThanTheProgramIsRefused) {
  TempDir dir;
  auto conn = OpenOrDie(dir.File("m.db"));
  ASSERT_TRUE(Migrate(*conn, kV2).ok());
  const Status status = Migrate(*conn, kV1);
  EXPECT_EQ(status.code(), Status::Code::kFailedPrecondition);
  EXPECT_NE(status.message().find("newer"), std::string::npos) << status.ToString();
}

TEST(Migrate, AFailingMigrationIsRolledBackWhole) {
  TempDir dir;
  auto conn = OpenOrDie(dir.File("m.db"));
  const Status status = Migrate(*conn, kV3Broken);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("migration 3"), std::string::npos) << status.ToString();
  EXPECT_EQ(SchemaVersion(*conn).value(), 2);  // 1 and 2 committed before
  EXPECT_FALSE(TableExists(*conn, "first_half"));
  EXPECT_FALSE(conn->InTransaction());
}

TEST(Migrate, AListWithAGapIsRejected) {
  TempDir dir;
  auto conn = OpenOrDie(dir.File("m.db"));
  constexpr Migration kGap[] = {{1, "a", "SELECT 1;"}, {3, "c", "SELECT 1;"}};
  EXPECT_EQ(Migrate(*conn, kGap).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(SchemaVersion(*conn).value(), 0);
}

}  // namespace
}  // namespace motcua::store::sqlite
