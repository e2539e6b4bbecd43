// Query strings and percent-encoded path segments, decoded and validated.
//
// A query "a=1&b=x%20y" becomes [("a","1"), ("b","x y")]; '+' is a space (as
// browsers send HTML forms); every name and value must decode to valid UTF-8
// without NUL bytes. A malformed escape or invalid text is a 400
// (malformed_query, malformed_path) naming the parameter, never a silent
// truncation. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/api_error.h"

namespace motcua::http {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Decodes %XX escapes (and '+' as a space when `plus_is_space`). nullopt when
// an escape is malformed or the result is not valid UTF-8 or holds a NUL.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

// `query` is the part after '?', without it. Empty pairs ("a=1&&b=2") are
// skipped; a name without '=' has an empty value.
ApiResult<QueryParams> ParseQuery(std::string_view query);

// The first value of `name`, if present.
std::optional<std::string_view> FindParam(const QueryParams& params, std::string_view name);

}  // namespace motcua::http
