#include "store/sqlite/dossier_rows.h"

#include <algorithm>
#include <string>
#include <vector>

#include "dossier/deadline.h"
#include "store/dossier_codec.h"
#include "store/search_fold.h"
#include "store/sqlite/imported_history.h"

namespace motcua::store::sqlite {
namespace {

// Hex digit values; -1 for anything else. (A table: hashes are converted
// eleven times per imported dossier.)
constexpr auto kHexValues = [] {
  std::array<signed char, 256> t{};
  t.fill(-1);
  for (int c = '0'; c <= '9'; ++c) t[c] = static_cast<signed char>(c - '0');
  for (int c = 'a'; c <= 'f'; ++c) t[c] = static_cast<signed char>(c - 'a' + 10);
  for (int c = 'A'; c <= 'F'; ++c) t[c] = static_cast<signed char>(c - 'A' + 10);
  return t;
}();

std::string_view View(const HashBytes& bytes) { return {bytes.data(), bytes.size()}; }

// Binds the dossier columns shared by INSERT and UPDATE, ?1..?18 (see the
// statements below for the order). The bytes are bound by reference: `d` and
// `rows` outlive the statement's run in the callers below.
void BindDossier(Statement& s, const dossier::Dossier& d, const DossierRows& rows) {
  s.BindRef(1, d.code)
      .BindRef(2, d.agency_code)
      .BindRef(3, d.procedure_code)
      .BindRef(4, dossier::StateName(d.state))
      .BindRef(5, dossier::ChannelName(d.channel))
      .BindRef(6, d.handler)
      .BindRef(7, d.applicant.name)
      .BindRef(8, d.applicant.phone)
      .BindRef(9, rows.phone_key)
      .BindRef(10, d.applicant.login)
      .Bind(11, d.submitted_at)
      .Bind(12, dossier::ClassifyingDueAt(d))
      .Bind(13, d.completed_at)
      .Bind(14, d.version)
      .BindBlobRef(15, View(rows.head))
      .BindRef(16, rows.facts_agency)
      .Bind(17, IsOpenForWork(d.state) ? 1 : 0)
      .BindBlobRef(18, rows.snapshot);
}

constexpr std::string_view kInsertDossier =
    "INSERT INTO dossier(code, agency, procedure, state, channel, handler, "
    "applicant_name, applicant_phone, phone_key, applicant_login, submitted_at, "
    "due_at, completed_at, version, head_hash, facts_agency, is_open, snapshot) "
    "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
    "?16, ?17, ?18) ON CONFLICT(code) DO NOTHING";
// Live and imported events alike; the id is computed by the caller
// (EventRowId), the request id is '' for imported ones.
constexpr std::string_view kInsertEvent =
    "INSERT INTO event(id, dossier_id, seq, action, actor, on_behalf_of, at, payload, prev_hash, "
    "hash, request_id) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
constexpr std::string_view kIndexName = "INSERT INTO dossier_search(rowid, name) VALUES(?1, ?2)";
constexpr std::string_view kRaiseSequence =
    "INSERT INTO day_sequence(agency, day, last) VALUES(?1, ?2, ?3) "
    "ON CONFLICT DO UPDATE SET last = max(last, excluded.last)";

// The event table's rowid (schema.cc: dossier_id * 2^20 + seq, checked).
std::int64_t EventRowId(std::int64_t dossier_id, std::int64_t seq) {
  return dossier_id * 1048576 + seq;
}

// Binds an event row, ?1..?11 (kInsertEvent), by reference.
void BindEvent(Statement& s, std::int64_t dossier_id, const dossier::Event& e,
               const HashBytes& prev, const HashBytes& hash, std::string_view request_id) {
  s.Bind(1, EventRowId(dossier_id, e.seq))
      .Bind(2, dossier_id)
      .Bind(3, e.seq)
      .BindRef(4, dossier::ActionName(e.action))
      .BindRef(5, e.actor)
      .BindRef(6, e.on_behalf_of)
      .Bind(7, e.at)
      .BindRef(8, e.payload)
      .BindBlobRef(9, View(prev))
      .BindBlobRef(10, View(hash))
      .BindRef(11, request_id);
}

// Binds a report_fact row, ?1..?5, by reference.
void BindFacts(Statement& s, std::int64_t id, const DossierRows& rows) {
  s.BindRef(1, rows.facts_agency)
      .Bind(2, rows.submitted_at)
      .Bind(3, id)
      .Bind(4, rows.last_at)
      .BindBlobRef(5, rows.facts);
}

Status PutFacts(Connection& conn, std::int64_t id, const DossierRows& rows) {
  MOTCUA_ASSIGN_OR_RETURN(
      Statement s,
      conn.Prepare("INSERT INTO report_fact(agency, submitted_at, dossier_id, last_at, facts) "
                   "VALUES(?1, ?2, ?3, ?4, ?5) ON CONFLICT DO UPDATE SET "
                   "last_at = excluded.last_at, facts = excluded.facts"));
  BindFacts(s, id, rows);
  return s.Run();
}

Status IndexName(Connection& conn, std::int64_t id, const std::string& text, bool remove) {
  if (text.empty()) return Status::Ok();
  // A contentless FTS5 table forgets its rows' text; removing one takes the
  // text it was indexed with ('delete' command).
  MOTCUA_ASSIGN_OR_RETURN(
      Statement s, conn.Prepare(remove ? "INSERT INTO dossier_search(dossier_search, rowid, name) "
                                         "VALUES('delete', ?1, ?2)"
                                       : kIndexName));
  s.Bind(1, id).BindRef(2, text);
  return s.Run();
}

}  // namespace

Result<HashBytes> HashToBlob(std::string_view hex) {
  if (hex.size() != 64) return Status::InvalidArgument("hash must be 64 hex digits");
  HashBytes out;
  for (size_t i = 0; i < 32; ++i) {
    const int hi = kHexValues[static_cast<unsigned char>(hex[2 * i])];
    const int lo = kHexValues[static_cast<unsigned char>(hex[2 * i + 1])];
    if (hi < 0 || lo < 0) return Status::InvalidArgument("hash must be 64 hex digits");
    out[i] = static_cast<char>(hi * 16 + lo);
  }
  return out;
}

std::string BlobToHash(std::string_view blob) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(blob.size() * 2);
  for (const char c : blob) {
    const auto b = static_cast<unsigned char>(c);
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 0xF]);
  }
  return out;
}

Result<std::optional<StoredHead>> FindHead(Connection& conn, std::string_view code) {
  MOTCUA_ASSIGN_OR_RETURN(Statement s,
                          conn.Prepare("SELECT id, version, head_hash, applicant_name, "
                                       "facts_agency, submitted_at, state, code, agency, "
                                       "handler, phone_key, applicant_login, due_at, is_open "
                                       "FROM dossier WHERE code = ?1"));
  s.Bind(1, code);
  MOTCUA_ASSIGN_OR_RETURN(const bool row, s.Step());
  if (!row) return std::optional<StoredHead>();
  StoredHead head;
  head.id = s.ColumnInt(0);
  head.version = s.ColumnInt(1);
  head.head_hash = BlobToHash(s.ColumnBlob(2));
  head.search_text = SearchText(s.ColumnTextView(3));
  head.facts_agency = s.ColumnText(4);
  head.submitted_at = s.ColumnInt(5);
  head.state = s.ColumnText(6);
  head.code = s.ColumnText(7);
  head.agency = s.ColumnText(8);
  head.handler = s.ColumnText(9);
  head.phone_key = s.ColumnText(10);
  head.applicant_login = s.ColumnText(11);
  if (!s.ColumnIsNull(12)) head.due_at = s.ColumnInt(12);
  head.is_open = s.ColumnInt(13) != 0;
  return std::optional<StoredHead>(std::move(head));
}

void DossierRows::SetFacts(const FactsRow& row) {
  facts_agency = row.agency;
  submitted_at = row.submitted_at;
  last_at = row.last_relevant_at();
  facts = EncodeFacts(row);
}

Result<DossierRows> EncodeRows(const dossier::Dossier& d, std::span<const dossier::Event> events) {
  DossierRows rows;
  rows.phone_key = PhoneSearchKey(d.applicant.phone);
  rows.snapshot = EncodeDossier(d);
  rows.search_text = SearchText(d.applicant.name);
  rows.event_hashes.reserve(events.size());
  for (size_t i = 0; i < events.size(); ++i) {
    const dossier::Event& e = events[i];
    // In a chain each prev_hash is the hash before it: converted once.
    HashBytes prev;
    if (i > 0 && e.prev_hash == events[i - 1].hash) {
      prev = rows.event_hashes.back().second;
    } else {
      MOTCUA_ASSIGN_OR_RETURN(prev, HashToBlob(e.prev_hash));
    }
    MOTCUA_ASSIGN_OR_RETURN(const HashBytes hash, HashToBlob(e.hash));
    rows.event_hashes.emplace_back(prev, hash);
  }
  if (!events.empty() && d.head_hash == events.back().hash) {
    rows.head = rows.event_hashes.back().second;
  } else {
    MOTCUA_ASSIGN_OR_RETURN(rows.head, HashToBlob(d.head_hash));
  }
  EncodeImportedHistory(events, rows.event_hashes, &rows.history);
  return rows;
}

Status InsertDossier(Connection& conn, const dossier::Dossier& d, const DossierRows& rows,
                     std::int64_t* id) {
  // ON CONFLICT DO NOTHING: an import re-run learns that the code is taken
  // from the insert itself, without a lookup first.
  MOTCUA_ASSIGN_OR_RETURN(Statement s, conn.Prepare(kInsertDossier));
  BindDossier(s, d, rows);
  MOTCUA_RETURN_IF_ERROR(s.Run());
  if (conn.Changes() == 0) {
    *id = 0;
    return Status::Ok();
  }
  *id = conn.LastInsertRowid();
  MOTCUA_RETURN_IF_ERROR(IndexName(conn, *id, rows.search_text, false));
  return PutFacts(conn, *id, rows);
}

Status UpdateDossier(Connection& conn, const StoredHead& head, const dossier::Dossier& d,
                     const DossierRows& rows) {
  // Only the indexed columns that change: SQLite rewrites the entry of every
  // index that holds (or filters on) a column named in SET, whatever its
  // value. Naming them all rewrote the six indexes at each transition, for
  // a receive most of the writer's UPDATE and about a quarter of the WAL
  // pages of its commit. The parameters keep BindDossier's numbers.
  std::string sql =
      "UPDATE dossier SET procedure = ?3, channel = ?5, applicant_name = ?7, "
      "applicant_phone = ?8, completed_at = ?13, version = ?14, head_hash = ?15, "
      "facts_agency = ?16, snapshot = ?18";
  const auto set_if = [&sql](bool changed, std::string_view assignment) {
    if (changed) sql.append(", ").append(assignment);
  };
  const std::optional<Instant> due_at = dossier::ClassifyingDueAt(d);
  const bool is_open = IsOpenForWork(d.state);
  set_if(d.code != head.code, "code = ?1");
  set_if(d.agency_code != head.agency, "agency = ?2");
  set_if(dossier::StateName(d.state) != head.state, "state = ?4");
  set_if(d.handler != head.handler, "handler = ?6");
  set_if(rows.phone_key != head.phone_key, "phone_key = ?9");
  set_if(d.applicant.login != head.applicant_login, "applicant_login = ?10");
  set_if(d.submitted_at != head.submitted_at, "submitted_at = ?11");
  set_if(due_at != head.due_at, "due_at = ?12");
  set_if(is_open != head.is_open, "is_open = ?17");
  sql += " WHERE id = ?19";
  MOTCUA_ASSIGN_OR_RETURN(Statement s, conn.Prepare(sql));
  BindDossier(s, d, rows);
  s.Bind(19, head.id);
  MOTCUA_RETURN_IF_ERROR(s.Run());
  if (rows.search_text != head.search_text) {
    MOTCUA_RETURN_IF_ERROR(IndexName(conn, head.id, head.search_text, true));
    MOTCUA_RETURN_IF_ERROR(IndexName(conn, head.id, rows.search_text, false));
  }
  if (rows.facts_agency != head.facts_agency || rows.submitted_at != head.submitted_at) {
    // The key moved (an agency handed its open dossiers to its successor).
    MOTCUA_ASSIGN_OR_RETURN(
        Statement del,
        conn.Prepare("DELETE FROM report_fact WHERE agency = ?1 AND submitted_at = ?2 AND "
                     "dossier_id = ?3"));
    del.Bind(1, head.facts_agency).Bind(2, head.submitted_at).Bind(3, head.id);
    MOTCUA_RETURN_IF_ERROR(del.Run());
  }
  return PutFacts(conn, head.id, rows);
}

Status InsertEvents(Connection& conn, std::int64_t dossier_id,
                    std::span<const dossier::Event> events, const DossierRows& rows,
                    std::string_view request_id) {
  if (rows.event_hashes.size() != events.size()) {
    return Status::Internal("InsertEvents: events and encoded hashes differ");
  }
  // One row per statement run: measured faster than one multi-row VALUES
  // statement per dossier (which took twice the writer's time, SQLite 3.40).
  for (size_t i = 0; i < events.size(); ++i) {
    const dossier::Event& e = events[i];
    const auto& [prev, hash] = rows.event_hashes[i];
    MOTCUA_ASSIGN_OR_RETURN(Statement s, conn.Prepare(kInsertEvent));
    BindEvent(s, dossier_id, e, prev, hash, request_id);
    MOTCUA_RETURN_IF_ERROR(s.Run());
  }
  return Status::Ok();
}

Result<ImportInserter> ImportInserter::Open(Connection& conn) {
  MOTCUA_ASSIGN_OR_RETURN(Statement dossier, conn.Prepare(kInsertDossier));
  MOTCUA_ASSIGN_OR_RETURN(Statement search, conn.Prepare(kIndexName));
  MOTCUA_ASSIGN_OR_RETURN(
      Statement facts,
      conn.Prepare("INSERT INTO report_fact(agency, submitted_at, dossier_id, last_at, facts) "
                   "VALUES(?1, ?2, ?3, ?4, ?5)"));
  MOTCUA_ASSIGN_OR_RETURN(
      Statement history,
      conn.Prepare("INSERT INTO imported_history(dossier_id, events) VALUES(?1, ?2)"));
  MOTCUA_ASSIGN_OR_RETURN(Statement event, conn.Prepare(kInsertEvent));
  MOTCUA_ASSIGN_OR_RETURN(Statement sequence, conn.Prepare(kRaiseSequence));
  return ImportInserter(conn, std::move(dossier), std::move(search), std::move(facts),
                        std::move(history), std::move(event), std::move(sequence));
}

Status ImportInserter::Insert(const dossier::Dossier& d, std::span<const dossier::Event> events,
                              const DossierRows& rows, std::int64_t* id) {
  if (rows.event_hashes.size() != events.size()) {
    return Status::Internal("ImportInserter: events and encoded hashes differ");
  }
  // Every parameter is bound again before each run: Rewind, not Reset.
  dossier_.Rewind();
  BindDossier(dossier_, d, rows);
  MOTCUA_RETURN_IF_ERROR(dossier_.Run());
  if (conn_->Changes() == 0) {
    *id = 0;
    return Status::Ok();
  }
  *id = conn_->LastInsertRowid();
  if (!rows.search_text.empty()) {
    search_.Rewind();
    search_.Bind(1, *id).BindRef(2, rows.search_text);
    MOTCUA_RETURN_IF_ERROR(search_.Run());
  }
  facts_.Rewind();
  BindFacts(facts_, *id, rows);
  MOTCUA_RETURN_IF_ERROR(facts_.Run());
  if (!rows.history.empty()) {
    history_.Rewind();
    history_.Bind(1, *id).BindBlobRef(2, rows.history);
    return history_.Run();
  }
  for (size_t i = 0; i < events.size(); ++i) {
    const dossier::Event& e = events[i];
    const auto& [prev, hash] = rows.event_hashes[i];
    event_.Rewind();
    BindEvent(event_, *id, e, prev, hash, /*request_id=*/"");
    MOTCUA_RETURN_IF_ERROR(event_.Run());
  }
  return Status::Ok();
}

Status ImportInserter::RaiseSequence(std::string_view agency, DayNumber day, int sequence) {
  sequence_.Rewind();
  sequence_.BindRef(1, agency).Bind(2, std::int64_t{day}).Bind(3, sequence);
  return sequence_.Run();
}

Result<FactsRow> GetFacts(Connection& conn, const StoredHead& head) {
  MOTCUA_ASSIGN_OR_RETURN(Statement s,
                          conn.Prepare("SELECT facts FROM report_fact WHERE agency = ?1 AND "
                                       "submitted_at = ?2 AND dossier_id = ?3"));
  s.Bind(1, head.facts_agency).Bind(2, head.submitted_at).Bind(3, head.id);
  MOTCUA_ASSIGN_OR_RETURN(const bool row, s.Step());
  if (!row)
    return Status::Corruption("report facts of dossier row " + std::to_string(head.id) +
                              " are missing");
  return DecodeFactsRow(s.ColumnBlob(0));
}

Status AddToStateCount(Connection& conn, std::string_view state, std::int64_t delta) {
  MOTCUA_ASSIGN_OR_RETURN(Statement s,
                          conn.Prepare("INSERT INTO dossier_state_count(state, n) VALUES(?1, ?2) "
                                       "ON CONFLICT DO UPDATE SET n = n + excluded.n"));
  s.Bind(1, state).Bind(2, delta);
  return s.Run();
}

Result<std::uint64_t> BumpFactsGeneration(Connection& conn) {
  // No RETURNING here nor in NextSequence: SQLite runs a RETURNING statement
  // under a statement journal, which opens a savepoint on every virtual
  // table of the transaction, and FTS5 answers a savepoint by flushing its
  // pending terms into a new index segment. In a group commit that meant a
  // segment (and later merges) per job instead of one per batch
  // (search_flush_test.cc).
  MOTCUA_RETURN_IF_ERROR(
      conn.ExecCached("UPDATE store_meta SET value = value + 1 WHERE key = 'facts_generation'"));
  if (conn.Changes() != 1) return Status::Corruption("store_meta has no facts_generation");
  return FactsGeneration(conn);
}

Result<std::uint64_t> FactsGeneration(Connection& conn) {
  MOTCUA_ASSIGN_OR_RETURN(
      Statement s, conn.Prepare("SELECT value FROM store_meta WHERE key = 'facts_generation'"));
  MOTCUA_ASSIGN_OR_RETURN(const bool row, s.Step());
  if (!row) return Status::Corruption("store_meta has no facts_generation");
  return static_cast<std::uint64_t>(s.ColumnInt(0));
}

Result<int> NextSequence(Connection& conn, std::string_view agency, DayNumber day) {
  // Two statements rather than one with RETURNING (BumpFactsGeneration).
  {
    MOTCUA_ASSIGN_OR_RETURN(
        Statement s, conn.Prepare("INSERT INTO day_sequence(agency, day, last) VALUES(?1, ?2, 1) "
                                  "ON CONFLICT DO UPDATE SET last = last + 1"));
    s.BindRef(1, agency).Bind(2, std::int64_t{day});
    MOTCUA_RETURN_IF_ERROR(s.Run());
  }
  MOTCUA_ASSIGN_OR_RETURN(
      Statement s, conn.Prepare("SELECT last FROM day_sequence WHERE agency = ?1 AND day = ?2"));
  s.BindRef(1, agency).Bind(2, std::int64_t{day});
  MOTCUA_ASSIGN_OR_RETURN(const bool row, s.Step());
  if (!row) return Status::Internal("day_sequence: no row after the upsert");
  return static_cast<int>(s.ColumnInt(0));
}

Status RaiseSequence(Connection& conn, std::string_view agency, DayNumber day, int sequence) {
  MOTCUA_ASSIGN_OR_RETURN(Statement s, conn.Prepare(kRaiseSequence));
  s.Bind(1, agency).Bind(2, std::int64_t{day}).Bind(3, sequence);
  return s.Run();
}

Result<std::optional<std::string>> FindIdempotent(Connection& conn, std::string_view key,
                                                  std::string_view request) {
  MOTCUA_ASSIGN_OR_RETURN(Statement s,
                          conn.Prepare("SELECT request, response FROM idempotency WHERE key = ?1"));
  s.Bind(1, key);
  MOTCUA_ASSIGN_OR_RETURN(const bool row, s.Step());
  if (!row) return std::optional<std::string>();
  if (s.ColumnTextView(0) != request) {
    return Status::InvalidArgument("idempotency key \"" + std::string(key) +
                                   "\" was already used for another request (" + s.ColumnText(0) +
                                   ")");
  }
  return std::optional<std::string>(s.ColumnBlob(1));
}

Status RememberIdempotent(Connection& conn, std::string_view key, std::string_view request,
                          std::string_view response, Instant at) {
  MOTCUA_ASSIGN_OR_RETURN(
      Statement s, conn.Prepare("INSERT INTO idempotency(key, request, response, created_at) "
                                "VALUES(?1, ?2, ?3, ?4)"));
  s.Bind(1, key).Bind(2, request).BindBlob(3, response).Bind(4, at);
  return s.Run();
}

}  // namespace motcua::store::sqlite
