#include "calendar/holiday_json.h"

#include <algorithm>
#include <cstring>
#include <set>

namespace motcua::calendar::internal {
namespace {

using Offsets = std::unordered_map<std::string, size_t>;

bool IsOneOf(char c, const char* set) { return c != '\0' && std::strchr(set, c) != nullptr; }

// Walks JSON text that nlohmann has already accepted, recording where each
// value and key starts. Because the text is known to be valid, the walk only
// has to tell the kinds of token apart; it still fails safe (stops) on
// anything unexpected.
class PositionWalker {
 public:
  PositionWalker(std::string_view text, Offsets* values, Offsets* keys)
      : s_(text), values_(values), keys_(keys) {}

  // Ok, or the offset and path of a duplicate key in `dup_offset`/`dup_path`.
  bool Walk(size_t* dup_offset, std::string* dup_path) {
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3;  // UTF-8 BOM, as nlohmann allows
    dup_offset_ = dup_offset;
    dup_path_ = dup_path;
    return Value("");
  }

 private:
  void SkipSpace() {
    while (i_ < s_.size() && IsOneOf(s_[i_], " \t\r\n")) ++i_;
  }

  // Reads a string token at i_ (which is '"'), returning its decoded text
  // for keys (escapes other than \uXXXX decoded; \uXXXX kept as written,
  // enough to name a field).
  std::string ReadString() {
    std::string out;
    ++i_;  // opening quote
    while (i_ < s_.size() && s_[i_] != '"') {
      if (s_[i_] == '\\' && i_ + 1 < s_.size()) {
        const char e = s_[i_ + 1];
        switch (e) {
          case 'n':
            out += '\n';
            break;
          case 't':
            out += '\t';
            break;
          case 'r':
            out += '\r';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'u':
            out += "\\u";
            break;
          default:
            out += e;
            break;
        }
        i_ += 2;
      } else {
        out += s_[i_++];
      }
    }
    ++i_;  // closing quote
    return out;
  }

  bool Value(const std::string& path) {
    SkipSpace();
    if (i_ >= s_.size()) return false;
    (*values_)[path] = i_;
    const char c = s_[i_];
    if (c == '{') return Object(path);
    if (c == '[') return Array(path);
    if (c == '"') {
      ReadString();
      return true;
    }
    // number, true, false, null
    while (i_ < s_.size() && !IsOneOf(s_[i_], ",]} \t\r\n")) ++i_;
    return true;
  }

  bool Object(const std::string& path) {
    ++i_;  // '{'
    std::set<std::string> seen;
    SkipSpace();
    if (i_ < s_.size() && s_[i_] == '}') {
      ++i_;
      return true;
    }
    while (i_ < s_.size()) {
      SkipSpace();
      if (i_ >= s_.size() || s_[i_] != '"') return false;
      const size_t key_at = i_;
      const std::string key = ReadString();
      const std::string child = JsonDoc::Child(path, key);
      if (!seen.insert(key).second && *dup_offset_ == std::string::npos) {
        *dup_offset_ = key_at;
        *dup_path_ = child;
      }
      (*keys_)[child] = key_at;
      SkipSpace();
      if (i_ >= s_.size() || s_[i_] != ':') return false;
      ++i_;
      if (!Value(child)) return false;
      SkipSpace();
      if (i_ >= s_.size()) return false;
      if (s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (s_[i_] == '}') {
        ++i_;
        return true;
      }
      return false;
    }
    return false;
  }

  bool Array(const std::string& path) {
    ++i_;  // '['
    SkipSpace();
    if (i_ < s_.size() && s_[i_] == ']') {
      ++i_;
      return true;
    }
    for (size_t n = 0; i_ < s_.size(); ++n) {
      if (!Value(JsonDoc::Index(path, n))) return false;
      SkipSpace();
      if (i_ >= s_.size()) return false;
      if (s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (s_[i_] == ']') {
        ++i_;
        return true;
      }
      return false;
    }
    return false;
  }

  std::string_view s_;
  size_t i_ = 0;
  Offsets* values_;
  Offsets* keys_;
  size_t* dup_offset_ = nullptr;
  std::string* dup_path_ = nullptr;
};

const char* TypeName(const Json& v) {
  switch (v.type()) {
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::boolean:
      return "a boolean";
    case Json::value_t::null:
      return "null";
    case Json::value_t::number_float:
      return "a decimal number";
    default:
      return "a number";
  }
}

// nlohmann's parse_error::what() reads "[json.exception.parse_error.101]
// parse error at line 3, column 5: syntax error ..."; keep what follows the
// position, since we print our own.
std::string ParseErrorReason(const char* what) {
  std::string_view w(what);
  const size_t colon = w.find(": ");
  if (colon != std::string_view::npos &&
      w.substr(0, colon).find("line") != std::string_view::npos) {
    w.remove_prefix(colon + 2);
  } else if (const size_t close = w.find("] "); close != std::string_view::npos) {
    w.remove_prefix(close + 2);
  }
  return std::string(w);
}

}  // namespace

std::string LineColumn(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  int line = 1;
  int column = 1;
  for (size_t i = 0; i < offset; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

Result<JsonDoc> JsonDoc::Parse(std::string_view text, std::string_view name) {
  JsonDoc doc;
  doc.name_ = std::string(name);
  doc.text_ = std::make_shared<const std::string>(text);
  Json root;
  try {
    root = Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    // e.byte is the 1-based index of the character that failed to parse.
    const size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    return Status::InvalidArgument(doc.name_ + ":" + LineColumn(text, offset) +
                                   ": invalid JSON: " + ParseErrorReason(e.what()));
  }
  auto values = std::make_shared<Offsets>();
  auto keys = std::make_shared<Offsets>();
  size_t dup_offset = std::string::npos;
  std::string dup_path;
  PositionWalker walker(text, values.get(), keys.get());
  walker.Walk(&dup_offset, &dup_path);
  doc.root_ = std::make_shared<const Json>(std::move(root));
  doc.values_ = values;
  doc.keys_ = keys;
  if (dup_offset != std::string::npos) {
    return doc.ErrorAtOffset(dup_offset, dup_path, "duplicate field");
  }
  if (!doc.root().is_object()) {
    return doc.ErrorAt(
        "", std::string("the file must hold a JSON object, not ") + TypeName(doc.root()));
  }
  return doc;
}

std::string JsonDoc::Child(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string JsonDoc::Index(const std::string& path, size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

Status JsonDoc::ErrorAtOffset(size_t offset, const std::string& path,
                              const std::string& what) const {
  std::string m = name_ + ":" + LineColumn(*text_, offset) + ": ";
  if (!path.empty()) m += path + ": ";
  return Status::InvalidArgument(m + what);
}

Status JsonDoc::ErrorAt(const std::string& path, const std::string& what) const {
  const auto it = values_->find(path);
  return ErrorAtOffset(it == values_->end() ? 0 : it->second, path, what);
}

Status JsonDoc::ErrorAtKey(const std::string& path, const std::string& what) const {
  const auto it = keys_->find(path);
  if (it == keys_->end()) return ErrorAt(path, what);
  return ErrorAtOffset(it->second, path, what);
}

Status JsonDoc::RequireObject(const Json& v, const std::string& path) const {
  if (v.is_object()) return Status::Ok();
  return ErrorAt(path, std::string("must be an object, not ") + TypeName(v));
}

Status JsonDoc::RequireArray(const Json& v, const std::string& path) const {
  if (v.is_array()) return Status::Ok();
  return ErrorAt(path, std::string("must be an array, not ") + TypeName(v));
}

Result<std::string> JsonDoc::String(const Json& v, const std::string& path,
                                    bool allow_empty) const {
  if (!v.is_string()) return ErrorAt(path, std::string("must be a string, not ") + TypeName(v));
  std::string s = v.get<std::string>();
  if (!allow_empty && s.find_first_not_of(" \t\r\n") == std::string::npos) {
    return ErrorAt(path, "must not be empty");
  }
  return s;
}

Result<int> JsonDoc::Int(const Json& v, const std::string& path, int lo, int hi) const {
  if (!v.is_number_integer()) {
    return ErrorAt(path, std::string("must be a whole number, not ") + TypeName(v));
  }
  const auto n = v.get<std::int64_t>();
  if (n < lo || n > hi) {
    return ErrorAt(path, std::to_string(n) + " is out of range (" + std::to_string(lo) + ".." +
                             std::to_string(hi) + ")");
  }
  return static_cast<int>(n);
}

Result<bool> JsonDoc::Bool(const Json& v, const std::string& path) const {
  if (!v.is_boolean())
    return ErrorAt(path, std::string("must be true or false, not ") + TypeName(v));
  return v.get<bool>();
}

Result<DayNumber> JsonDoc::Date(const Json& v, const std::string& path) const {
  if (!v.is_string()) {
    return ErrorAt(path, std::string("must be a date string \"YYYY-MM-DD\", not ") + TypeName(v));
  }
  const std::string s = v.get<std::string>();
  Result<CivilDate> d = ParseDate(s);
  if (!d.ok()) return ErrorAt(path, "\"" + s + "\" is not a valid date \"YYYY-MM-DD\"");
  return DaysFromCivil(*d);
}

Status JsonDoc::CheckFields(const Json& obj, const std::string& path,
                            std::initializer_list<std::string_view> allowed) const {
  for (const auto& [key, value] : obj.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string list;
    for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    return ErrorAtKey(Child(path, key), "unknown field (expected one of: " + list + ")");
  }
  return Status::Ok();
}

Result<const Json*> JsonDoc::Member(const Json& obj, const std::string& path, std::string_view key,
                                    bool required) const {
  const auto it = obj.find(key);
  if (it != obj.end()) return &*it;
  if (required) {
    return ErrorAt(path, "missing required field \"" + std::string(key) + "\"");
  }
  return static_cast<const Json*>(nullptr);
}

}  // namespace motcua::calendar::internal
