// TempDir: a fresh directory under $TMPDIR (or /tmp) for tests that need real
// database files; removed with its content when the object goes away.
// Test-only; not thread-safe to share across processes after fork.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <string>

namespace motcua::store::sqlite {

class TempDir {
 public:
  TempDir() {
    const char* base = getenv("TMPDIR");
    std::string pattern = std::string(base != nullptr ? base : "/tmp") + "/motcua_store_XXXXXX";
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Empty if the directory could not be created.
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace motcua::store::sqlite
