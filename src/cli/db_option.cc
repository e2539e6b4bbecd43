#include "cli/db_option.h"

namespace motcua::cli {

void AddDbOption(CLI::App* cmd, std::string* url) {
  *url = kDefaultDbUrl;
  cmd->add_option("--db", *url, "Database URL: sqlite:PATH (or postgresql://…)")
      ->capture_default_str();
}

Result<std::unique_ptr<store::Store>> OpenStore(const std::string& url) {
  Result<std::unique_ptr<store::Store>> s = store::Open(url);
  if (!s.ok()) return s.status().WithContext("không mở được cơ sở dữ liệu " + url);
  return s;
}

}  // namespace motcua::cli
