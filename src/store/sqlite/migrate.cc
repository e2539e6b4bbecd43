#include "store/sqlite/migrate.h"

#include <string>

namespace motcua::store::sqlite {
namespace {

constexpr const char* kCreateVersionTable =
    "CREATE TABLE IF NOT EXISTS schema_version ("
    "  version INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  applied_at INTEGER NOT NULL DEFAULT (unixepoch()))";

Status ApplyOne(Connection& conn, const Migration& m) {
  // IMMEDIATE takes the write lock now, so the version read below cannot be
  // overtaken by another process migrating the same file.
  MOTCUA_RETURN_IF_ERROR(conn.Exec("BEGIN IMMEDIATE"));
  Status status = [&]() -> Status {
    MOTCUA_ASSIGN_OR_RETURN(const int current, SchemaVersion(conn));
    if (current >= m.version) return Status::Ok();  // done by someone else meanwhile
    MOTCUA_RETURN_IF_ERROR(conn.Exec(m.sql).WithContext("migration " + std::to_string(m.version) +
                                                        " (" + m.name + ")"));
    MOTCUA_ASSIGN_OR_RETURN(Statement insert,
                            conn.Prepare("INSERT INTO schema_version(version, name) VALUES(?, ?)"));
    insert.Bind(1, m.version).Bind(2, m.name);
    return insert.Run();
  }();
  if (!status.ok()) {
    if (conn.InTransaction()) conn.Exec("ROLLBACK");
    return status;
  }
  return conn.Exec("COMMIT");
}

}  // namespace

Result<int> SchemaVersion(Connection& conn) {
  MOTCUA_RETURN_IF_ERROR(conn.Exec(kCreateVersionTable));
  MOTCUA_ASSIGN_OR_RETURN(Statement stmt,
                          conn.Prepare("SELECT coalesce(max(version), 0) FROM schema_version"));
  MOTCUA_ASSIGN_OR_RETURN(const bool row, stmt.Step());
  if (!row) return Status::Internal("schema_version: no row from max()");
  return static_cast<int>(stmt.ColumnInt(0));
}

Status Migrate(Connection& conn, std::span<const Migration> migrations) {
  for (size_t i = 0; i < migrations.size(); ++i) {
    if (migrations[i].version != static_cast<int>(i) + 1) {
      return Status::InvalidArgument("migration list: entry " + std::to_string(i) +
                                     " has version " + std::to_string(migrations[i].version));
    }
  }
  const int latest = static_cast<int>(migrations.size());
  MOTCUA_ASSIGN_OR_RETURN(const int current, SchemaVersion(conn));
  if (current > latest) {
    return Status::FailedPrecondition("database " + conn.path() + " has schema version " +
                                      std::to_string(current) + ", newer than this program's " +
                                      std::to_string(latest) + "; upgrade motcua");
  }
  for (int v = current + 1; v <= latest; ++v) {
    MOTCUA_RETURN_IF_ERROR(ApplyOne(conn, migrations[static_cast<size_t>(v - 1)]));
  }
  return Status::Ok();
}

}  // namespace motcua::store::sqlite
