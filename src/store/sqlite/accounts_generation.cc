#include "store/sqlite/accounts_generation.h"

namespace motcua::store::sqlite {

Status BumpAccountsGeneration(Connection& conn) {
  MOTCUA_ASSIGN_OR_RETURN(
      Statement s,
      conn.Prepare("INSERT INTO store_meta(key, value) VALUES('accounts_generation', 1) "
                   "ON CONFLICT(key) DO UPDATE SET value = value + 1"));
  return s.Run();
}

Result<std::uint64_t> ReadAccountsGeneration(Connection& conn) {
  MOTCUA_ASSIGN_OR_RETURN(
      Statement s, conn.Prepare("SELECT value FROM store_meta WHERE key = 'accounts_generation'"));
  MOTCUA_ASSIGN_OR_RETURN(const bool row, s.Step());
  if (!row) return std::uint64_t{0};
  return static_cast<std::uint64_t>(s.ColumnInt(0));
}

}  // namespace motcua::store::sqlite
