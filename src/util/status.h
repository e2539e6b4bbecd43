// Status and Result<T>: errors as values, in the manner of LevelDB's Status.
//
// Every layer returns these instead of throwing. A Status is either ok or
// carries a Code and a human-readable message (English for logs; the
// user-facing translation happens in http/ or cli/). Result<T> holds either a
// value or a non-ok Status. Both are cheap to move and safe to copy; neither is
// internally synchronized (treat like any value type).
//
// Only http/ maps a Code to an HTTP status, and only cli/ maps it to an exit
// code.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace motcua {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,     // malformed input (bad date, bad number, bad file)
    kNotFound,            // the thing asked for does not exist
    kAlreadyExists,       // a unique thing would be created twice
    kFailedPrecondition,  // the action is not allowed in the current state
    kConflict,            // a stale expected version
    kPermissionDenied,    // the actor may not do this
    kUnauthenticated,     // who the actor is, is not known
    kOutOfRange,          // a value outside the supported range (e.g. year)
    kCorruption,          // stored data is damaged (e.g. a broken hash chain)
    kIOError,             // the filesystem or the database failed
    kResourceExhausted,   // a limit was hit (rate, size)
    kInternal,            // a bug: an invariant did not hold
  };

  Status() = default;  // ok
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {Code::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {Code::kNotFound, std::move(m)}; }
  static Status AlreadyExists(std::string m) { return {Code::kAlreadyExists, std::move(m)}; }
  static Status FailedPrecondition(std::string m) {
    return {Code::kFailedPrecondition, std::move(m)};
  }
  static Status Conflict(std::string m) { return {Code::kConflict, std::move(m)}; }
  static Status PermissionDenied(std::string m) { return {Code::kPermissionDenied, std::move(m)}; }
  static Status Unauthenticated(std::string m) { return {Code::kUnauthenticated, std::move(m)}; }
  static Status OutOfRange(std::string m) { return {Code::kOutOfRange, std::move(m)}; }
  static Status Corruption(std::string m) { return {Code::kCorruption, std::move(m)}; }
  static Status IOError(std::string m) { return {Code::kIOError, std::move(m)}; }
  static Status ResourceExhausted(std::string m) {
    return {Code::kResourceExhausted, std::move(m)};
  }
  static Status Internal(std::string m) { return {Code::kInternal, std::move(m)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // A stable lowercase name of the code, used in JSON errors and logs.
  const char* code_name() const;
  // "invalid_argument: message"
  std::string ToString() const;

  // Returns a copy whose message is prefixed with `context: `.
  Status WithContext(const std::string& context) const {
    if (ok()) return *this;
    return Status(code_, context + ": " + message_);
  }

 private:
  Code code_ = Code::kOk;
  std::string message_;
};

// Either a T or a non-ok Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(v_).ok() && "Result built from an ok Status");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }

  // REQUIRES: ok()
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // Ok status when a value is held.
  Status status() const { return ok() ? Status() : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace motcua

// Returns early from the enclosing function when `expr` (a Status) is not ok.
#define MOTCUA_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::motcua::Status motcua_status_ = (expr);        \
    if (!motcua_status_.ok()) return motcua_status_; \
  } while (0)

#define MOTCUA_CONCAT_INNER_(a, b) a##b
#define MOTCUA_CONCAT_(a, b) MOTCUA_CONCAT_INNER_(a, b)
// `MOTCUA_ASSIGN_OR_RETURN(auto x, f())` binds the value or returns the error.
#define MOTCUA_ASSIGN_OR_RETURN(lhs, expr) \
  MOTCUA_ASSIGN_OR_RETURN_IMPL_(MOTCUA_CONCAT_(motcua_result_, __LINE__), lhs, expr)
#define MOTCUA_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                  \
  if (!tmp.ok()) return tmp.status();                 \
  lhs = std::move(tmp).value()
