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
// Also here: the other search keys (phone numbers) and how a search text is
// read. Engine-neutral: the SQLite and PostgreSQL engines both use it.
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

// The terms an engine indexes for a name, joined by single spaces: every
// folded word, and every pair of adjacent words joined by '_'.
// "Nguyễn Văn Hùng" -> "nguyen van hung nguyen_van van_hung".
//
// Why pairs: a name search is an AND of terms, and the words of Vietnamese
// names are few and very common (Nguyễn ~38% of people, Văn and Thị ~30%
// each), so an AND of single words walks doclists of hundreds of thousands
// of entries to find a rare combination (measured: 2-3 ms CPU per query over
// a million dossiers, p99 above 10 ms). A pair such as "huu_thanh" is rare,
// and an AND of pairs stays short.
std::string SearchText(std::string_view utf8);

// The terms to AND for a name query: the single word when there is one, else
// the adjacent pairs of the words as typed ("van hung" -> {"van_hung"}). So
// the words must appear in the name whole, adjacent and in the typed order:
// "nguyen van a", "van a" and "Nguyễn Văn A" all find "Nguyễn Văn A"; "a
// nguyen" does not.
std::vector<std::string> NameQueryTerms(std::string_view utf8);

// The digits of a phone number, with the country prefix read as the trunk
// prefix: "+84 912 345 678", "84912345678" and "0912.345.678" all give
// "0912345678". Empty when `text` has no digit.
std::string PhoneSearchKey(std::string_view text);

// What a search text is taken to be (records.h SearchQuery):
//   kPhone only digits, spaces, '.', '-', '(', ')' and a leading '+', with at
//          least 6 digits;
//   kCode  otherwise, when it has a '-' and a digit and no inner space: a
//          dossier code or a prefix of one ("000.00.12.H29-231116");
//   kName  anything else: words of the applicant's name.
enum class SearchKind { kCode, kPhone, kName };
SearchKind ClassifySearch(std::string_view text);

}  // namespace motcua::store
