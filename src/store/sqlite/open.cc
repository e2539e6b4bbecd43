// store::Open (store.h): picks the engine from the URL scheme.
#include <string>

#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace motcua::store {

Result<std::unique_ptr<Store>> Open(std::string_view url) {
  if (url.starts_with("sqlite:")) {
    std::string path(url.substr(7));
    // Accept the URI-like spelling "sqlite://PATH" too.
    if (path.starts_with("//")) path.erase(0, 2);
    if (path.empty()) return Status::InvalidArgument("store URL \"sqlite:\" names no file");
    MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::SqliteStore> store,
                            sqlite::SqliteStore::Open(path));
    return std::unique_ptr<Store>(std::move(store));
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return Status::InvalidArgument(
        "the PostgreSQL storage engine is not built yet; use a sqlite:PATH store URL");
  }
  return Status::InvalidArgument("unknown store URL \"" + std::string(url) +
                                 "\" (expected sqlite:PATH or postgresql://...)");
}

}  // namespace motcua::store
