#include "store/facts_row.h"

#include "dossier/deadline.h"
#include "store/bytes.h"

namespace motcua::store {
namespace {

constexpr std::uint64_t kFormat = 1;

// Flag bits of the encoded row.
constexpr std::uint64_t kRework = 1, kComponentsDigitized = 2, kResultDigitized = 4;

report::Channel ToReport(dossier::Channel c) {
  switch (c) {
    case dossier::Channel::kOnline:
      return report::Channel::kOnline;
    case dossier::Channel::kCounter:
      return report::Channel::kCounter;
    case dossier::Channel::kPostal:
      return report::Channel::kPostal;
  }
  return report::Channel::kOnline;
}

void PutTimes(ByteWriter& w, const std::vector<Instant>& times) {
  w.PutUnsigned(times.size());
  for (Instant t : times) w.PutSigned(t);
}

// The fields in encoding order, read into plain locals; shared by both
// decoders.
struct Decoded {
  std::string_view code, agency, field, procedure, desk_officer, acting_for, grant;
  std::uint64_t channel = 0, ending = 0, outcome = 0, flags = 0, rating = 0;
  Instant submitted_at = 0;
  std::optional<Instant> received_at, due_at, ended_at, returned_at, extended_at;
  size_t n_reception = 0, n_processing = 0;
};

Status Decode(std::string_view bytes, Decoded* d, std::vector<Instant>* times) {
  ByteReader r(bytes);
  if (r.GetUnsigned() != kFormat) return Status::Corruption("report facts: unknown format");
  d->code = r.GetStringView();
  d->agency = r.GetStringView();
  d->field = r.GetStringView();
  d->procedure = r.GetStringView();
  d->desk_officer = r.GetStringView();
  d->acting_for = r.GetStringView();
  d->grant = r.GetStringView();
  d->channel = r.GetUnsigned();
  d->submitted_at = r.GetSigned();
  d->received_at = r.GetOptional();
  d->due_at = r.GetOptional();
  d->ending = r.GetUnsigned();
  d->ended_at = r.GetOptional();
  d->outcome = r.GetUnsigned();
  d->returned_at = r.GetOptional();
  d->extended_at = r.GetOptional();
  d->flags = r.GetUnsigned();
  d->rating = r.GetUnsigned();
  times->clear();
  d->n_reception = r.GetCount();
  for (size_t i = 0; i < d->n_reception; ++i) times->push_back(r.GetSigned());
  d->n_processing = r.GetCount();
  for (size_t i = 0; i < d->n_processing; ++i) times->push_back(r.GetSigned());
  if (!r.ok() || !r.AtEnd() || d->channel > 2 || d->ending > 4 || d->outcome > 2 || d->rating > 5) {
    return Status::Corruption("report facts: malformed row");
  }
  return Status::Ok();
}

}  // namespace

Instant FactsRow::last_relevant_at() const {
  if (returned_at) return *returned_at;
  if (ended_at) return *ended_at;
  return kStillOpen;
}

void SetFromDossier(const dossier::Dossier& d, FactsRow* row) {
  row->code = d.code;
  row->agency = d.agency_code;
  row->field = d.field_code;
  row->procedure = d.procedure_code;
  row->channel = ToReport(d.channel);
  row->submitted_at = d.submitted_at;
  row->received_at = d.received_at;
  row->due_at = d.received_at ? dossier::ClassifyingDueAt(d) : std::nullopt;
  row->ending = report::Ending::kNone;
  row->ended_at.reset();
  row->outcome.reset();
  if (d.completed_at) {
    row->ending = report::Ending::kResolved;
    row->ended_at = d.completed_at;
    row->outcome = d.outcome == dossier::Outcome::kDenied ? report::Outcome::kDenied
                                                          : report::Outcome::kApproved;
  } else if (d.closed_at) {
    switch (d.state) {
      case dossier::State::kRefused:
        row->ending = report::Ending::kRefused;
        break;
      case dossier::State::kWithdrawn:
        row->ending = report::Ending::kWithdrawn;
        break;
      case dossier::State::kStopped:
        row->ending = report::Ending::kStopped;
        break;
      default:
        break;
    }
    if (row->ending != report::Ending::kNone) row->ended_at = d.closed_at;
  }
  row->returned_at = d.returned_at;
  row->supplements_in_processing.clear();
  for (const auto& p : d.pauses) row->supplements_in_processing.push_back(p.from);
  row->rework = d.supplement_requests_in_processing > 0;
  row->components_digitized = !d.components.empty();
  for (const auto& c : d.components) {
    if (c.document_hash.empty()) row->components_digitized = false;
  }
  row->result_digitized = !d.result_document.empty();
  row->rating = d.rating ? std::optional<int>(d.rating->stars) : std::nullopt;
}

void NoteEvent(const dossier::Event& e, std::optional<std::int64_t> desk_grant, FactsRow* row) {
  switch (e.action) {
    case dossier::Action::kReceive:
    case dossier::Action::kRefuse:
      row->desk_officer = e.actor;
      row->delegation_grant = desk_grant ? std::to_string(*desk_grant) : "";
      row->acting_for = desk_grant ? e.on_behalf_of : "";
      break;
    case dossier::Action::kRequestSupplement:
      row->supplements_at_reception.push_back(e.at);
      break;
    case dossier::Action::kExtend:
      row->extended_at = e.at;
      break;
    default:
      break;
  }
}

std::string EncodeFacts(const FactsRow& row) {
  ByteWriter w;
  w.Reserve(160);  // a typical row is about 110 bytes
  w.PutUnsigned(kFormat);
  w.PutString(row.code);
  w.PutString(row.agency);
  w.PutString(row.field);
  w.PutString(row.procedure);
  w.PutString(row.desk_officer);
  w.PutString(row.acting_for);
  w.PutString(row.delegation_grant);
  w.PutUnsigned(static_cast<std::uint64_t>(row.channel));
  w.PutSigned(row.submitted_at);
  w.PutOptional(row.received_at);
  w.PutOptional(row.due_at);
  w.PutUnsigned(static_cast<std::uint64_t>(row.ending));
  w.PutOptional(row.ended_at);
  w.PutUnsigned(!row.outcome ? 0 : *row.outcome == report::Outcome::kApproved ? 1 : 2);
  w.PutOptional(row.returned_at);
  w.PutOptional(row.extended_at);
  w.PutUnsigned((row.rework ? kRework : 0) | (row.components_digitized ? kComponentsDigitized : 0) |
                (row.result_digitized ? kResultDigitized : 0));
  w.PutUnsigned(row.rating ? static_cast<std::uint64_t>(*row.rating) : 0);
  PutTimes(w, row.supplements_at_reception);
  PutTimes(w, row.supplements_in_processing);
  return w.Release();
}

Result<FactsRow> DecodeFactsRow(std::string_view bytes) {
  Decoded d;
  std::vector<Instant> times;
  MOTCUA_RETURN_IF_ERROR(Decode(bytes, &d, &times));
  FactsRow row;
  row.code = d.code;
  row.agency = d.agency;
  row.field = d.field;
  row.procedure = d.procedure;
  row.desk_officer = d.desk_officer;
  row.acting_for = d.acting_for;
  row.delegation_grant = d.grant;
  row.channel = static_cast<report::Channel>(d.channel);
  row.submitted_at = d.submitted_at;
  row.received_at = d.received_at;
  row.due_at = d.due_at;
  row.ending = static_cast<report::Ending>(d.ending);
  row.ended_at = d.ended_at;
  if (d.outcome != 0) {
    row.outcome = d.outcome == 1 ? report::Outcome::kApproved : report::Outcome::kDenied;
  }
  row.returned_at = d.returned_at;
  row.extended_at = d.extended_at;
  row.rework = d.flags & kRework;
  row.components_digitized = d.flags & kComponentsDigitized;
  row.result_digitized = d.flags & kResultDigitized;
  if (d.rating != 0) row.rating = static_cast<int>(d.rating);
  row.supplements_at_reception.assign(times.begin(), times.begin() + d.n_reception);
  row.supplements_in_processing.assign(times.begin() + d.n_reception, times.end());
  return row;
}

Status DecodeFactsRecord(std::string_view bytes, std::vector<Instant>* times,
                         report::DossierRecord* record) {
  Decoded d;
  MOTCUA_RETURN_IF_ERROR(Decode(bytes, &d, times));
  report::DossierRecord& r = *record;
  r = report::DossierRecord{};
  r.code = d.code;
  r.agency = d.agency;
  r.field = d.field;
  r.procedure = d.procedure;
  r.desk_officer = d.desk_officer;
  r.acting_for = d.acting_for;
  r.delegation_grant = d.grant;
  r.channel = static_cast<report::Channel>(d.channel);
  r.submitted_at = d.submitted_at;
  r.received_at = d.received_at;
  r.due_at = d.due_at;
  switch (static_cast<report::Ending>(d.ending)) {
    case report::Ending::kResolved:
      r.completed_at = d.ended_at;
      r.outcome = d.outcome == 2 ? report::Outcome::kDenied : report::Outcome::kApproved;
      break;
    case report::Ending::kRefused:
      r.refused_at = d.ended_at;
      break;
    case report::Ending::kWithdrawn:
      r.withdrawn_at = d.ended_at;
      break;
    case report::Ending::kStopped:
      r.stopped_at = d.ended_at;
      break;
    case report::Ending::kNone:
      break;
  }
  r.returned_at = d.returned_at;
  r.extended_at = d.extended_at;
  r.supplements_at_reception = std::span<const Instant>(times->data(), d.n_reception);
  r.supplements_in_processing =
      std::span<const Instant>(times->data() + d.n_reception, d.n_processing);
  r.rework = d.flags & kRework;
  r.components_digitized = d.flags & kComponentsDigitized;
  r.result_digitized = d.flags & kResultDigitized;
  if (d.rating != 0) r.rating = static_cast<int>(d.rating);
  return Status::Ok();
}

}  // namespace motcua::store
