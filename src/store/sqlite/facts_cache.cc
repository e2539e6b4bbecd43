#include "store/sqlite/facts_cache.h"

#include <algorithm>
#include <limits>
#include <mutex>

#include "store/facts_row.h"

namespace motcua::store::sqlite {
namespace {

using Slot = FactsCache::Window::Slot;

bool Before(const Slot& a, Instant submitted_at, std::int64_t id) {
  return a.submitted_at < submitted_at || (a.submitted_at == submitted_at && a.dossier_id < id);
}

constexpr size_t kMaxBytes = std::numeric_limits<std::uint32_t>::max();

}  // namespace

void FactsCache::Window::Add(Instant submitted_at, std::int64_t dossier_id, Instant last_at,
                             std::string_view facts) {
  rows_.push_back(Slot{submitted_at, dossier_id, last_at, 0,
                       static_cast<std::uint32_t>(bytes_.size()),
                       static_cast<std::uint32_t>(facts.size())});
  bytes_.append(facts);
}

void FactsCache::Apply(const std::vector<Change>& changes, std::uint64_t generation) {
  std::unique_lock lock(mu_);
  applied_ = std::max(applied_, generation);
  for (const Change& c : changes) {
    // A dossier handed to another agency: the old agency's cached rows would
    // need a removal from the middle; dropping them is simpler and rare.
    if (!c.previous_agency.empty() && c.previous_agency != c.agency) {
      agencies_.erase(c.previous_agency);
    }
    auto it = agencies_.find(c.agency);
    if (it == agencies_.end()) continue;
    if (!Upsert(it->second, c.row, generation)) agencies_.erase(it);
  }
}

bool FactsCache::Upsert(Agency& a, const Row& row, std::uint64_t stamp) {
  Window& w = a.window;
  if (a.index.empty() && !w.rows_.empty()) {
    // Built on the first write after a load: reports alone never need it.
    a.index.reserve(w.rows_.size());
    for (size_t i = 0; i < w.rows_.size(); ++i) a.index.emplace(w.rows_[i].dossier_id, i);
  }
  if (w.bytes_.size() + row.facts.size() > kMaxBytes) return false;
  if (auto found = a.index.find(row.dossier_id); found != a.index.end()) {
    Slot& old = w.rows_[found->second];
    if (old.stamp >= stamp) return true;  // the cache already holds a newer state
    // A dossier's submission time does not change; were it to, the row
    // would belong elsewhere in the order.
    if (old.submitted_at != row.submitted_at) return false;
    a.garbage += old.length;
    old.last_at = row.last_at;
    old.stamp = stamp;
    old.offset = static_cast<std::uint32_t>(w.bytes_.size());
    old.length = static_cast<std::uint32_t>(row.facts.size());
    w.bytes_.append(row.facts);
  } else if (row.submitted_at >= w.hi_) {
    return true;  // outside the window: no report it covers needs it
  } else if (row.submitted_at < w.lo_) {
    // Needed only if long-lived and relevant at lo + 90 days; it would go
    // among the rows before lo.
    if (row.last_at - row.submitted_at <= kLongLivedSeconds ||
        row.last_at < w.lo_ + kLongLivedSeconds) {
      return true;
    }
    return false;
  } else if (w.rows_.empty() || Before(w.rows_.back(), row.submitted_at, row.dossier_id)) {
    // The usual case: a new dossier, submitted now, goes last.
    a.index.emplace(row.dossier_id, w.rows_.size());
    w.rows_.push_back(Slot{row.submitted_at, row.dossier_id, row.last_at, stamp,
                           static_cast<std::uint32_t>(w.bytes_.size()),
                           static_cast<std::uint32_t>(row.facts.size())});
    w.bytes_.append(row.facts);
  } else {
    return false;  // it would go in the middle
  }
  if (a.garbage > 4096 && a.garbage * 2 > w.bytes_.size()) {
    // Compact: keep the bytes of live rows only.
    std::string bytes;
    bytes.reserve(w.bytes_.size() - a.garbage);
    for (Slot& s : w.rows_) {
      const auto offset = static_cast<std::uint32_t>(bytes.size());
      bytes.append(w.bytes_, s.offset, s.length);
      s.offset = offset;
    }
    w.bytes_ = std::move(bytes);
    a.garbage = 0;
  }
  return true;
}

void FactsCache::Invalidate(const std::string& agency, std::uint64_t generation) {
  std::unique_lock lock(mu_);
  applied_ = std::max(applied_, generation);
  agencies_.erase(agency);
}

Result<bool> FactsCache::Fill(const std::string& agency, std::uint64_t generation, Instant from,
                              Instant to, report::FactsTable* table) {
  {
    std::shared_lock lock(mu_);
    if (generation <= applied_) {
      auto it = agencies_.find(agency);
      if (it == agencies_.end()) return false;
      const Window& w = it->second.window;
      if (w.lo_ > from - kLongLivedSeconds || w.hi_ < to) return false;
      MOTCUA_RETURN_IF_ERROR(AddMatching(w, from, to, table));
      return true;
    }
  }
  // The database is ahead of the cache: another process wrote, or a write of
  // this one is committed but not yet applied. Start again from the tables.
  std::unique_lock lock(mu_);
  if (generation > applied_) {
    agencies_.clear();
    applied_ = generation;
  }
  return false;
}

Status FactsCache::Load(const std::string& agency, Window window, std::uint64_t generation,
                        Instant from, Instant to, report::FactsTable* table) {
  MOTCUA_RETURN_IF_ERROR(AddMatching(window, from, to, table));
  if (window.bytes_.size() > kMaxBytes) return Status::Ok();  // too large to index; not kept
  for (Slot& s : window.rows_) s.stamp = generation;
  std::unique_lock lock(mu_);
  // A write applied after this snapshot was taken is not in `window`: keep
  // nothing rather than something stale (the next report loads again).
  if (generation < applied_) return Status::Ok();
  applied_ = generation;
  Agency& a = agencies_[agency];
  a.window = std::move(window);
  a.index.clear();
  a.garbage = 0;
  return Status::Ok();
}

Status FactsCache::AddMatching(const Window& w, Instant from, Instant to,
                               report::FactsTable* table) {
  // Rows submitted before `to`; of those, the ones not over before `from`
  // (facts_row.h). Checking last_at of every earlier row is one comparison
  // per row: cheaper than keeping a second order.
  const auto end = std::lower_bound(w.rows_.begin(), w.rows_.end(), to,
                                    [](const Slot& r, Instant t) { return r.submitted_at < t; });
  std::vector<Instant> times;
  report::DossierRecord record;
  for (auto r = w.rows_.begin(); r != end; ++r) {
    if (r->last_at < from) continue;
    MOTCUA_RETURN_IF_ERROR(DecodeFactsRecord(
        std::string_view(w.bytes_).substr(r->offset, r->length), &times, &record));
    Result<std::uint32_t> added = table->Add(record);
    if (!added.ok()) {
      // Stored facts come from dossiers the life cycle produced: a refusal
      // here is a bug in one of the two, not bad input.
      return Status::Internal("stored report facts refused: " + added.status().message());
    }
  }
  return Status::Ok();
}

size_t FactsCache::cached_agencies() const {
  std::shared_lock lock(mu_);
  return agencies_.size();
}

}  // namespace motcua::store::sqlite
