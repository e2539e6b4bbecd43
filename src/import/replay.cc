#include "import/replay.h"

#include <string>
#include <type_traits>
#include <utility>

namespace motcua::import {
namespace {

using dossier::Action;

std::optional<DayNumber> ReceiptDay(const ImportRecord& r) {
  for (const dossier::Command& c : r.events) {
    if (c.action == Action::kReceive) return LocalDayOf(c.at);
  }
  return std::nullopt;
}

std::optional<access::GrantAction> DeskAction(Action a) {
  switch (a) {
    case Action::kReceive:
      return access::GrantAction::kReceive;
    case Action::kRequestSupplement:
      return access::GrantAction::kRequestSupplement;
    case Action::kRefuse:
      return access::GrantAction::kRefuse;
    default:
      return std::nullopt;
  }
}

}  // namespace

Result<dossier::ProcedureTerms> TermsFor(const catalog::Catalog& catalog,
                                         const catalog::Procedure& p, DayNumber day) {
  const catalog::Responsibility r = catalog.ResponsibleFor(p, day);
  if (r.agency == nullptr || r.field == nullptr) {
    return Status::NotFound("no agency in force handles procedure " + p.code + " on " +
                            FormatDate(day));
  }
  dossier::ProcedureTerms t;
  t.code = p.code;
  t.version = p.version;
  t.agency_code = r.agency->code;
  t.field_code = r.field->code;
  t.processing_time = p.processing_time;
  for (const catalog::Component& c : p.components) {
    if (c.mandatory) t.mandatory_component_ids.push_back(c.id);
  }
  return t;
}

namespace {

// Moved from when kTake, else copied.
template <bool kTake, typename T>
T Take(T& value) {
  if constexpr (kTake) {
    return std::move(value);
  } else {
    return value;
  }
}

// Replay of `record`; with kTake, its commands are changed in place and its
// members moved from instead of copied.
template <bool kTake>
Result<ReplayedDossier> ReplayRecord(
    std::conditional_t<kTake, ImportRecord&, const ImportRecord&> record,
    const ReplayContext& ctx) {
  if (record.events.empty() || record.events.front().action != Action::kSubmit) {
    return Status::InvalidArgument("field 'events[0].action': the first event must be a submit");
  }
  const DayNumber submitted = LocalDayOf(record.events.front().at);
  const DayNumber version_day = ReceiptDay(record).value_or(submitted);
  const catalog::Procedure* p =
      record.procedure_version
          ? ctx.catalog->ProcedureVersion(record.procedure, *record.procedure_version)
          : ctx.catalog->ProcedureAt(record.procedure, version_day);
  if (p == nullptr) {
    if (record.procedure_version) {
      return Status::InvalidArgument("field 'procedure_version': the catalog has no version " +
                                     std::to_string(*record.procedure_version) + " of procedure " +
                                     record.procedure);
    }
    return Status::InvalidArgument("field 'procedure': the catalog has no version of procedure " +
                                   record.procedure + " in force on " + FormatDate(version_day));
  }
  Result<dossier::ProcedureTerms> terms = TermsFor(*ctx.catalog, *p, submitted);
  if (!terms.ok()) return Status::InvalidArgument("field 'procedure': " + terms.status().message());
  const dossier::DeadlineContext deadline_ctx{&*terms, ctx.calendar};

  ReplayedDossier out;
  out.events.reserve(record.events.size());
  // Built only for an error.
  const auto where = [](size_t i) { return "events[" + std::to_string(i) + "]"; };
  for (size_t i = 0; i < record.events.size(); ++i) {
    // Taken: the record's own command, changed in place (a Command is some
    // twenty strings: moving one per event showed in the profile).
    std::conditional_t<kTake, dossier::Command&, dossier::Command> cmd = record.events[i];
    cmd.expected_version = static_cast<std::int64_t>(i);
    if (i == 0) {
      // The submit carries the record's own members (record.h).
      cmd.code = record.code;
      cmd.applicant = Take<kTake>(record.applicant);
      cmd.channel = record.channel;
      cmd.components = Take<kTake>(record.components);
      if (!record.components_given) {
        for (const std::string& id : terms->mandatory_component_ids) {
          cmd.components.push_back(dossier::Component{id, ""});
        }
      }
    }
    if (cmd.action == Action::kReturn && !cmd.return_method && cmd.tracking_number.empty()) {
      // Historic systems often record only that the result was handed over
      // (the example of DESIGN.md section 9 does); without a tracking number
      // it was handed over at the desk.
      cmd.return_method = dossier::ReturnMethod::kCounter;
    }
    if (!cmd.on_behalf_of.empty() && ctx.catalog->FindAgency(cmd.on_behalf_of) == nullptr) {
      return Status::InvalidArgument("field '" + where(i) + ".for': unknown agency '" +
                                     cmd.on_behalf_of + "'");
    }
    // In place: on an error the whole replay is dropped, so the dossier
    // need not be copied per event to stay unchanged.
    const Status applied =
        dossier::ApplyInPlace(out.dossier, cmd, deadline_ctx, out.events.emplace_back());
    if (!applied.ok()) {
      return Status(applied.code() == Status::Code::kInternal ? Status::Code::kInternal
                                                              : Status::Code::kInvalidArgument,
                    where(i) + " (" + dossier::ActionName(cmd.action) + "): " + applied.message());
    }
  }
  return out;
}

}  // namespace

Result<ReplayedDossier> Replay(const ImportRecord& record, const ReplayContext& ctx) {
  return ReplayRecord<false>(record, ctx);
}

Result<ReplayedDossier> Replay(ImportRecord&& record, const ReplayContext& ctx) {
  return ReplayRecord<true>(record, ctx);
}

std::optional<std::int64_t> DeskGrantFor(const ReplayedDossier& replayed,
                                         std::span<const access::Grant> grants) {
  const dossier::Dossier& d = replayed.dossier;
  for (const dossier::Event& e : replayed.events) {
    const std::optional<access::GrantAction> action = DeskAction(e.action);
    if (!action || e.on_behalf_of.empty()) continue;
    for (const access::Grant& g : grants) {
      if (g.agency_code == e.on_behalf_of && g.grantee_login == e.actor && g.InForceAt(e.at) &&
          g.Lists(*action) && g.Covers(d.field_code, d.procedure_code)) {
        return g.id;
      }
    }
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace motcua::import
