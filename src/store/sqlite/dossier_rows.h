// The rows one dossier write touches, as small functions over a connection:
// the dossier row (summary columns and snapshot), its events, its search entry,
// its report facts, the day sequence of its code, and idempotency records.
// store_writes.cc composes them into transactions.
//
// Internal to the SQLite engine. Every function runs on the connection it is
// given, inside the caller's transaction; none begins or commits.
// REQUIRES: used on the writer's connection (or, for the Find*/Get* ones, any
// connection inside a read transaction).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dossier/dossier.h"
#include "dossier/event.h"
#include "store/facts_row.h"
#include "store/sqlite/connection.h"
#include "util/status.h"

namespace motcua::store::sqlite {

// Hashes are stored as 32 raw bytes. InvalidArgument unless 64 hex digits.
using HashBytes = std::array<char, 32>;
Result<HashBytes> HashToBlob(std::string_view hex);
// Lowercase hex of stored bytes.
std::string BlobToHash(std::string_view blob);

// Whether a dossier in state `s` is still in someone's work queue: not yet
// resolved, refused, returned, withdrawn or stopped (the is_open column and
// the partial indexes of schema.cc).
inline bool IsOpenForWork(dossier::State s) {
  return !dossier::IsFinal(s) && s != dossier::State::kResolved;
}

// What a transition needs to know about the stored dossier.
struct StoredHead {
  std::int64_t id = 0;
  std::int64_t version = 0;
  std::string head_hash;    // hex
  std::string search_text;  // what its search entry indexes
  std::string state;        // its state's name (dossier_state_count)
  // The key of its report_fact row.
  std::string facts_agency;
  Instant submitted_at = 0;
  // The other columns that some index of `dossier` holds (or filters on):
  // UpdateDossier sets only those that change (with `state` and
  // `submitted_at` above).
  std::string code;
  std::string agency;
  std::string handler;
  std::string phone_key;
  std::string applicant_login;
  std::optional<Instant> due_at;
  bool is_open = false;
};
// nullopt when no dossier has `code`.
Result<std::optional<StoredHead>> FindHead(Connection& conn, std::string_view code);

// The encoded bytes of a dossier's rows, computed before the write so that
// the writer thread mostly copies bytes into b-trees. (An import prepares
// them in the importer's thread, in parallel with the writer: the writer is
// the one serial resource, measured in bench/store_import_bench.cc.)
struct DossierRows {
  HashBytes head{};
  std::string phone_key;
  std::string snapshot;
  std::string search_text;
  // Report facts: the row's key and bytes (SetFacts).
  std::string facts_agency;
  Instant submitted_at = 0;
  Instant last_at = 0;
  std::string facts;
  // prev_hash and hash of each event to insert, in order.
  std::vector<std::pair<HashBytes, HashBytes>> event_hashes;
  // The events as one imported_history row (imported_history.h) when they
  // are a chain from the genesis hash, else empty. Encoded here because an
  // import calls EncodeRows on its own threads, off the writer's; the one
  // event of a new dossier is encoded too, unused (under a microsecond).
  std::string history;

  void SetFacts(const FactsRow& row);
};
// InvalidArgument if a hash is not 64 hex digits.
Result<DossierRows> EncodeRows(const dossier::Dossier& d, std::span<const dossier::Event> events);

// Inserts the dossier row, its search entry and its report facts, and sets
// *id; if a dossier with the same code exists, inserts nothing and sets *id
// to 0. REQUIRES: rows.SetFacts was called.
Status InsertDossier(Connection& conn, const dossier::Dossier& d, const DossierRows& rows,
                     std::int64_t* id);
// Replaces the dossier row, search entry (if the name changed) and facts.
// REQUIRES: rows.SetFacts was called.
Status UpdateDossier(Connection& conn, const StoredHead& head, const dossier::Dossier& d,
                     const DossierRows& rows);
// Inserts `events` (those EncodeRows was given), each with `request_id`
// (empty for imported history). REQUIRES: request_id.data() != nullptr (a
// null pointer would bind SQL NULL).
Status InsertEvents(Connection& conn, std::int64_t dossier_id,
                    std::span<const dossier::Event> events, const DossierRows& rows,
                    std::string_view request_id = "");

// An import batch checked and encoded ahead of its write (store_writes.cc:
// SqliteStore::PrepareImport, on the importer's threads): the rows of each
// dossier, in batch order, and the highest imported code sequence per agency
// and local day.
struct ImportPlan {
  std::vector<DossierRows> rows;
  std::vector<std::pair<std::pair<std::string, DayNumber>, int>> sequences;  // sorted by key
};

// Inserts the dossiers of an import batch one by one with statements
// prepared once for the batch: the writer's loop over a whole batch, where
// InsertDossier and InsertEvents would look the statements up for every
// row. A fresh dossier has no report facts row, so its facts are a plain
// insert. Its events go into one imported_history row (rows.history), or,
// if they are not a chain from the genesis hash, into rows of `event`. Lives inside one write job;
// REQUIRES: destroyed before the job returns (it holds statements of the connection).
class ImportInserter {
 public:
  static Result<ImportInserter> Open(Connection& conn);

  // As InsertDossier and then InsertEvents with an empty request id: sets
  // *id to the new row's id, or to 0 (and inserts nothing) when the code is
  // stored already. REQUIRES: rows.SetFacts was called; rows from
  // EncodeRows(d, events).
  Status Insert(const dossier::Dossier& d, std::span<const dossier::Event> events,
                const DossierRows& rows, std::int64_t* id);
  // As the free RaiseSequence below, through the batch's statement. REQUIRES:
  // `agency` lives until the next call or the inserter's end (bound by
  // reference).
  Status RaiseSequence(std::string_view agency, DayNumber day, int sequence);

 private:
  ImportInserter(Connection& conn, Statement dossier, Statement search, Statement facts,
                 Statement history, Statement event, Statement sequence)
      : conn_(&conn),
        dossier_(std::move(dossier)),
        search_(std::move(search)),
        facts_(std::move(facts)),
        history_(std::move(history)),
        event_(std::move(event)),
        sequence_(std::move(sequence)) {}

  Connection* conn_;
  Statement dossier_, search_, facts_, history_, event_, sequence_;
};

// Adds `delta` to the number of dossiers in state `state` (the
// dossier_state_count table behind Store::CountDossiers). Every write that
// inserts a dossier or changes its state calls it in the same transaction.
Status AddToStateCount(Connection& conn, std::string_view state, std::int64_t delta);

// Counts one more change of the report facts (facts_cache.h) and returns
// the new generation; FactsGeneration reads the current one.
Result<std::uint64_t> BumpFactsGeneration(Connection& conn);
Result<std::uint64_t> FactsGeneration(Connection& conn);

// The report facts row of a stored dossier.
Result<FactsRow> GetFacts(Connection& conn, const StoredHead& head);

// The next code sequence of the agency's local day (1 for the first).
Result<int> NextSequence(Connection& conn, std::string_view agency, DayNumber day);
// Makes the day's last sequence at least `sequence` (imported codes).
Status RaiseSequence(Connection& conn, std::string_view agency, DayNumber day, int sequence);

// The answer stored for `key`, nullopt if the key is new. InvalidArgument if
// the key was used for a different request.
Result<std::optional<std::string>> FindIdempotent(Connection& conn, std::string_view key,
                                                  std::string_view request);
Status RememberIdempotent(Connection& conn, std::string_view key, std::string_view request,
                          std::string_view response, Instant at);

}  // namespace motcua::store::sqlite
