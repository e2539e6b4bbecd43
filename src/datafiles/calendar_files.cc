#include "datafiles/calendar_files.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <vector>

#include "util/file.h"

namespace motcua::datafiles {
namespace {

bool IsYearFileName(const std::string& name) {
  return name.size() == 9 && name.substr(4) == ".json" &&
         std::all_of(name.begin(), name.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Result<calendar::HolidayRules> LoadHolidayRules(const std::string& data_dir) {
  namespace fs = std::filesystem;
  const fs::path folder = fs::path(data_dir) / "calendar";
  const std::string statutory_path = (folder / "statutory.json").string();
  MOTCUA_ASSIGN_OR_RETURN(std::string statutory, ReadFile(statutory_path));
  MOTCUA_ASSIGN_OR_RETURN(calendar::HolidayRules rules,
                          calendar::HolidayRules::Parse(statutory, statutory_path));

  std::vector<fs::path> year_files;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (IsYearFileName(it->path().filename().string())) year_files.push_back(it->path());
  }
  if (ec) return Status::IOError("cannot list " + folder.string() + ": " + ec.message());
  std::sort(year_files.begin(), year_files.end());
  for (const fs::path& path : year_files) {
    MOTCUA_ASSIGN_OR_RETURN(std::string text, ReadFile(path.string()));
    MOTCUA_RETURN_IF_ERROR(rules.AddYearFile(text, path.string()));
  }
  return rules;
}

}  // namespace motcua::datafiles
