#include "api/domain_source.h"

#include <utility>

namespace motcua::api {

Result<std::unique_ptr<DomainSource>> DomainSource::Create(Loader loader) {
  std::unique_ptr<DomainSource> source(new DomainSource(std::move(loader)));
  MOTCUA_RETURN_IF_ERROR(source->Reload());
  return source;
}

Result<std::unique_ptr<DomainSource>> DomainSource::FromDataDir(std::string data_dir) {
  return Create([dir = std::move(data_dir)] { return datafiles::LoadDomainData(dir); });
}

std::unique_ptr<DomainSource> DomainSource::Fixed(std::shared_ptr<const Snapshot> snapshot) {
  std::unique_ptr<DomainSource> source(new DomainSource(nullptr));
  source->current_ = snapshot;
  source->loader_ = [snapshot]() -> Result<std::unique_ptr<Snapshot>> {
    return std::make_unique<Snapshot>(*snapshot);
  };
  return source;
}

std::shared_ptr<const DomainSource::Snapshot> DomainSource::Current() const {
  std::lock_guard<std::mutex> lock(mu_);
  return current_;
}

Status DomainSource::Reload() {
  std::lock_guard<std::mutex> reload_lock(reload_mu_);
  Result<std::unique_ptr<Snapshot>> loaded = loader_();
  if (!loaded.ok()) return loaded.status();
  std::shared_ptr<const Snapshot> next(std::move(*loaded));
  std::lock_guard<std::mutex> lock(mu_);
  current_ = std::move(next);
  return Status::Ok();
}

}  // namespace motcua::api
