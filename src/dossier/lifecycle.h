// The dossier life cycle as one pure function: a command applied to the
// current dossier yields the next dossier and the event to append
// (DESIGN.md section 4; deadlines per section 5 through deadline.h).
//
// Apply() checks, in this order, and changes nothing when a check fails:
//   1. the version: a command whose expected_version is not the dossier's
//      version gets Conflict (a stale view must not overwrite a newer one);
//   2. the state: an action the state does not allow gets FailedPrecondition,
//      e.g. "cannot transfer a dossier in state submitted";
//   3. the fields: missing or invalid fields get InvalidArgument (refuse
//      without a reason, receive with a mandatory component missing, resolve
//      without an outcome, a second extension, a rating outside 1..5, ...),
//      as does a command dated before the dossier's latest event.
// It does not check who may act: that is access::Authorize, called first by
// the caller with the same facts.
//
// Pure; thread-safe (the context's calendar is immutable).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calendar/working_calendar.h"
#include "dossier/action.h"
#include "dossier/dossier.h"
#include "dossier/event.h"
#include "dossier/terms.h"
#include "util/civil_time.h"
#include "util/status.h"

namespace motcua::dossier {

// digitize / sign with this component id concern the result document.
inline constexpr char kResultComponentId[] = "result";

// An action with its fields. Only the fields of the action are read and
// recorded; the others are ignored.
struct Command {
  Action action = Action::kSubmit;
  std::int64_t expected_version = 0;  // the version the actor saw; 0 for submit
  std::string actor;                  // login; may be empty for an online submission
  std::string on_behalf_of;           // acting-for agency code, or empty
  Instant at = 0;

  // submit: the code the store assigned (code.h), the applicant and channel.
  std::string code;
  Applicant applicant;
  Channel channel = Channel::kOnline;
  // submit, resubmit, receive, resume: components handed in (a component
  // already present with the same id is replaced). resubmit and resume must
  // hand in every component that was asked for.
  std::vector<Component> components;
  // request_supplement, refuse, pause, extend, stop (required); withdraw
  // (optional).
  std::string reason;
  // request_supplement, pause (required): the component ids missing.
  std::vector<std::string> missing_components;
  // resolve (required outcome; the result document hash is optional while
  // the result exists only on paper).
  std::optional<Outcome> outcome;
  std::string result_document;
  // extend (required): the new appointment, after the current one.
  std::optional<Instant> new_appointment;
  // return (required method; tracking number required for postal delivery).
  std::optional<ReturnMethod> return_method;
  std::string tracking_number;
  // assign_handler (required); transfer (optional).
  std::string handler;
  // digitize (component id or kResultComponentId, document hash); sign
  // (component id or kResultComponentId; the hash must be the document's).
  std::string component_id;
  std::string document_hash;
  // ask_question, answer_question (required).
  std::string text;
  // rate (stars required, 1..5).
  int stars = 0;
  std::string comment;
};

// What Apply needs beyond the dossier. REQUIRES: `terms` non-null for submit,
// receive and resume and describing the dossier's procedure version;
// `calendar` non-null for receive and resume.
struct DeadlineContext {
  const ProcedureTerms* terms = nullptr;
  const calendar::WorkingCalendar* calendar = nullptr;
};

struct Transition {
  Dossier dossier;  // the dossier after the event; version == event.seq
  Event event;      // chained to the previous event (Dossier::head_hash)
};

// `current` is nullptr for submit (which creates the dossier) and the
// dossier otherwise. See the top of this file for the errors.
Result<Transition> Apply(const Dossier* current, const Command& cmd, const DeadlineContext& ctx);

// Apply without the copy of the dossier, for a caller that throws the
// dossier away on any error (the import's replay: one copy per event was a
// tenth of its cost). `d` is the current dossier, or a default-constructed
// one (version 0) for submit; on success it becomes the dossier after the
// event and `event` the event, as Apply's Transition. The same checks and
// errors as Apply, but on error `d` and `event` may be partly changed: the
// caller must not use them.
Status ApplyInPlace(Dossier& d, const Command& cmd, const DeadlineContext& ctx, Event& event);

// The canonical JSON of the command's fields for `cmd.action` (the event
// payload): keys sorted, no insignificant whitespace, absent fields left out
// (payload.cc). For submit, `terms` adds the procedure code and version, the
// agency and the field the dossier was submitted under.
std::string CommandPayload(const Command& cmd, const ProcedureTerms* terms = nullptr);

}  // namespace motcua::dossier
