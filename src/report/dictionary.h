// Dictionary: interns the strings that repeat across many dossiers (agency,
// field, procedure, officer and grant codes) so that a fact holds a 4-byte id
// instead of a string.
//
// Id 0 is reserved for "none" and names the empty string; real strings get
// 1, 2, 3, ... in order of first Intern. Ids are stable for the life of the
// dictionary, and the views Name() returns stay valid as long as it lives
// (strings are never moved once interned).
//
// Not synchronized: concurrent const calls are safe, an Intern concurrent with
// anything else is not.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace motcua::report {

class Dictionary {
 public:
  static constexpr std::uint32_t kNone = 0;

  Dictionary();
  Dictionary(const Dictionary&) = delete;  // the map holds views into names_
  Dictionary& operator=(const Dictionary&) = delete;
  Dictionary(Dictionary&&) = default;
  Dictionary& operator=(Dictionary&&) = default;

  // The id of `name`, added if new. The empty string is kNone.
  std::uint32_t Intern(std::string_view name);
  // The id of `name`, or nullopt if it was never interned.
  std::optional<std::uint32_t> Find(std::string_view name) const;
  // REQUIRES: id < size().
  std::string_view Name(std::uint32_t id) const { return names_[id]; }
  // Number of ids handed out, counting kNone.
  std::uint32_t size() const { return static_cast<std::uint32_t>(names_.size()); }

 private:
  // A deque never moves its elements on push_back, so the views held as keys
  // by ids_ stay valid.
  std::deque<std::string> names_;
  std::unordered_map<std::string_view, std::uint32_t> ids_;
};

}  // namespace motcua::report
