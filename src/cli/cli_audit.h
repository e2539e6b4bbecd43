// The administration audit entries of the command line (`motcua user`,
// `motcua grant`): the same audit log as the HTTP administration routes,
// with the operating-system account standing in for a login, since the
// command line has none of its own.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "store/store.h"
#include "util/status.h"

namespace motcua::cli {

// "cli:<name>": $USER, else the password database's name of the effective
// user id, else "cli:uid N".
std::string CliActor();

// Appends one entry (request id "cli", now) for `action` on `target`,
// acting for `agency` (may be empty). Errors: the store's, with context.
Status AppendCliAudit(store::Store& store, const std::string& action, const std::string& target,
                      const std::string& agency, const nlohmann::ordered_json& detail);

}  // namespace motcua::cli
