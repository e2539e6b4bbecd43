// The two writes of a dossier route, each "domain decision, then ONE store
// call": a submission (dossier::Apply inside Store::CreateDossier, once the
// store has assigned the code) and a life-cycle step (dossier::Apply on the
// dossier just read, then Store::ApplyTransition with the version it was
// read at).
//
// Idempotency (DESIGN.md section 4: "no gaps from retried requests"): with a
// key, the store answers a retry with the first answer and writes nothing.
// A retried transition whose first attempt succeeded finds the dossier one
// version further, so Apply refuses it as stale before the store could
// recognise the key; WriteTransition then asks the store with the key and
// the original expected version, and the store answers with the first
// answer, or Conflict when the key is new (nothing is written either way:
// the request carries no event the store would accept).
//
// Thread-safe when the store is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "dossier/dossier.h"
#include "dossier/lifecycle.h"
#include "dossier/terms.h"
#include "store/store.h"
#include "util/status.h"

namespace motcua::api {

struct WriteOptions {
  std::string idempotency_key;             // scoped (request_params.h); empty: none
  std::optional<std::int64_t> desk_grant;  // the delegation grant the desk used
  std::string request_id;                  // the HTTP request id, kept with the event
};

// Submits `cmd` (action submit; its code is filled with the one the store
// assigns) as a new dossier of `terms`.
Result<dossier::Dossier> WriteSubmission(store::Store& store, const dossier::ProcedureTerms& terms,
                                         const dossier::Command& cmd, const WriteOptions& options);

// Applies `cmd` to `current` (as read from the store) and stores the step.
Result<dossier::Dossier> WriteTransition(store::Store& store, const dossier::Dossier& current,
                                         const dossier::Command& cmd,
                                         const dossier::DeadlineContext& deadline,
                                         const WriteOptions& options);

}  // namespace motcua::api
