#include "dossier/lifecycle.h"

namespace motcua::dossier {

Result<Transition> Apply(const Dossier* current, const Command& cmd, const DeadlineContext&) {
  (void)current;
  return Status::Internal(std::string("life cycle not implemented yet: ") + ActionName(cmd.action));
}

std::string CommandPayload(const Command&) { return "{}"; }

}  // namespace motcua::dossier
