// SqliteStore reads: one dossier, its events (and the request ids that wrote
// them), lists with a keyset cursor,
// search, and the audit walk over every event chain. Each runs inside one
// read transaction on a pooled connection (one consistent snapshot).
//
// A dossier's events come from two places (schema version 4): the one
// imported_history row of an imported dossier (events 1..n) and the rows of
// `event` (live events, seq n+1..., and everything written before version
// 4). Every reader merges the two by seq.
#include <algorithm>
#include <charconv>
#include <string>
#include <variant>
#include <vector>

#include "store/dossier_codec.h"
#include "store/search_fold.h"
#include "store/sqlite/dossier_rows.h"
#include "store/sqlite/imported_history.h"
#include "store/sqlite/sqlite_store.h"

namespace motcua::store::sqlite {
namespace {

constexpr const char* kSummaryColumns =
    "d.code, d.agency, d.procedure, d.state, d.channel, d.applicant_name, d.applicant_phone, "
    "d.handler, d.submitted_at, d.due_at, d.completed_at, d.version, d.id";
constexpr int kIdColumn = 12;

Result<DossierSummary> ReadSummary(const Statement& s) {
  DossierSummary out;
  out.code = s.ColumnText(0);
  out.agency_code = s.ColumnText(1);
  out.procedure_code = s.ColumnText(2);
  MOTCUA_ASSIGN_OR_RETURN(out.state, dossier::ParseState(s.ColumnTextView(3)));
  MOTCUA_ASSIGN_OR_RETURN(out.channel, dossier::ParseChannel(s.ColumnTextView(4)));
  out.applicant_name = s.ColumnText(5);
  out.applicant_phone = s.ColumnText(6);
  out.handler = s.ColumnText(7);
  out.submitted_at = s.ColumnInt(8);
  out.due_at = s.ColumnOptionalInt(9);
  out.completed_at = s.ColumnOptionalInt(10);
  out.version = s.ColumnInt(11);
  return out;
}

// Values to bind in order, as the SQL text is assembled from fixed pieces.
struct Params {
  std::vector<std::variant<std::int64_t, std::string>> values;
  std::string Next(std::int64_t v) {
    values.emplace_back(v);
    return Placeholder();
  }
  std::string Next(std::string v) {
    values.emplace_back(std::move(v));
    return Placeholder();
  }
  // "?N" for the value just added. (Built with append: GCC 12 warns falsely
  // about `"?" + std::to_string(n)` under -Wrestrict.)
  std::string Placeholder() const {
    std::string ref(1, '?');
    ref.append(std::to_string(values.size()));
    return ref;
  }
  void BindAll(Statement& s) const {
    for (size_t i = 0; i < values.size(); ++i) {
      const int index = static_cast<int>(i) + 1;
      if (const auto* n = std::get_if<std::int64_t>(&values[i])) {
        s.Bind(index, *n);
      } else {
        s.Bind(index, std::get<std::string>(values[i]));
      }
    }
  }
};

// "<submitted_at>.<id>" of the last row of a page.
std::string MakeCursor(Instant submitted_at, std::int64_t id) {
  return std::to_string(submitted_at) + "." + std::to_string(id);
}

Status ParseCursor(std::string_view cursor, Instant* submitted_at, std::int64_t* id) {
  const size_t dot = cursor.find('.');
  const auto parse = [](std::string_view text, std::int64_t* out) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
    return ec == std::errc() && end == text.data() + text.size() && !text.empty();
  };
  if (dot == std::string_view::npos || !parse(cursor.substr(0, dot), submitted_at) ||
      !parse(cursor.substr(dot + 1), id)) {
    return Status::InvalidArgument("malformed list cursor \"" + std::string(cursor) + "\"");
  }
  return Status::Ok();
}

// Runs a summary query; appends the rows to *out.
Status CollectSummaries(Connection& conn, const std::string& sql, const Params& params,
                        std::vector<DossierSummary>* out, std::int64_t* last_id = nullptr) {
  MOTCUA_ASSIGN_OR_RETURN(Statement s, conn.Prepare(sql));
  params.BindAll(s);
  while (true) {
    MOTCUA_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return Status::Ok();
    MOTCUA_ASSIGN_OR_RETURN(DossierSummary summary, ReadSummary(s));
    if (last_id != nullptr) *last_id = s.ColumnInt(kIdColumn);
    out->push_back(std::move(summary));
  }
}

std::string AgencyClause(const std::vector<std::string>& agencies, Params& p) {
  if (agencies.empty()) return "";
  std::string clause = " AND d.agency IN (";
  for (size_t i = 0; i < agencies.size(); ++i) {
    if (i > 0) clause += ", ";
    clause += p.Next(agencies[i]);
  }
  return clause + ")";
}

// The smallest string greater than every string starting with `prefix`
// (codes are ASCII), for a prefix range on the code index.
std::string PrefixEnd(std::string prefix) {
  while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xFF) prefix.pop_back();
  if (!prefix.empty()) prefix.back() = static_cast<char>(prefix.back() + 1);
  return prefix;
}

// True when the filter can only match open dossiers: it names states, and
// every one of them is open.
bool OnlyOpen(const DossierFilter& filter) {
  if (filter.states.empty()) return false;
  for (const dossier::State s : filter.states) {
    if (!IsOpenForWork(s)) return false;
  }
  return true;
}

std::string Trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return std::string(text);
}

std::string Upper(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

// The columns of an event row from `first` on: seq, action, actor,
// on_behalf_of, at, payload, prev_hash, hash.
Result<dossier::Event> ReadEventRow(const Statement& s, int first, std::string_view code) {
  dossier::Event e;
  e.dossier_code = std::string(code);
  e.seq = s.ColumnInt(first);
  MOTCUA_ASSIGN_OR_RETURN(e.action, dossier::ParseAction(s.ColumnTextView(first + 1)));
  e.actor = s.ColumnText(first + 2);
  e.on_behalf_of = s.ColumnText(first + 3);
  e.at = s.ColumnInt(first + 4);
  e.payload = s.ColumnText(first + 5);
  e.prev_hash = BlobToHash(s.ColumnBlobView(first + 6));
  e.hash = BlobToHash(s.ColumnBlobView(first + 7));
  return e;
}

// Appends the imported history of dossier row `id` (none if it has no
// imported_history row) to *out.
Status AppendImportedHistory(Connection& conn, std::int64_t id, std::string_view code,
                             std::vector<dossier::Event>* out) {
  MOTCUA_ASSIGN_OR_RETURN(
      Statement s, conn.Prepare("SELECT events FROM imported_history WHERE dossier_id = ?1"));
  s.Bind(1, id);
  MOTCUA_ASSIGN_OR_RETURN(const bool row, s.Step());
  if (!row) return Status::Ok();
  return DecodeImportedHistory(s.ColumnBlobView(0), code, out);
}

// Orders *events by seq, given that [0, sorted) and [sorted, end) each are.
void MergeBySeq(std::vector<dossier::Event>* events, size_t sorted) {
  std::inplace_merge(
      events->begin(), events->begin() + static_cast<std::ptrdiff_t>(sorted), events->end(),
      [](const dossier::Event& a, const dossier::Event& b) { return a.seq < b.seq; });
}

}  // namespace

Result<dossier::Dossier> SqliteStore::GetDossier(std::string_view code) {
  // One statement: its own implicit read transaction is the snapshot, so no
  // BEGIN and COMMIT around it (two statements more on every `GET
  // /api/v1/dossiers/{code}`), and the row is decoded in place. Read again
  // while nothing was committed, it comes from memory (stamped_cache.h).
  using Kept = std::shared_ptr<const dossier::Dossier>;
  MOTCUA_ASSIGN_OR_RETURN(
      const Kept d, dossier_snapshots_.FindOrRead(db_->stamp(), code, [&]() -> Result<Kept> {
        MOTCUA_ASSIGN_OR_RETURN(ReadPool::Lease lease, db_->readers().Acquire());
        MOTCUA_ASSIGN_OR_RETURN(Statement s,
                                lease->Prepare("SELECT snapshot FROM dossier WHERE code = ?1"));
        s.BindRef(1, code);
        MOTCUA_ASSIGN_OR_RETURN(const bool row, s.Step());
        if (!row) return Status::NotFound("no dossier " + std::string(code));
        MOTCUA_ASSIGN_OR_RETURN(dossier::Dossier decoded, DecodeDossier(s.ColumnBlobView(0)));
        return std::make_shared<const dossier::Dossier>(std::move(decoded));
      }));
  return *d;  // a copy
}

Result<std::vector<dossier::Event>> SqliteStore::ListEvents(std::string_view code) {
  MOTCUA_ASSIGN_OR_RETURN(std::vector<RecordedEvent> recorded, ListEventsWithRequestIds(code));
  std::vector<dossier::Event> events;
  events.reserve(recorded.size());
  for (RecordedEvent& r : recorded) events.push_back(std::move(r.event));
  return events;
}

Result<std::vector<RecordedEvent>> SqliteStore::ListEventsWithRequestIds(std::string_view code) {
  return WithReadTransaction(
      db_->readers(), [&](Connection& conn) -> Result<std::vector<RecordedEvent>> {
        MOTCUA_ASSIGN_OR_RETURN(const std::optional<StoredHead> head, FindHead(conn, code));
        if (!head) return Status::NotFound("no dossier " + std::string(code));
        std::vector<dossier::Event> imported;
        MOTCUA_RETURN_IF_ERROR(AppendImportedHistory(conn, head->id, code, &imported));
        std::vector<RecordedEvent> out;
        out.reserve(imported.size() + 4);
        for (dossier::Event& e : imported) out.push_back({std::move(e), ""});
        MOTCUA_ASSIGN_OR_RETURN(
            Statement s, conn.Prepare("SELECT seq, action, actor, on_behalf_of, at, payload, "
                                      "prev_hash, hash, request_id FROM event "
                                      "WHERE id >= ?1 * 1048576 AND id < (?1 + 1) * 1048576 "
                                      "ORDER BY id"));
        s.Bind(1, head->id);
        while (true) {
          MOTCUA_ASSIGN_OR_RETURN(const bool row, s.Step());
          if (!row) break;
          MOTCUA_ASSIGN_OR_RETURN(dossier::Event e, ReadEventRow(s, 0, code));
          out.push_back({std::move(e), s.ColumnText(8)});
        }
        // Imported events come before live ones; each source is in seq order.
        std::inplace_merge(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(imported.size()),
                           out.end(), [](const RecordedEvent& a, const RecordedEvent& b) {
                             return a.event.seq < b.event.seq;
                           });
        return out;
      });
}

Result<DossierPage> SqliteStore::ListDossiers(const DossierFilter& filter, std::string_view cursor,
                                              int limit) {
  if (limit < 1 || limit > 500) return Status::InvalidArgument("list limit must be 1..500");
  Params p;
  std::string where = " WHERE 1";
  if (filter.agency_code) where += " AND d.agency = " + p.Next(*filter.agency_code);
  if (!filter.states.empty()) {
    where += " AND d.state IN (";
    for (size_t i = 0; i < filter.states.size(); ++i) {
      where += (i > 0 ? ", " : "") + p.Next(std::string(dossier::StateName(filter.states[i])));
    }
    where += ")";
  }
  // The work-queue indexes hold open dossiers only (schema.cc); SQLite uses a
  // partial index when the query repeats its condition literally.
  if (OnlyOpen(filter)) where += " AND d.is_open = 1";
  if (filter.channel) {
    where += " AND d.channel = " + p.Next(std::string(dossier::ChannelName(*filter.channel)));
  }
  // The literal `!= ''` lets SQLite use the partial indexes (schema.cc).
  if (filter.handler) where += " AND d.handler = " + p.Next(*filter.handler);
  if (filter.applicant_login) {
    where +=
        " AND d.applicant_login != '' AND d.applicant_login = " + p.Next(*filter.applicant_login);
  }
  if (filter.submitted_from) where += " AND d.submitted_at >= " + p.Next(*filter.submitted_from);
  if (filter.submitted_to) where += " AND d.submitted_at < " + p.Next(*filter.submitted_to);
  if (filter.due_before) where += " AND d.due_at < " + p.Next(*filter.due_before);
  if (!cursor.empty()) {
    Instant at = 0;
    std::int64_t id = 0;
    MOTCUA_RETURN_IF_ERROR(ParseCursor(cursor, &at, &id));
    // A row-value comparison: SQLite walks the index from the cursor on.
    where += " AND (d.submitted_at, d.id) < (" + p.Next(at) + ", " + p.Next(id) + ")";
  }
  const std::string sql = std::string("SELECT ") + kSummaryColumns + " FROM dossier d" + where +
                          " ORDER BY d.submitted_at DESC, d.id DESC LIMIT " +
                          p.Next(std::int64_t{limit} + 1);
  return WithReadTransaction(db_->readers(), [&](Connection& conn) -> Result<DossierPage> {
    DossierPage page;
    std::vector<std::int64_t> ids;
    MOTCUA_ASSIGN_OR_RETURN(Statement s, conn.Prepare(sql));
    p.BindAll(s);
    while (true) {
      MOTCUA_ASSIGN_OR_RETURN(const bool row, s.Step());
      if (!row) break;
      MOTCUA_ASSIGN_OR_RETURN(DossierSummary summary, ReadSummary(s));
      page.dossiers.push_back(std::move(summary));
      ids.push_back(s.ColumnInt(kIdColumn));
    }
    // One row more than asked tells whether there is a next page.
    if (page.dossiers.size() > static_cast<size_t>(limit)) {
      page.dossiers.pop_back();
      page.next_cursor = MakeCursor(page.dossiers.back().submitted_at, ids[limit - 1]);
    }
    return page;
  });
}

Result<std::vector<DossierSummary>> SqliteStore::SearchDossiers(const SearchQuery& query) {
  if (query.limit < 1 || query.limit > 200) {
    return Status::InvalidArgument("search limit must be 1..200");
  }
  const std::string text = Trim(query.text);
  return WithReadTransaction(
      db_->readers(), [&](Connection& conn) -> Result<std::vector<DossierSummary>> {
        std::vector<DossierSummary> out;
        switch (ClassifySearch(text)) {
          case SearchKind::kCode: {
            // As typed first, then with letters upper-cased ("h29" for "H29").
            for (const std::string& prefix : {text, Upper(text)}) {
              Params p;
              const std::string sql =
                  std::string("SELECT ") + kSummaryColumns +
                  " FROM dossier d WHERE d.code >= " + p.Next(prefix) + " AND d.code < " +
                  p.Next(PrefixEnd(prefix)) + AgencyClause(query.agency_codes, p) +
                  " ORDER BY d.code DESC LIMIT " + p.Next(std::int64_t{query.limit});
              MOTCUA_RETURN_IF_ERROR(CollectSummaries(conn, sql, p, &out));
              if (!out.empty() || prefix == Upper(text)) break;
            }
            return out;
          }
          case SearchKind::kPhone: {
            Params p;
            const std::string sql =
                std::string("SELECT ") + kSummaryColumns +
                " FROM dossier d WHERE d.phone_key = " + p.Next(PhoneSearchKey(text)) +
                AgencyClause(query.agency_codes, p) + " ORDER BY d.id DESC LIMIT " +
                p.Next(std::int64_t{query.limit});
            MOTCUA_RETURN_IF_ERROR(CollectSummaries(conn, sql, p, &out));
            return out;
          }
          case SearchKind::kName: {
            const std::vector<std::string> terms = NameQueryTerms(text);
            if (terms.empty()) return out;
            // Every term as a quoted FTS5 string: implicit AND, whole terms.
            // Terms hold only [a-z0-9_] (search_fold.h), and the expression
            // is bound as a value, never spliced into the SQL.
            std::string match;
            for (const std::string& t : terms) match += (match.empty() ? "\"" : " \"") + t + "\"";
            Params p;
            const std::string sql = std::string("SELECT ") + kSummaryColumns +
                                    " FROM dossier_search s JOIN dossier d ON d.id = s.rowid "
                                    "WHERE dossier_search MATCH " +
                                    p.Next(match) + AgencyClause(query.agency_codes, p) +
                                    " ORDER BY s.rowid DESC LIMIT " +
                                    p.Next(std::int64_t{query.limit});
            MOTCUA_RETURN_IF_ERROR(CollectSummaries(conn, sql, p, &out));
            return out;
          }
        }
        return out;
      });
}

Status SqliteStore::ForEachEventChain(const std::function<Status(const EventChain&)>& fn) {
  return WithReadTransaction(db_->readers(), [&](Connection& conn) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(
        Statement dossiers,
        conn.Prepare("SELECT id, code, head_hash, version FROM dossier ORDER BY id"));
    MOTCUA_ASSIGN_OR_RETURN(
        Statement histories,
        conn.Prepare("SELECT dossier_id, events FROM imported_history ORDER BY dossier_id"));
    MOTCUA_ASSIGN_OR_RETURN(
        Statement events,
        conn.Prepare("SELECT dossier_id, seq, action, actor, on_behalf_of, at, payload, "
                     "prev_hash, hash FROM event ORDER BY id"));
    // The three walks go in dossier id order: merge them, one dossier at a
    // time.
    MOTCUA_ASSIGN_OR_RETURN(bool history_row, histories.Step());
    MOTCUA_ASSIGN_OR_RETURN(bool event_row, events.Step());
    std::vector<dossier::Event> chain;
    while (true) {
      MOTCUA_ASSIGN_OR_RETURN(const bool row, dossiers.Step());
      if (!row) break;
      const std::int64_t id = dossiers.ColumnInt(0);
      EventChain c;
      c.code = dossiers.ColumnText(1);
      c.head_hash = BlobToHash(dossiers.ColumnBlobView(2));
      c.version = dossiers.ColumnInt(3);
      chain.clear();
      // Events of a dossier row that no longer exists would be skipped here;
      // dossier rows are never deleted (and `event`'s foreign key keeps its
      // rows from outliving theirs).
      while (history_row && histories.ColumnInt(0) < id) {
        MOTCUA_ASSIGN_OR_RETURN(history_row, histories.Step());
      }
      // An undecodable history or event row makes this chain unreadable, and
      // the walk goes on: the audit reports every broken dossier.
      if (history_row && histories.ColumnInt(0) == id) {
        const Status decoded = DecodeImportedHistory(histories.ColumnBlobView(1), c.code, &chain);
        if (!decoded.ok()) {
          chain.clear();
          c.unreadable = decoded;
        }
        MOTCUA_ASSIGN_OR_RETURN(history_row, histories.Step());
      }
      const size_t imported = chain.size();
      while (event_row && events.ColumnInt(0) < id) {
        MOTCUA_ASSIGN_OR_RETURN(event_row, events.Step());
      }
      while (event_row && events.ColumnInt(0) == id) {
        Result<dossier::Event> e = ReadEventRow(events, 1, c.code);
        if (e.ok()) {
          chain.push_back(std::move(e).value());
        } else if (c.unreadable.ok()) {
          c.unreadable = e.status();
        }
        MOTCUA_ASSIGN_OR_RETURN(event_row, events.Step());
      }
      MergeBySeq(&chain, imported);
      c.events = chain;
      MOTCUA_RETURN_IF_ERROR(fn(c));
    }
    return Status::Ok();
  });
}

}  // namespace motcua::store::sqlite
