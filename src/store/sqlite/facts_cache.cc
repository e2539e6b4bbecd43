#include "store/sqlite/facts_cache.h"

#include <algorithm>
#include <mutex>

#include "store/facts_row.h"

namespace motcua::store::sqlite {
namespace {

bool Before(const FactsCache::Row& a, Instant submitted_at, std::int64_t id) {
  return a.submitted_at < submitted_at || (a.submitted_at == submitted_at && a.dossier_id < id);
}

}  // namespace

void FactsCache::Apply(const std::vector<Change>& changes, std::uint64_t generation) {
  std::unique_lock lock(mu_);
  applied_ = std::max(applied_, generation);
  for (const Change& c : changes) {
    // A dossier handed to another agency: the old agency's cached list would
    // need a removal from the middle; dropping it is simpler and rare.
    if (!c.previous_agency.empty() && c.previous_agency != c.agency) {
      agencies_.erase(c.previous_agency);
    }
    auto it = agencies_.find(c.agency);
    if (it == agencies_.end()) continue;
    Row row = c.row;
    row.stamp = generation;
    Upsert(it->second, row);
    if (it->second.rows.empty()) agencies_.erase(it);  // Upsert gave up on it
  }
}

void FactsCache::Upsert(Agency& a, const Row& row) {
  if (auto found = a.index.find(row.dossier_id); found != a.index.end()) {
    Row& old = a.rows[found->second];
    if (old.stamp >= row.stamp) return;  // the cache already holds a newer state
    if (old.submitted_at == row.submitted_at) {
      old = row;
      return;
    }
  } else if (a.rows.empty() || Before(a.rows.back(), row.submitted_at, row.dossier_id)) {
    // The usual case: a new dossier, submitted now, goes last.
    a.index[row.dossier_id] = a.rows.size();
    a.rows.push_back(row);
    return;
  }
  // Anything else (a submission time that changed, a dossier that belongs in
  // the middle) would shift positions: forget the agency instead.
  a.rows.clear();
  a.index.clear();
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
      MOTCUA_RETURN_IF_ERROR(AddMatching(it->second.rows, from, to, table));
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

void FactsCache::Load(const std::string& agency, std::vector<Row> rows, std::uint64_t generation) {
  std::unique_lock lock(mu_);
  // A write applied after this snapshot was taken is not in `rows`: keep
  // nothing rather than something stale (the next report loads again).
  if (generation < applied_) return;
  applied_ = generation;
  Agency& a = agencies_[agency];
  a.rows = std::move(rows);
  a.index.clear();
  a.index.reserve(a.rows.size());
  for (size_t i = 0; i < a.rows.size(); ++i) {
    a.rows[i].stamp = generation;
    a.index[a.rows[i].dossier_id] = i;
  }
}

Status FactsCache::AddMatching(const std::vector<Row>& rows, Instant from, Instant to,
                               report::FactsTable* table) {
  // Rows submitted before `to`; of those, the ones not over before `from`
  // (facts_row.h). Checking last_at of every earlier row is one comparison
  // per row: cheaper than keeping a second order.
  const auto end = std::lower_bound(rows.begin(), rows.end(), to,
                                    [](const Row& r, Instant t) { return r.submitted_at < t; });
  std::vector<Instant> times;
  report::DossierRecord record;
  for (auto r = rows.begin(); r != end; ++r) {
    if (r->last_at < from) continue;
    MOTCUA_RETURN_IF_ERROR(DecodeFactsRecord(r->facts, &times, &record));
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
