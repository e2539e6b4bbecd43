// Store: the one storage interface of motcua. SQLite (store/sqlite/) fulfils
// it today; a PostgreSQL engine will fulfil the same interface, and the same
// test suite is meant to run against both. Nothing in this header is tied to
// an SQL dialect.
//
// Outcomes are values: NotFound (no such dossier, user or grant), Conflict
// (a stale expected version, or a head hash that does not match),
// AlreadyExists (a unique thing created twice), InvalidArgument (a malformed
// request, e.g. an idempotency key reused for a different request or an event
// chain that does not verify), ResourceExhausted (an agency's 9999 codes of a
// day are used up, or the database is locked by another process for too
// long), IOError / Corruption (the engine failed). No exception crosses it.
//
// Durability: a write method returns ok only once its effects are durable
// (SQLite: committed to the fsynced WAL). A write is atomic: all of it or
// none, never half.
//
// Thread-safety: every method may be called from any thread at any time; an
// implementation serializes writes (each write sees every earlier one) and
// serves reads from consistent snapshots, concurrently with writes.
// Ownership: a Store owns its connections; callers own what it returns.
//
// Non-blocking threads (util/nonblocking.h): on a thread inside a
// NonBlockingScope, a method answers only from memory; anything that would
// wait for the database calls RefuseToBlockHere() and returns an error at
// once (the HTTP server then runs the request again on a worker). SQLite
// answers the accounts generation and repeated dossier reads from memory
// while nothing was committed (store/sqlite/stamped_cache.h).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "access/grant.h"
#include "access/role.h"
#include "dossier/dossier.h"
#include "dossier/event.h"
#include "report/facts_table.h"
#include "store/account_records.h"
#include "store/records.h"
#include "util/civil_time.h"
#include "util/status.h"

namespace motcua::store {

// Which report facts to load: every dossier that can count in a report of
// [from, to) (report/report.h), of one agency or, without one, of all.
struct FactsQuery {
  std::optional<std::string> agency_code;
  Instant from = 0;
  Instant to = 0;  // REQUIRES: from <= to
};

struct GrantFilter {
  std::optional<std::string> agency_code;
  std::optional<std::string> grantee_login;
};

// A batch of historic dossiers checked and encoded by the store that will
// write it (Store::PrepareImport). Engine-specific; immutable once made, so
// it may be handed between threads.
class PreparedImport {
 public:
  virtual ~PreparedImport() = default;
  // The dossiers in the batch.
  virtual size_t size() const = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // ---- Dossiers: writes (each one transaction).

  // Assigns the next code of the agency's day, builds the submission with it
  // and stores the dossier, its first event, its search entry and its report
  // facts. Returns the dossier as stored. With an idempotency key seen
  // before: the first answer, and nothing is created.
  virtual Result<dossier::Dossier> CreateDossier(const NewDossier& request) = 0;

  // Appends the event and replaces the snapshot, the search entry and the
  // report facts, if the stored version is write.expected_version (else
  // Conflict, nothing written). NotFound for an unknown code. Returns the
  // dossier as stored; with an idempotency key seen before, the first answer.
  virtual Result<dossier::Dossier> ApplyTransition(const TransitionWrite& write) = 0;

  // Stores historic dossiers with their events in one transaction: all of the
  // batch or nothing. Each chain is verified (dossier::VerifyChain) and must
  // end at the dossier's head hash and version; a dossier whose code is
  // already stored is skipped. The day sequences move past imported codes, so
  // that live codes never collide with them.
  virtual Result<ImportSummary> ImportDossiers(std::span<const ImportedDossier> batch) = 0;

  // ImportDossiers in two halves, so that an importer can check and encode
  // batches on several threads while the store writes earlier ones (the
  // write is the one serial part of an import). PrepareImport does all that
  // needs no database: it verifies the batch exactly as ImportDossiers does
  // (same errors) and encodes its rows; it may run on any number of threads
  // at once. ImportPrepared then writes the batch in one transaction, with
  // the outcome ImportDossiers would have had; writing the same prepared
  // batch again finds every dossier already present.
  // InvalidArgument if `batch` was prepared by another store.
  virtual Result<std::unique_ptr<PreparedImport>> PrepareImport(
      std::vector<ImportedDossier> batch) = 0;
  virtual Result<ImportSummary> ImportPrepared(const PreparedImport& batch) = 0;

  // ---- Dossiers: reads.

  virtual Result<dossier::Dossier> GetDossier(std::string_view code) = 0;
  // Seq 1..n.
  virtual Result<std::vector<dossier::Event>> ListEvents(std::string_view code) = 0;
  // REQUIRES: 1 <= limit <= 500. `cursor` empty for the first page.
  // InvalidArgument for a cursor that this store did not hand out.
  virtual Result<DossierPage> ListDossiers(const DossierFilter& filter, std::string_view cursor,
                                           int limit) = 0;
  virtual Result<std::vector<DossierSummary>> SearchDossiers(const SearchQuery& query) = 0;

  // Seq 1..n, each with the request id it was written by, from one snapshot
  // (the events and their ids always match). NotFound for an unknown code.
  virtual Result<std::vector<RecordedEvent>> ListEventsWithRequestIds(std::string_view code) = 0;

  // Calls `fn` once per dossier, in storage order, with its
  // whole event chain, from one consistent snapshot; stops at the first non-ok
  // Status from `fn` and returns it. For `motcua audit verify`.
  virtual Status ForEachEventChain(const std::function<Status(const EventChain&)>& fn) = 0;

  // ---- Users and their credentials.

  // Creates or replaces the user (by login), `disabled` included. The
  // password hash is kept.
  virtual Status PutUser(const access::User& user) = 0;
  virtual Result<access::User> GetUser(std::string_view login) = 0;
  // Ordered by login.
  virtual Result<std::vector<access::User>> ListUsers() = 0;
  // Also deletes the user's credentials, so that a later user with the same
  // login does not inherit them.
  virtual Status DeleteUser(std::string_view login) = 0;
  // The store keeps what http/ hands it (a password hash, never a password).
  virtual Status SetPasswordHash(std::string_view login, std::string_view hash) = 0;
  virtual Result<std::string> GetPasswordHash(std::string_view login) = 0;

  // Login sessions and API tokens (account_records.h). Returns the credential
  // with its new id. AlreadyExists for a duplicate token_hash; NotFound when
  // the login does not exist; InvalidArgument when token_hash is not 64 hex
  // digits or a session has no expiry.
  virtual Result<Credential> CreateCredential(const Credential& credential) = 0;
  // NotFound when no credential has that hash (live or not: the caller checks
  // LiveAt).
  virtual Result<Credential> FindCredential(std::string_view token_hash) = 0;
  // Sets revoked_at = at (the first revocation stays). NotFound for an
  // unknown id.
  virtual Status RevokeCredential(std::int64_t id, Instant at) = 0;
  // Ordered by id; `login` empty: everyone's.
  virtual Result<std::vector<Credential>> ListCredentials(CredentialKind kind,
                                                          std::string_view login) = 0;

  // A number that grows with every write of a user, a password hash, a
  // credential or a grant, by any process on the same database, in the same
  // transaction as that write; read from the latest committed state. A cache
  // of account reads (api/store_authenticator.h) stays valid exactly as
  // long as it does not change, so one cheap read per request replaces the
  // reads of the credential, the user and their grants.
  virtual Result<std::uint64_t> AccountsGeneration() = 0;

  // ---- Audit of administrative writes (dossier writes are audited by their
  // events).

  // Stores the entry with a new, increasing id (entry.id is ignored).
  // InvalidArgument when it names no action.
  virtual Status AppendAudit(const AuditEntry& entry) = 0;

  // Runs `writes` as one atomic, durable write: every write method it calls
  // on `tx` (users, passwords, credentials, grants, the audit) is kept if and
  // only if `writes` returns ok, and then all of them are. For a change and
  // its audit entry, which must not exist one without the other. Reads
  // through `tx` see the last commit, not the writes made so far. Dossier
  // writes (which keep in-memory state in step after their commit) are
  // refused inside with FailedPrecondition. `writes` may be run more than
  // once (see group_commit.h): what it reports must be set afresh each time.
  virtual Status Atomically(const std::function<Status(Store& tx)>& writes) = 0;
  // Newest first, at most `limit` (1..1000, else InvalidArgument), with
  // id < before_id when before_id > 0.
  virtual Result<std::vector<AuditEntry>> ListAudit(std::int64_t before_id, int limit) = 0;

  // ---- Delegation grants.

  // Validates (access::ValidateGrant) and stores; returns it with its new id.
  virtual Result<access::Grant> CreateGrant(const access::Grant& grant) = 0;
  // Replaces the grant of grant.id (NotFound if none).
  virtual Status UpdateGrant(const access::Grant& grant) = 0;
  virtual Result<access::Grant> GetGrant(std::int64_t id) = 0;
  // Ordered by id.
  virtual Result<std::vector<access::Grant>> ListGrants(const GrantFilter& filter) = 0;

  // ---- Questions from the desk to the agency's experts about a dossier.

  // Stores the question (answer fields ignored) and returns it with its new
  // id. NotFound for an unknown dossier; InvalidArgument for an empty text.
  virtual Result<Question> AskQuestion(const Question& question) = 0;
  // NotFound for an unknown id; Conflict when already answered (nothing
  // changes); InvalidArgument for an empty answer.
  virtual Result<Question> AnswerQuestion(std::int64_t id, std::string_view answered_by,
                                          std::string_view answer, Instant at) = 0;
  virtual Result<Question> GetQuestion(std::int64_t id) = 0;
  // Ordered by id. NotFound for an unknown dossier.
  virtual Result<std::vector<Question>> ListQuestions(std::string_view dossier_code) = 0;

  // ---- Reports.

  // The facts of query.agency_code (or all agencies) that can count in
  // [from, to); report::Compute then filters exactly. Kept in step with every
  // write, so this reads one narrow range and replays nothing.
  virtual Result<report::FactsTable> ReportFacts(const FactsQuery& query) = 0;

  // Dossiers per state, and open ones past their due time at `now`, for the
  // /metrics gauges. Cheap at any size: kept as counters or read from an
  // index, never by decoding dossiers.
  virtual Result<DossierCounts> CountDossiers(Instant now) = 0;

  // ---- Housekeeping.

  // Forgets idempotency keys of writes made before `before` (a retry later
  // than that is a new request). Returns how many were removed.
  virtual Result<std::int64_t> PurgeIdempotencyKeys(Instant before) = 0;
};

// Opens a store by URL:
//   "sqlite:PATH"            a SQLite file (created if missing);
//   "postgresql://..." or "postgres://..."
//                            not built yet: InvalidArgument saying so.
// Anything else is InvalidArgument. The schema is migrated on open; a
// database newer than this program is refused (FailedPrecondition).
// Defined beside the engines (store/sqlite/open.cc): link motcua_store_sqlite.
Result<std::unique_ptr<Store>> Open(std::string_view url);

}  // namespace motcua::store
