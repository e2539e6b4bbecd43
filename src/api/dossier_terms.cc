#include "api/dossier_terms.h"

#include <string>

#include "import/replay.h"

namespace motcua::api {

Result<const catalog::Procedure*> ProcedureForSubmission(const catalog::Catalog& catalog,
                                                         std::string_view code, Instant at) {
  const DayNumber day = LocalDayOf(at);
  const catalog::Procedure* p = catalog.ProcedureAt(code, day);
  if (p == nullptr) {
    return Status::InvalidArgument("procedure " + std::string(code) +
                                   ": no version of it is in force on " + FormatDate(day));
  }
  return p;
}

Result<dossier::ProcedureTerms> TermsForSubmission(const catalog::Catalog& catalog,
                                                   const catalog::Procedure& procedure,
                                                   Instant at) {
  Result<dossier::ProcedureTerms> terms = import::TermsFor(catalog, procedure, LocalDayOf(at));
  if (!terms.ok()) return Status::InvalidArgument(terms.status().message());
  return terms;
}

Result<const catalog::Procedure*> ProcedureOf(const catalog::Catalog& catalog,
                                              const dossier::Dossier& d) {
  const catalog::Procedure* p = catalog.ProcedureVersion(d.procedure_code, d.procedure_version);
  if (p == nullptr) {
    return Status::Internal(
        "the catalog no longer holds version " + std::to_string(d.procedure_version) +
        " of procedure " + d.procedure_code + ", which dossier " + d.code + " was submitted under");
  }
  return p;
}

Result<dossier::ProcedureTerms> TermsForDossier(const catalog::Catalog& catalog,
                                                const dossier::Dossier& d) {
  MOTCUA_ASSIGN_OR_RETURN(const catalog::Procedure* p, ProcedureOf(catalog, d));
  Result<dossier::ProcedureTerms> terms = import::TermsFor(catalog, *p, LocalDayOf(d.submitted_at));
  if (!terms.ok()) return Status::Internal(terms.status().message());
  return terms;
}

Status CheckComponentIds(const catalog::Procedure& procedure, const dossier::Command& cmd) {
  const auto check = [&](const std::string& id, bool may_be_result) -> Status {
    if (id.empty() || (may_be_result && id == dossier::kResultComponentId)) return Status::Ok();
    if (procedure.FindComponent(id) != nullptr) return Status::Ok();
    return Status::InvalidArgument("procedure " + procedure.code + " version " +
                                   std::to_string(procedure.version) + " has no component \"" + id +
                                   "\"");
  };
  for (const dossier::Component& c : cmd.components) MOTCUA_RETURN_IF_ERROR(check(c.id, false));
  for (const std::string& id : cmd.missing_components) MOTCUA_RETURN_IF_ERROR(check(id, false));
  return check(cmd.component_id, true);
}

}  // namespace motcua::api
