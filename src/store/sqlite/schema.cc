#include "store/sqlite/schema.h"

namespace motcua::store::sqlite {
namespace {

// Version 1. Choices, with the reason:
//  - dossier keeps the snapshot (dossier_codec.h) plus the columns that lists,
//    search and the overdue view filter on, each index matching one query of
//    store_reads.cc. The work-queue indexes (by state and due time, by
//    handler) hold only dossiers still open (is_open: not refused, resolved,
//    returned, withdrawn or stopped): most stored dossiers are closed
//    history, and leaving them out took about 8 of the writer's ~60
//    microseconds per imported dossier. Lists of closed dossiers walk the
//    time or agency index instead. An event's rowid is dossier_id * 2^20 + seq (checked),
//    so one dossier's history is one contiguous rowid range, and an import
//    appends at the end of the table's b-tree;
//  - hashes are 32-byte BLOBs (half the size of their hex form);
//  - dossier_search is a contentless FTS5 table over the *folded* applicant
//    name and its adjacent word pairs (search_fold.h: unicode61
//    remove_diacritics 2 alone does not fold đ; '_' joins a pair into one
//    token), rowid = dossier.id; detail=none and columnsize=0 because search only
//    asks "do all these words occur", which keeps the index and its writes
//    small;
//  - report_fact is clustered by (agency, submitted_at, dossier_id), a key
//    that never changes while the dossier lives (so a write updates its row
//    in place). A report of [from, to) needs the rows with submitted_at < to
//    and last_at >= from (facts_row.h). Those submitted since from - 90 days
//    are one contiguous range of the key; older ones can only be there if they
//    lived longer than 90 days (or are still open), and the partial index
//    report_fact_long_lived holds exactly those. 90 days: processing times
//    are at most a few dozen working days, so few dossiers outlive it, and a
//    yearly report reads about 15 months of rows instead of every row since
//    the agency began (store_facts.cc);
//  - store_meta.facts_generation counts the writes that changed report
//    facts, so that the in-memory facts cache can tell whether another
//    process wrote (facts_cache.h);
//  - day_sequence holds the last code sequence per agency and local day, and
//    idempotency the first answer to each keyed request.
constexpr const char* kV1 = R"sql(
CREATE TABLE dossier (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  agency TEXT NOT NULL,
  procedure TEXT NOT NULL,
  state TEXT NOT NULL,
  channel TEXT NOT NULL,
  handler TEXT NOT NULL,
  applicant_name TEXT NOT NULL,
  applicant_phone TEXT NOT NULL,
  phone_key TEXT NOT NULL,
  applicant_login TEXT NOT NULL,
  submitted_at INTEGER NOT NULL,
  due_at INTEGER,
  completed_at INTEGER,
  version INTEGER NOT NULL,
  head_hash BLOB NOT NULL,
  facts_agency TEXT NOT NULL,
  is_open INTEGER NOT NULL,
  snapshot BLOB NOT NULL
);
CREATE INDEX dossier_by_time ON dossier(submitted_at, id);
CREATE INDEX dossier_by_agency ON dossier(agency, submitted_at, id);
CREATE INDEX dossier_open_by_state ON dossier(state, due_at) WHERE is_open = 1;
CREATE INDEX dossier_by_phone ON dossier(phone_key);
CREATE INDEX dossier_by_applicant ON dossier(applicant_login, submitted_at)
  WHERE applicant_login != '';
CREATE INDEX dossier_open_by_handler ON dossier(handler, submitted_at) WHERE is_open = 1;

CREATE TABLE event (
  id INTEGER PRIMARY KEY,
  dossier_id INTEGER NOT NULL REFERENCES dossier(id),
  seq INTEGER NOT NULL,
  action TEXT NOT NULL,
  actor TEXT NOT NULL,
  on_behalf_of TEXT NOT NULL,
  at INTEGER NOT NULL,
  payload TEXT NOT NULL,
  prev_hash BLOB NOT NULL,
  hash BLOB NOT NULL,
  CHECK (seq BETWEEN 1 AND 1048575 AND id = dossier_id * 1048576 + seq)
);

CREATE VIRTUAL TABLE dossier_search USING fts5(
  name, content = '', columnsize = 0, detail = none,
  tokenize = 'unicode61 remove_diacritics 2 tokenchars ''_''');

CREATE TABLE report_fact (
  agency TEXT NOT NULL,
  submitted_at INTEGER NOT NULL,
  dossier_id INTEGER NOT NULL,
  last_at INTEGER NOT NULL,
  facts BLOB NOT NULL,
  PRIMARY KEY (agency, submitted_at, dossier_id)
) WITHOUT ROWID;
CREATE INDEX report_fact_long_lived ON report_fact(agency, last_at)
  WHERE last_at - submitted_at > 7776000;

CREATE TABLE store_meta (
  key TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO store_meta(key, value) VALUES('facts_generation', 0);

CREATE TABLE day_sequence (
  agency TEXT NOT NULL,
  day INTEGER NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (agency, day)
) WITHOUT ROWID;

CREATE TABLE idempotency (
  key TEXT PRIMARY KEY,
  request TEXT NOT NULL,
  response BLOB NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX idempotency_by_age ON idempotency(created_at);

CREATE TABLE app_user (
  login TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  roles TEXT NOT NULL,
  agency TEXT NOT NULL,
  password_hash TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

CREATE TABLE delegation_grant (
  id INTEGER PRIMARY KEY,
  agency TEXT NOT NULL,
  grantee TEXT NOT NULL,
  scope_kind TEXT NOT NULL,
  scope_codes TEXT NOT NULL,
  actions TEXT NOT NULL,
  valid_from INTEGER NOT NULL,
  valid_to INTEGER,
  revoked_at INTEGER,
  tier TEXT NOT NULL,
  contract_reference TEXT NOT NULL
);
CREATE INDEX grant_by_agency ON delegation_grant(agency);
CREATE INDEX grant_by_grantee ON delegation_grant(grantee);
)sql";

// Version 2: what the HTTP API needs beside the dossiers. Choices, with the
// reason:
//  - event.request_id: the request that wrote each event, outside the hashed
//    content (dossier/event.h), '' for imported history and older rows;
//  - app_user.disabled keeps a disabled account's row (events name it);
//  - credential keeps only the token's SHA-256 in hex (http/token.h), unique,
//    so that finding the credential of a request is one index probe; listing
//    a user's sessions and tokens uses credential_by_login;
//  - audit_log: AUTOINCREMENT so that an id is never handed out twice, which
//    keeps the "before_id" paging of ListAudit stable;
//  - question: by dossier row id (a dossier is never deleted, and its code
//    never changes), question_by_dossier serves a dossier's list;
//  - dossier_state_count holds the number of dossiers per state, so the
//    /metrics gauge reads ten rows instead of counting a million (SQLite
//    b-trees keep no counts); an index on state would still be walked in
//    full, and would cost every import as much as a work-queue index did
//    (version 1 notes). The open-overdue count walks dossier_open_by_state,
//    which holds open dossiers only. The backfill below counts the rows
//    already stored when the migration runs. (The triggers that kept the
//    counts here cost the import about 130 microseconds of writer time per
//    dossier; version 3 replaces them.)
constexpr const char* kV2 = R"sql(
ALTER TABLE event ADD COLUMN request_id TEXT NOT NULL DEFAULT '';

ALTER TABLE app_user ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;

CREATE TABLE credential (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  login TEXT NOT NULL,
  label TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  revoked_at INTEGER
);
CREATE INDEX credential_by_login ON credential(login, id);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  acting_for TEXT NOT NULL,
  request_id TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  detail TEXT NOT NULL
);

CREATE TABLE question (
  id INTEGER PRIMARY KEY,
  dossier_id INTEGER NOT NULL REFERENCES dossier(id),
  agency TEXT NOT NULL,
  asked_by TEXT NOT NULL,
  text TEXT NOT NULL,
  asked_at INTEGER NOT NULL,
  answered_by TEXT NOT NULL DEFAULT '',
  answer TEXT NOT NULL DEFAULT '',
  answered_at INTEGER
);
CREATE INDEX question_by_dossier ON question(dossier_id, id);

CREATE TABLE dossier_state_count (
  state TEXT PRIMARY KEY,
  n INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO dossier_state_count(state, n) SELECT state, count(*) FROM dossier GROUP BY state;
CREATE TRIGGER dossier_count_insert AFTER INSERT ON dossier BEGIN
  INSERT INTO dossier_state_count(state, n) VALUES(new.state, 1)
    ON CONFLICT(state) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER dossier_count_update AFTER UPDATE OF state ON dossier
  WHEN old.state != new.state BEGIN
  UPDATE dossier_state_count SET n = n - 1 WHERE state = old.state;
  INSERT INTO dossier_state_count(state, n) VALUES(new.state, 1)
    ON CONFLICT(state) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER dossier_count_delete AFTER DELETE ON dossier BEGIN
  UPDATE dossier_state_count SET n = n - 1 WHERE state = old.state;
END;
)sql";

// Version 3: the dossier writes (dossier_rows.h, store_writes.cc) keep
// dossier_state_count themselves, an import adding one row per state and
// batch, instead of the triggers of version 2, which ran once per inserted
// dossier: measured 130-140 microseconds of writer CPU per imported dossier
// with them, 40-56 without (20,000 generated dossiers, 2,000 per batch).
// The counts are taken afresh, since a file may have been written by a
// program that had neither.
constexpr const char* kV3 = R"sql(
DROP TRIGGER IF EXISTS dossier_count_insert;
DROP TRIGGER IF EXISTS dossier_count_update;
DROP TRIGGER IF EXISTS dossier_count_delete;
DELETE FROM dossier_state_count;
INSERT INTO dossier_state_count(state, n) SELECT state, count(*) FROM dossier GROUP BY state;
)sql";

// Version 4: an imported dossier's history in one row (imported_history.h
// has the format and the reason). Keyed by the dossier's row id, so that an
// import appends at the end of the b-tree as it does for dossiers. No
// REFERENCES clause: the row is written only by the import, in the same
// transaction right after its dossier row, and a foreign key would cost a
// parent lookup per dossier. Rows of `event` written before this version
// stay where they are; readers merge both sources by seq.
constexpr const char* kV4 = R"sql(
CREATE TABLE imported_history (
  dossier_id INTEGER PRIMARY KEY,
  events BLOB NOT NULL
);
)sql";

constexpr Migration kMigrations[] = {
    {1, "dossiers, events, search, report facts, users, grants", kV1},
    {2, "event request ids, disabled users, credentials, audit log, questions, state counts", kV2},
    {3, "dossier state counts kept by the writes, not by triggers", kV3},
    {4, "an imported dossier's history in one row", kV4},
};

}  // namespace

std::span<const Migration> StoreMigrations() { return kMigrations; }

}  // namespace motcua::store::sqlite
