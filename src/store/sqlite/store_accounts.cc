// SqliteStore: credentials (login sessions and API tokens, kept by the hash
// of their token) and the audit log of administrative writes.
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "store/sqlite/accounts_generation.h"
#include "store/sqlite/sqlite_store.h"

namespace motcua::store::sqlite {
namespace {

// http::TokenHash gives lowercase hex; another spelling of the same hash
// would slip past the unique index, so it is refused.
bool IsLowerHex64(std::string_view text) {
  if (text.size() != 64) return false;
  for (const char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

constexpr const char* kCredentialColumns =
    "id, kind, token_hash, login, label, created_by, created_at, expires_at, revoked_at";

Result<Credential> ReadCredential(const Statement& s) {
  Credential c;
  c.id = s.ColumnInt(0);
  MOTCUA_ASSIGN_OR_RETURN(c.kind, ParseCredentialKind(s.ColumnTextView(1)));
  c.token_hash = s.ColumnText(2);
  c.login = s.ColumnText(3);
  c.label = s.ColumnText(4);
  c.created_by = s.ColumnText(5);
  c.created_at = s.ColumnInt(6);
  c.expires_at = s.ColumnOptionalInt(7);
  c.revoked_at = s.ColumnOptionalInt(8);
  return c;
}

Result<std::vector<Credential>> CollectCredentials(Statement& s) {
  std::vector<Credential> out;
  while (true) {
    MOTCUA_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return out;
    MOTCUA_ASSIGN_OR_RETURN(Credential c, ReadCredential(s));
    out.push_back(std::move(c));
  }
}

}  // namespace

Result<Credential> SqliteStore::CreateCredential(const Credential& credential) {
  if (!IsLowerHex64(credential.token_hash)) {
    return Status::InvalidArgument("a credential's token hash must be 64 lowercase hex digits");
  }
  if (credential.kind == CredentialKind::kSession && !credential.expires_at) {
    return Status::InvalidArgument("a session needs an expiry time");
  }
  Credential stored = credential;
  stored.id = 0;
  MOTCUA_RETURN_IF_ERROR(db_->writer().Write([&](Connection& conn) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(Statement user,
                            conn.Prepare("SELECT 1 FROM app_user WHERE login = ?1"));
    user.Bind(1, credential.login);
    MOTCUA_ASSIGN_OR_RETURN(const bool known, user.Step());
    if (!known) return Status::NotFound("no user " + credential.login);
    MOTCUA_ASSIGN_OR_RETURN(
        Statement s,
        conn.Prepare("INSERT INTO credential(kind, token_hash, login, label, created_by, "
                     "created_at, expires_at, revoked_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                     "ON CONFLICT(token_hash) DO NOTHING"));
    s.Bind(1, CredentialKindName(credential.kind))
        .Bind(2, credential.token_hash)
        .Bind(3, credential.login)
        .Bind(4, credential.label)
        .Bind(5, credential.created_by)
        .Bind(6, credential.created_at)
        .Bind(7, credential.expires_at)
        .Bind(8, credential.revoked_at);
    MOTCUA_RETURN_IF_ERROR(s.Run());
    // The hash is not named in the message: it is as good as the token to
    // whoever can look rows up by it.
    if (conn.Changes() == 0) return Status::AlreadyExists("a credential with this token exists");
    stored.id = conn.LastInsertRowid();
    return BumpAccountsGeneration(conn);
  }));
  return stored;
}

Result<Credential> SqliteStore::FindCredential(std::string_view token_hash) {
  return WithReadTransaction(db_->readers(), [&](Connection& conn) -> Result<Credential> {
    MOTCUA_ASSIGN_OR_RETURN(Statement s, conn.Prepare(std::string("SELECT ") + kCredentialColumns +
                                                      " FROM credential WHERE token_hash = ?1"));
    s.Bind(1, token_hash);
    MOTCUA_ASSIGN_OR_RETURN(const bool row, s.Step());
    if (!row) return Status::NotFound("no credential with this token");
    return ReadCredential(s);
  });
}

Status SqliteStore::RevokeCredential(std::int64_t id, Instant at) {
  return db_->writer().Write([&](Connection& conn) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(
        Statement s, conn.Prepare("UPDATE credential SET revoked_at = coalesce(revoked_at, ?2) "
                                  "WHERE id = ?1"));
    s.Bind(1, id).Bind(2, at);
    MOTCUA_RETURN_IF_ERROR(s.Run());
    if (conn.Changes() == 0) return Status::NotFound("no credential " + std::to_string(id));
    return BumpAccountsGeneration(conn);
  });
}

Status SqliteStore::Atomically(const std::function<Status(Store& tx)>& writes) {
  // The store's write methods called by `writes` run on the writer thread,
  // inside this job's transaction (group_commit.h, "Nested writes").
  return db_->writer().Write([&](Connection&) { return writes(*this); });
}

Result<std::uint64_t> SqliteStore::AccountsGeneration() {
  // One statement, so no BEGIN/COMMIT around it: its implicit read
  // transaction sees the latest commit of any process. This runs once per
  // authenticated request (api/store_authenticator.h), and is answered from
  // memory while nothing was committed (stamped_cache.h).
  return accounts_generation_.FindOrRead(db_->stamp(), "", [&]() -> Result<std::uint64_t> {
    MOTCUA_ASSIGN_OR_RETURN(ReadPool::Lease lease, db_->readers().Acquire());
    return ReadAccountsGeneration(*lease);
  });
}

Result<std::vector<Credential>> SqliteStore::ListCredentials(CredentialKind kind,
                                                             std::string_view login) {
  return WithReadTransaction(
      db_->readers(), [&](Connection& conn) -> Result<std::vector<Credential>> {
        // Two statements rather than "(?2 = '' OR login = ?2)", which would
        // keep SQLite from using credential_by_login.
        if (login.empty()) {
          MOTCUA_ASSIGN_OR_RETURN(Statement s,
                                  conn.Prepare(std::string("SELECT ") + kCredentialColumns +
                                               " FROM credential WHERE kind = ?1 ORDER BY id"));
          s.Bind(1, CredentialKindName(kind));
          return CollectCredentials(s);
        }
        MOTCUA_ASSIGN_OR_RETURN(Statement s,
                                conn.Prepare(std::string("SELECT ") + kCredentialColumns +
                                             " FROM credential WHERE login = ?2 AND kind = ?1 "
                                             "ORDER BY id"));
        s.Bind(1, CredentialKindName(kind)).Bind(2, login);
        return CollectCredentials(s);
      });
}

Status SqliteStore::AppendAudit(const AuditEntry& entry) {
  if (entry.action.empty()) return Status::InvalidArgument("an audit entry needs an action");
  return db_->writer().Write([&](Connection& conn) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(
        Statement s,
        conn.Prepare("INSERT INTO audit_log(at, actor, acting_for, request_id, action, target, "
                     "detail) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    s.Bind(1, entry.at)
        .Bind(2, entry.actor)
        .Bind(3, entry.acting_for)
        .Bind(4, entry.request_id)
        .Bind(5, entry.action)
        .Bind(6, entry.target)
        .Bind(7, entry.detail);
    return s.Run();
  });
}

Result<std::vector<AuditEntry>> SqliteStore::ListAudit(std::int64_t before_id, int limit) {
  if (limit < 1 || limit > 1000) return Status::InvalidArgument("audit limit must be 1..1000");
  return WithReadTransaction(
      db_->readers(), [&](Connection& conn) -> Result<std::vector<AuditEntry>> {
        MOTCUA_ASSIGN_OR_RETURN(
            Statement s,
            conn.Prepare("SELECT id, at, actor, acting_for, request_id, action, target, detail "
                         "FROM audit_log WHERE id < ?1 ORDER BY id DESC LIMIT ?2"));
        s.Bind(1, before_id > 0 ? before_id : std::numeric_limits<std::int64_t>::max())
            .Bind(2, limit);
        std::vector<AuditEntry> out;
        while (true) {
          MOTCUA_ASSIGN_OR_RETURN(const bool row, s.Step());
          if (!row) return out;
          AuditEntry& e = out.emplace_back();
          e.id = s.ColumnInt(0);
          e.at = s.ColumnInt(1);
          e.actor = s.ColumnText(2);
          e.acting_for = s.ColumnText(3);
          e.request_id = s.ColumnText(4);
          e.action = s.ColumnText(5);
          e.target = s.ColumnText(6);
          e.detail = s.ColumnText(7);
        }
      });
}

}  // namespace motcua::store::sqlite
