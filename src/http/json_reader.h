// ObjectReader: typed access to the fields of a JSON request body, so that a
// handler reads its input in a few lines and every mistake gets a clear 4xx.
//
//   ObjectReader r(body);                 // body: the object from ParseJsonObject
//   std::string login = r.String("login");
//   std::string password = r.String("password");
//   if (auto error = r.Finish()) return *error;
//
// Policy (docs/api.md, "Request bodies"):
//  - a missing required field is 400 missing_field; null or another JSON type
//    than asked is 400 wrong_type (a float where an integer is asked too);
//  - a value of the right type that breaks a content rule (an integer out of
//    its range, a NUL inside a string, a Require() that fails) is 422
//    invalid_value;
//  - with UnknownFields::kReject (the default) a key no accessor asked for is
//    400 unknown_field: a misspelt "on_behalf_of" must not be dropped
//    silently on a request that acts for an agency.
// After the first error the accessors return empty values and record nothing
// more; Finish() reports that first error, else the first unknown field of
// this object or of any child taken with Object(). Paths in messages are JSON
// Pointers ("/applicant/phone").
//
// Not thread-safe. A reader refers to the JSON it reads and must not outlive
// it; child readers share their root's state.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/api_error.h"

namespace motcua::http {

enum class UnknownFields { kReject, kIgnore };

class ObjectReader {
 public:
  // REQUIRES: object.is_object()
  explicit ObjectReader(const nlohmann::json& object,
                        UnknownFields unknown = UnknownFields::kReject);

  std::string String(std::string_view key);
  std::optional<std::string> OptionalString(std::string_view key);
  std::int64_t Int(std::string_view key,
                   std::int64_t min = std::numeric_limits<std::int64_t>::min(),
                   std::int64_t max = std::numeric_limits<std::int64_t>::max());
  std::optional<std::int64_t> OptionalInt(
      std::string_view key, std::int64_t min = std::numeric_limits<std::int64_t>::min(),
      std::int64_t max = std::numeric_limits<std::int64_t>::max());
  bool Bool(std::string_view key);
  std::optional<bool> OptionalBool(std::string_view key);
  std::vector<std::string> StringArray(std::string_view key);
  // The child object at `key` (missing: missing_field). On error the child
  // reads an empty object and records nothing.
  ObjectReader Object(std::string_view key, UnknownFields unknown = UnknownFields::kReject);
  std::optional<ObjectReader> OptionalObject(std::string_view key,
                                             UnknownFields unknown = UnknownFields::kReject);
  // Any value, unchecked (passed through as is); nullptr when absent.
  const nlohmann::json* Raw(std::string_view key);

  // Records 422 invalid_value on `key` unless `condition` holds.
  void Require(bool condition, std::string_view key, std::string message);

  bool ok() const;
  // The first error, else the first unknown field; nullopt when all is well.
  std::optional<ApiError> Finish() const;

 private:
  struct Scope {
    const nlohmann::json* object;
    std::string path;  // JSON Pointer of the object, "" for the root
    UnknownFields unknown;
    std::vector<std::string> asked;
  };
  struct State {
    std::optional<ApiError> error;
    std::vector<Scope> scopes;
  };

  ObjectReader(std::shared_ptr<State> state, std::size_t scope) : state_(state), scope_(scope) {}

  // Marks `key` as asked and returns its value (nullptr when absent or when
  // an error was already recorded).
  const nlohmann::json* Find(std::string_view key);
  // True when no error is recorded yet and `key` is absent or null (a
  // required field sent as null counts as missing).
  bool IsAbsent(std::string_view key);
  std::string PathOf(std::string_view key) const;
  void Fail(ApiError error);
  void Missing(std::string_view key);
  void WrongType(std::string_view key, const char* expected);

  std::shared_ptr<State> state_;
  std::size_t scope_;
};

}  // namespace motcua::http
