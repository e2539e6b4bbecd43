#include "store/sqlite/read_pool.h"

#include <utility>

#include "util/nonblocking.h"

namespace motcua::store::sqlite {

ReadPool::ReadPool(std::string path, int size) : path_(std::move(path)), size_(size) {}

ReadPool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), conn_(std::move(other.conn_)) {}

ReadPool::Lease::~Lease() {
  if (conn_ != nullptr) {
    // A read that failed midway may have left its transaction open.
    if (conn_->InTransaction()) conn_->Exec("ROLLBACK");
    pool_->Release(std::move(conn_));
  }
}

Result<std::unique_ptr<Connection>> ReadPool::OpenOne() const {
  ConnectionOptions options;
  options.create = false;
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<Connection> conn, Connection::Open(path_, options));
  // query_only: a read path that tried to write would fail loudly. The cache
  // (32 MiB) and memory map (256 MiB) keep hot index pages of a million
  // dossiers in memory across requests.
  MOTCUA_RETURN_IF_ERROR(
      conn->Exec("PRAGMA query_only = ON; PRAGMA cache_size = -32768; PRAGMA mmap_size = 268435456;"
                 "PRAGMA temp_store = MEMORY;"));
  return conn;
}

Result<ReadPool::Lease> ReadPool::Acquire() {
  // A connection may have to wait, and its reads go to disk.
  if (RefuseToBlockHere()) {
    return Status::FailedPrecondition(
        "sqlite: a read would wait for disk on a non-blocking thread");
  }
  std::unique_lock lock(mu_);
  freed_.wait(lock, [&] { return !idle_.empty() || opened_ < size_; });
  if (!idle_.empty()) {
    std::unique_ptr<Connection> conn = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(conn));
  }
  ++opened_;
  lock.unlock();
  Result<std::unique_ptr<Connection>> conn = OpenOne();
  if (!conn.ok()) {
    lock.lock();
    --opened_;
    freed_.notify_one();
    return conn.status();
  }
  return Lease(this, std::move(conn).value());
}

void ReadPool::Release(std::unique_ptr<Connection> conn) {
  {
    std::lock_guard lock(mu_);
    idle_.push_back(std::move(conn));
  }
  freed_.notify_one();
}

}  // namespace motcua::store::sqlite
