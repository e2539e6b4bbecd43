#include "dossier/lifecycle.h"

#include <algorithm>

#include "dossier/code.h"
#include "dossier/deadline.h"

namespace motcua::dossier {

namespace {

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) {
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}

bool IsSha256Hex(std::string_view s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

Status Invalid(const Command& cmd, const std::string& why) {
  return Status::InvalidArgument(std::string(ActionName(cmd.action)) + ": " + why);
}

Status CheckComponents(const Command& cmd) {
  for (size_t i = 0; i < cmd.components.size(); ++i) {
    const Component& c = cmd.components[i];
    if (c.id.empty()) return Invalid(cmd, "a component without an id");
    if (!c.document_hash.empty() && !IsSha256Hex(c.document_hash)) {
      return Invalid(cmd, "component " + c.id + ": document hash is not SHA-256 hex");
    }
    for (size_t j = 0; j < i; ++j) {
      if (cmd.components[j].id == c.id) return Invalid(cmd, "component " + c.id + " given twice");
    }
  }
  return Status::Ok();
}

// Adds the command's components, replacing those with the same id.
void MergeComponents(Dossier& d, const std::vector<Component>& given) {
  for (const Component& c : given) {
    auto it = std::find_if(d.components.begin(), d.components.end(),
                           [&](const Component& x) { return x.id == c.id; });
    if (it == d.components.end()) {
      d.components.push_back(c);
    } else {
      *it = c;
    }
  }
}

// resubmit and resume hand in what was asked for (DESIGN.md section 4).
Status CheckSupplied(const Dossier& d, const Command& cmd) {
  std::vector<std::string> missing;
  for (const std::string& id : d.requested_components) {
    const bool given = std::any_of(cmd.components.begin(), cmd.components.end(),
                                   [&](const Component& c) { return c.id == id; });
    if (!given) missing.push_back(id);
  }
  if (!missing.empty()) {
    return Invalid(cmd, "the components asked for are not handed in: " + Join(missing));
  }
  return Status::Ok();
}

Status CheckTerms(const Dossier& d, const Command& cmd, const DeadlineContext& ctx) {
  if (ctx.terms == nullptr || ctx.calendar == nullptr) {
    return Status::Internal(std::string(ActionName(cmd.action)) +
                            " needs the procedure terms and the calendar");
  }
  if (ctx.terms->code != d.procedure_code || ctx.terms->version != d.procedure_version) {
    return Status::Internal("terms of procedure " + ctx.terms->code + " version " +
                            std::to_string(ctx.terms->version) + " given for dossier " + d.code +
                            " of " + d.procedure_code + " version " +
                            std::to_string(d.procedure_version));
  }
  return Status::Ok();
}

void ClosePause(Dossier& d, Instant at) {
  if (!d.pauses.empty() && !d.pauses.back().to) d.pauses.back().to = at;
}

// Fills `d`, a default Dossier, from the submit.
Status Submit(Dossier& d, const Command& cmd, const DeadlineContext& ctx) {
  if (ctx.terms == nullptr) return Status::Internal("submit needs the procedure terms");
  const ProcedureTerms& t = *ctx.terms;
  MOTCUA_ASSIGN_OR_RETURN(const DossierCode code, ParseDossierCode(cmd.code));
  if (code.agency_code != t.agency_code) {
    return Invalid(cmd, "code " + cmd.code + " is not of agency " + t.agency_code +
                            ", which handles procedure " + t.code);
  }
  if (DaysFromCivil(code.date) != LocalDayOf(cmd.at)) {
    return Invalid(cmd, "code " + cmd.code + " is not dated on the day of submission " +
                            FormatDate(LocalDayOf(cmd.at)));
  }
  if (cmd.applicant.name.empty()) return Invalid(cmd, "the applicant's name is missing");
  if (cmd.applicant.phone.empty()) return Invalid(cmd, "the applicant's phone is missing");
  MOTCUA_RETURN_IF_ERROR(CheckComponents(cmd));
  d.code = cmd.code;
  d.procedure_code = t.code;
  d.procedure_version = t.version;
  d.agency_code = t.agency_code;
  d.field_code = t.field_code;
  d.applicant = cmd.applicant;
  d.channel = cmd.channel;
  d.components = cmd.components;
  d.submitted_at = cmd.at;
  return Status::Ok();
}

// The effect of a non-submit action on `d` (on error it may be partly changed:
// Apply works on a copy, ApplyInPlace callers drop it).
Status Effect(Dossier& d, const Command& cmd, const DeadlineContext& ctx) {
  switch (cmd.action) {
    case Action::kSubmit:
      return Status::Internal("submit reached Effect");
    case Action::kRequestSupplement:
    case Action::kPause: {
      if (cmd.reason.empty()) return Invalid(cmd, "a reason is required");
      if (cmd.missing_components.empty()) {
        return Invalid(cmd, "the missing components must be named");
      }
      for (const std::string& id : cmd.missing_components) {
        if (id.empty()) return Invalid(cmd, "an empty component id among the missing");
      }
      d.requested_components = cmd.missing_components;
      if (cmd.action == Action::kRequestSupplement) {
        ++d.supplement_requests_at_reception;
      } else {
        // The desk accepted the dossier and the agency still finds a
        // component missing: rework (DESIGN.md section 6).
        ++d.supplement_requests_in_processing;
        d.pauses.push_back(Pause{cmd.at, std::nullopt, cmd.reason, cmd.missing_components});
      }
      return Status::Ok();
    }
    case Action::kResubmit:
      MOTCUA_RETURN_IF_ERROR(CheckComponents(cmd));
      MOTCUA_RETURN_IF_ERROR(CheckSupplied(d, cmd));
      MergeComponents(d, cmd.components);
      d.requested_components.clear();
      return Status::Ok();
    case Action::kRefuse:
    case Action::kStop:
      if (cmd.reason.empty()) return Invalid(cmd, "a reason is required");
      ClosePause(d, cmd.at);
      d.closed_at = cmd.at;
      d.closing_reason = cmd.reason;
      return Status::Ok();
    case Action::kWithdraw:
      ClosePause(d, cmd.at);
      d.closed_at = cmd.at;
      d.closing_reason = cmd.reason;
      return Status::Ok();
    case Action::kReceive: {
      MOTCUA_RETURN_IF_ERROR(CheckTerms(d, cmd, ctx));
      MOTCUA_RETURN_IF_ERROR(CheckComponents(cmd));
      MergeComponents(d, cmd.components);
      std::vector<std::string> missing;
      for (const std::string& id : ctx.terms->mandatory_component_ids) {
        if (!d.HasComponent(id)) missing.push_back(id);
      }
      if (!missing.empty()) return Invalid(cmd, "mandatory components missing: " + Join(missing));
      MOTCUA_ASSIGN_OR_RETURN(const Deadline dl,
                              DeadlineAtReceipt(cmd.at, ctx.terms->processing_time, *ctx.calendar));
      d.received_at = cmd.at;
      d.clock_start = dl.clock_start;
      d.due_at = dl.due_at;
      d.original_due_at = dl.due_at;
      return Status::Ok();
    }
    case Action::kTransfer:
      if (!cmd.handler.empty()) d.handler = cmd.handler;
      return Status::Ok();
    case Action::kResume: {
      MOTCUA_RETURN_IF_ERROR(CheckTerms(d, cmd, ctx));
      MOTCUA_RETURN_IF_ERROR(CheckComponents(cmd));
      MOTCUA_RETURN_IF_ERROR(CheckSupplied(d, cmd));
      MergeComponents(d, cmd.components);
      d.requested_components.clear();
      ClosePause(d, cmd.at);
      MOTCUA_ASSIGN_OR_RETURN(
          const Deadline dl,
          DeadlineAfterResume(d, cmd.at, ctx.terms->processing_time, *ctx.calendar));
      d.clock_start = dl.clock_start;
      d.due_at = dl.due_at;
      return Status::Ok();
    }
    case Action::kExtend: {
      // Once only (DESIGN.md section 4): a second apology would make the
      // appointment meaningless.
      if (d.extended) {
        return Invalid(cmd, "dossier " + d.code + " was already extended to " +
                                FormatDateTime(*d.extended_due_at) + "; it extends only once");
      }
      if (cmd.reason.empty()) return Invalid(cmd, "the apology letter needs a reason");
      if (!cmd.new_appointment) return Invalid(cmd, "the new appointment is missing");
      const std::optional<Instant> current = d.AppointmentAt();
      if (!current) return Status::Internal("dossier " + d.code + " has no due time to extend");
      if (*cmd.new_appointment <= *current) {
        return Invalid(cmd, "the new appointment " + FormatDateTime(*cmd.new_appointment) +
                                " is not after the current due time " + FormatDateTime(*current));
      }
      d.extended = true;
      d.extended_due_at = cmd.new_appointment;
      d.extension_reason = cmd.reason;
      return Status::Ok();
    }
    case Action::kResolve:
      if (!cmd.outcome) return Invalid(cmd, "the outcome (approved or denied) is missing");
      if (!cmd.result_document.empty() && !IsSha256Hex(cmd.result_document)) {
        return Invalid(cmd, "the result document hash is not SHA-256 hex");
      }
      d.outcome = cmd.outcome;
      d.result_document = cmd.result_document;
      d.completed_at = cmd.at;
      return Status::Ok();
    case Action::kReturn:
      if (!cmd.return_method)
        return Invalid(cmd, "the return method (counter or postal) is missing");
      if (*cmd.return_method == ReturnMethod::kPostal && cmd.tracking_number.empty()) {
        return Invalid(cmd, "a postal return needs the tracking number");
      }
      if (*cmd.return_method == ReturnMethod::kCounter && !cmd.tracking_number.empty()) {
        return Invalid(cmd, "a return at the counter has no tracking number");
      }
      d.return_method = cmd.return_method;
      d.tracking_number = cmd.tracking_number;
      d.returned_at = cmd.at;
      return Status::Ok();
    case Action::kDigitize:
    case Action::kSign: {
      if (cmd.component_id.empty()) return Invalid(cmd, "the component id is missing");
      if (!IsSha256Hex(cmd.document_hash)) {
        return Invalid(cmd, "the document hash is not SHA-256 hex");
      }
      const bool result = cmd.component_id == kResultComponentId;
      if (result && !d.outcome) return Invalid(cmd, "there is no result before resolve");
      if (cmd.action == Action::kDigitize) {
        if (result) {
          d.result_document = cmd.document_hash;
        } else {
          MergeComponents(d, {Component{cmd.component_id, cmd.document_hash}});
        }
        return Status::Ok();
      }
      // sign: the signature must be over the document the dossier holds.
      std::string held;
      if (result) {
        held = d.result_document;
      } else {
        for (const Component& c : d.components) {
          if (c.id == cmd.component_id) held = c.document_hash;
        }
      }
      if (held.empty()) {
        return Invalid(cmd, "component " + cmd.component_id + " has no digitized document");
      }
      if (held != cmd.document_hash) {
        return Invalid(cmd, "the document hash is not that of component " + cmd.component_id);
      }
      return Status::Ok();
    }
    case Action::kAssignHandler:
      if (cmd.handler.empty()) return Invalid(cmd, "the handler's login is missing");
      d.handler = cmd.handler;
      return Status::Ok();
    case Action::kAskQuestion:
      if (cmd.text.empty()) return Invalid(cmd, "the question is empty");
      ++d.questions_asked;
      return Status::Ok();
    case Action::kAnswerQuestion:
      if (cmd.text.empty()) return Invalid(cmd, "the answer is empty");
      if (d.questions_answered >= d.questions_asked) {
        return Status::FailedPrecondition("dossier " + d.code + " has no open question");
      }
      ++d.questions_answered;
      return Status::Ok();
    case Action::kRate:
      if (d.rating) return Status::FailedPrecondition("dossier " + d.code + " is already rated");
      if (cmd.stars < 1 || cmd.stars > 5) {
        return Invalid(cmd, "a rating is 1 to 5 stars, not " + std::to_string(cmd.stars));
      }
      d.rating = Rating{cmd.stars, cmd.comment};
      return Status::Ok();
  }
  return Status::Internal("unknown action");
}

// The checks of the version, the state, the actor and the time (steps 1 and
// 2 of lifecycle.h, and the order in time), before anything is changed.
Status CheckCommand(const Dossier* current, const Command& cmd) {
  if (cmd.action == Action::kSubmit) {
    if (current != nullptr) {
      return Status::FailedPrecondition("dossier " + current->code + " already exists (state " +
                                        StateName(current->state) + ")");
    }
    if (cmd.expected_version != 0) {
      return Status::Conflict("a new dossier has no version; submit expects version 0");
    }
    return Status::Ok();
  }
  if (current == nullptr) {
    return Status::NotFound(std::string("no dossier to ") + ActionName(cmd.action));
  }
  if (cmd.expected_version != current->version) {
    return Status::Conflict("dossier " + current->code + " is at version " +
                            std::to_string(current->version) + ", not " +
                            std::to_string(cmd.expected_version));
  }
  if (!IsAllowedIn(cmd.action, current->state)) {
    return Status::FailedPrecondition(std::string("cannot ") + ActionName(cmd.action) +
                                      " a dossier in state " + StateName(current->state));
  }
  if (cmd.actor.empty()) return Invalid(cmd, "the actor is missing");
  if (cmd.at < current->updated_at) {
    return Invalid(cmd, "dated " + FormatDateTime(cmd.at) + ", before the latest event at " +
                            FormatDateTime(current->updated_at));
  }
  return Status::Ok();
}

// The command's effect on `d` (the current dossier, or a default one for
// submit) and its event. REQUIRES: CheckCommand passed. On error `d` may be
// partly changed.
Status Advance(Dossier& d, const Command& cmd, const DeadlineContext& ctx, Event& e) {
  if (cmd.action == Action::kSubmit) {
    MOTCUA_RETURN_IF_ERROR(Submit(d, cmd, ctx));
  } else {
    MOTCUA_RETURN_IF_ERROR(Effect(d, cmd, ctx));
  }
  d.state = TargetState(cmd.action, d.state);
  d.version += 1;
  d.updated_at = cmd.at;

  e.dossier_code = d.code;
  e.seq = d.version;
  e.action = cmd.action;
  e.actor = cmd.actor;
  e.on_behalf_of = cmd.on_behalf_of;
  e.at = cmd.at;
  e.payload = CommandPayload(cmd, cmd.action == Action::kSubmit ? ctx.terms : nullptr);
  if (cmd.action == Action::kSubmit) {
    e.prev_hash = kGenesisHash;
  } else {
    e.prev_hash = d.head_hash;
  }
  e.hash = ComputeEventHash(e);
  d.head_hash = e.hash;
  return Status::Ok();
}

}  // namespace

Result<Transition> Apply(const Dossier* current, const Command& cmd, const DeadlineContext& ctx) {
  MOTCUA_RETURN_IF_ERROR(CheckCommand(current, cmd));
  Transition t;
  if (current != nullptr) t.dossier = *current;
  MOTCUA_RETURN_IF_ERROR(Advance(t.dossier, cmd, ctx, t.event));
  return t;
}

Status ApplyInPlace(Dossier& d, const Command& cmd, const DeadlineContext& ctx, Event& event) {
  MOTCUA_RETURN_IF_ERROR(CheckCommand(d.version == 0 ? nullptr : &d, cmd));
  return Advance(d, cmd, ctx, event);
}

}  // namespace motcua::dossier
