#include "store/search_fold.h"

#include <cstdint>

namespace motcua::store {
namespace {

// Base letters of U+00C0..U+024F (Latin-1 Supplement letters, Latin
// Extended-A and -B) and U+1E00..U+1EFF (Latin Extended Additional, which
// holds most Vietnamese letters with tone marks), one byte per code point; '.'
// means "no base letter, keep as is". Generated from Unicode NFD (the first
// character of the decomposition, lowercased, when it is an ASCII letter),
// plus Đ/đ (U+0110/U+0111) and the look-alike Ð/ð (U+00D0/U+00F0) mapped to
// 'd' because they have no decomposition:
//   python3 -c "import unicodedata as u; ..." (see docs/storage.md)
constexpr std::string_view kBaseC0 =
    "aaaaaa.ceeeeiiiidnooooo..uuuuy..aaaaaa.ceeeeiiiidnooooo..uuuuy.y"
    "aaaaaaccccccccddddeeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll."
    "...nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz."
    "................................oo.............uu..............."
    ".............aaiioouuuuuuuuuu.aaaa....ggkkoooo..j...gg..nnaa...."
    "aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............"
    "................";
constexpr std::string_view kBase1E00 =
    "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm"
    "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv"
    "wwwwwwwwwwxxxxyyzzzzzzhtwy......aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee"
    "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......";
static_assert(kBaseC0.size() == 0x250 - 0xC0);
static_assert(kBase1E00.size() == 0x100);

constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes one UTF-8 sequence at text[*i], advancing *i; kInvalid (after
// advancing one byte) when the bytes are not well-formed UTF-8.
char32_t DecodeOne(std::string_view text, size_t* i) {
  const auto byte = [&](size_t k) { return static_cast<std::uint8_t>(text[k]); };
  const std::uint8_t b0 = byte(*i);
  int len = 0;
  char32_t cp = 0;
  if (b0 < 0x80) {
    ++*i;
    return b0;
  } else if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07;
  } else {
    ++*i;
    return kInvalid;
  }
  if (*i + len > text.size()) {
    ++*i;
    return kInvalid;
  }
  for (int k = 1; k < len; ++k) {
    const std::uint8_t b = byte(*i + k);
    if ((b & 0xC0) != 0x80) {
      ++*i;
      return kInvalid;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  // Overlong forms and surrogates are not well-formed (RFC 3629 section 3).
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++*i;
    return kInvalid;
  }
  *i += len;
  return cp;
}

// The base letter of `cp`, or 0 when it has none.
char BaseLetter(char32_t cp) {
  char c = '.';
  if (cp >= 0xC0 && cp < 0x250) {
    c = kBaseC0[cp - 0xC0];
  } else if (cp >= 0x1E00 && cp < 0x1F00) {
    c = kBase1E00[cp - 0x1E00];
  }
  return c == '.' ? 0 : c;
}

}  // namespace

std::string FoldForSearch(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  size_t i = 0;
  while (i < utf8.size()) {
    const size_t start = i;
    const char32_t cp = DecodeOne(utf8, &i);
    if (cp < 0x80) {
      const char c = static_cast<char>(cp);
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    } else if (cp == kInvalid) {
      out.push_back(' ');
    } else if (cp >= 0x300 && cp <= 0x36F) {
      // Combining diacritical marks (NFD input): dropped.
    } else if (const char base = BaseLetter(cp)) {
      out.push_back(base);
    } else {
      out.append(utf8.substr(start, i - start));
    }
  }
  return out;
}

std::vector<std::string> SearchWords(std::string_view utf8) {
  const std::string folded = FoldForSearch(utf8);
  std::vector<std::string> words;
  std::string word;
  for (const char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word.push_back(c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string SearchText(std::string_view utf8) {
  const std::vector<std::string> words = SearchWords(utf8);
  std::string text;
  for (const std::string& word : words) {
    if (!text.empty()) text.push_back(' ');
    text += word;
  }
  for (size_t i = 1; i < words.size(); ++i) {
    text.push_back(' ');
    text += words[i - 1];
    text.push_back('_');
    text += words[i];
  }
  return text;
}

std::vector<std::string> NameQueryTerms(std::string_view utf8) {
  std::vector<std::string> words = SearchWords(utf8);
  if (words.size() <= 1) return words;
  std::vector<std::string> pairs;
  for (size_t i = 1; i < words.size(); ++i) pairs.push_back(words[i - 1] + "_" + words[i]);
  return pairs;
}

std::string PhoneSearchKey(std::string_view text) {
  std::string digits;
  for (const char c : text) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  // Vietnam's country code 84 replaces the trunk prefix 0 in international
  // form; subscriber numbers have 9 digits after it.
  if (digits.size() == 11 && digits.starts_with("84")) {
    std::string local(1, '0');
    local.append(digits, 2, std::string::npos);
    return local;
  }
  return digits;
}

SearchKind ClassifySearch(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  bool digit = false, dash = false, space = false, phone_chars = true;
  int digits = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digit = true;
      ++digits;
    } else if (c == '-') {
      dash = true;
    } else if (c == ' ') {
      space = true;
    } else if (!(c == '.' || c == '(' || c == ')' || (c == '+' && i == 0))) {
      phone_chars = false;
    }
  }
  if (dash && digit && !space && !phone_chars) return SearchKind::kCode;
  if (phone_chars && digits >= 6) return SearchKind::kPhone;
  if (dash && digit && !space) return SearchKind::kCode;
  return SearchKind::kName;
}

}  // namespace motcua::store
