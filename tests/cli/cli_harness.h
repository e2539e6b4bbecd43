// CliHarness: runs the built `motcua` binary (MOTCUA_BIN) as an operator would,
// in a fresh temporary folder per test, and captures its exit status, stdout
// and stderr. Used by the command-line integration tests in tests/cli/.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace motcua::testing {

struct CliOutput {
  int exit = -1;
  std::string out;
  std::string err;
};

inline std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Single-quotes `s` for /bin/sh.
inline std::string ShellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

class CliHarness : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/motcua-cli-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Runs `motcua --data-dir DATA args...`.
  CliOutput Motcua(const std::vector<std::string>& args) { return MotcuaIn(MOTCUA_DATA_DIR, args); }
  CliOutput MotcuaIn(const std::string& data_dir, const std::vector<std::string>& args) {
    std::string cmd = ShellQuote(MOTCUA_BIN) + " --data-dir " + ShellQuote(data_dir);
    for (const std::string& a : args) cmd += " " + ShellQuote(a);
    return Shell(cmd);
  }

  CliOutput Shell(const std::string& cmd) {
    const std::string out = dir_ + "/stdout", err = dir_ + "/stderr";
    const int status = std::system((cmd + " >" + out + " 2>" + err + " </dev/null").c_str());
    CliOutput o;
    o.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    o.out = ReadWholeFile(out);
    o.err = ReadWholeFile(err);
    return o;
  }

  // Parses stdout as JSON; a test failure (and a null value) if it is not.
  nlohmann::json Json(const CliOutput& o) {
    nlohmann::json j = nlohmann::json::parse(o.out, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << "not JSON: " << o.out << "\nstderr: " << o.err;
    return j.is_discarded() ? nlohmann::json() : j;
  }

  std::string dir_;
};

}  // namespace motcua::testing
