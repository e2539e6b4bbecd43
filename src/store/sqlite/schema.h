// The SQLite schema of the store, as its ordered list of migrations
// (migrate.h). Append a migration to change it; never edit a released one.
//
// Thread-safe (constant data).
#pragma once

#include <span>

#include "store/sqlite/migrate.h"

namespace motcua::store::sqlite {

std::span<const Migration> StoreMigrations();

}  // namespace motcua::store::sqlite
