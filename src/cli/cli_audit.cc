#include "cli/cli_audit.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>

namespace motcua::cli {

std::string CliActor() {
  const char* user = std::getenv("USER");
  if (user != nullptr && *user != '\0') return std::string("cli:") + user;
  if (const passwd* pw = getpwuid(geteuid()); pw != nullptr && pw->pw_name != nullptr) {
    return std::string("cli:") + pw->pw_name;
  }
  return "cli:uid " + std::to_string(geteuid());
}

Status AppendCliAudit(store::Store& store, const std::string& action, const std::string& target,
                      const std::string& agency, const nlohmann::ordered_json& detail) {
  store::AuditEntry e;
  e.at = std::time(nullptr);
  e.actor = CliActor();
  e.acting_for = agency;
  e.request_id = "cli";
  e.action = action;
  e.target = target;
  e.detail = detail.dump();
  return store.AppendAudit(e).WithContext("không ghi được nhật ký quản trị");
}

}  // namespace motcua::cli
