// StampedCache: read results kept in memory for as long as nothing has been
// committed to the database (wal_stamp.h). Every entry belongs to the stamp
// read before the database read that produced it; a lookup under another
// stamp empties the cache. So an entry is served only while no commit, by
// any process, has happened since before it was read: never older data than
// a read of the database at that moment would give.
//
// Bounded: at `max_entries` the cache starts again empty. Thread-safe (one
// mutex, held for a lookup or an insert, never during a database read).
#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "store/sqlite/wal_stamp.h"
#include "util/status.h"

namespace motcua::store::sqlite {

template <typename Value>
class StampedCache {
 public:
  // REQUIRES: max_entries >= 1
  explicit StampedCache(std::size_t max_entries) : max_entries_(max_entries) {}
  StampedCache(const StampedCache&) = delete;
  StampedCache& operator=(const StampedCache&) = delete;

  // The value for `key`: the one kept while nothing has been committed, or
  // else what `read()` (-> Result<Value>, run outside the lock) answers,
  // then kept under the stamp taken before it ran. Without a readable stamp
  // every call reads. The one way the store uses the cache.
  template <typename Read>
  Result<Value> FindOrRead(const WalStamp& stamp, std::string_view key, Read&& read) {
    const std::optional<WalStampValue> before = stamp.Read();
    if (before) {
      if (std::optional<Value> kept = Find(*before, key)) return std::move(*kept);
    }
    Result<Value> value = read();
    if (value.ok() && before) Put(*before, key, *value);
    return value;
  }

  // The value kept for `key` under `stamp`, or nullopt.
  std::optional<Value> Find(const WalStampValue& stamp, std::string_view key) {
    std::lock_guard lock(mu_);
    if (!MoveTo(stamp)) return std::nullopt;
    const auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    return it->second;
  }

  // Keeps `value`, read from the database after `stamp` was read. Dropped
  // when the cache has meanwhile moved to another stamp.
  void Put(const WalStampValue& stamp, std::string_view key, Value value) {
    std::lock_guard lock(mu_);
    if (!stamp_ || *stamp_ != stamp) return;
    if (entries_.size() >= max_entries_) entries_.clear();
    entries_.insert_or_assign(std::string(key), std::move(value));
  }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  // True when the cache already held `stamp`; otherwise empties it for it.
  bool MoveTo(const WalStampValue& stamp) {
    if (stamp_ && *stamp_ == stamp) return true;
    entries_.clear();
    stamp_ = stamp;
    return false;
  }

  const std::size_t max_entries_;
  std::mutex mu_;
  std::optional<WalStampValue> stamp_;                                     // guarded by mu_
  std::unordered_map<std::string, Value, Hash, std::equal_to<>> entries_;  // guarded by mu_
};

}  // namespace motcua::store::sqlite
