#include "store/sqlite/wal_stamp.h"

#include <sqlite3.h>

#include <atomic>
#include <cstdint>
#include <cstring>

namespace motcua::store::sqlite {
namespace {

constexpr std::size_t kHeaderBytes = 48;             // one copy of WalIndexHdr
constexpr int kRegionBytes = 32768;                  // wal-index regions (WALINDEX_PGSZ)
constexpr std::uint32_t kWalIndexVersion = 3007000;  // iVersion, walformat.html §2.1
constexpr std::size_t kIsInitOffset = 12;

// Region 0 of the wal-index as `conn`'s VFS has mapped it, or null.
const unsigned char* MappedHeader(sqlite3* conn) {
  // A read sets up the connection's wal-index (and maps region 0).
  if (sqlite3_exec(conn, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr) !=
      SQLITE_OK) {
    return nullptr;
  }
  sqlite3_file* file = nullptr;
  if (sqlite3_file_control(conn, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK ||
      file == nullptr || file->pMethods == nullptr || file->pMethods->iVersion < 2 ||
      file->pMethods->xShmMap == nullptr) {
    return nullptr;
  }
  volatile void* region = nullptr;
  if (file->pMethods->xShmMap(file, 0, kRegionBytes, 0, &region) != SQLITE_OK) return nullptr;
  return static_cast<const unsigned char*>(const_cast<void*>(region));
}

}  // namespace

std::unique_ptr<WalStamp> WalStamp::Open(const std::string& database_path) {
  sqlite3* conn = nullptr;
  if (sqlite3_open_v2(database_path.c_str(), &conn, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    sqlite3_close(conn);
    return std::unique_ptr<WalStamp>(new WalStamp(nullptr, nullptr));
  }
  sqlite3_busy_timeout(conn, 5000);
  const unsigned char* header = MappedHeader(conn);
  if (header == nullptr) {
    sqlite3_close(conn);
    return std::unique_ptr<WalStamp>(new WalStamp(nullptr, nullptr));
  }
  return std::unique_ptr<WalStamp>(new WalStamp(conn, header));
}

WalStamp::~WalStamp() { sqlite3_close(conn_); }

std::optional<WalStampValue> WalStamp::Read() const {
  if (header_ == nullptr) return std::nullopt;
  WalStampValue first, second;
  // Byte copies through volatile: a commit of another thread or process may
  // be rewriting the header; the fence orders the two copies' reads as
  // SQLite's readers order them.
  const volatile unsigned char* p = header_;
  for (std::size_t i = 0; i < kHeaderBytes; ++i) first.bytes[i] = p[i];
  std::atomic_thread_fence(std::memory_order_acquire);
  for (std::size_t i = 0; i < kHeaderBytes; ++i) second.bytes[i] = p[kHeaderBytes + i];
  if (first != second) return std::nullopt;  // a commit is writing the header
  std::uint32_t version = 0;
  std::memcpy(&version, first.bytes.data(), sizeof version);  // native byte order
  if (version != kWalIndexVersion || first.bytes[kIsInitOffset] != 1) return std::nullopt;
  return first;
}

}  // namespace motcua::store::sqlite
