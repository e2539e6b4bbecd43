// Checkpointer: copies committed pages from the WAL back into the database
// file on its own thread and connection, so that the group-commit writer
// does not stop to do it (SQLite's automatic checkpoint runs inside the
// committing connection: measured at about 5% of the writer's CPU during a
// bulk import, plus the wait for the database file's fsync).
//
// It replaces the automatic checkpoint of the writer's connection with a WAL
// hook that wakes this thread once the WAL holds `pages` pages. The thread
// runs a PASSIVE checkpoint (which neither blocks nor waits for the writer or
// readers).
//
// Rewinding the WAL: SQLite starts the WAL file from its beginning again
// only when a write transaction begins with every frame already copied back,
// which never happens while the writer keeps appending (the background
// checkpoint is always a little behind). So the writer, between two
// transactions, calls RewindWalIfLarge(): once the WAL holds `restart_pages`
// pages, that runs a RESTART checkpoint on the writer's own connection
// (unless the background one is running: then at a later call, and the
// background thread starts no other checkpoint meanwhile), which
// copies the last frames and waits for the readers to leave the WAL, so that
// the writer's next transaction rewinds it. (This thread ran the RESTART
// before, but a RESTART must wait for the writer to be between transactions,
// which the pipelined writer of group_commit.h almost never is: RESTARTs
// took up to 1.4 s, the WAL grew past 350 MB during HTTP submits, and the
// requests caught in one stalled for 130-240 ms.)
//
// Durability is unchanged: a commit is durable once in the fsynced WAL; the
// checkpoint only moves pages, under synchronous=FULL.
//
// Thread-safety: internal. Ownership: must outlive every commit on the
// writer's connection (destroy it after the writer).
#pragma once

#include <atomic>
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

  // Called on the writer's thread with no transaction open (group_commit.h,
  // Options::between_transactions). When the WAL holds restart_pages pages
  // or more, checkpoints it on `writer` (RESTART: readers still on the WAL
  // are waited for, up to kRewindWaitMs) so that the next write transaction
  // starts the WAL anew. Should a reader keep its snapshot longer, the rewind
  // is tried again after another `pages` pages.
  void RewindWalIfLarge(Connection& writer);
  static constexpr int kRewindWaitMs = 50;

 private:
  Checkpointer(std::unique_ptr<Connection> conn, int pages, int restart_pages);
  static int OnCommit(void* self, struct sqlite3* db, const char* name, int pages);
  void Loop();

  std::unique_ptr<Connection> conn_;  // used by the thread only
  const int pages_;
  const int restart_pages_;
  // Set by the WAL hook and read by RewindWalIfLarge, both on the writer's
  // thread.
  int wal_pages_ = 0;
  int next_rewind_at_;
  std::mutex checkpoint_mu_;  // held while either checkpoint runs
  std::atomic<bool> rewind_wanted_{false};
  mutable std::mutex mu_;
  std::condition_variable wake_;
  bool pending_ = false;   // guarded by mu_
  bool stopping_ = false;  // guarded by mu_
  int runs_ = 0;           // guarded by mu_
  std::thread thread_;     // last: starts after the members above exist
};

}  // namespace motcua::store::sqlite
