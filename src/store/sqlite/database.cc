#include "store/sqlite/database.h"

namespace motcua::store::sqlite {

Result<std::unique_ptr<Database>> Database::Open(const std::string& path,
                                                 std::span<const Migration> migrations,
                                                 const DatabaseOptions& options) {
  if (path.empty() || path == ":memory:") {
    // An in-memory database has no WAL and cannot be shared by the readers.
    return Status::InvalidArgument("sqlite: a file path is required");
  }
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<Connection> conn,
                          Connection::Open(path, ConnectionOptions{}));
  // Only takes effect on a new, empty file (before WAL mode is set).
  MOTCUA_RETURN_IF_ERROR(conn->Exec("PRAGMA page_size = 4096"));
  {
    // journal_mode answers with the mode in effect: a file system without
    // shared memory support would silently stay in "delete" mode.
    MOTCUA_ASSIGN_OR_RETURN(Statement wal, conn->Prepare("PRAGMA journal_mode = WAL"));
    MOTCUA_ASSIGN_OR_RETURN(const bool row, wal.Step());
    if (!row || wal.ColumnTextView(0) != "wal") {
      return Status::IOError("sqlite: cannot use WAL journal mode for " + path);
    }
  }
  // foreign_keys keep events tied to dossiers; secure_delete=FAST still zeroes
  // deleted content that sits in pages being written anyway, without the extra
  // I/O of the distribution's default (full) secure delete.
  MOTCUA_RETURN_IF_ERROR(
      conn->Exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = FAST;"
                 "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;"));
  MOTCUA_RETURN_IF_ERROR(Migrate(*conn, migrations));
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<Checkpointer> checkpointer,
                          Checkpointer::Start(path, *conn));
  auto writer = std::make_unique<GroupCommitWriter>(
      std::move(conn), GroupCommitWriter::Options{.max_batch = options.max_batch});
  auto readers = std::make_unique<ReadPool>(path, options.readers < 1 ? 1 : options.readers);
  std::unique_ptr<WalStamp> stamp = WalStamp::Open(path);
  return std::unique_ptr<Database>(new Database(path, std::move(checkpointer), std::move(writer),
                                                std::move(readers), std::move(stamp)));
}

}  // namespace motcua::store::sqlite
