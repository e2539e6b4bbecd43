// ProcedureTerms: what the life cycle needs to know about the procedure
// version a dossier is handled under, filled by the caller from the catalog.
//
// dossier/ does not depend on the catalog's model (only on the shared
// ProcessingTime), so the catalog can change shape without touching the life
// cycle. Plain value type.
#pragma once

#include <string>
#include <vector>

#include "catalog/processing_time.h"

namespace motcua::dossier {

struct ProcedureTerms {
  std::string code;  // national procedure code, e.g. "1.004227"
  int version = 0;
  std::string agency_code;  // the agency that handles dossiers of this version
  std::string field_code;
  catalog::ProcessingTime processing_time;
  // Components that must be present for the desk to receive the dossier
  // (conditional components are the desk's judgement and are not listed).
  std::vector<std::string> mandatory_component_ids;
};

}  // namespace motcua::dossier
