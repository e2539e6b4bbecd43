#include "store/sqlite/connection.h"

#include <sqlite3.h>

#include <utility>

namespace motcua::store::sqlite {

Status StatusFromSqlite(int rc, sqlite3* db, std::string_view what) {
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return Status::Ok();
  std::string message(what);
  message += ": ";
  message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  switch (rc & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::ResourceExhausted(std::move(message));
    case SQLITE_CONSTRAINT:
      return Status::AlreadyExists(std::move(message));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corruption(std::move(message));
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PROTOCOL:
      return Status::IOError(std::move(message));
    default:
      return Status::Internal(std::move(message));
  }
}

// ---------------------------------------------------------------- Statement

Statement::Statement(Connection* conn, sqlite3_stmt* stmt, bool* in_use)
    : conn_(conn), stmt_(stmt), in_use_(in_use) {}

Statement::Statement(Statement&& other) noexcept
    : conn_(other.conn_),
      stmt_(std::exchange(other.stmt_, nullptr)),
      in_use_(std::exchange(other.in_use_, nullptr)),
      bind_error_(std::move(other.bind_error_)) {}

Statement::~Statement() {
  if (stmt_ == nullptr) return;
  if (in_use_ != nullptr) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    *in_use_ = false;
  } else {
    sqlite3_finalize(stmt_);
  }
}

Statement& Statement::Check(int rc, int index) {
  if (rc != SQLITE_OK && bind_error_.ok()) {
    bind_error_ = StatusFromSqlite(rc, conn_->raw(), "bind ?" + std::to_string(index));
  }
  return *this;
}

Statement& Statement::Bind(int index, std::int64_t value) {
  return Check(sqlite3_bind_int64(stmt_, index, value), index);
}
Statement& Statement::Bind(int index, double value) {
  return Check(sqlite3_bind_double(stmt_, index, value), index);
}
Statement& Statement::Bind(int index, std::string_view text) {
  return Check(
      sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
      index);
}
Statement& Statement::Bind(int index, std::optional<std::int64_t> value) {
  return value ? Bind(index, *value) : BindNull(index);
}
Statement& Statement::BindBlob(int index, std::string_view bytes) {
  return Check(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT),
               index);
}
Statement& Statement::BindRef(int index, std::string_view text) {
  return Check(
      sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8),
      index);
}
Statement& Statement::BindBlobRef(int index, std::string_view bytes) {
  return Check(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_STATIC), index);
}
Statement& Statement::BindNull(int index) { return Check(sqlite3_bind_null(stmt_, index), index); }

Result<bool> Statement::Step() {
  if (!bind_error_.ok()) return bind_error_;
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  // The error message is read before reset, which would clear it.
  Status status = StatusFromSqlite(rc, conn_->raw(), sqlite3_sql(stmt_));
  sqlite3_reset(stmt_);
  return status;
}

Status Statement::Run() {
  while (true) {
    MOTCUA_ASSIGN_OR_RETURN(const bool row, Step());
    if (!row) return Status::Ok();
  }
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = Status::Ok();
}

void Statement::Rewind() {
  sqlite3_reset(stmt_);
  bind_error_ = Status::Ok();
}

std::int64_t Statement::ColumnInt(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::ColumnDouble(int col) const { return sqlite3_column_double(stmt_, col); }
bool Statement::ColumnIsNull(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}
std::optional<std::int64_t> Statement::ColumnOptionalInt(int col) const {
  if (ColumnIsNull(col)) return std::nullopt;
  return ColumnInt(col);
}
std::string_view Statement::ColumnTextView(int col) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  if (text == nullptr) return {};
  return std::string_view(text, static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}
std::string Statement::ColumnText(int col) const { return std::string(ColumnTextView(col)); }
std::string_view Statement::ColumnBlobView(int col) const {
  const void* data = sqlite3_column_blob(stmt_, col);
  if (data == nullptr) return {};
  return std::string_view(static_cast<const char*>(data),
                          static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}
std::string Statement::ColumnBlob(int col) const { return std::string(ColumnBlobView(col)); }

// --------------------------------------------------------------- Connection

namespace {

// Process-wide settings, applied once before SQLite initializes (sqlite3_config
// is refused afterwards; then SQLite keeps its defaults, which only cost time).
// No memory statistics: with them every allocation SQLite makes takes one
// global mutex, shared by the writer and all readers (measured ~6% of the
// writer's instructions in an import); nothing here reads the statistics.
void ConfigureSqliteOnce() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
}

}  // namespace

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path,
                                                     const ConnectionOptions& options) {
  ConfigureSqliteOnce();
  int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  if (options.read_only) {
    flags |= SQLITE_OPEN_READONLY;
  } else {
    flags |= SQLITE_OPEN_READWRITE | (options.create ? SQLITE_OPEN_CREATE : 0);
  }
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status status = StatusFromSqlite(rc, db, "open " + path);
    sqlite3_close_v2(db);  // a handle is returned even on failure
    return status;
  }
  std::unique_ptr<Connection> conn(new Connection(db, path));
  sqlite3_extended_result_codes(db, 1);
  conn->SetBusyTimeout(options.busy_timeout_ms);
  return conn;
}

void Connection::SetBusyTimeout(int ms) {
  sqlite3_busy_timeout(db_, ms);
  busy_timeout_ms_ = ms;
}

Connection::~Connection() {
  for (auto& [sql, cached] : cache_) sqlite3_finalize(cached.stmt);
  // close_v2 defers the close if a caller still holds an uncached statement
  // (a bug, but not a crash).
  sqlite3_close_v2(db_);
}

Status Connection::Exec(const char* sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return Status::Ok();
  Status status = StatusFromSqlite(rc, db_, std::string("exec: ") + (error ? error : ""));
  sqlite3_free(error);
  return status;
}

Status Connection::ExecCached(std::string_view sql) {
  MOTCUA_ASSIGN_OR_RETURN(Statement s, Prepare(sql));
  return s.Run();
}

Result<Statement> Connection::Prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end() && !it->second.in_use) {
    it->second.in_use = true;
    return Statement(this, it->second.stmt, &it->second.in_use);
  }
  sqlite3_stmt* stmt = nullptr;
  const bool cache = it == cache_.end();
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    cache ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    return StatusFromSqlite(rc, db_, "prepare " + std::string(sql));
  }
  if (stmt == nullptr) return Status::InvalidArgument("prepare: empty SQL");
  if (!cache) return Statement(this, stmt, nullptr);
  CachedStatement& slot = cache_.try_emplace(std::string(sql)).first->second;
  slot.stmt = stmt;
  slot.in_use = true;
  return Statement(this, stmt, &slot.in_use);
}

std::int64_t Connection::LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
int Connection::Changes() const { return sqlite3_changes(db_); }
bool Connection::InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

}  // namespace motcua::store::sqlite
