// StoreImportSink: the import pipeline's sink (import/pipeline.h) over a
// store, as `motcua import dossiers` uses it (and bench/import_bench.cc, to
// measure the same thing).
//
// Prepare, on the pipeline's workers: the delegation grant each desk used
// (import::DeskGrantFor), then the store's checks and encoding
// (Store::PrepareImport), so that they run in parallel with the write of
// the chunks before. Store, in file order: the write (ImportPrepared), one
// transaction per chunk.
//
// Thread-safety: as ImportSink requires (Prepare concurrently; Store one at
// a time). Ownership: borrows the store and the grants, which must outlive it.
#pragma once

#include <any>
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "access/grant.h"
#include "import/pipeline.h"
#include "store/store.h"

namespace motcua::cli {

class StoreImportSink : public import::ImportSink {
 public:
  StoreImportSink(store::Store& store, std::span<const access::Grant> grants)
      : store_(store), grants_(grants) {}

  Status Prepare(import::SinkBatch& batch) override {
    std::vector<store::ImportedDossier> items;
    items.reserve(batch.dossiers.size());
    for (import::ReplayedDossier& d : batch.dossiers) {
      store::ImportedDossier& item = items.emplace_back();
      item.desk_grant = import::DeskGrantFor(d, grants_);
      item.dossier = std::move(d.dossier);
      item.events = std::move(d.events);
    }
    batch.dossiers.clear();
    MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<store::PreparedImport> prepared,
                            store_.PrepareImport(std::move(items)));
    batch.prepared = std::shared_ptr<const store::PreparedImport>(std::move(prepared));
    return Status::Ok();
  }

  Result<import::SinkCounts> Store(import::SinkBatch& batch) override {
    const auto* prepared =
        std::any_cast<std::shared_ptr<const store::PreparedImport>>(&batch.prepared);
    if (prepared == nullptr || *prepared == nullptr) {
      return Status::Internal("StoreImportSink: a batch was not prepared");
    }
    MOTCUA_ASSIGN_OR_RETURN(const store::ImportSummary s, store_.ImportPrepared(**prepared));
    batch.prepared.reset();  // the encoded rows are no longer needed
    return import::SinkCounts{s.imported, s.already_present};
  }

 private:
  store::Store& store_;
  const std::span<const access::Grant> grants_;
};

}  // namespace motcua::cli
