#include "api/text_limits.h"

#include <string>

namespace motcua::api {

std::size_t CountCharacters(std::string_view utf8) {
  // Every code point has exactly one byte that is not a continuation byte
  // (10xxxxxx).
  std::size_t n = 0;
  for (const char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::optional<http::ApiError> CheckLength(std::string_view path, std::string_view value,
                                          const TextLimit& limit) {
  const bool bytes = limit.unit == TextUnit::kBytes;
  // Bytes bound characters from above: most values are decided without a
  // count.
  if (value.size() <= limit.max) return std::nullopt;
  const std::size_t length = bytes ? value.size() : CountCharacters(value);
  if (length <= limit.max) return std::nullopt;
  const std::string unit = bytes ? " byte" : " ký tự";
  http::ApiError e = http::ApiError::Unprocessable(
      "field_too_long", std::string(limit.label) + " (trường \"" + std::string(path) +
                            "\") dài tối đa " + std::to_string(limit.max) + unit +
                            "; giá trị gửi lên dài " + std::to_string(length) + unit + ".");
  e.detail = "field " + std::string(path) + ": " + std::to_string(length) +
             (bytes ? " bytes" : " characters") + ", at most " + std::to_string(limit.max);
  return e;
}

std::optional<http::ApiError> CheckLengths(std::initializer_list<LimitedText> texts) {
  for (const LimitedText& t : texts) {
    if (auto e = CheckLength(t.path, t.value, t.limit)) return e;
  }
  return std::nullopt;
}

nlohmann::json MaxLength(nlohmann::json schema, const TextLimit& limit) {
  schema["maxLength"] = limit.max;
  return schema;
}

}  // namespace motcua::api
