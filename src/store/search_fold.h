// Search folding for Vietnamese text: the one normalization applied both to the
// text a store indexes (applicant names) and to the words a user searches for,
// so that "nguyen van a" finds "Nguyễn Văn A" and "dang" finds "Đặng".
//
// Folding lowercases ASCII, strips every Vietnamese diacritic (precomposed or
// as combining marks, i.e. NFC or NFD input) and maps đ/Đ to d. SQLite's
// `unicode61 remove_diacritics 2` tokenizer does not fold đ (U+0111 has no
// canonical decomposition), so engines must index folded text, not raw text.
// Other Latin letters with diacritics fold to their base letter too; anything
// else (digits, punctuation, other scripts) passes through unchanged, and bytes
// that are not valid UTF-8 become a space.
//
// Engine-neutral: the SQLite and PostgreSQL engines both use it.
// Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace motcua::store {

// "Nguyễn Văn Đức" -> "nguyen van duc".
std::string FoldForSearch(std::string_view utf8);

// The folded words of `utf8`: maximal runs of ASCII letters and digits after
// folding (any other character separates words). "Trần-Thị  Bé" ->
// {"tran", "thi", "be"}. Engines build their queries from these words only, so
// no user text ever reaches a full-text query syntax.
std::vector<std::string> SearchWords(std::string_view utf8);

}  // namespace motcua::store
