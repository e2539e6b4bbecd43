// Entry point of the `motcua` command: builds the CLI from the registered
// subcommands and runs the one asked for.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <utility>
#include <vector>

#include "cli/command.h"

namespace motcua::cli {
namespace {

std::vector<std::pair<int, CommandInstaller>>& Installers() {
  static std::vector<std::pair<int, CommandInstaller>> installers;
  return installers;
}

}  // namespace

RegisterCommand::RegisterCommand(int order, CommandInstaller install) {
  Installers().emplace_back(order, install);
}

CLI::App* GroupCommand(CLI::App& parent, const std::string& name, const std::string& description) {
  for (CLI::App* sub : parent.get_subcommands([](CLI::App*) { return true; })) {
    if (sub->get_name() == name) return sub;
  }
  CLI::App* group = parent.add_subcommand(name, description);
  group->require_subcommand(1);
  return group;
}

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case Status::Code::kOk:
      return 0;
    case Status::Code::kInvalidArgument:
    case Status::Code::kOutOfRange:
    case Status::Code::kNotFound:
    case Status::Code::kAlreadyExists:
      return 2;
    default:
      return 1;
  }
}

int ReportFailure(const Status& status) {
  std::cerr << "motcua: " << status.message() << "\n";
  return ExitCodeFor(status);
}

}  // namespace motcua::cli

int main(int argc, char** argv) {
  using namespace motcua::cli;
  CLI::App app{"motcua: one-stop administrative procedures case system", "motcua"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "motcua 0.1.0");
  CliState state;
  const char* env_data = std::getenv("MOTCUA_DATA_DIR");
  state.data_dir = env_data ? env_data : MOTCUA_DATA_DIR;
  app.add_option("--data-dir", state.data_dir, "Folder with catalog/ and calendar/ data")
      ->capture_default_str();
  auto& installers = Installers();
  std::stable_sort(installers.begin(), installers.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [order, install] : installers) install(app, state);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    // CLI11 answers --help with 0; every real parse error is bad input: 2.
    return rc == 0 ? 0 : 2;
  }
  return state.exit_code;
}
