#include "catalog/fold.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace motcua::catalog {
namespace {

// Every Vietnamese letter with a diacritic, grouped by the base letter it folds
// to, lowercase then uppercase.
constexpr std::pair<char, std::string_view> kLetters[] = {
    {'a', "àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"},
    {'d', "đĐ"},
    {'e', "èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ"},
    {'i', "ìíỉĩịÌÍỈĨỊ"},
    {'o', "òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"},
    {'u', "ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ"},
    {'y', "ỳýỷỹỵỲÝỶỸỴ"},
};

// The combining marks of decomposed Vietnamese: grave, acute, circumflex,
// tilde, breve, hook above, horn, dot below.
bool IsVietnameseCombiningMark(char32_t c) {
  return c == 0x0300 || c == 0x0301 || c == 0x0302 || c == 0x0303 || c == 0x0306 || c == 0x0309 ||
         c == 0x031B || c == 0x0323;
}

// Decodes one UTF-8 sequence at `s[*pos]`, advancing `*pos`. Returns false (and
// advances by one byte) on an invalid sequence.
bool DecodeUtf8(std::string_view s, size_t* pos, char32_t* out) {
  const auto b0 = static_cast<unsigned char>(s[*pos]);
  int len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || *pos + len > s.size()) {
    ++*pos;
    return false;
  }
  char32_t c = len == 1 ? b0 : b0 & (0xFF >> (len + 1));
  for (int i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(s[*pos + i]);
    if ((b & 0xC0) != 0x80) {
      ++*pos;
      return false;
    }
    c = (c << 6) | (b & 0x3F);
  }
  *pos += len;
  *out = c;
  return true;
}

// Code point -> base letter, sorted by code point; built once.
const std::vector<std::pair<char32_t, char>>& FoldTable() {
  static const auto* table = [] {
    auto* t = new std::vector<std::pair<char32_t, char>>;
    for (const auto& [base, letters] : kLetters) {
      size_t pos = 0;
      char32_t c;
      while (pos < letters.size()) {
        if (DecodeUtf8(letters, &pos, &c)) t->emplace_back(c, base);
      }
    }
    std::sort(t->begin(), t->end());
    return t;
  }();
  return *table;
}

}  // namespace

std::string FoldVietnamese(std::string_view utf8) {
  const auto& table = FoldTable();
  std::string out;
  out.reserve(utf8.size());
  size_t pos = 0;
  while (pos < utf8.size()) {
    const size_t start = pos;
    char32_t c;
    if (!DecodeUtf8(utf8, &pos, &c)) {
      out.push_back(utf8[start]);
      continue;
    }
    if (c < 0x80) {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
      continue;
    }
    if (IsVietnameseCombiningMark(c)) continue;
    auto it = std::lower_bound(table.begin(), table.end(), std::make_pair(c, '\0'));
    if (it != table.end() && it->first == c) {
      out.push_back(it->second);
    } else {
      out.append(utf8.substr(start, pos - start));
    }
  }
  return out;
}

}  // namespace motcua::catalog
