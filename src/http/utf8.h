// Strict UTF-8 validation (RFC 3629): what the API accepts as text.
//
// Rejects overlong forms, UTF-16 surrogates (U+D800..U+DFFF), code points
// above U+10FFFF and truncated sequences, so that every string the HTTP layer
// hands to the domain is well-formed text. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace motcua::http {

// The byte offset of the first byte that does not start a valid sequence,
// or nullopt when `text` is valid UTF-8.
std::optional<std::size_t> FindInvalidUtf8(std::string_view text);

inline bool IsValidUtf8(std::string_view text) { return !FindInvalidUtf8(text).has_value(); }

}  // namespace motcua::http
