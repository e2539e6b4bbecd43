#include "datafiles/catalog_files.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <vector>

#include "catalog/catalog_json.h"
#include "util/file.h"

namespace motcua::datafiles {

Result<catalog::Catalog> LoadCatalog(const std::string& data_dir) {
  namespace fs = std::filesystem;
  const fs::path folder = fs::path(data_dir) / "catalog";
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    return Status::NotFound("no catalog folder " + folder.string());
  std::vector<fs::path> paths;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".json" && it->is_regular_file()) paths.push_back(it->path());
  }
  if (ec) return Status::IOError("cannot list " + folder.string() + ": " + ec.message());
  if (paths.empty()) return Status::NotFound("no catalog files (*.json) in " + folder.string());
  std::sort(paths.begin(), paths.end());
  std::vector<catalog::SourceFile> files;
  files.reserve(paths.size());
  for (const fs::path& path : paths) {
    MOTCUA_ASSIGN_OR_RETURN(std::string text, ReadFile(path.string()));
    files.push_back({path.string(), std::move(text)});
  }
  return catalog::ParseCatalog(files);
}

}  // namespace motcua::datafiles
