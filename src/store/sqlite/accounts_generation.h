// The accounts generation (Store::AccountsGeneration) on SQLite: the row
// store_meta.accounts_generation, which every write of app_user, credential
// or delegation_grant bumps inside its own transaction (store_people.cc,
// store_accounts.cc).
//
// Kept by the writes rather than by triggers so that no migration is needed:
// a file written before this counter existed has no row, read as 0, and the
// first account write creates it. (A program older than the counter that
// writes accounts would not bump it; the CLI and the server are one binary.)
//
// Thread-safety: as the Connection given (one thread at a time).
#pragma once

#include <cstdint>

#include "store/sqlite/connection.h"
#include "util/status.h"

namespace motcua::store::sqlite {

// REQUIRES: inside the write transaction of the account write it counts.
Status BumpAccountsGeneration(Connection& conn);

// The committed generation (0 when no account was written since the counter
// exists).
Result<std::uint64_t> ReadAccountsGeneration(Connection& conn);

}  // namespace motcua::store::sqlite
