// SqliteStore writes: create, transition, import. Each is one job of the
// group-commit writer, so each runs alone on the write connection inside its
// own savepoint: the checks below (idempotency, version, head hash) and the
// writes that follow them cannot be interleaved with another write.
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dossier/code.h"
#include "store/dossier_codec.h"
#include "store/sqlite/dossier_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace motcua::store::sqlite {
namespace {

// The checks every stored event gets, whoever computed it: it belongs to the
// dossier, follows `prev_hash` at `seq`, and its hash is the hash of its
// content (dossier/event.h), so a broken chain never reaches the disk.
Status CheckEvent(const dossier::Event& e, const dossier::Dossier& after, std::int64_t seq,
                  const std::string& prev_hash) {
  const std::string where = "dossier " + after.code + ": event " + std::to_string(seq);
  if (e.dossier_code != after.code) return Status::InvalidArgument(where + ": another dossier");
  if (e.seq != seq) {
    return Status::InvalidArgument(where + ": has seq " + std::to_string(e.seq));
  }
  if (e.prev_hash != prev_hash) {
    return Status::Conflict(where + ": does not follow the stored head hash");
  }
  if (e.hash != dossier::ComputeEventHash(e)) {
    return Status::InvalidArgument(where + ": hash does not match its content");
  }
  return Status::Ok();
}

Status CheckSnapshot(const dossier::Dossier& d, const dossier::Event& last) {
  if (d.version != last.seq || d.head_hash != last.hash) {
    return Status::InvalidArgument("dossier " + d.code +
                                   ": snapshot version or head hash is not its last event's");
  }
  return Status::Ok();
}

// The rows of `d` after `e`, with its facts row advanced from `facts`.
Result<DossierRows> RowsAfter(const dossier::Dossier& d, const dossier::Event& e,
                              std::optional<std::int64_t> grant, FactsRow facts) {
  MOTCUA_ASSIGN_OR_RETURN(DossierRows rows, EncodeRows(d, std::span(&e, 1)));
  NoteEvent(e, grant, &facts);
  SetFromDossier(d, &facts);
  rows.SetFacts(facts);
  return rows;
}

// What a committed write of `rows` for dossier `id` does to the facts cache.
FactsCache::Change CacheChange(const DossierRows& rows, std::int64_t id,
                               std::string previous_agency) {
  FactsCache::Change c;
  c.agency = rows.facts_agency;
  c.previous_agency = std::move(previous_agency);
  c.row.submitted_at = rows.submitted_at;
  c.row.dossier_id = id;
  c.row.last_at = rows.last_at;
  c.row.facts = rows.facts;
  return c;
}

}  // namespace

Result<dossier::Dossier> SqliteStore::CreateDossier(const NewDossier& request) {
  if (!request.build) return Status::InvalidArgument("CreateDossier: no build function");
  if (!dossier::IsValidAgencyCodeForDossier(request.agency_code)) {
    return Status::InvalidArgument("agency code \"" + request.agency_code +
                                   "\" cannot stand in a dossier code");
  }
  const std::string fingerprint = "create " + request.agency_code;
  std::optional<dossier::Dossier> out;
  // Set by the job, read after its commit (both on the writer thread).
  std::vector<FactsCache::Change> changes;
  std::uint64_t generation = 0;
  const auto after_commit = [&] {
    if (!changes.empty()) facts_cache_.Apply(changes, generation);
  };
  Status status = db_->writer().Write(
      [&](Connection& conn) -> Status {
        changes.clear();
        if (!request.idempotency_key.empty()) {
          MOTCUA_ASSIGN_OR_RETURN(auto earlier,
                                  FindIdempotent(conn, request.idempotency_key, fingerprint));
          if (earlier) {
            MOTCUA_ASSIGN_OR_RETURN(out, DecodeDossier(*earlier));
            return Status::Ok();
          }
        }
        const DayNumber day = LocalDayOf(request.submitted_at);
        MOTCUA_ASSIGN_OR_RETURN(const int sequence, NextSequence(conn, request.agency_code, day));
        if (sequence > dossier::kMaxDailySequence) {
          return Status::ResourceExhausted("agency " + request.agency_code + " has used all " +
                                           std::to_string(dossier::kMaxDailySequence) +
                                           " dossier codes of " + FormatDate(day));
        }
        MOTCUA_ASSIGN_OR_RETURN(
            const std::string code,
            dossier::MakeDossierCode(request.agency_code, request.submitted_at, sequence));
        MOTCUA_ASSIGN_OR_RETURN(dossier::Transition t, request.build(code));
        if (t.dossier.code != code) {
          return Status::InvalidArgument("built dossier has code " + t.dossier.code + ", not " +
                                         code);
        }
        MOTCUA_RETURN_IF_ERROR(CheckEvent(t.event, t.dossier, 1, dossier::kGenesisHash));
        MOTCUA_RETURN_IF_ERROR(CheckSnapshot(t.dossier, t.event));
        MOTCUA_ASSIGN_OR_RETURN(const DossierRows rows,
                                RowsAfter(t.dossier, t.event, request.desk_grant, FactsRow{}));
        std::int64_t id = 0;
        MOTCUA_RETURN_IF_ERROR(InsertDossier(conn, t.dossier, rows, &id));
        if (id == 0) {
          // The day sequence handed out a code that is taken: only an import of
          // a code beyond the sequence without raising it could cause this.
          return Status::Internal("dossier code " + code + " is already taken");
        }
        MOTCUA_RETURN_IF_ERROR(
            InsertEvents(conn, id, std::span(&t.event, 1), rows, request.request_id));
        MOTCUA_RETURN_IF_ERROR(AddToStateCount(conn, dossier::StateName(t.dossier.state), 1));
        if (!request.idempotency_key.empty()) {
          MOTCUA_RETURN_IF_ERROR(RememberIdempotent(conn, request.idempotency_key, fingerprint,
                                                    EncodeDossier(t.dossier), t.event.at));
        }
        MOTCUA_ASSIGN_OR_RETURN(generation, BumpFactsGeneration(conn));
        changes.push_back(CacheChange(rows, id, ""));
        out = std::move(t.dossier);
        return Status::Ok();
      },
      after_commit);
  if (!status.ok()) return status;
  return std::move(*out);
}

Result<dossier::Dossier> SqliteStore::ApplyTransition(const TransitionWrite& write) {
  const dossier::Dossier& d = write.transition.dossier;
  const dossier::Event& e = write.transition.event;
  const std::string fingerprint =
      "transition " + d.code + " from version " + std::to_string(write.expected_version);
  std::optional<dossier::Dossier> out;
  std::vector<FactsCache::Change> changes;
  std::uint64_t generation = 0;
  const auto after_commit = [&] {
    if (!changes.empty()) facts_cache_.Apply(changes, generation);
  };
  Status status = db_->writer().Write(
      [&](Connection& conn) -> Status {
        changes.clear();
        if (!write.idempotency_key.empty()) {
          MOTCUA_ASSIGN_OR_RETURN(auto earlier,
                                  FindIdempotent(conn, write.idempotency_key, fingerprint));
          if (earlier) {
            MOTCUA_ASSIGN_OR_RETURN(out, DecodeDossier(*earlier));
            return Status::Ok();
          }
        }
        MOTCUA_ASSIGN_OR_RETURN(const std::optional<StoredHead> head, FindHead(conn, d.code));
        if (!head) return Status::NotFound("no dossier " + d.code);
        if (head->version != write.expected_version) {
          return Status::Conflict("dossier " + d.code + " is at version " +
                                  std::to_string(head->version) + ", not " +
                                  std::to_string(write.expected_version) + ": reload and retry");
        }
        MOTCUA_RETURN_IF_ERROR(CheckEvent(e, d, head->version + 1, head->head_hash));
        MOTCUA_RETURN_IF_ERROR(CheckSnapshot(d, e));
        MOTCUA_ASSIGN_OR_RETURN(FactsRow facts, GetFacts(conn, *head));
        MOTCUA_ASSIGN_OR_RETURN(const DossierRows rows,
                                RowsAfter(d, e, write.desk_grant, std::move(facts)));
        MOTCUA_RETURN_IF_ERROR(UpdateDossier(conn, *head, d, rows));
        MOTCUA_RETURN_IF_ERROR(
            InsertEvents(conn, head->id, std::span(&e, 1), rows, write.request_id));
        if (head->state != dossier::StateName(d.state)) {
          MOTCUA_RETURN_IF_ERROR(AddToStateCount(conn, head->state, -1));
          MOTCUA_RETURN_IF_ERROR(AddToStateCount(conn, dossier::StateName(d.state), 1));
        }
        if (!write.idempotency_key.empty()) {
          MOTCUA_RETURN_IF_ERROR(
              RememberIdempotent(conn, write.idempotency_key, fingerprint, EncodeDossier(d), e.at));
        }
        MOTCUA_ASSIGN_OR_RETURN(generation, BumpFactsGeneration(conn));
        changes.push_back(CacheChange(rows, head->id, head->facts_agency));
        out = d;
        return Status::Ok();
      },
      after_commit);
  if (!status.ok()) return status;
  return std::move(*out);
}

namespace {

// Everything an import does before the database: each chain verified (the
// same checks as a live write's, CheckEvent), the rows encoded, and the
// highest imported sequence per agency and day. Run on the importer's
// threads, in parallel with the writer (PrepareImport).
Result<ImportPlan> PlanImport(std::span<const ImportedDossier> batch) {
  ImportPlan plan;
  plan.rows.reserve(batch.size());
  std::map<std::pair<std::string, DayNumber>, int> sequences;
  for (const ImportedDossier& item : batch) {
    const dossier::Dossier& d = item.dossier;
    if (item.events.empty()) return Status::InvalidArgument("dossier " + d.code + ": no events");
    MOTCUA_ASSIGN_OR_RETURN(const dossier::DossierCode code, dossier::ParseDossierCode(d.code));
    for (const auto& e : item.events) {
      if (e.dossier_code != d.code) {
        return Status::InvalidArgument("dossier " + d.code + ": holds an event of " +
                                       e.dossier_code);
      }
    }
    MOTCUA_RETURN_IF_ERROR(dossier::VerifyChain(item.events));
    MOTCUA_RETURN_IF_ERROR(CheckSnapshot(d, item.events.back()));
    MOTCUA_ASSIGN_OR_RETURN(DossierRows r, EncodeRows(d, item.events));
    FactsRow facts;
    for (const auto& e : item.events) NoteEvent(e, item.desk_grant, &facts);
    SetFromDossier(d, &facts);
    r.SetFacts(facts);
    plan.rows.push_back(std::move(r));
    int& highest = sequences[{code.agency_code, DaysFromCivil(code.date)}];
    highest = std::max(highest, code.sequence);
  }
  plan.sequences.assign(sequences.begin(), sequences.end());
  return plan;
}

// An import batch with its plan, made by one store for its own writer.
class SqlitePreparedImport final : public PreparedImport {
 public:
  SqlitePreparedImport(const SqliteStore* owner, std::vector<ImportedDossier> items,
                       ImportPlan plan)
      : owner_(owner), items_(std::move(items)), plan_(std::move(plan)) {}

  size_t size() const override { return items_.size(); }
  const SqliteStore* owner() const { return owner_; }
  const std::vector<ImportedDossier>& items() const { return items_; }
  const ImportPlan& plan() const { return plan_; }

 private:
  const SqliteStore* owner_;
  std::vector<ImportedDossier> items_;
  ImportPlan plan_;
};

}  // namespace

Result<ImportSummary> SqliteStore::ImportDossiers(std::span<const ImportedDossier> batch) {
  MOTCUA_ASSIGN_OR_RETURN(const ImportPlan plan, PlanImport(batch));
  return WriteImport(batch, plan);
}

Result<std::unique_ptr<PreparedImport>> SqliteStore::PrepareImport(
    std::vector<ImportedDossier> batch) {
  MOTCUA_ASSIGN_OR_RETURN(ImportPlan plan, PlanImport(batch));
  return std::unique_ptr<PreparedImport>(
      new SqlitePreparedImport(this, std::move(batch), std::move(plan)));
}

Result<ImportSummary> SqliteStore::ImportPrepared(const PreparedImport& batch) {
  const auto* prepared = dynamic_cast<const SqlitePreparedImport*>(&batch);
  if (prepared == nullptr || prepared->owner() != this) {
    return Status::InvalidArgument("ImportPrepared: the batch was prepared by another store");
  }
  return WriteImport(prepared->items(), prepared->plan());
}

Result<ImportSummary> SqliteStore::WriteImport(std::span<const ImportedDossier> batch,
                                               const ImportPlan& plan) {
  if (plan.rows.size() != batch.size()) {
    return Status::Internal("WriteImport: the plan is not the batch's");
  }
  ImportSummary summary;
  std::uint64_t generation = 0;
  // Imported history lands in the middle of cached agencies: forget them.
  const auto after_commit = [&] {
    std::string last;
    for (const DossierRows& r : plan.rows) {
      if (r.facts_agency != last) facts_cache_.Invalidate(r.facts_agency, generation);
      last = r.facts_agency;
    }
  };
  Status status = db_->writer().Write(
      [&](Connection& conn) -> Status {
        summary = ImportSummary{};
        // Dossiers inserted per state: one count update per state and batch.
        std::vector<std::int64_t> per_state(dossier::AllStates().size());
        {
          MOTCUA_ASSIGN_OR_RETURN(ImportInserter inserter, ImportInserter::Open(conn));
          for (size_t i = 0; i < batch.size(); ++i) {
            std::int64_t id = 0;
            MOTCUA_RETURN_IF_ERROR(
                inserter.Insert(batch[i].dossier, batch[i].events, plan.rows[i], &id));
            if (id == 0) {
              ++summary.already_present;
              continue;
            }
            ++per_state[static_cast<size_t>(batch[i].dossier.state)];
            ++summary.imported;
          }
          for (const auto& [key, sequence] : plan.sequences) {
            MOTCUA_RETURN_IF_ERROR(inserter.RaiseSequence(key.first, key.second, sequence));
          }
        }
        for (const dossier::State st : dossier::AllStates()) {
          const std::int64_t n = per_state[static_cast<size_t>(st)];
          if (n > 0) MOTCUA_RETURN_IF_ERROR(AddToStateCount(conn, dossier::StateName(st), n));
        }
        MOTCUA_ASSIGN_OR_RETURN(generation, BumpFactsGeneration(conn));
        return Status::Ok();
      },
      after_commit);
  if (!status.ok()) return status;
  return summary;
}

}  // namespace motcua::store::sqlite
