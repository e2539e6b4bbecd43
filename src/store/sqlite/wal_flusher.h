// WalFlusher: makes durable everything written so far to a SQLite database's
// WAL file, from a thread other than the one writing it.
//
// The group-commit writer (group_commit.h) runs its connection with
// synchronous=NORMAL, so that a COMMIT only writes its frames into the WAL
// and the writer goes on with the next batch; a second thread then calls
// Flush() and only afterwards acknowledges the batch. Flush() is an
// fdatasync(2) of a descriptor of its own on the WAL file: on Linux it
// flushes the file (the inode), whichever descriptor wrote it, so every frame
// written before the call is on disk when it returns. That is the same
// durability as synchronous=FULL, where SQLite fdatasyncs the WAL inside the
// COMMIT (https://sqlite.org/walformat.html: frames carry cumulative
// checksums, so after a power loss recovery keeps a prefix of the commits,
// never a later one without an earlier one).
//
// The descriptor is opened at the first Flush() (the WAL exists once a
// commit wrote to it) and the folder is fsynced then, so that a WAL file
// created since is found after a power loss. If the path later names
// another file (the WAL was deleted and made again, which SQLite does only
// when every connection closed), the new one is opened the same way.
//
// The descriptor is never closed while the writer's connection is open:
// closing any descriptor of a file drops the POSIX locks the process holds
// on it, SQLite's too -- the WAL itself is not locked by SQLite (its locks
// are on the database file and -shm), and this class never opens those.
//
// Thread-safety: Flush() is called by one thread at a time.
#pragma once

#include <sys/types.h>

#include <string>

#include "util/status.h"

namespace motcua::store::sqlite {

class WalFlusher {
 public:
  // `wal_path`: the database's path followed by "-wal".
  explicit WalFlusher(std::string wal_path);
  ~WalFlusher();
  WalFlusher(const WalFlusher&) = delete;
  WalFlusher& operator=(const WalFlusher&) = delete;

  // IOError when the WAL cannot be opened or the flush fails; then what was
  // written may or may not survive a power loss.
  Status Flush();

 private:
  Status Reopen();

  const std::string path_;
  int fd_ = -1;
  dev_t dev_ = 0;
  ino_t ino_ = 0;
};

}  // namespace motcua::store::sqlite
