// Checkpointer: copies committed pages from the WAL back into the database
// file on its own thread and connection, so that the group-commit writer
// does not stop to do it (SQLite's automatic checkpoint runs inside the
// committing connection: measured at about 5% of the writer's CPU during a
// bulk import, plus the wait for the database file's fsync).
//
// It replaces the automatic checkpoint of the writer's connection with a WAL
// hook that wakes this thread once the WAL holds `pages` pages. The thread
// runs a PASSIVE checkpoint (which neither blocks nor waits for the writer or
// readers); if the WAL has still grown past `restart_pages` (the writer kept
// appending meanwhile, so SQLite never got to rewind the WAL), it runs a
// RESTART checkpoint, which briefly holds the writer back so that the next
// write starts the WAL file from its beginning again.
//
// Durability is unchanged: a commit is durable once in the fsynced WAL; the
// checkpoint only moves pages, under synchronous=FULL.
//
// Thread-safety: internal. Ownership: must outlive every commit on the
// writer's connection (destroy it after the writer).
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "store/sqlite/connection.h"
#include "util/status.h"

namespace motcua::store::sqlite {

class Checkpointer {
 public:
  // REQUIRES: `writer` is not yet used by another thread.
  static Result<std::unique_ptr<Checkpointer>> Start(const std::string& path, Connection& writer,
                                                     int pages = 1000, int restart_pages = 32000);
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Checkpoints run so far (tests, metrics).
  int runs() const;

 private:
  Checkpointer(std::unique_ptr<Connection> conn, int pages, int restart_pages);
  static int OnCommit(void* self, struct sqlite3* db, const char* name, int pages);
  void Loop();

  std::unique_ptr<Connection> conn_;  // used by the thread only
  const int pages_;
  const int restart_pages_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  bool pending_ = false;   // guarded by mu_
  bool stopping_ = false;  // guarded by mu_
  int runs_ = 0;           // guarded by mu_
  std::thread thread_;     // last: starts after the members above exist
};

}  // namespace motcua::store::sqlite
