// String interning for report facts.
#include "report/dictionary.h"

namespace motcua::report {

Dictionary::Dictionary() {
  names_.emplace_back();
  ids_.emplace(std::string_view(names_.back()), kNone);
}

std::uint32_t Dictionary::Intern(std::string_view name) {
  if (auto it = ids_.find(name); it != ids_.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(names_.size());
  names_.emplace_back(name);
  ids_.emplace(std::string_view(names_.back()), id);
  return id;
}

std::optional<std::uint32_t> Dictionary::Find(std::string_view name) const {
  if (auto it = ids_.find(name); it != ids_.end()) return it->second;
  return std::nullopt;
}

}  // namespace motcua::report
