#include "api/dossier_writes.h"

#include <utility>

namespace motcua::api {

Result<dossier::Dossier> WriteSubmission(store::Store& store, const dossier::ProcedureTerms& terms,
                                         const dossier::Command& cmd, const WriteOptions& options) {
  store::NewDossier request;
  request.agency_code = terms.agency_code;
  request.submitted_at = cmd.at;
  // Runs on the store's writer thread with the assigned code; the copies it
  // captures outlive this call's locals either way.
  request.build = [cmd, terms](const std::string& code) {
    dossier::Command submit = cmd;
    submit.code = code;
    return dossier::Apply(nullptr, submit, dossier::DeadlineContext{&terms, nullptr});
  };
  request.idempotency_key = options.idempotency_key;
  request.desk_grant = options.desk_grant;
  request.request_id = options.request_id;
  return store.CreateDossier(request);
}

Result<dossier::Dossier> WriteTransition(store::Store& store, const dossier::Dossier& current,
                                         const dossier::Command& cmd,
                                         const dossier::DeadlineContext& deadline,
                                         const WriteOptions& options) {
  Result<dossier::Transition> step = dossier::Apply(&current, cmd, deadline);
  if (!step.ok()) {
    const bool retry_of_earlier_write = step.status().code() == Status::Code::kConflict &&
                                        !options.idempotency_key.empty() &&
                                        cmd.expected_version < current.version;
    if (!retry_of_earlier_write) return step.status();
    store::TransitionWrite replay;
    replay.expected_version = cmd.expected_version;
    replay.transition.dossier.code = current.code;  // an event the store would refuse
    replay.idempotency_key = options.idempotency_key;
    return store.ApplyTransition(replay);
  }
  store::TransitionWrite write;
  write.expected_version = cmd.expected_version;
  write.transition = std::move(step).value();
  write.idempotency_key = options.idempotency_key;
  write.desk_grant = options.desk_grant;
  write.request_id = options.request_id;
  return store.ApplyTransition(write);
}

}  // namespace motcua::api
