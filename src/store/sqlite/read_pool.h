// ReadPool: a few read-only connections to one SQLite database, lent out one
// thread at a time. In WAL mode readers never block the writer nor each other,
// and each read transaction sees one committed snapshot.
//
// Thread-safety: Acquire() may be called from any thread; the Lease it returns
// belongs to the calling thread until destroyed. Connections are opened on
// first need (at most `size`), with `PRAGMA query_only` so a read path can
// never write. Ownership: the pool owns the connections; a Lease must not
// outlive the pool.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "store/sqlite/connection.h"
#include "util/status.h"

namespace motcua::store::sqlite {

class ReadPool {
 public:
  // REQUIRES: size >= 1; the database at `path` exists and is in WAL mode.
  ReadPool(std::string path, int size);
  ReadPool(const ReadPool&) = delete;
  ReadPool& operator=(const ReadPool&) = delete;

  class Lease {
   public:
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Connection& operator*() const { return *conn_; }
    Connection* operator->() const { return conn_.get(); }

   private:
    friend class ReadPool;
    Lease(ReadPool* pool, std::unique_ptr<Connection> conn) : pool_(pool), conn_(std::move(conn)) {}
    ReadPool* pool_;
    std::unique_ptr<Connection> conn_;
  };

  // A connection, waiting while all `size` are lent out.
  Result<Lease> Acquire();

 private:
  void Release(std::unique_ptr<Connection> conn);
  Result<std::unique_ptr<Connection>> OpenOne() const;

  const std::string path_;
  const int size_;
  std::mutex mu_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<Connection>> idle_;  // guarded by mu_
  int opened_ = 0;                                 // guarded by mu_
};

// Runs fn(Connection&) -> Status or Result<T> on a pooled connection inside
// one read transaction (one snapshot), and returns what it returns.
template <typename Fn>
auto WithReadTransaction(ReadPool& pool, Fn&& fn) -> decltype(fn(std::declval<Connection&>())) {
  Result<ReadPool::Lease> lease = pool.Acquire();
  if (!lease.ok()) return lease.status();
  Connection& conn = **lease;
  if (Status begin = conn.ExecCached("BEGIN"); !begin.ok()) return begin;
  auto result = fn(conn);
  // Ending a read transaction cannot lose anything; the lease would roll it
  // back anyway.
  conn.ExecCached("COMMIT");
  return result;
}

}  // namespace motcua::store::sqlite
