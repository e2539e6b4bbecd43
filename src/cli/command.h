// The command registry of the `motcua` CLI.
//
// Each cli/*_cmd.cc file adds its subcommands to the root CLI::App through a
// static `RegisterCommand` object, so adding a command touches only its own
// file. A command's callback stores its exit status in `CliState::exit_code`.
// Only cli/ maps a Status to an exit code and to a message on stderr
// (`ReportFailure`): 2 for bad input, 1 for a failed check or a runtime error.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "util/status.h"

namespace motcua::cli {

struct CliState {
  int exit_code = 0;
  std::string data_dir;  // the folder with catalog/ and calendar/ (--data-dir)
};

using CommandInstaller = void (*)(CLI::App& root, CliState& state);

// Registers `install` to run when the CLI is built. `order` sorts the help text.
struct RegisterCommand {
  RegisterCommand(int order, CommandInstaller install);
};

// The subcommand `name` of `parent`, added (with `description`) if absent, so
// that several files can add commands under one group such as `calendar`.
CLI::App* GroupCommand(CLI::App& parent, const std::string& name, const std::string& description);

// Prints "motcua: <message>" on stderr and returns the exit status for `status`.
int ReportFailure(const Status& status);
// The exit status a non-ok status maps to (2 for invalid input, else 1).
int ExitCodeFor(const Status& status);

}  // namespace motcua::cli
