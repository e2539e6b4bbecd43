// Reading the catalog folder: every DATA_DIR/catalog/*.json, in name order,
// handed as text to the pure parser of catalog/catalog_json.h.
//
// Files not ending in ".json" are ignored; the format is in
// docs/catalog-format.md. Thread-safe (no shared state); the caller owns the
// paths.
#pragma once

#include <string>

#include "catalog/catalog.h"
#include "util/status.h"

namespace motcua::datafiles {

// The validated catalog. NotFound if DATA_DIR/catalog is missing or holds no
// .json file; InvalidArgument "PATH:LINE:COL: FIELD: what" for a malformed or
// inconsistent file; IOError if the folder cannot be read.
Result<catalog::Catalog> LoadCatalog(const std::string& data_dir);

}  // namespace motcua::datafiles
