// Shared pieces of the commands that work on a database: the --db option
// (default sqlite:motcua.db), opening the store, and loading the catalog and
// the working calendar that replaying dossiers needs.
//
// Used from the CLI's main thread only.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "calendar/working_calendar.h"
#include "catalog/catalog.h"
#include "datafiles/domain_data.h"
#include "store/store.h"
#include "util/status.h"

namespace motcua::cli {

inline constexpr char kDefaultDbUrl[] = "sqlite:motcua.db";

// Adds `--db URL` to `cmd`, stored in `*url` (which starts as the default).
void AddDbOption(CLI::App* cmd, std::string* url);

// store::Open with the URL named in the error.
Result<std::unique_ptr<store::Store>> OpenStore(const std::string& url);

// What a replay reads: the catalog of DATA_DIR/catalog and the working
// calendar of 2000..2099 (the years a dossier code can carry) under the
// default office hours, from DATA_DIR/calendar.
using datafiles::DomainData;
using datafiles::LoadDomainData;

}  // namespace motcua::cli
