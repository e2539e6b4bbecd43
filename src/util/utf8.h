// AppendUtf8: one Unicode code point written as UTF-8 (RFC 3629), for the
// JSON readers that decode \uXXXX escapes themselves (catalog/json_position,
// import/record_json_fast). Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>

namespace motcua {

// The caller checks what it decoded: surrogates, and anything above
// 0x10FFFF, are written by the same arithmetic without a check.
inline void AppendUtf8(std::uint32_t code_point, std::string* out) {
  const std::uint32_t cp = code_point;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace motcua
