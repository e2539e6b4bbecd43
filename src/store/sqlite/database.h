// Database: one SQLite file opened for the store: durability pragmas, schema
// migrations, the group-commit writer and the pool of readers.
//
// Durability: WAL journal; an acknowledged write survives a crash or power
// loss. The writer batches concurrent writes into one commit and makes the
// WAL durable after the COMMIT, on a thread of its own, before it
// acknowledges any of them (group_commit.h, pipelined durability; the
// connection runs synchronous=NORMAL, which by itself may lose the last
// commits on power loss, https://sqlite.org/pragma.html#pragma_synchronous,
// and the flush after it gives FULL's guarantee). Checkpoints run on their
// own thread (checkpointer.h), with synchronous=FULL.
//
// Thread-safety: writer() and readers() may be used from any thread.
// Ownership: the Database owns its connections and the writer thread;
// destroying it finishes the submitted writes first.
#pragma once

#include <memory>
#include <span>
#include <string>

#include "store/sqlite/checkpointer.h"
#include "store/sqlite/group_commit.h"
#include "store/sqlite/migrate.h"
#include "store/sqlite/read_pool.h"
#include "store/sqlite/wal_stamp.h"
#include "util/status.h"

namespace motcua::store::sqlite {

struct DatabaseOptions {
  int readers = 4;          // read connections in the pool
  size_t max_batch = 1024;  // jobs per group commit
};

class Database {
 public:
  // Opens or creates the file at `path` and brings its schema up to the last
  // of `migrations`. Errors: IOError (cannot open or not WAL-capable),
  // Corruption (not a database), FailedPrecondition (schema newer than this
  // program), or the failing migration's error.
  static Result<std::unique_ptr<Database>> Open(const std::string& path,
                                                std::span<const Migration> migrations,
                                                const DatabaseOptions& options);

  GroupCommitWriter& writer() { return *writer_; }
  ReadPool& readers() { return *readers_; }
  // Whether anything was committed since an earlier look (wal_stamp.h).
  const WalStamp& stamp() const { return *stamp_; }
  const std::string& path() const { return path_; }

 private:
  Database(std::string path, std::unique_ptr<Checkpointer> checkpointer,
           std::unique_ptr<GroupCommitWriter> writer, std::unique_ptr<ReadPool> readers,
           std::unique_ptr<WalStamp> stamp)
      : path_(std::move(path)),
        checkpointer_(std::move(checkpointer)),
        writer_(std::move(writer)),
        readers_(std::move(readers)),
        stamp_(std::move(stamp)) {}

  std::string path_;
  // Declared before the writer: destroyed after it (it serves its commits).
  std::unique_ptr<Checkpointer> checkpointer_;
  std::unique_ptr<GroupCommitWriter> writer_;
  std::unique_ptr<ReadPool> readers_;
  // Keeps its own read-only connection, and with it the wal-index mapping.
  std::unique_ptr<WalStamp> stamp_;
};

}  // namespace motcua::store::sqlite
