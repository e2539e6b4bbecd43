// The catalog's side of a dossier decision: which procedure version a new
// dossier is submitted under, the ProcedureTerms dossier::Apply needs, and
// whether the component ids a command names exist in that version.
//
// A submission takes the version in force on its local day (DESIGN.md
// section 3: "a dossier keeps the version it was received under"); later
// actions use the version the dossier records, with the agency and field
// responsible on its submission day (import::TermsFor, the same rule as the
// historic replay).
//
// Pure; thread-safe (the catalog is immutable).
#pragma once

#include <string_view>

#include "catalog/catalog.h"
#include "dossier/dossier.h"
#include "dossier/lifecycle.h"
#include "dossier/terms.h"
#include "util/civil_time.h"
#include "util/status.h"

namespace motcua::api {

// The version of `code` in force on the local day of `at`. InvalidArgument
// (422: a well-formed request naming something that does not exist) when
// there is none.
Result<const catalog::Procedure*> ProcedureForSubmission(const catalog::Catalog& catalog,
                                                         std::string_view code, Instant at);

// Terms of a new dossier of `procedure` submitted at `at`. InvalidArgument when
// no agency in force handles it that day.
Result<dossier::ProcedureTerms> TermsForSubmission(const catalog::Catalog& catalog,
                                                   const catalog::Procedure& procedure, Instant at);

// The version `d` was submitted under; Internal when the catalog no longer
// holds it (a reload must keep the versions dossiers refer to).
Result<const catalog::Procedure*> ProcedureOf(const catalog::Catalog& catalog,
                                              const dossier::Dossier& d);
Result<dossier::ProcedureTerms> TermsForDossier(const catalog::Catalog& catalog,
                                                const dossier::Dossier& d);

// InvalidArgument naming the first component id of `cmd` (components handed
// in, components asked for, the component digitized or signed) that
// `procedure` does not have. As the component digitized or signed,
// dossier::kResultComponentId stands for the result and is accepted.
Status CheckComponentIds(const catalog::Procedure& procedure, const dossier::Command& cmd);

}  // namespace motcua::api
