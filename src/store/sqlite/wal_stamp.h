// WalStamp: tells, without a query or a lock, whether anything has been
// committed to a WAL-mode SQLite database since an earlier look, by any
// connection of any process. Caches of read results (stamped_cache.h) use it
// to serve repeated reads from memory and still never serve data older than
// the last commit.
//
// How: every commit rewrites the wal-index header in the database's `-shm`
// file, which all connections of all processes share by mmap
// (https://sqlite.org/walformat.html §2.1: the header holds iChange, "a
// counter incremented with each transaction", mxFrame, the salts and a
// checksum). The writer stores the header's second copy, then its first;
// readers take the first copy, then the second, and trust them only when they
// agree (SQLite's own readers do the same, walIndexTryHdr). The header is
// rewritten while the commit is still in progress, before it is acknowledged,
// so a stamp read after a commit returned always differs from one read
// before it.
//
// The header is read through SQLite's own mapping of `-shm` (the VFS's
// xShmMap on a read-only connection the stamp keeps open), never through a
// file descriptor of ours: closing any descriptor of a file drops every POSIX
// lock the process holds on it, SQLite's included.
//
// Thread-safety: Read() may be called from any thread. When the header
// cannot be read consistently (no `-shm`, another VFS, a header being
// rewritten), Read() answers nullopt and callers must read the database.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>

struct sqlite3;

namespace motcua::store::sqlite {

// The 48-byte wal-index header: equal stamps mean no commit in between
// (a commit changes iChange, mxFrame and the checksum).
struct WalStampValue {
  std::array<unsigned char, 48> bytes{};
  friend bool operator==(const WalStampValue&, const WalStampValue&) = default;
};

class WalStamp {
 public:
  // Opens a read-only connection to `database_path` (a WAL database) and
  // takes its mapping of the wal-index. A stamp that cannot is returned
  // anyway and always answers nullopt: caches then stay empty and reads go
  // to the database.
  static std::unique_ptr<WalStamp> Open(const std::string& database_path);

  ~WalStamp();
  WalStamp(const WalStamp&) = delete;
  WalStamp& operator=(const WalStamp&) = delete;

  // The current header, or nullopt when it cannot be trusted now.
  std::optional<WalStampValue> Read() const;

 private:
  WalStamp(sqlite3* conn, const unsigned char* header) : conn_(conn), header_(header) {}
  sqlite3* conn_;                // keeps the mapping; may be null
  const unsigned char* header_;  // region 0 of the wal-index, or null
};

}  // namespace motcua::store::sqlite
