// DomainSource: the catalog and working calendar the API decides with, shared
// by every worker thread and replaced whole when an administrator reloads the
// catalog (POST /api/v1/admin/catalog/reload).
//
// A request takes one snapshot (Current()) at its start and decides with it
// to the end, so a reload never mixes two catalogs within one request; old
// snapshots live until their last request ends (shared_ptr).
//
// Thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "datafiles/domain_data.h"
#include "util/status.h"

namespace motcua::api {

class DomainSource {
 public:
  using Snapshot = datafiles::DomainData;
  using Loader = std::function<Result<std::unique_ptr<Snapshot>>()>;

  // Loads once with `loader`; the error of the first load is returned.
  static Result<std::unique_ptr<DomainSource>> Create(Loader loader);
  // From the data folder (datafiles::LoadDomainData).
  static Result<std::unique_ptr<DomainSource>> FromDataDir(std::string data_dir);
  // A fixed snapshot (tests, benchmarks); Reload() loads it again unchanged.
  static std::unique_ptr<DomainSource> Fixed(std::shared_ptr<const Snapshot> snapshot);

  std::shared_ptr<const Snapshot> Current() const;

  // Loads anew; on success later requests see the new snapshot, on failure the
  // current one stays and the error (with file and position) is returned.
  Status Reload();

 private:
  explicit DomainSource(Loader loader) : loader_(std::move(loader)) {}

  Loader loader_;
  std::mutex reload_mu_;  // one reload at a time
  mutable std::mutex mu_;
  std::shared_ptr<const Snapshot> current_;
};

}  // namespace motcua::api
