// Connection and Statement: a thin RAII layer over one sqlite3 handle and its
// prepared statements, with every error returned as a Status (never thrown).
//
// All SQL that carries a value goes through Prepare + Bind: values are never
// spliced into SQL text. Exec() is only for fixed text (pragmas, migrations).
//
// Thread-safety: a Connection (and its Statements) may be used by one thread
// at a time; the handle is opened with SQLITE_OPEN_NOMUTEX, so callers hand a
// connection from thread to thread only through a synchronizing owner (the
// group-commit writer, the read pool). Prepared statements are cached per
// connection by SQL text and reset when the Statement handle is destroyed.
//
// Ownership: a Statement borrows its Connection and must not outlive it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "util/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace motcua::store::sqlite {

// The Status for a SQLite result code: BUSY/LOCKED become ResourceExhausted,
// CONSTRAINT becomes AlreadyExists, CORRUPT/NOTADB Corruption, FULL/IOERR/CANTOPEN
// IOError, anything else Internal. `what` says what was being done.
Status StatusFromSqlite(int rc, sqlite3* db, std::string_view what);

class Connection;

// One prepared statement. Bind* calls record the first failure, which Step()
// and Run() then report, so that binds can be chained:
//   stmt.Bind(1, id).Bind(2, name);
//   MOTCUA_RETURN_IF_ERROR(stmt.Run());
// Indexes are 1-based for Bind (as in SQL `?1`) and 0-based for Column*.
class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement();

  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view text);  // copied (SQLITE_TRANSIENT)
  Statement& Bind(int index, const char* text) { return Bind(index, std::string_view(text)); }
  Statement& Bind(int index, const std::string& text) {
    return Bind(index, std::string_view(text));
  }
  Statement& Bind(int index, std::optional<std::int64_t> value);  // NULL when empty
  Statement& BindBlob(int index, std::string_view bytes);         // copied
  // Not copied (SQLITE_STATIC), for hot paths that bind and run at once.
  // REQUIRES: the bytes stay valid until the statement is run, reset or
  // destroyed.
  Statement& BindRef(int index, std::string_view text);
  Statement& BindBlobRef(int index, std::string_view bytes);
  Statement& BindNull(int index);

  // Runs one step: true when a row is ready to read, false when done.
  Result<bool> Step();
  // Steps until done (rows, if any, are skipped). For INSERT/UPDATE/DELETE.
  Status Run();
  // Makes the statement ready to run again, clearing the bindings.
  void Reset();
  // Makes the statement ready to run again with the same bindings, for a
  // loop that binds every parameter before each run (sqlite3_clear_bindings
  // was ~1% of an import's writer thread). REQUIRES: what is bound by
  // reference still lives, or is bound anew before the next run.
  void Rewind();

  // REQUIRES: the last Step() returned true; 0 <= col < column count.
  std::int64_t ColumnInt(int col) const;
  double ColumnDouble(int col) const;
  bool ColumnIsNull(int col) const;
  std::optional<std::int64_t> ColumnOptionalInt(int col) const;
  std::string ColumnText(int col) const;
  // Valid until the next Step(), Reset() or destruction.
  std::string_view ColumnTextView(int col) const;
  std::string ColumnBlob(int col) const;
  // Valid until the next Step(), Reset() or destruction.
  std::string_view ColumnBlobView(int col) const;

 private:
  friend class Connection;
  Statement(Connection* conn, sqlite3_stmt* stmt, bool* in_use);
  Statement& Check(int rc, int index);

  Connection* conn_;
  sqlite3_stmt* stmt_;
  bool* in_use_;  // the cache slot's flag; null for an uncached statement
  Status bind_error_;
};

struct ConnectionOptions {
  bool create = true;            // create the file if missing
  bool read_only = false;        // opens with SQLITE_OPEN_READONLY
  int busy_timeout_ms = 10'000;  // waits this long for another process' lock
};

class Connection {
 public:
  // Opens (and, with options.create, creates) the database file at `path`.
  static Result<std::unique_ptr<Connection>> Open(const std::string& path,
                                                  const ConnectionOptions& options);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs fixed SQL text (one or more statements, no parameters).
  // REQUIRES: `sql` holds no value that came from input.
  Status Exec(const char* sql);
  // Runs one fixed statement through the statement cache (Prepare), for the
  // hot ones: BEGIN and COMMIT through Exec() were parsed again at every
  // read, ~8% of the CPU of `GET /api/v1/dossiers/{code}` (perf while
  // bench/http/run.sh ran). REQUIRES: as Exec, and one statement only.
  Status ExecCached(std::string_view sql);

  // A prepared statement for `sql` (cached: preparing the same text again is
  // cheap). If the cached one is still in use (a nested query with the same
  // text), a private one is prepared instead.
  Result<Statement> Prepare(std::string_view sql);

  // The rowid of the last INSERT, and the rows changed by the last statement.
  std::int64_t LastInsertRowid() const;
  int Changes() const;
  // True between BEGIN and COMMIT/ROLLBACK (also after SQLite rolled back a
  // transaction on its own, e.g. on SQLITE_FULL, this turns false).
  bool InTransaction() const;

  // How long a statement waits for another connection's lock (SQLITE_BUSY).
  int busy_timeout_ms() const { return busy_timeout_ms_; }
  void SetBusyTimeout(int ms);

  const std::string& path() const { return path_; }
  sqlite3* raw() const { return db_; }

 private:
  Connection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

  struct CachedStatement {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;
  };

  sqlite3* db_;
  std::string path_;
  int busy_timeout_ms_ = 0;
  // Looks up by string_view without building a std::string per Prepare.
  struct SqlHash {
    using is_transparent = void;
    size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
  };

  // Node-based map: the address of a CachedStatement is stable.
  std::unordered_map<std::string, CachedStatement, SqlHash, std::equal_to<>> cache_;
};

}  // namespace motcua::store::sqlite
