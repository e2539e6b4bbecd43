// SqliteStore: report facts and housekeeping, and opening the store.
//
// Report facts are read from report_fact (schema.cc). A report of [from, to)
// needs the rows with submitted_at < to and last_at >= from (facts_row.h
// says why that is exactly the set that can count). For one agency that is
//   1. the key range submitted_at in [from - 90 days, to), and
//   2. the dossiers submitted before that which lived longer than 90 days or
//      are still open, from the partial index report_fact_long_lived;
// the two are disjoint. All agencies: the same per agency, the agencies found
// by skipping along the primary key.
#include <algorithm>
#include <string>
#include <vector>

#include "store/facts_row.h"
#include "store/sqlite/schema.h"
#include "store/sqlite/sqlite_store.h"

namespace motcua::store::sqlite {
namespace {

// The partial index's horizon, seconds; must equal the literal in schema.cc
// and in the query below (SQLite uses a partial index only when the query
// repeats its condition).
constexpr Instant kLongLived = 7776000;  // 90 days

Status AddRows(Statement& s, report::FactsTable* table) {
  std::vector<Instant> times;
  report::DossierRecord record;
  while (true) {
    MOTCUA_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return Status::Ok();
    MOTCUA_RETURN_IF_ERROR(DecodeFactsRecord(s.ColumnBlobView(0), &times, &record));
    Result<std::uint32_t> added = table->Add(record);
    if (!added.ok()) {
      // Stored facts come from dossiers the life cycle produced: a refusal
      // here is a bug in one of the two, not bad input.
      return Status::Internal("stored report facts refused: " + added.status().message());
    }
  }
}

Status AddAgencyFacts(Connection& conn, const std::string& agency, const FactsQuery& query,
                      report::FactsTable* table) {
  MOTCUA_ASSIGN_OR_RETURN(
      Statement recent,
      conn.Prepare("SELECT facts FROM report_fact WHERE agency = ?1 AND submitted_at >= ?2 AND "
                   "submitted_at < ?3 AND last_at >= ?4"));
  recent.Bind(1, agency).Bind(2, query.from - kLongLived).Bind(3, query.to).Bind(4, query.from);
  MOTCUA_RETURN_IF_ERROR(AddRows(recent, table));
  MOTCUA_ASSIGN_OR_RETURN(
      Statement older,
      conn.Prepare("SELECT facts FROM report_fact WHERE agency = ?1 AND "
                   "last_at - submitted_at > 7776000 AND last_at >= ?2 AND submitted_at < ?3"));
  older.Bind(1, agency).Bind(2, query.from).Bind(3, std::min(query.from - kLongLived, query.to));
  return AddRows(older, table);
}

}  // namespace

Result<report::FactsTable> SqliteStore::ReportFacts(const FactsQuery& query) {
  if (query.from > query.to) return Status::InvalidArgument("report period ends before it starts");
  return WithReadTransaction(db_->readers(), [&](Connection& conn) -> Result<report::FactsTable> {
    report::FactsTable table;
    if (query.agency_code) {
      MOTCUA_RETURN_IF_ERROR(AddAgencyFacts(conn, *query.agency_code, query, &table));
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
      MOTCUA_RETURN_IF_ERROR(AddAgencyFacts(conn, agency, query, &table));
    }
    return table;
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
