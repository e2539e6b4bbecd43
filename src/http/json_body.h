// Parsing a request body as one JSON object, strictly.
//
// Checks, in this order, each with its own 4xx answer:
//   empty body                         400 empty_body
//   Content-Type not application/json  415 (a charset other than UTF-8 too)
//   larger than limits.max_bytes       413
//   not valid UTF-8                    400 invalid_utf8 (with the byte offset)
//   nested deeper than max_depth       400 too_deep
//   not JSON                           400 malformed_json (with the byte offset)
//   a number beyond a double (1e999)   422 invalid_value
//   a key twice in one object          400 duplicate_key
//   not an object at the top           400 wrong_type
// The depth is checked on the raw bytes before the parser runs, so a hostile
// "[[[[…" never reaches a recursive structure. Requiring application/json is
// also a CSRF defence: a cross-site HTML form cannot send it without a CORS
// preflight, which this server never grants.
//
// Pure; thread-safe.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>

#include "http/api_error.h"

namespace motcua::http {

struct BodyLimits {
  std::size_t max_bytes = 1 << 20;  // 1 MiB: a dossier's JSON without its documents
  int max_depth = 32;               // our deepest schema is 4; 32 leaves room, stops abuse
};

// True for "application/json", optionally with "; charset=utf-8" (any case).
bool IsJsonContentType(std::string_view content_type);

// The deepest nesting of arrays and objects in `text`, scanning raw bytes
// (strings and escapes skipped); stops counting past `stop_at`.
int JsonNestingDepth(std::string_view text, int stop_at);

ApiResult<nlohmann::json> ParseJsonObject(std::string_view content_type, std::string_view body,
                                          const BodyLimits& limits);

}  // namespace motcua::http
