#include "store/sqlite/checkpointer.h"

#include <sqlite3.h>

namespace motcua::store::sqlite {

Result<std::unique_ptr<Checkpointer>> Checkpointer::Start(const std::string& path,
                                                          Connection& writer, int pages,
                                                          int restart_pages) {
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<Connection> conn,
                          Connection::Open(path, ConnectionOptions{.create = false}));
  MOTCUA_RETURN_IF_ERROR(conn->Exec("PRAGMA synchronous = FULL"));
  std::unique_ptr<Checkpointer> checkpointer(
      new Checkpointer(std::move(conn), pages, restart_pages));
  // Replaces the automatic checkpoint (itself a WAL hook) of the writer.
  sqlite3_wal_hook(writer.raw(), &Checkpointer::OnCommit, checkpointer.get());
  return checkpointer;
}

Checkpointer::Checkpointer(std::unique_ptr<Connection> conn, int pages, int restart_pages)
    : conn_(std::move(conn)),
      pages_(pages),
      restart_pages_(restart_pages),
      next_rewind_at_(restart_pages),
      thread_([this] { Loop(); }) {}

Checkpointer::~Checkpointer() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

int Checkpointer::runs() const {
  std::lock_guard lock(mu_);
  return runs_;
}

int Checkpointer::OnCommit(void* self, sqlite3*, const char*, int pages) {
  auto* c = static_cast<Checkpointer*>(self);
  c->wal_pages_ = pages;
  if (pages < c->restart_pages_) c->next_rewind_at_ = c->restart_pages_;  // rewound
  if (pages >= c->pages_) {
    {
      std::lock_guard lock(c->mu_);
      c->pending_ = true;
    }
    c->wake_.notify_one();
  }
  return SQLITE_OK;
}

void Checkpointer::Loop() {
  while (true) {
    {
      std::unique_lock lock(mu_);
      wake_.wait(lock, [&] { return pending_ || stopping_; });
      if (stopping_) return;
      pending_ = false;
    }
    int log = 0, done = 0;
    // Errors are not fatal here: SQLITE_BUSY means another checkpoint is
    // running, and a failed checkpoint leaves the pages safe in the WAL to be
    // copied next time.
    if (rewind_wanted_) continue;  // the writer's turn: it checkpoints before its next batch
    {
      std::lock_guard one_at_a_time(checkpoint_mu_);
      sqlite3_wal_checkpoint_v2(conn_->raw(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &done);
    }
    std::lock_guard lock(mu_);
    ++runs_;
  }
}

void Checkpointer::RewindWalIfLarge(Connection& writer) {
  if (wal_pages_ < next_rewind_at_) return;
  // Not while the background checkpoint runs: a second checkpoint would get
  // SQLITE_BUSY at once, and waiting for the background one held a batch of
  // HTTP receives for 240 ms (its fsync of the database file). The writer
  // tries again before its next batch, and the background thread starts no
  // other checkpoint until this one ran.
  rewind_wanted_ = true;
  std::unique_lock one_at_a_time(checkpoint_mu_, std::try_to_lock);
  if (!one_at_a_time.owns_lock()) return;
  rewind_wanted_ = false;
  next_rewind_at_ = wal_pages_ + pages_;  // unless the WAL is rewound meanwhile
  // Readers are waited for briefly, not for the writer's usual busy timeout:
  // a long read (a report, another process' `audit verify`) would hold every
  // write back meanwhile. Past it, the checkpoint ends as a PASSIVE one.
  // Errors are not fatal: the frames stay in the WAL and the rewind is tried
  // again later.
  int log = 0, done = 0;
  const int usual = writer.busy_timeout_ms();
  writer.SetBusyTimeout(kRewindWaitMs);
  sqlite3_wal_checkpoint_v2(writer.raw(), nullptr, SQLITE_CHECKPOINT_RESTART, &log, &done);
  writer.SetBusyTimeout(usual);
}

}  // namespace motcua::store::sqlite
