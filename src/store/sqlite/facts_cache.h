// FactsCache: the report facts rows (facts_row.h) that reports have read,
// held in memory per agency and kept in step with this process's writes, so
// that the next report over the same stretch of time reads no table at all.
//
// What is held: per agency, one window of submission times [lo, hi) -- every
// row submitted in it -- plus the rows submitted before lo that lived longer
// than 90 days (schema.cc's report_fact_long_lived) and are still relevant
// at lo + 90 days. That is exactly what a report of [from, to) needs when
// lo <= from - 90 days and to <= hi (facts_row.h: a report needs the rows
// submitted before `to` that are relevant at `from`; a row submitted more
// than 90 days before `from` and relevant at `from` lived longer than 90
// days). A report the window does not cover loads its own window, which
// replaces the agency's (store_facts.cc).
//
// Why a window and not the agency's whole history: the first report after a
// start used to load every row of the agency (300,000 of the largest over
// 1,000,000 dossiers: 275-645 ms), while a yearly report needs about 15
// months of them. Rows keep their encoded bytes in one buffer per agency
// (not one string each), so loading a window allocates almost nothing per
// row.
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
// Memory: about 150 bytes per cached row (its encoded bytes and 40 bytes of
// bookkeeping; rows a write replaced are compacted away once they are half
// the buffer).
//
// Thread-safety: all methods may be called concurrently (a shared mutex:
// Apply waits while a report copies rows out, and the other way round).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "report/facts_table.h"
#include "util/civil_time.h"
#include "util/status.h"

namespace motcua::store::sqlite {

// How long a dossier may live and still be found by the key range alone
// (schema.cc: the partial index report_fact_long_lived holds the others).
inline constexpr Instant kLongLivedSeconds = 90 * 86400;

class FactsCache {
 public:
  struct Row {
    Instant submitted_at = 0;
    std::int64_t dossier_id = 0;
    Instant last_at = 0;
    std::string facts;  // EncodeFacts bytes
  };

  // One committed write's effect on the facts.
  struct Change {
    std::string agency;
    std::string previous_agency;  // set when the dossier moved to another agency
    Row row;
  };

  // The rows of one agency read from a snapshot, to install with Load: those
  // submitted in [lo, hi), and the long-lived ones submitted before lo that
  // are relevant at lo + 90 days.
  class Window {
   public:
    Window(Instant lo, Instant hi) : lo_(lo), hi_(hi) {}
    Instant lo() const { return lo_; }
    Instant hi() const { return hi_; }
    // REQUIRES: rows added in (submitted_at, dossier_id) order; those
    // submitted before lo first.
    void Add(Instant submitted_at, std::int64_t dossier_id, Instant last_at,
             std::string_view facts);
    size_t size() const { return rows_.size(); }

    struct Slot {
      Instant submitted_at;
      std::int64_t dossier_id;
      Instant last_at;
      std::uint64_t stamp;           // generation of the write (or load) it reflects
      std::uint32_t offset, length;  // of its bytes in `bytes_`
    };

   private:
    friend class FactsCache;
    Instant lo_, hi_;
    std::vector<Slot> rows_;
    std::string bytes_;
  };

  // The window a report of [from, to) loads when the cache does not cover it.
  static Window WindowFor(Instant from, Instant to) { return Window(from - kLongLivedSeconds, to); }

  // Applies committed changes of generation `generation`.
  void Apply(const std::vector<Change>& changes, std::uint64_t generation);
  // Forgets `agency` (an import wrote many rows into its past).
  void Invalidate(const std::string& agency, std::uint64_t generation);

  // If `agency` is cached, current for a snapshot at `generation`, and its
  // window covers [from, to), adds its rows with submitted_at < to and
  // last_at >= from to `table` and returns true. Returns false when the
  // caller must read the table instead (and drops everything cached if the
  // database is ahead of the cache).
  Result<bool> Fill(const std::string& agency, std::uint64_t generation, Instant from, Instant to,
                    report::FactsTable* table);
  // Installs `window`, read from a snapshot at `generation`, as the agency's
  // cached facts, and adds its rows that a report of [from, to) needs to
  // `table`. REQUIRES: window is WindowFor(from, to) or covers it.
  Status Load(const std::string& agency, Window window, std::uint64_t generation, Instant from,
              Instant to, report::FactsTable* table);

  size_t cached_agencies() const;

 private:
  struct Agency {
    Window window{0, 0};
    std::unordered_map<std::int64_t, size_t> index;  // dossier_id -> row; built on first write
    size_t garbage = 0;                              // bytes of replaced rows in window.bytes_
  };
  static Status AddMatching(const Window& w, Instant from, Instant to, report::FactsTable* table);
  // False when the agency must be forgotten (a row would go in the middle).
  static bool Upsert(Agency& a, const Row& row, std::uint64_t stamp);

  mutable std::shared_mutex mu_;
  std::map<std::string, Agency> agencies_;  // guarded by mu_
  std::uint64_t applied_ = 0;               // guarded by mu_
};

}  // namespace motcua::store::sqlite
