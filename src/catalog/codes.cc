#include "catalog/codes.h"

namespace motcua::catalog {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// True when `text` matches `pattern`, where 'D' stands for a digit and every
// other character for itself.
bool MatchesShape(std::string_view text, std::string_view pattern) {
  if (text.size() != pattern.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (pattern[i] == 'D' ? !IsDigit(text[i]) : text[i] != pattern[i]) return false;
  }
  return true;
}

}  // namespace

bool IsUnitCode(std::string_view code) { return MatchesShape(code, "DDD.DD.DD.HDD"); }

bool IsProcedureCode(std::string_view code) { return MatchesShape(code, "D.DDDDDD"); }

bool IsSlug(std::string_view id) {
  if (id.empty() || id.size() > 64 || id.front() == '-') return false;
  for (char c : id) {
    if (!(IsDigit(c) || (c >= 'a' && c <= 'z') || c == '-')) return false;
  }
  return true;
}

}  // namespace motcua::catalog
