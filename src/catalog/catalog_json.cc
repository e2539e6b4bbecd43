#include "catalog/catalog_json.h"

#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>
#include <string_view>

#include "catalog/json_position.h"

namespace motcua::catalog {
namespace {

using nlohmann::json;
using Path = std::vector<std::string>;

Path Child(Path path, std::string token) {
  path.push_back(std::move(token));
  return path;
}
Path Child(Path path, size_t index) { return Child(std::move(path), std::to_string(index)); }

bool IsIndex(const std::string& token) {
  return !token.empty() &&
         std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "procedures[2].components[0].name"
std::string Dotted(const Path& path) {
  std::string out;
  for (const std::string& t : path) {
    if (IsIndex(t)) {
      out += "[" + t + "]";
    } else {
      out += (out.empty() ? "" : ".") + t;
    }
  }
  return out.empty() ? "(top level)" : out;
}

const char* TypeName(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "an integer";
    case json::value_t::number_float:
      return "a number";
    case json::value_t::string:
      return "a string";
    case json::value_t::array:
      return "an array";
    case json::value_t::object:
      return "an object";
    default:
      return "something else";
  }
}

// One source file: its parsed tree and the positions of its members.
class File {
 public:
  explicit File(const SourceFile& source) : source_(source) {}

  const std::string& name() const { return source_.name; }

  Status Parse(json* out) const {
    try {
      *out = json::parse(source_.text);
    } catch (const json::parse_error& e) {
      // e.byte is the 1-based index of the byte where parsing stopped.
      const size_t offset = e.byte == 0 ? 0 : e.byte - 1;
      std::string what = e.what();
      // Drop nlohmann's "[json.exception.parse_error.101] parse error at line
      // L, column C: " prefix: its column counts bytes, ours characters.
      if (size_t colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
      return Status::InvalidArgument(Prefix(offset) + ": " + what);
    }
    return Status::Ok();
  }

  // "name:line:col: dotted.path", at the key of the last token when `at_key`
  // and the value otherwise; a member that is not written (a missing field)
  // is reported at the nearest enclosing value that is.
  std::string Where(const Path& path, bool at_key = false) const {
    for (size_t n = path.size() + 1; n-- > 0;) {
      const JsonLocation loc = LocateJsonPath(source_.text, Path(path.begin(), path.begin() + n));
      const size_t offset =
          at_key && n == path.size() && loc.key != JsonLocation::npos ? loc.key : loc.value;
      if (offset != JsonLocation::npos) return Prefix(offset) + ": " + Dotted(path);
    }
    return source_.name + ": " + Dotted(path);
  }

  Status Fail(const Path& path, const std::string& what, bool at_key = false) const {
    return Status::InvalidArgument(Where(path, at_key) + ": " + what);
  }

 private:
  std::string Prefix(size_t offset) const {
    const TextPosition p = PositionAt(source_.text, offset);
    return source_.name + ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
  }

  const SourceFile& source_;
};

// Reads the members of one JSON object, checking types, presence and unknown
// keys, with errors placed at the member.
class ObjectReader {
 public:
  ObjectReader(const File& file, const json& value, Path path)
      : file_(file), value_(value), path_(std::move(path)) {}

  // First call: the value must be an object whose keys are all in `allowed`.
  Status Check(std::initializer_list<std::string_view> allowed) const {
    if (!value_.is_object()) {
      return file_.Fail(path_, std::string("expected an object, got ") + TypeName(value_));
    }
    for (const auto& [key, unused] : value_.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      std::string list;
      for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      return file_.Fail(Child(path_, key), "unknown field \"" + key + "\" (allowed: " + list + ")",
                        /*at_key=*/true);
    }
    return Status::Ok();
  }

  bool Has(const std::string& key) const { return value_.contains(key); }
  Status Require(const std::string& key) const { return Present(key, true); }
  Path At(const std::string& key) const { return Child(path_, key); }
  const json& Value(const std::string& key) const { return value_.at(key); }

  // Each getter leaves `*out` untouched when an optional key is absent.
  Status String(const std::string& key, std::string* out, bool required) const {
    MOTCUA_RETURN_IF_ERROR(Present(key, required));
    if (!Has(key)) return Status::Ok();
    const json& v = Value(key);
    if (!v.is_string()) return TypeError(key, "a string");
    *out = v.get<std::string>();
    return Status::Ok();
  }

  Status Bool(const std::string& key, bool* out, bool required) const {
    MOTCUA_RETURN_IF_ERROR(Present(key, required));
    if (!Has(key)) return Status::Ok();
    const json& v = Value(key);
    if (!v.is_boolean()) return TypeError(key, "true or false");
    *out = v.get<bool>();
    return Status::Ok();
  }

  Status Integer(const std::string& key, std::int64_t* out, bool required) const {
    MOTCUA_RETURN_IF_ERROR(Present(key, required));
    if (!Has(key)) return Status::Ok();
    const json& v = Value(key);
    if (v.is_number_unsigned() &&
        v.get<std::uint64_t>() >
            static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return file_.Fail(At(key), "integer too large");
    }
    if (!v.is_number_integer()) return TypeError(key, "an integer");
    *out = v.get<std::int64_t>();
    return Status::Ok();
  }

  Status Int(const std::string& key, int* out, bool required) const {
    std::int64_t wide = *out;
    MOTCUA_RETURN_IF_ERROR(Integer(key, &wide, required));
    if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max()) {
      return file_.Fail(At(key), "integer out of range");
    }
    *out = static_cast<int>(wide);
    return Status::Ok();
  }

  Status Number(const std::string& key, double* out, bool required) const {
    MOTCUA_RETURN_IF_ERROR(Present(key, required));
    if (!Has(key)) return Status::Ok();
    const json& v = Value(key);
    if (!v.is_number()) return TypeError(key, "a number");
    *out = v.get<double>();
    return Status::Ok();
  }

  Status Date(const std::string& key, std::optional<DayNumber>* out, bool required) const {
    std::string text;
    MOTCUA_RETURN_IF_ERROR(String(key, &text, required));
    if (!Has(key)) return Status::Ok();
    Result<CivilDate> date = ParseDate(text);
    if (!date.ok()) return file_.Fail(At(key), date.status().message());
    *out = DaysFromCivil(*date);
    return Status::Ok();
  }

  // An array of strings.
  Status Strings(const std::string& key, std::vector<std::string>* out, bool required) const {
    const json* array = nullptr;
    MOTCUA_RETURN_IF_ERROR(Array(key, &array, required));
    if (array == nullptr) return Status::Ok();
    out->clear();
    for (size_t i = 0; i < array->size(); ++i) {
      if (!(*array)[i].is_string()) {
        return file_.Fail(Child(At(key), i),
                          std::string("expected a string, got ") + TypeName((*array)[i]));
      }
      out->push_back((*array)[i].get<std::string>());
    }
    return Status::Ok();
  }

  // `*out` = the array, or null when an optional key is absent.
  Status Array(const std::string& key, const json** out, bool required) const {
    MOTCUA_RETURN_IF_ERROR(Present(key, required));
    *out = nullptr;
    if (!Has(key)) return Status::Ok();
    if (!Value(key).is_array()) return TypeError(key, "an array");
    *out = &Value(key);
    return Status::Ok();
  }

 private:
  Status Present(const std::string& key, bool required) const {
    if (required && !Has(key)) return file_.Fail(path_, "missing field \"" + key + "\"");
    return Status::Ok();
  }
  Status TypeError(const std::string& key, const char* expected) const {
    return file_.Fail(At(key),
                      std::string("expected ") + expected + ", got " + TypeName(Value(key)));
  }

  const File& file_;
  const json& value_;
  Path path_;
};

// Where each item of the CatalogInput was written.
struct Origin {
  size_t file = 0;
  Path path;
};

class Locator : public InputLocator {
 public:
  explicit Locator(const std::vector<File>& files) : files_(files) {}

  std::vector<Origin> agencies, fields, procedures;

  std::string Locate(Kind kind, size_t index, std::string_view member) const override {
    const Origin& o = kind == Kind::kAgency  ? agencies[index]
                      : kind == Kind::kField ? fields[index]
                                             : procedures[index];
    // A procedure's agency is written once, at the top of its file.
    if (kind == Kind::kProcedure && member == "agency") return files_[o.file].Where({"agency"});
    Path path = o.path;
    size_t start = 0;
    while (start < member.size()) {
      size_t end = member.find('/', start);
      if (end == std::string_view::npos) end = member.size();
      path.emplace_back(member.substr(start, end - start));
      start = end + 1;
    }
    return files_[o.file].Where(path);
  }

 private:
  const std::vector<File>& files_;
};

class Parser {
 public:
  Parser(const std::vector<File>& files) : files_(files), locator_(files) {}

  Result<Catalog> Run() {
    for (size_t f = 0; f < files_.size(); ++f) {
      json root;
      MOTCUA_RETURN_IF_ERROR(files_[f].Parse(&root));
      std::string kind;
      ObjectReader top(files_[f], root, {});
      if (!root.is_object()) return files_[f].Fail({}, "expected an object at the top level");
      MOTCUA_RETURN_IF_ERROR(top.String("kind", &kind, /*required=*/true));
      if (kind == "agencies") {
        MOTCUA_RETURN_IF_ERROR(AgenciesFile(f, root));
      } else if (kind == "procedures") {
        MOTCUA_RETURN_IF_ERROR(ProceduresFile(f, root));
      } else {
        return files_[f].Fail(
            {"kind"}, "unknown kind \"" + kind + "\" (expected \"agencies\" or \"procedures\")");
      }
    }
    return BuildCatalog(std::move(input_), &locator_);
  }

 private:
  Status AgenciesFile(size_t f, const json& root) {
    const File& file = files_[f];
    ObjectReader top(file, root, {});
    MOTCUA_RETURN_IF_ERROR(top.Check({"kind", "note", "agencies"}));
    std::string note;
    MOTCUA_RETURN_IF_ERROR(top.String("note", &note, false));
    const json* agencies = nullptr;
    MOTCUA_RETURN_IF_ERROR(top.Array("agencies", &agencies, true));
    for (size_t i = 0; i < agencies->size(); ++i) {
      MOTCUA_RETURN_IF_ERROR(AgencyItem(f, (*agencies)[i], Child(top.At("agencies"), i)));
    }
    return Status::Ok();
  }

  Status AgencyItem(size_t f, const json& value, const Path& path) {
    const File& file = files_[f];
    ObjectReader r(file, value, path);
    MOTCUA_RETURN_IF_ERROR(r.Check({"code", "name", "short_name", "parent", "valid_from",
                                    "valid_to", "successor", "fields", "sample", "note"}));
    Agency a;
    MOTCUA_RETURN_IF_ERROR(r.String("code", &a.code, true));
    MOTCUA_RETURN_IF_ERROR(r.String("name", &a.name, true));
    MOTCUA_RETURN_IF_ERROR(r.String("short_name", &a.short_name, false));
    MOTCUA_RETURN_IF_ERROR(r.String("parent", &a.parent, false));
    MOTCUA_RETURN_IF_ERROR(r.Date("valid_from", &a.valid.from, false));
    MOTCUA_RETURN_IF_ERROR(r.Date("valid_to", &a.valid.to, false));
    MOTCUA_RETURN_IF_ERROR(r.Bool("sample", &a.sample, false));
    MOTCUA_RETURN_IF_ERROR(r.String("note", &a.note, false));
    if (r.Has("successor")) {
      ObjectReader s(file, r.Value("successor"), r.At("successor"));
      MOTCUA_RETURN_IF_ERROR(s.Check({"agency", "from"}));
      AgencySuccessor successor;
      std::optional<DayNumber> from;
      MOTCUA_RETURN_IF_ERROR(s.String("agency", &successor.agency, true));
      MOTCUA_RETURN_IF_ERROR(s.Date("from", &from, true));
      successor.from = *from;
      a.successor = successor;
    }
    const json* fields = nullptr;
    MOTCUA_RETURN_IF_ERROR(r.Array("fields", &fields, false));
    for (size_t i = 0; fields != nullptr && i < fields->size(); ++i) {
      const Path field_path = Child(r.At("fields"), i);
      ObjectReader fr(file, (*fields)[i], field_path);
      MOTCUA_RETURN_IF_ERROR(fr.Check({"code", "name", "successor"}));
      Field field;
      field.agency = a.code;
      MOTCUA_RETURN_IF_ERROR(fr.String("code", &field.code, true));
      MOTCUA_RETURN_IF_ERROR(fr.String("name", &field.name, true));
      if (fr.Has("successor")) {
        ObjectReader s(file, fr.Value("successor"), fr.At("successor"));
        MOTCUA_RETURN_IF_ERROR(s.Check({"agency", "field", "from"}));
        FieldSuccessor successor;
        std::optional<DayNumber> from;
        MOTCUA_RETURN_IF_ERROR(s.String("agency", &successor.agency, true));
        MOTCUA_RETURN_IF_ERROR(s.String("field", &successor.field, true));
        MOTCUA_RETURN_IF_ERROR(s.Date("from", &from, true));
        successor.from = *from;
        field.successor = successor;
      }
      input_.fields.push_back(std::move(field));
      locator_.fields.push_back({f, field_path});
    }
    input_.agencies.push_back(std::move(a));
    locator_.agencies.push_back({f, path});
    return Status::Ok();
  }

  Status ProceduresFile(size_t f, const json& root) {
    const File& file = files_[f];
    ObjectReader top(file, root, {});
    MOTCUA_RETURN_IF_ERROR(top.Check({"kind", "agency", "note", "procedures"}));
    std::string agency, note;
    MOTCUA_RETURN_IF_ERROR(top.String("agency", &agency, true));
    MOTCUA_RETURN_IF_ERROR(top.String("note", &note, false));
    const json* procedures = nullptr;
    MOTCUA_RETURN_IF_ERROR(top.Array("procedures", &procedures, true));
    for (size_t i = 0; i < procedures->size(); ++i) {
      MOTCUA_RETURN_IF_ERROR(
          ProcedureItem(f, agency, (*procedures)[i], Child(top.At("procedures"), i)));
    }
    return Status::Ok();
  }

  Status ProcedureItem(size_t f, const std::string& agency, const json& value, const Path& path) {
    const File& file = files_[f];
    ObjectReader r(file, value, path);
    MOTCUA_RETURN_IF_ERROR(
        r.Check({"code", "version", "valid_from", "valid_to", "name", "field", "processing_time",
                 "fees", "result", "channels", "components", "guidance", "common_mistakes",
                 "legal_basis", "source", "sample", "unverified", "note"}));
    Procedure p;
    p.agency = agency;
    MOTCUA_RETURN_IF_ERROR(r.String("code", &p.code, true));
    MOTCUA_RETURN_IF_ERROR(r.Int("version", &p.version, true));
    MOTCUA_RETURN_IF_ERROR(r.Date("valid_from", &p.valid.from, false));
    MOTCUA_RETURN_IF_ERROR(r.Date("valid_to", &p.valid.to, false));
    MOTCUA_RETURN_IF_ERROR(r.String("name", &p.name, true));
    MOTCUA_RETURN_IF_ERROR(r.String("field", &p.field, true));
    MOTCUA_RETURN_IF_ERROR(r.String("result", &p.result, true));
    MOTCUA_RETURN_IF_ERROR(r.String("guidance", &p.guidance, false));
    MOTCUA_RETURN_IF_ERROR(r.Strings("common_mistakes", &p.common_mistakes, false));
    MOTCUA_RETURN_IF_ERROR(r.Strings("legal_basis", &p.legal_basis, false));
    MOTCUA_RETURN_IF_ERROR(r.String("source", &p.source, false));
    MOTCUA_RETURN_IF_ERROR(r.Bool("sample", &p.sample, false));
    MOTCUA_RETURN_IF_ERROR(r.Strings("unverified", &p.unverified, false));
    MOTCUA_RETURN_IF_ERROR(r.String("note", &p.note, false));
    MOTCUA_RETURN_IF_ERROR(ProcessingTimeOf(file, r, &p.processing_time));

    const json* fees = nullptr;
    MOTCUA_RETURN_IF_ERROR(r.Array("fees", &fees, true));
    for (size_t i = 0; i < fees->size(); ++i) {
      ObjectReader fr(file, (*fees)[i], Child(r.At("fees"), i));
      MOTCUA_RETURN_IF_ERROR(fr.Check({"amount", "description"}));
      Fee fee;
      MOTCUA_RETURN_IF_ERROR(fr.Integer("amount", &fee.amount_vnd, true));
      MOTCUA_RETURN_IF_ERROR(fr.String("description", &fee.description, true));
      p.fees.push_back(std::move(fee));
    }

    std::vector<std::string> channels;
    MOTCUA_RETURN_IF_ERROR(r.Strings("channels", &channels, true));
    for (size_t i = 0; i < channels.size(); ++i) {
      std::optional<Channel> c = ChannelFromName(channels[i]);
      if (!c) {
        return file.Fail(Child(r.At("channels"), i), "unknown channel \"" + channels[i] +
                                                         "\" (expected online, counter or postal)");
      }
      p.channels.push_back(*c);
    }

    const json* components = nullptr;
    MOTCUA_RETURN_IF_ERROR(r.Array("components", &components, true));
    for (size_t i = 0; i < components->size(); ++i) {
      const Path at = Child(r.At("components"), i);
      ObjectReader cr(file, (*components)[i], at);
      MOTCUA_RETURN_IF_ERROR(
          cr.Check({"id", "name", "form", "count", "mandatory", "condition", "template"}));
      Component c;
      std::string form;
      MOTCUA_RETURN_IF_ERROR(cr.String("id", &c.id, true));
      MOTCUA_RETURN_IF_ERROR(cr.String("name", &c.name, true));
      MOTCUA_RETURN_IF_ERROR(cr.String("form", &form, true));
      MOTCUA_RETURN_IF_ERROR(cr.Int("count", &c.count, false));
      MOTCUA_RETURN_IF_ERROR(cr.Bool("mandatory", &c.mandatory, true));
      MOTCUA_RETURN_IF_ERROR(cr.String("condition", &c.condition, false));
      MOTCUA_RETURN_IF_ERROR(cr.String("template", &c.template_file, false));
      std::optional<DocumentForm> parsed = DocumentFormFromName(form);
      if (!parsed) {
        return file.Fail(cr.At("form"), "unknown form \"" + form +
                                            "\" (expected original, copy, certified_copy or "
                                            "electronic)");
      }
      c.form = *parsed;
      p.components.push_back(std::move(c));
    }
    input_.procedures.push_back(std::move(p));
    locator_.procedures.push_back({f, path});
    return Status::Ok();
  }

  // {"days": 20, "pause": "restart"} or {"hours": 40, "pause": "pause"}.
  Status ProcessingTimeOf(const File& file, const ObjectReader& r, ProcessingTime* out) {
    MOTCUA_RETURN_IF_ERROR(r.Require("processing_time"));
    ObjectReader t(file, r.Value("processing_time"), r.At("processing_time"));
    MOTCUA_RETURN_IF_ERROR(t.Check({"days", "hours", "pause"}));
    if (t.Has("days") == t.Has("hours")) {
      return file.Fail(r.At("processing_time"), "give exactly one of \"days\" and \"hours\"");
    }
    const bool hours = t.Has("hours");
    out->unit = hours ? TimeUnit::kWorkingHours : TimeUnit::kWorkingDays;
    MOTCUA_RETURN_IF_ERROR(t.Number(hours ? "hours" : "days", &out->amount, true));
    std::string pause;
    MOTCUA_RETURN_IF_ERROR(t.String("pause", &pause, true));
    std::optional<PausePolicy> policy = PausePolicyFromName(pause);
    if (!policy) {
      return file.Fail(t.At("pause"),
                       "unknown pause policy \"" + pause + "\" (expected pause or restart)");
    }
    out->pause_policy = *policy;
    return Status::Ok();
  }

  const std::vector<File>& files_;
  Locator locator_;
  CatalogInput input_;
};

}  // namespace

Result<Catalog> ParseCatalog(const std::vector<SourceFile>& files) {
  std::vector<File> wrapped;
  wrapped.reserve(files.size());
  for (const SourceFile& f : files) wrapped.emplace_back(f);
  return Parser(wrapped).Run();
}

}  // namespace motcua::catalog
