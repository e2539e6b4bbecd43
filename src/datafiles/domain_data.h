// DomainData: the catalog and the working calendar that every decision of the
// domain reads, loaded together from the data folder (data/).
//
// Used by the CLI commands and by the API server (api/domain_source.h keeps
// a reloadable copy). Plain value; thread-compatible, and safe to share
// read-only between threads once loaded.
#pragma once

#include <memory>
#include <string>

#include "calendar/working_calendar.h"
#include "catalog/catalog.h"
#include "util/status.h"

namespace motcua::datafiles {

struct DomainData {
  catalog::Catalog catalog;
  calendar::WorkingCalendar calendar;
};

// Reads data_dir/catalog and data_dir/calendar (years 2000–2099, default office
// hours). The error says which file and where, in Vietnamese context.
Result<std::unique_ptr<DomainData>> LoadDomainData(const std::string& data_dir);

}  // namespace motcua::datafiles
