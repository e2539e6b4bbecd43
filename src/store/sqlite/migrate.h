// Versioned schema migrations for a SQLite database, applied when it opens.
//
// The schema is an ordered list of migrations numbered 1, 2, 3, ... Each one
// runs in its own transaction together with the row that records it in
// `schema_version`, so a crash leaves the database at the previous version,
// never between two. A database whose recorded version is newer than the last
// migration this program knows is refused (an older binary must not write to a
// schema it does not understand). Migrations are append-only: once released,
// one is never edited, only followed by another.
//
// Thread-safety: Migrate() uses the connection it is given; run it before the
// connection is shared. Two processes migrating the same file at once are
// serialized by BEGIN IMMEDIATE and the version re-check inside it.
#pragma once

#include <span>

#include "store/sqlite/connection.h"
#include "util/status.h"

namespace motcua::store::sqlite {

struct Migration {
  int version;       // 1-based, consecutive
  const char* name;  // a few words for the schema_version table and logs
  const char* sql;   // fixed SQL text, one or more statements
};

// The schema version recorded in the database (0 for a new, empty file).
Result<int> SchemaVersion(Connection& conn);

// Brings the database up to the last of `migrations`.
// REQUIRES: migrations[i].version == i + 1.
// Errors: FailedPrecondition if the database is newer than `migrations`;
// InvalidArgument if the list is malformed; the failing migration's error
// otherwise (that migration is then wholly rolled back).
Status Migrate(Connection& conn, std::span<const Migration> migrations);

}  // namespace motcua::store::sqlite
