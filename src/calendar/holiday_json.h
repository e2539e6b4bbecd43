// Reading the calendar data files' JSON with errors that point into the file:
// "NAME:LINE:COLUMN: FIELD: what is wrong".
//
// nlohmann::json keeps no source positions, so JsonDoc walks the (already
// validated) text once more and records the byte offset of every value and
// object key under its field path ("holidays[2].date"); offsets become
// line:column (column in characters, counting a UTF-8 sequence as one) only
// when an error is reported. The same walk rejects duplicate keys, which
// nlohmann would silently collapse to the last one.
//
// Internal to the calendar data parsers (holiday_*.cc). A JsonDoc is an
// immutable value; the json references it hands out live as long as it does.
#pragma once

#include <initializer_list>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>

#include "util/civil_time.h"
#include "util/status.h"

namespace motcua::calendar::internal {

using Json = nlohmann::json;

class JsonDoc {
 public:
  // InvalidArgument naming `name`, line and column for a syntax error, a
  // duplicate key or a top level that is not an object.
  static Result<JsonDoc> Parse(std::string_view text, std::string_view name);

  const Json& root() const { return *root_; }
  const std::string& name() const { return name_; }

  // InvalidArgument "NAME:LINE:COL: PATH: what" at the value at `path` (the
  // start of the file for the root, path "").
  Status ErrorAt(const std::string& path, const std::string& what) const;
  // The same at the key of the member at `path` (for an unknown field).
  Status ErrorAtKey(const std::string& path, const std::string& what) const;

  // Field paths: Child("holidays", "date"), Index("holidays", 2).
  static std::string Child(const std::string& path, std::string_view key);
  static std::string Index(const std::string& path, size_t i);

  // Typed reads of the value `v` found at `path`, with errors at it.
  Status RequireObject(const Json& v, const std::string& path) const;
  Status RequireArray(const Json& v, const std::string& path) const;
  Result<std::string> String(const Json& v, const std::string& path, bool allow_empty) const;
  Result<int> Int(const Json& v, const std::string& path, int lo, int hi) const;
  Result<bool> Bool(const Json& v, const std::string& path) const;
  // A "YYYY-MM-DD" string.
  Result<DayNumber> Date(const Json& v, const std::string& path) const;

  // Every member of object `obj` (at `path`) must be one of `allowed`.
  Status CheckFields(const Json& obj, const std::string& path,
                     std::initializer_list<std::string_view> allowed) const;
  // The member `key` of `obj`, nullptr when absent; an error when absent and
  // `required`.
  Result<const Json*> Member(const Json& obj, const std::string& path, std::string_view key,
                             bool required) const;

 private:
  Status ErrorAtOffset(size_t offset, const std::string& path, const std::string& what) const;

  std::string name_;
  std::shared_ptr<const std::string> text_;
  std::shared_ptr<const Json> root_;
  std::shared_ptr<const std::unordered_map<std::string, size_t>> values_;
  std::shared_ptr<const std::unordered_map<std::string, size_t>> keys_;
};

// "LINE:COLUMN" (both from 1) of byte `offset` in `text`.
std::string LineColumn(std::string_view text, size_t offset);

}  // namespace motcua::calendar::internal
