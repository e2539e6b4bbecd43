// SqliteStore: report facts, the dossier counts of /metrics, housekeeping,
// and opening the store.
//
// A report of [from, to) needs the facts rows with submitted_at < to and
// last_at >= from (facts_row.h says why that is exactly the set that can
// count). They come from the facts cache (facts_cache.h) when it holds the
// agency, is current for the read snapshot and covers the period; otherwise
// the agency's rows of the period's window are read from report_fact -- the
// key range of the 90 days before `from` to `to`, and the few long-lived
// older ones through report_fact_long_lived (schema.cc) -- the report takes
// what it needs from them, and the cache keeps them for the next report.
// All agencies: the same per agency, the agencies found by skipping along
// the primary key.
#include <string>
#include <vector>

#include "store/sqlite/dossier_rows.h"
#include "store/sqlite/schema.h"
#include "store/sqlite/sqlite_store.h"

namespace motcua::store::sqlite {
namespace {

// The agency's rows of `window` (facts_cache.h), in key order: first the
// long-lived rows submitted before window.lo() that are relevant at
// window.lo() + 90 days, through the partial index (the query repeats its
// condition, and names it: without statistics the planner preferred the
// primary key, walking every row of the agency before lo), then the key
// range [lo, hi).
Status ReadWindow(Connection& conn, const std::string& agency, FactsCache::Window* window) {
  MOTCUA_ASSIGN_OR_RETURN(
      Statement old,
      conn.Prepare("SELECT submitted_at, dossier_id, last_at, facts FROM report_fact "
                   "INDEXED BY report_fact_long_lived "
                   "WHERE agency = ?1 AND last_at - submitted_at > 7776000 AND last_at >= ?2 "
                   "AND submitted_at < ?3 ORDER BY submitted_at, dossier_id"));
  old.Bind(1, agency).Bind(2, window->lo() + kLongLivedSeconds).Bind(3, window->lo());
  MOTCUA_ASSIGN_OR_RETURN(
      Statement range,
      conn.Prepare("SELECT submitted_at, dossier_id, last_at, facts FROM report_fact "
                   "WHERE agency = ?1 AND submitted_at >= ?2 AND submitted_at < ?3 "
                   "ORDER BY submitted_at, dossier_id"));
  range.Bind(1, agency).Bind(2, window->lo()).Bind(3, window->hi());
  for (Statement* s : {&old, &range}) {
    while (true) {
      MOTCUA_ASSIGN_OR_RETURN(const bool row, s->Step());
      if (!row) break;
      window->Add(s->ColumnInt(0), s->ColumnInt(1), s->ColumnInt(2), s->ColumnBlobView(3));
    }
  }
  return Status::Ok();
}

}  // namespace

Status SqliteStore::AddAgencyFacts(Connection& conn, const std::string& agency,
                                   std::uint64_t generation, const FactsQuery& query,
                                   report::FactsTable* table) {
  MOTCUA_ASSIGN_OR_RETURN(const bool cached,
                          facts_cache_.Fill(agency, generation, query.from, query.to, table));
  if (cached) return Status::Ok();
  FactsCache::Window window = FactsCache::WindowFor(query.from, query.to);
  MOTCUA_RETURN_IF_ERROR(ReadWindow(conn, agency, &window));
  return facts_cache_.Load(agency, std::move(window), generation, query.from, query.to, table);
}

Result<report::FactsTable> SqliteStore::ReportFacts(const FactsQuery& query) {
  if (query.from > query.to) return Status::InvalidArgument("report period ends before it starts");
  return WithReadTransaction(db_->readers(), [&](Connection& conn) -> Result<report::FactsTable> {
    MOTCUA_ASSIGN_OR_RETURN(const std::uint64_t generation, FactsGeneration(conn));
    report::FactsTable table;
    if (query.agency_code) {
      MOTCUA_RETURN_IF_ERROR(AddAgencyFacts(conn, *query.agency_code, generation, query, &table));
      return table;
    }
    MOTCUA_ASSIGN_OR_RETURN(Statement next,
                            conn.Prepare("SELECT agency FROM report_fact WHERE agency > ?1 "
                                         "ORDER BY agency LIMIT 1"));
    std::string agency;
    while (true) {
      next.Bind(1, agency);
      MOTCUA_ASSIGN_OR_RETURN(const bool row, next.Step());
      if (!row) break;
      agency = next.ColumnText(0);
      next.Reset();
      MOTCUA_RETURN_IF_ERROR(AddAgencyFacts(conn, agency, generation, query, &table));
    }
    return table;
  });
}

Result<DossierCounts> SqliteStore::CountDossiers(Instant now) {
  // The open states, bound as values: with them, SQLite reads one range of
  // dossier_open_by_state(state, due_at) per state, only the overdue rows.
  std::vector<dossier::State> open;
  for (const dossier::State st : dossier::AllStates()) {
    if (IsOpenForWork(st)) open.push_back(st);
  }
  std::string overdue_sql =
      "SELECT count(*) FROM dossier WHERE is_open = 1 AND due_at < ?1 AND state IN (";
  for (size_t i = 0; i < open.size(); ++i) {
    overdue_sql.append(i > 0 ? ", ?" : "?").append(std::to_string(i + 2));
  }
  overdue_sql += ")";
  return WithReadTransaction(db_->readers(), [&](Connection& conn) -> Result<DossierCounts> {
    DossierCounts counts;
    for (const dossier::State st : dossier::AllStates()) counts.by_state.emplace_back(st, 0);
    // Kept exact by every dossier write (AddToStateCount, dossier_rows.h).
    MOTCUA_ASSIGN_OR_RETURN(Statement s, conn.Prepare("SELECT state, n FROM dossier_state_count"));
    while (true) {
      MOTCUA_ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) break;
      MOTCUA_ASSIGN_OR_RETURN(const dossier::State st, dossier::ParseState(s.ColumnTextView(0)));
      counts.by_state[static_cast<size_t>(st)].second = s.ColumnInt(1);
    }
    MOTCUA_ASSIGN_OR_RETURN(Statement overdue, conn.Prepare(overdue_sql));
    overdue.Bind(1, now);
    for (size_t i = 0; i < open.size(); ++i) {
      overdue.Bind(static_cast<int>(i) + 2, dossier::StateName(open[i]));
    }
    MOTCUA_ASSIGN_OR_RETURN(const bool row, overdue.Step());
    if (!row) return Status::Internal("count(*) returned no row");
    counts.open_overdue = overdue.ColumnInt(0);
    return counts;
  });
}

Result<std::int64_t> SqliteStore::PurgeIdempotencyKeys(Instant before) {
  std::int64_t removed = 0;
  MOTCUA_RETURN_IF_ERROR(db_->writer().Write([&](Connection& conn) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(Statement s,
                            conn.Prepare("DELETE FROM idempotency WHERE created_at < ?1"));
    s.Bind(1, before);
    MOTCUA_RETURN_IF_ERROR(s.Run());
    removed = conn.Changes();
    return Status::Ok();
  }));
  return removed;
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                       const DatabaseOptions& options) {
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<Database> db,
                          Database::Open(path, StoreMigrations(), options));
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(db)));
}

}  // namespace motcua::store::sqlite
