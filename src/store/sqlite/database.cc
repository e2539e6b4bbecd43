#include "store/sqlite/database.h"

#include <sqlite3.h>

#include "store/sqlite/wal_flusher.h"

namespace motcua::store::sqlite {
namespace {

// The checkpointer's thresholds in pages of 8 KiB: the same WAL sizes in
// bytes (4 MB between checkpoints, rewound past 128 MB) as the defaults of
// checkpointer.h were chosen for with 4 KiB pages. (A file made earlier with
// 4 KiB pages now checkpoints at half those sizes.)
constexpr int kCheckpointPages = 500;
constexpr int kRestartPages = 16000;

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const std::string& path,
                                                 std::span<const Migration> migrations,
                                                 const DatabaseOptions& options) {
  if (path.empty() || path == ":memory:") {
    // An in-memory database has no WAL and cannot be shared by the readers.
    return Status::InvalidArgument("sqlite: a file path is required");
  }
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<Connection> conn,
                          Connection::Open(path, ConnectionOptions{}));
  // Only takes effect on a new, empty file (before WAL mode is set); older
  // files keep their 4096. 8 KiB pages: an import batch's commit writes half
  // as many WAL frames (each a header and a page written by its own pwrite,
  // and flushed again by the commit's fsync) and the b-trees have fewer
  // interior pages. Measured on the import writer thread, CPU per dossier
  // (import_bench --stages, 200,000 dossiers, schema v4, load average 3-5):
  // 4096: 40.8-44.9 us, 8192: 35.4, 16384: 33.7-34.1. 8192 keeps most of the
  // gain while a read of one dossier still touches small pages (the readers
  // map the file, read_pool.cc).
  MOTCUA_RETURN_IF_ERROR(conn->Exec("PRAGMA page_size = 8192"));
  {
    // journal_mode answers with the mode in effect: a file system without
    // shared memory support would silently stay in "delete" mode.
    MOTCUA_ASSIGN_OR_RETURN(Statement wal, conn->Prepare("PRAGMA journal_mode = WAL"));
    MOTCUA_ASSIGN_OR_RETURN(const bool row, wal.Step());
    if (!row || wal.ColumnTextView(0) != "wal") {
      return Status::IOError("sqlite: cannot use WAL journal mode for " + path);
    }
  }
  // synchronous=NORMAL: a COMMIT writes the WAL without waiting for it to
  // reach the disk; the writer's flushing thread makes it durable before any
  // write is acknowledged (group_commit.h, pipelined durability).
  // foreign_keys keep events tied to dossiers; secure_delete=FAST still zeroes
  // deleted content that sits in pages being written anyway, without the extra
  // I/O of the distribution's default (full) secure delete.
  MOTCUA_RETURN_IF_ERROR(conn->Exec(
      "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = FAST;"
      "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;"));
  MOTCUA_RETURN_IF_ERROR(Migrate(*conn, migrations));
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<Checkpointer> checkpointer,
                          Checkpointer::Start(path, *conn, kCheckpointPages, kRestartPages));
  // SQLite's own name of the WAL (next to the file a symbolic link points to).
  const char* wal = sqlite3_filename_wal(sqlite3_db_filename(conn->raw(), "main"));
  if (wal == nullptr || *wal == '\0')
    return Status::IOError("sqlite: no WAL file name for " + path);
  auto flusher = std::make_shared<WalFlusher>(wal);
  auto writer = std::make_unique<GroupCommitWriter>(
      std::move(conn),
      GroupCommitWriter::Options{
          .max_batch = options.max_batch,
          .flush_wal = [flusher] { return flusher->Flush(); },
          .between_transactions =
              [cp = checkpointer.get()](Connection& writer) { cp->RewindWalIfLarge(writer); }});
  auto readers = std::make_unique<ReadPool>(path, options.readers < 1 ? 1 : options.readers);
  std::unique_ptr<WalStamp> stamp = WalStamp::Open(path);
  return std::unique_ptr<Database>(new Database(path, std::move(checkpointer), std::move(writer),
                                                std::move(readers), std::move(stamp)));
}

}  // namespace motcua::store::sqlite
