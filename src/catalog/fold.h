// Folding of Vietnamese text for search: "Cấp Giấy phép" and "cap giay phep"
// fold to the same string.
//
// Folding lowercases ASCII letters, maps every precomposed Vietnamese letter
// (the vowels with their circumflex, breve, horn and five tone marks, and đ/Đ)
// to its base Latin letter, and drops the combining marks that a decomposed
// (NFD) text carries instead (U+0300, U+0301, U+0302, U+0303, U+0306, U+0309,
// U+031B, U+0323), so both normal forms fold alike without a Unicode library.
// Other characters pass through unchanged; invalid UTF-8 bytes are kept as they
// are.
//
// Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace motcua::catalog {

std::string FoldVietnamese(std::string_view utf8);

}  // namespace motcua::catalog
