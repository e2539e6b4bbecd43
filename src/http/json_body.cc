#include "http/json_body.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "http/utf8.h"

namespace motcua::http {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
           return lower(x) == lower(y);
         });
}

}  // namespace

bool IsJsonContentType(std::string_view content_type) {
  constexpr auto npos = std::string_view::npos;
  std::size_t semi = content_type.find(';');
  if (!EqualsIgnoreCase(Trim(content_type.substr(0, semi)), "application/json")) return false;
  while (semi != npos) {
    const std::string_view rest = content_type.substr(semi + 1);
    const std::size_t next = rest.find(';');
    const std::string_view param = Trim(rest.substr(0, next));
    semi = next == npos ? npos : semi + 1 + next;
    const std::size_t eq = param.find('=');
    if (eq == npos || !EqualsIgnoreCase(Trim(param.substr(0, eq)), "charset")) continue;
    std::string_view value = Trim(param.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    // RFC 8259 section 8.1: JSON exchanged between systems is UTF-8.
    if (!EqualsIgnoreCase(value, "utf-8")) return false;
  }
  return true;
}

int JsonNestingDepth(std::string_view text, int stop_at) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (const char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > stop_at) return deepest;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

ApiResult<nlohmann::json> ParseJsonObject(std::string_view content_type, std::string_view body,
                                          const BodyLimits& limits) {
  if (body.empty()) {
    return ApiError::BadRequest("empty_body", "Yêu cầu này cần nội dung JSON.");
  }
  if (!IsJsonContentType(content_type)) return ApiError::UnsupportedMediaType(content_type);
  if (body.size() > limits.max_bytes) return ApiError::PayloadTooLarge(limits.max_bytes);
  if (const auto bad = FindInvalidUtf8(body)) {
    return ApiError::BadRequest("invalid_utf8", "Nội dung không phải văn bản UTF-8 hợp lệ (byte " +
                                                    std::to_string(*bad) + ").");
  }
  if (JsonNestingDepth(body, limits.max_depth) > limits.max_depth) {
    return ApiError::BadRequest("too_deep", "JSON lồng nhau quá sâu (tối đa " +
                                                std::to_string(limits.max_depth) + " cấp).");
  }

  // nlohmann keeps the last of duplicate keys silently; two parsers reading
  // one body differently is how request smuggling starts, so refuse.
  std::vector<std::set<std::string>> open_objects;
  std::string duplicate;
  auto on_event = [&](int /*depth*/, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    using E = nlohmann::json::parse_event_t;
    if (event == E::object_start) {
      open_objects.emplace_back();
    } else if (event == E::object_end) {
      if (!open_objects.empty()) open_objects.pop_back();
    } else if (event == E::key && !open_objects.empty()) {
      const auto& key = parsed.get_ref<const std::string&>();
      if (!open_objects.back().insert(key).second && duplicate.empty()) duplicate = key;
    }
    return true;
  };

  nlohmann::json value;
  try {
    value = nlohmann::json::parse(body.begin(), body.end(), on_event, /*allow_exceptions=*/true,
                                  /*ignore_comments=*/false);
  } catch (const nlohmann::json::parse_error& e) {
    ApiError error = ApiError::BadRequest(
        "malformed_json", "Nội dung không phải JSON hợp lệ (byte " + std::to_string(e.byte) + ").");
    error.detail = e.what();
    return error;
  } catch (const nlohmann::json::out_of_range& e) {
    // A number beyond a double ("1e999"): valid JSON grammar, a value out of
    // range. nlohmann throws out_of_range 406 here, not parse_error.
    ApiError error =
        ApiError::Unprocessable("invalid_value", "Nội dung có một số vượt quá phạm vi cho phép.");
    error.detail = e.what();
    return error;
  }
  if (!duplicate.empty()) {
    return ApiError::BadRequest(
        "duplicate_key", "Khoá \"" + duplicate + "\" xuất hiện hai lần trong một đối tượng.");
  }
  if (!value.is_object()) {
    return ApiError::BadRequest("wrong_type", "Nội dung phải là một đối tượng JSON ({…}).");
  }
  return value;
}

}  // namespace motcua::http
