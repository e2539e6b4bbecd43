#include "catalog/json_position.h"

#include <algorithm>
#include <charconv>

#include "util/utf8.h"

namespace motcua::catalog {
namespace {

// A forward scanner over valid JSON text. It skips values without building
// them and without recursion, so deep nesting cannot exhaust the stack.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  size_t pos() const { return i_; }
  bool AtEnd() const { return i_ >= s_.size(); }
  char Peek() const { return AtEnd() ? '\0' : s_[i_]; }
  void Advance() { ++i_; }

  void SkipSpace() {
    while (!AtEnd() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }

  // Reads a string at the current '"', decoding the escapes a key may hold.
  bool ReadString(std::string* out) {
    if (Peek() != '"') return false;
    ++i_;
    out->clear();
    while (!AtEnd()) {
      const char c = s_[i_++];
      if (c == '"') return true;
      if (c != '\\') {
        out->push_back(c);
        continue;
      }
      if (AtEnd()) return false;
      const char e = s_[i_++];
      switch (e) {
        case 'b':
          out->push_back('\b');
          break;
        case 'f':
          out->push_back('\f');
          break;
        case 'n':
          out->push_back('\n');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 't':
          out->push_back('\t');
          break;
        case 'u':
          AppendUnicodeEscape(out);
          break;
        default:
          out->push_back(e);
          break;  // '"', '\\', '/'
      }
    }
    return false;
  }

  // Skips one value (of any kind) at the current position.
  bool SkipValue() {
    int depth = 0;
    std::string ignored;
    do {
      SkipSpace();
      const char c = Peek();
      if (c == '"') {
        if (!ReadString(&ignored)) return false;
      } else if (c == '{' || c == '[') {
        ++depth;
        ++i_;
      } else if (c == '}' || c == ']') {
        --depth;
        ++i_;
      } else if (c == ',' || c == ':') {
        ++i_;
      } else if (c == '\0') {
        return false;
      } else {  // number or literal
        while (!AtEnd() && std::string_view(",]} \t\r\n").find(s_[i_]) == std::string_view::npos) {
          ++i_;
        }
      }
    } while (depth > 0);
    return depth == 0;
  }

 private:
  // \uXXXX (with a following low surrogate when needed) as UTF-8.
  void AppendUnicodeEscape(std::string* out) {
    auto hex4 = [this](unsigned* v) {
      if (i_ + 4 > s_.size()) return false;
      auto r = std::from_chars(s_.data() + i_, s_.data() + i_ + 4, *v, 16);
      if (r.ptr != s_.data() + i_ + 4) return false;
      i_ += 4;
      return true;
    };
    unsigned cp = 0;
    if (!hex4(&cp)) return;
    if (cp >= 0xD800 && cp < 0xDC00 && s_.substr(i_, 2) == "\\u") {
      i_ += 2;
      unsigned low = 0;
      if (hex4(&low)) cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    AppendUtf8(cp, out);
  }

  std::string_view s_;
  size_t i_ = 0;
};

}  // namespace

TextPosition PositionAt(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  TextPosition pos;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      line_start = i + 1;
    }
  }
  for (size_t i = line_start; i < offset; ++i) {
    // Count lead bytes only, so a Vietnamese letter is one column.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++pos.column;
  }
  return pos;
}

JsonLocation LocateJsonPath(std::string_view text, const std::vector<std::string>& path) {
  Scanner sc(text);
  JsonLocation loc;
  sc.SkipSpace();
  std::string key;
  for (const std::string& token : path) {
    if (sc.Peek() == '{') {
      sc.Advance();
      bool found = false;
      while (!found) {
        sc.SkipSpace();
        if (sc.Peek() != '"') return {};  // '}' or garbage: no such key
        const size_t key_at = sc.pos();
        if (!sc.ReadString(&key)) return {};
        sc.SkipSpace();
        if (sc.Peek() != ':') return {};
        sc.Advance();
        sc.SkipSpace();
        if (key == token) {
          loc.key = key_at;
          found = true;
        } else {
          if (!sc.SkipValue()) return {};
          sc.SkipSpace();
          if (sc.Peek() != ',') return {};
          sc.Advance();
        }
      }
    } else if (sc.Peek() == '[') {
      size_t index = 0;
      auto r = std::from_chars(token.data(), token.data() + token.size(), index);
      if (r.ec != std::errc() || r.ptr != token.data() + token.size()) return {};
      sc.Advance();
      for (size_t n = 0; n < index; ++n) {
        sc.SkipSpace();
        if (sc.Peek() == ']' || !sc.SkipValue()) return {};
        sc.SkipSpace();
        if (sc.Peek() != ',') return {};
        sc.Advance();
      }
      sc.SkipSpace();
      if (sc.Peek() == ']') return {};
      loc.key = JsonLocation::npos;
    } else {
      return {};
    }
  }
  loc.value = sc.pos();
  return loc;
}

}  // namespace motcua::catalog
