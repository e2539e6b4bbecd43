// SqliteStore: the Store (store.h) on one SQLite file.
//
// Writes run as jobs of the group-commit writer (group_commit.h): each store
// write is one job, so it is atomic, serialized after every earlier write and
// acknowledged only once durable; concurrent writes share an fsync. Reads use
// the read pool (read_pool.h), each inside one read transaction, so a read
// sees one committed snapshot and never waits for a write.
//
// The SQL lives in the files beside this one, one concern each:
// dossier_rows (the rows a dossier write touches), store_writes (create,
// transition, import), store_reads (get, list, search, audit), store_people
// (users, grants), store_accounts (credentials, audit log), store_questions
// (questions about a dossier), store_facts (reports, counts, housekeeping). Report facts are
// also held in memory per agency once asked for (facts_cache.h), kept in step
// by every write.
//
// Thread-safety: all methods may be called concurrently (see store.h).
#pragma once

#include <memory>
#include <string>

#include "store/sqlite/database.h"
#include "store/sqlite/facts_cache.h"
#include "store/sqlite/stamped_cache.h"
#include "store/store.h"

namespace motcua::store::sqlite {

struct ImportPlan;  // dossier_rows.h

class SqliteStore final : public Store {
 public:
  // Opens or creates the file at `path` and migrates it (schema.h).
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                   const DatabaseOptions& options = {});

  Result<dossier::Dossier> CreateDossier(const NewDossier& request) override;
  Result<dossier::Dossier> ApplyTransition(const TransitionWrite& write) override;
  Result<ImportSummary> ImportDossiers(std::span<const ImportedDossier> batch) override;
  Result<std::unique_ptr<PreparedImport>> PrepareImport(
      std::vector<ImportedDossier> batch) override;
  Result<ImportSummary> ImportPrepared(const PreparedImport& batch) override;

  Result<dossier::Dossier> GetDossier(std::string_view code) override;
  Result<std::vector<dossier::Event>> ListEvents(std::string_view code) override;
  Result<DossierPage> ListDossiers(const DossierFilter& filter, std::string_view cursor,
                                   int limit) override;
  Result<std::vector<DossierSummary>> SearchDossiers(const SearchQuery& query) override;
  Result<std::vector<RecordedEvent>> ListEventsWithRequestIds(std::string_view code) override;
  Status ForEachEventChain(const std::function<Status(const EventChain&)>& fn) override;

  Status PutUser(const access::User& user) override;
  Result<access::User> GetUser(std::string_view login) override;
  Result<std::vector<access::User>> ListUsers() override;
  Status DeleteUser(std::string_view login) override;
  Status SetPasswordHash(std::string_view login, std::string_view hash) override;
  Result<std::string> GetPasswordHash(std::string_view login) override;

  Result<Credential> CreateCredential(const Credential& credential) override;
  Result<Credential> FindCredential(std::string_view token_hash) override;
  Status RevokeCredential(std::int64_t id, Instant at) override;
  Result<std::vector<Credential>> ListCredentials(CredentialKind kind,
                                                  std::string_view login) override;
  Result<std::uint64_t> AccountsGeneration() override;

  Status AppendAudit(const AuditEntry& entry) override;
  Status Atomically(const std::function<Status(Store& tx)>& writes) override;
  Result<std::vector<AuditEntry>> ListAudit(std::int64_t before_id, int limit) override;

  Result<access::Grant> CreateGrant(const access::Grant& grant) override;
  Status UpdateGrant(const access::Grant& grant) override;
  Result<access::Grant> GetGrant(std::int64_t id) override;
  Result<std::vector<access::Grant>> ListGrants(const GrantFilter& filter) override;

  Result<Question> AskQuestion(const Question& question) override;
  Result<Question> AnswerQuestion(std::int64_t id, std::string_view answered_by,
                                  std::string_view answer, Instant at) override;
  Result<Question> GetQuestion(std::int64_t id) override;
  Result<std::vector<Question>> ListQuestions(std::string_view dossier_code) override;

  Result<report::FactsTable> ReportFacts(const FactsQuery& query) override;
  Result<DossierCounts> CountDossiers(Instant now) override;
  Result<std::int64_t> PurgeIdempotencyKeys(Instant before) override;

  // The engine underneath, for tests (fault injection, direct SQL).
  Database& database() { return *db_; }
  const FactsCache& facts_cache() const { return facts_cache_; }

 private:
  explicit SqliteStore(std::unique_ptr<Database> db) : db_(std::move(db)) {}

  // Writes an import batch checked and encoded by PlanImport
  // (store_writes.cc). REQUIRES: `plan` was made from `batch`.
  Result<ImportSummary> WriteImport(std::span<const ImportedDossier> batch, const ImportPlan& plan);

  // Adds the facts of one agency for `query` (store_facts.cc).
  Status AddAgencyFacts(Connection& conn, const std::string& agency, std::uint64_t generation,
                        const FactsQuery& query, report::FactsTable* table);

  std::unique_ptr<Database> db_;
  FactsCache facts_cache_;
  // Reads repeated while nothing was committed are answered from memory
  // (stamped_cache.h): the accounts generation, read on every authenticated
  // request, and dossiers, decoded (GET /api/v1/dossiers/{code}).
  StampedCache<std::uint64_t> accounts_generation_{1};
  StampedCache<std::shared_ptr<const dossier::Dossier>> dossier_snapshots_{16384};
};

}  // namespace motcua::store::sqlite
