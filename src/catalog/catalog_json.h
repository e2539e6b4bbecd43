// ParseCatalog: reads the JSON catalog files (format in docs/catalog-format.md)
// into a validated Catalog.
//
// Pure: the caller reads the files (datafiles/catalog_files.h) and passes
// their names and texts. Every error is InvalidArgument with a message of the
// form "agencies.json:12:7: agencies[3].code: what is wrong" (line and column
// 1-based, the column counted in characters), naming the first problem found.
// Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "util/status.h"

namespace motcua::catalog {

struct SourceFile {
  std::string name;  // as it should appear in messages, e.g. "agencies.json"
  std::string text;  // UTF-8 JSON
};

Result<Catalog> ParseCatalog(const std::vector<SourceFile>& files);

}  // namespace motcua::catalog
