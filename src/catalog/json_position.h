// Positions in JSON text, for error messages that name a line and a column.
//
// nlohmann::json keeps no positions in its values, so a checker that finds a
// bad value after parsing asks LocateJsonPath for where that value is written.
// This is done only when reporting an error: the happy path pays nothing.
//
// Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::catalog {

struct TextPosition {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, counted in Unicode code points, not bytes
};

// The position of byte `offset` of `text` (clamped to the end of the text).
TextPosition PositionAt(std::string_view text, size_t offset);

// Byte offsets in a JSON text of the member at `path`: `key` of its key
// string (npos for an array element or the root) and `value` of its value.
// Path tokens are object keys, or array indexes written in decimal. Both npos
// when the path does not exist. Where an object repeats a key, the first one
// counts. REQUIRES: `text` is valid JSON (else the result may be npos).
struct JsonLocation {
  static constexpr size_t npos = std::string_view::npos;
  size_t key = npos;
  size_t value = npos;
};
JsonLocation LocateJsonPath(std::string_view text, const std::vector<std::string>& path);

}  // namespace motcua::catalog
