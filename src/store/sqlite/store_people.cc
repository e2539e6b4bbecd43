// SqliteStore: users (with their disabled flag), their password hashes, and
// delegation grants. Lists of names (roles, scope codes, grant actions) are
// stored one per line; the names are the stable lowercase ones of access/.
#include <string>
#include <vector>

#include "store/sqlite/accounts_generation.h"
#include "store/sqlite/sqlite_store.h"

namespace motcua::store::sqlite {
namespace {

std::string JoinLines(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out.push_back('\n');
    out += item;
  }
  return out;
}

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    out.emplace_back(text.substr(0, nl));
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return out;
}

Status CheckNoNewline(const std::vector<std::string>& items, const char* what) {
  for (const auto& item : items) {
    if (item.empty() || item.find('\n') != std::string::npos) {
      return Status::InvalidArgument(std::string(what) + " must be non-empty single lines");
    }
  }
  return Status::Ok();
}

Result<access::User> ReadUser(const Statement& s) {
  access::User user;
  user.login = s.ColumnText(0);
  user.display_name = s.ColumnText(1);
  for (const std::string& name : SplitLines(s.ColumnTextView(2))) {
    MOTCUA_ASSIGN_OR_RETURN(const access::Role role, access::ParseRole(name));
    user.roles.push_back(role);
  }
  user.agency_code = s.ColumnText(3);
  user.disabled = s.ColumnInt(4) != 0;
  return user;
}

constexpr const char* kGrantColumns =
    "id, agency, grantee, scope_kind, scope_codes, actions, valid_from, valid_to, revoked_at, "
    "tier, contract_reference";

Result<access::Grant> ReadGrant(const Statement& s) {
  access::Grant g;
  g.id = s.ColumnInt(0);
  g.agency_code = s.ColumnText(1);
  g.grantee_login = s.ColumnText(2);
  MOTCUA_ASSIGN_OR_RETURN(g.scope.kind, access::ParseScopeKind(s.ColumnTextView(3)));
  g.scope.codes = SplitLines(s.ColumnTextView(4));
  for (const std::string& name : SplitLines(s.ColumnTextView(5))) {
    MOTCUA_ASSIGN_OR_RETURN(const access::GrantAction a, access::ParseGrantAction(name));
    g.actions.push_back(a);
  }
  g.valid_from = s.ColumnInt(6);
  g.valid_to = s.ColumnOptionalInt(7);
  g.revoked_at = s.ColumnOptionalInt(8);
  MOTCUA_ASSIGN_OR_RETURN(g.tier, access::ParseGrantTier(s.ColumnTextView(9)));
  g.contract_reference = s.ColumnText(10);
  return g;
}

// Binds ?1..?10 in the order of kGrantColumns without the id.
Status BindGrant(Statement& s, const access::Grant& g) {
  MOTCUA_RETURN_IF_ERROR(access::ValidateGrant(g));
  MOTCUA_RETURN_IF_ERROR(CheckNoNewline(g.scope.codes, "scope codes"));
  std::vector<std::string> actions;
  for (const access::GrantAction a : g.actions) actions.emplace_back(access::GrantActionName(a));
  s.Bind(1, g.agency_code)
      .Bind(2, g.grantee_login)
      .Bind(3, access::ScopeKindName(g.scope.kind))
      .Bind(4, JoinLines(g.scope.codes))
      .Bind(5, JoinLines(actions))
      .Bind(6, g.valid_from)
      .Bind(7, g.valid_to)
      .Bind(8, g.revoked_at)
      .Bind(9, access::GrantTierName(g.tier))
      .Bind(10, g.contract_reference);
  return Status::Ok();
}

}  // namespace

Status SqliteStore::PutUser(const access::User& user) {
  if (user.login.empty()) return Status::InvalidArgument("a user needs a login");
  std::vector<std::string> roles;
  for (const access::Role r : user.roles) roles.emplace_back(access::RoleName(r));
  return db_->writer().Write([&](Connection& conn) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(
        Statement s,
        conn.Prepare("INSERT INTO app_user(login, display_name, roles, agency, disabled) "
                     "VALUES(?1, ?2, ?3, ?4, ?5) ON CONFLICT DO UPDATE SET "
                     "display_name = excluded.display_name, roles = excluded.roles, "
                     "agency = excluded.agency, disabled = excluded.disabled"));
    s.Bind(1, user.login)
        .Bind(2, user.display_name)
        .Bind(3, JoinLines(roles))
        .Bind(4, user.agency_code)
        .Bind(5, user.disabled ? 1 : 0);
    MOTCUA_RETURN_IF_ERROR(s.Run());
    return BumpAccountsGeneration(conn);
  });
}

Result<access::User> SqliteStore::GetUser(std::string_view login) {
  return WithReadTransaction(db_->readers(), [&](Connection& conn) -> Result<access::User> {
    MOTCUA_ASSIGN_OR_RETURN(
        Statement s,
        conn.Prepare(
            "SELECT login, display_name, roles, agency, disabled FROM app_user WHERE login = ?1"));
    s.Bind(1, login);
    MOTCUA_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return Status::NotFound("no user " + std::string(login));
    return ReadUser(s);
  });
}

Result<std::vector<access::User>> SqliteStore::ListUsers() {
  return WithReadTransaction(
      db_->readers(), [&](Connection& conn) -> Result<std::vector<access::User>> {
        MOTCUA_ASSIGN_OR_RETURN(Statement s,
                                conn.Prepare("SELECT login, display_name, roles, agency, disabled "
                                             "FROM app_user ORDER BY login"));
        std::vector<access::User> users;
        while (true) {
          MOTCUA_ASSIGN_OR_RETURN(const bool row, s.Step());
          if (!row) return users;
          MOTCUA_ASSIGN_OR_RETURN(access::User user, ReadUser(s));
          users.push_back(std::move(user));
        }
      });
}

Status SqliteStore::DeleteUser(std::string_view login) {
  return db_->writer().Write([&](Connection& conn) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(Statement s, conn.Prepare("DELETE FROM app_user WHERE login = ?1"));
    s.Bind(1, login);
    MOTCUA_RETURN_IF_ERROR(s.Run());
    if (conn.Changes() == 0) return Status::NotFound("no user " + std::string(login));
    // A later user of the same login must not inherit its sessions or tokens.
    MOTCUA_ASSIGN_OR_RETURN(Statement creds,
                            conn.Prepare("DELETE FROM credential WHERE login = ?1"));
    creds.Bind(1, login);
    MOTCUA_RETURN_IF_ERROR(creds.Run());
    return BumpAccountsGeneration(conn);
  });
}

Status SqliteStore::SetPasswordHash(std::string_view login, std::string_view hash) {
  return db_->writer().Write([&](Connection& conn) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(
        Statement s, conn.Prepare("UPDATE app_user SET password_hash = ?2 WHERE login = ?1"));
    s.Bind(1, login).Bind(2, hash);
    MOTCUA_RETURN_IF_ERROR(s.Run());
    if (conn.Changes() == 0) return Status::NotFound("no user " + std::string(login));
    return BumpAccountsGeneration(conn);
  });
}

Result<std::string> SqliteStore::GetPasswordHash(std::string_view login) {
  return WithReadTransaction(db_->readers(), [&](Connection& conn) -> Result<std::string> {
    MOTCUA_ASSIGN_OR_RETURN(Statement s,
                            conn.Prepare("SELECT password_hash FROM app_user WHERE login = ?1"));
    s.Bind(1, login);
    MOTCUA_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return Status::NotFound("no user " + std::string(login));
    return s.ColumnText(0);
  });
}

Result<access::Grant> SqliteStore::CreateGrant(const access::Grant& grant) {
  access::Grant stored = grant;
  MOTCUA_RETURN_IF_ERROR(db_->writer().Write([&](Connection& conn) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(
        Statement s,
        conn.Prepare("INSERT INTO delegation_grant(agency, grantee, scope_kind, scope_codes, "
                     "actions, valid_from, valid_to, revoked_at, tier, contract_reference) "
                     "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
    MOTCUA_RETURN_IF_ERROR(BindGrant(s, grant));
    MOTCUA_RETURN_IF_ERROR(s.Run());
    stored.id = conn.LastInsertRowid();
    return BumpAccountsGeneration(conn);
  }));
  return stored;
}

Status SqliteStore::UpdateGrant(const access::Grant& grant) {
  return db_->writer().Write([&](Connection& conn) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(
        Statement s,
        conn.Prepare("UPDATE delegation_grant SET agency = ?1, grantee = ?2, scope_kind = ?3, "
                     "scope_codes = ?4, actions = ?5, valid_from = ?6, valid_to = ?7, "
                     "revoked_at = ?8, tier = ?9, contract_reference = ?10 WHERE id = ?11"));
    MOTCUA_RETURN_IF_ERROR(BindGrant(s, grant));
    s.Bind(11, grant.id);
    MOTCUA_RETURN_IF_ERROR(s.Run());
    if (conn.Changes() == 0) return Status::NotFound("no grant " + std::to_string(grant.id));
    return BumpAccountsGeneration(conn);
  });
}

Result<access::Grant> SqliteStore::GetGrant(std::int64_t id) {
  return WithReadTransaction(db_->readers(), [&](Connection& conn) -> Result<access::Grant> {
    MOTCUA_ASSIGN_OR_RETURN(Statement s, conn.Prepare(std::string("SELECT ") + kGrantColumns +
                                                      " FROM delegation_grant WHERE id = ?1"));
    s.Bind(1, id);
    MOTCUA_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return Status::NotFound("no grant " + std::to_string(id));
    return ReadGrant(s);
  });
}

Result<std::vector<access::Grant>> SqliteStore::ListGrants(const GrantFilter& filter) {
  return WithReadTransaction(
      db_->readers(), [&](Connection& conn) -> Result<std::vector<access::Grant>> {
        // NULL parameters leave a filter off.
        MOTCUA_ASSIGN_OR_RETURN(
            Statement s, conn.Prepare(std::string("SELECT ") + kGrantColumns +
                                      " FROM delegation_grant WHERE (?1 IS NULL OR agency = ?1) "
                                      "AND (?2 IS NULL OR grantee = ?2) ORDER BY id"));
        if (filter.agency_code) s.Bind(1, *filter.agency_code);
        if (filter.grantee_login) s.Bind(2, *filter.grantee_login);
        std::vector<access::Grant> grants;
        while (true) {
          MOTCUA_ASSIGN_OR_RETURN(const bool row, s.Step());
          if (!row) return grants;
          MOTCUA_ASSIGN_OR_RETURN(access::Grant g, ReadGrant(s));
          grants.push_back(std::move(g));
        }
      });
}

}  // namespace motcua::store::sqlite
