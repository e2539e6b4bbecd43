// `motcua version`: prints the version (also `--version`).
#include <iostream>

#include "cli/command.h"

namespace motcua::cli {
namespace {

void Install(CLI::App& root, CliState& state) {
  auto* cmd = root.add_subcommand("version", "Print the version of motcua");
  cmd->callback([&state] {
    std::cout << "motcua 0.1.0\n";
    state.exit_code = 0;
  });
}

const RegisterCommand kRegister(1000, Install);

}  // namespace
}  // namespace motcua::cli
