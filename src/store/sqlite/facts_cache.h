// FactsCache: the report facts rows (facts_row.h) of the agencies reports
// have asked about, held in memory and kept in step with this process's
// writes, so that a report reads no table at all.
//
// Why: over 1,000,000 dossiers, reading one agency's year from report_fact
// (about 60,000 rows) took ~90 ms of CPU on the bench machine, two thirds of
// it inside SQLite; decoding the same rows from memory takes about a third of
// that, and report::Compute ~2 ms (bench/store_facts_bench.cc).
//
// Staying in step: every write that changes facts bumps a generation number
// stored in the database (store_meta.facts_generation) inside its own
// transaction, and hands its rows to Apply() after commit, stamped with that
// generation (GroupCommitWriter's after_commit: before the write is
// acknowledged). A reader compares the generation of its snapshot with the
// cache's: when the database is ahead, another process (e.g. `motcua import`)
// or a write not yet applied changed it, and the cache is dropped and
// reloaded. Rows carry their stamp, so applying an older write after a newer
// load changes nothing.
//
// Memory: the encoded rows (about 110 bytes each) plus ~50 bytes of
// bookkeeping per dossier of each cached agency.
//
// Thread-safety: all methods may be called concurrently (a shared mutex:
// Apply waits while a report copies rows out, and the other way round).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "report/facts_table.h"
#include "util/civil_time.h"
#include "util/status.h"

namespace motcua::store::sqlite {

class FactsCache {
 public:
  struct Row {
    Instant submitted_at = 0;
    std::int64_t dossier_id = 0;
    Instant last_at = 0;
    std::uint64_t stamp = 0;  // generation of the write (or load) it reflects
    std::string facts;        // EncodeFacts bytes
  };

  // One committed write's effect on the facts.
  struct Change {
    std::string agency;
    std::string previous_agency;  // set when the dossier moved to another agency
    Row row;
  };

  // Applies committed changes of generation `generation`.
  void Apply(const std::vector<Change>& changes, std::uint64_t generation);
  // Forgets `agency` (an import wrote many rows into its past).
  void Invalidate(const std::string& agency, std::uint64_t generation);

  // If `agency` is cached and current for a snapshot at `generation`, adds its
  // rows with submitted_at < to and last_at >= from to `table` and returns
  // true. Returns false when the caller must read the table instead (and
  // drops everything cached if the database is ahead of the cache).
  Result<bool> Fill(const std::string& agency, std::uint64_t generation, Instant from, Instant to,
                    report::FactsTable* table);
  // Installs `rows` (sorted by submitted_at, dossier_id) read from a snapshot
  // at `generation` as the agency's cached facts.
  void Load(const std::string& agency, std::vector<Row> rows, std::uint64_t generation);

  size_t cached_agencies() const;

  // Adds the rows of `rows` with submitted_at < to and last_at >= from.
  // REQUIRES: rows sorted by submitted_at.
  static Status AddMatching(const std::vector<Row>& rows, Instant from, Instant to,
                            report::FactsTable* table);

 private:
  struct Agency {
    std::vector<Row> rows;                           // sorted by (submitted_at, dossier_id)
    std::unordered_map<std::int64_t, size_t> index;  // dossier_id -> position
  };
  void Upsert(Agency& a, const Row& row);
  void Erase(Agency& a, std::int64_t dossier_id);

  mutable std::shared_mutex mu_;
  std::map<std::string, Agency> agencies_;  // guarded by mu_
  std::uint64_t applied_ = 0;               // guarded by mu_
};

}  // namespace motcua::store::sqlite
