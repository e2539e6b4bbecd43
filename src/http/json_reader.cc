#include "http/json_reader.h"

#include <cassert>

namespace motcua::http {
namespace {

const nlohmann::json& EmptyObject() {
  static const nlohmann::json* const empty = new nlohmann::json(nlohmann::json::object());
  return *empty;
}

// RFC 6901: '~' is written "~0" and '/' is written "~1".
std::string EscapePointerToken(std::string_view key) {
  std::string out;
  for (const char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

ObjectReader::ObjectReader(const nlohmann::json& object, UnknownFields unknown)
    : state_(std::make_shared<State>()), scope_(0) {
  assert(object.is_object());
  state_->scopes.push_back(Scope{&object, "", unknown, {}});
}

bool ObjectReader::ok() const { return !state_->error.has_value(); }

std::string ObjectReader::PathOf(std::string_view key) const {
  return state_->scopes[scope_].path + "/" + EscapePointerToken(key);
}

void ObjectReader::Fail(ApiError error) {
  if (!state_->error) state_->error = std::move(error);
}

void ObjectReader::Missing(std::string_view key) {
  Fail(ApiError::BadRequest("missing_field", "Thiếu trường bắt buộc \"" + PathOf(key) + "\"."));
}

void ObjectReader::WrongType(std::string_view key, const char* expected) {
  Fail(ApiError::BadRequest("wrong_type",
                            "Trường \"" + PathOf(key) + "\" phải là " + expected + "."));
}

const nlohmann::json* ObjectReader::Find(std::string_view key) {
  Scope& scope = state_->scopes[scope_];
  scope.asked.emplace_back(key);
  if (state_->error) return nullptr;
  const auto it = scope.object->find(key);
  if (it == scope.object->end()) return nullptr;
  return &*it;
}

bool ObjectReader::IsAbsent(std::string_view key) {
  if (!ok()) return false;  // an error is recorded already
  const nlohmann::json* v = Find(key);
  return v == nullptr || v->is_null();
}

std::optional<std::string> ObjectReader::OptionalString(std::string_view key) {
  const nlohmann::json* v = Find(key);
  if (v == nullptr || v->is_null()) return std::nullopt;
  if (!v->is_string()) {
    WrongType(key, "một chuỗi");
    return std::nullopt;
  }
  const auto& s = v->get_ref<const std::string&>();
  // "\u0000" is valid JSON but truncates C strings and SQLite text.
  if (s.find('\0') != std::string::npos) {
    Fail(
        ApiError::Unprocessable("invalid_value", "Trường \"" + PathOf(key) + "\" chứa ký tự NUL."));
    return std::nullopt;
  }
  return s;
}

std::string ObjectReader::String(std::string_view key) {
  if (IsAbsent(key)) {
    Missing(key);
    return {};
  }
  return OptionalString(key).value_or("");
}

std::optional<std::int64_t> ObjectReader::OptionalInt(std::string_view key, std::int64_t min,
                                                      std::int64_t max) {
  const nlohmann::json* v = Find(key);
  if (v == nullptr || v->is_null()) return std::nullopt;
  if (!v->is_number_integer()) {
    WrongType(key, "một số nguyên");
    return std::nullopt;
  }
  // An unsigned value above INT64_MAX is out of every range we accept.
  const bool too_big = v->is_number_unsigned() &&
                       v->get<std::uint64_t>() >
                           static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  const std::int64_t n = too_big ? 0 : v->get<std::int64_t>();
  if (too_big || n < min || n > max) {
    Fail(ApiError::Unprocessable("invalid_value",
                                 "Trường \"" + PathOf(key) + "\" phải nằm trong khoảng " +
                                     std::to_string(min) + ".." + std::to_string(max) + "."));
    return std::nullopt;
  }
  return n;
}

std::int64_t ObjectReader::Int(std::string_view key, std::int64_t min, std::int64_t max) {
  if (IsAbsent(key)) {
    Missing(key);
    return 0;
  }
  return OptionalInt(key, min, max).value_or(0);
}

std::optional<bool> ObjectReader::OptionalBool(std::string_view key) {
  const nlohmann::json* v = Find(key);
  if (v == nullptr || v->is_null()) return std::nullopt;
  if (!v->is_boolean()) {
    WrongType(key, "true hoặc false");
    return std::nullopt;
  }
  return v->get<bool>();
}

bool ObjectReader::Bool(std::string_view key) {
  if (IsAbsent(key)) {
    Missing(key);
    return false;
  }
  return OptionalBool(key).value_or(false);
}

std::vector<std::string> ObjectReader::StringArray(std::string_view key) {
  if (IsAbsent(key)) {
    Missing(key);
    return {};
  }
  const nlohmann::json* v = Find(key);
  if (v == nullptr) return {};
  if (!v->is_array()) {
    WrongType(key, "một mảng chuỗi");
    return {};
  }
  std::vector<std::string> out;
  for (const auto& item : *v) {
    if (!item.is_string()) {
      WrongType(key, "một mảng chuỗi");
      return {};
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::optional<ObjectReader> ObjectReader::OptionalObject(std::string_view key,
                                                         UnknownFields unknown) {
  const nlohmann::json* v = Find(key);
  if (v == nullptr || v->is_null()) return std::nullopt;
  if (!v->is_object()) {
    WrongType(key, "một đối tượng");
    return std::nullopt;
  }
  state_->scopes.push_back(Scope{v, PathOf(key), unknown, {}});
  return ObjectReader(state_, state_->scopes.size() - 1);
}

ObjectReader ObjectReader::Object(std::string_view key, UnknownFields unknown) {
  if (IsAbsent(key)) Missing(key);
  if (auto child = OptionalObject(key, unknown)) return *child;
  // An error is recorded: the caller gets a reader of nothing.
  state_->scopes.push_back(Scope{&EmptyObject(), PathOf(key), UnknownFields::kIgnore, {}});
  return ObjectReader(state_, state_->scopes.size() - 1);
}

const nlohmann::json* ObjectReader::Raw(std::string_view key) { return Find(key); }

void ObjectReader::Require(bool condition, std::string_view key, std::string message) {
  if (!condition) {
    ApiError e = ApiError::Unprocessable("invalid_value", std::move(message));
    e.detail = "field " + PathOf(key);
    Fail(std::move(e));
  }
}

std::optional<ApiError> ObjectReader::Finish() const {
  if (state_->error) return state_->error;
  for (const Scope& scope : state_->scopes) {
    if (scope.unknown == UnknownFields::kIgnore) continue;
    for (const auto& [key, value] : scope.object->items()) {
      bool asked = false;
      for (const auto& a : scope.asked) asked = asked || a == key;
      if (!asked) {
        return ApiError::BadRequest(
            "unknown_field",
            "Trường \"" + scope.path + "/" + EscapePointerToken(key) + "\" không được hỗ trợ.");
      }
    }
  }
  return std::nullopt;
}

}  // namespace motcua::http
