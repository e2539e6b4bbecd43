#include "store/dossier_codec.h"

#include "store/bytes.h"

namespace motcua::store {
namespace {

// Format 1. A new format gets a new number and DecodeDossier keeps reading
// the old ones.
constexpr std::uint64_t kFormat = 1;

void PutStrings(ByteWriter& w, const std::vector<std::string>& items) {
  w.PutUnsigned(items.size());
  for (const auto& s : items) w.PutString(s);
}

std::vector<std::string> GetStrings(ByteReader& r) {
  std::vector<std::string> items(r.GetCount());
  for (auto& s : items) s = r.GetString();
  return items;
}

// Reads an enum written by name; records the first unknown name in *error.
template <typename T, typename Parse>
T GetNamed(ByteReader& r, Parse parse, Status* error) {
  const std::string_view name = r.GetStringView();
  Result<T> value = parse(name);
  if (!value.ok()) {
    if (error->ok()) *error = value.status();
    return T{};
  }
  return *value;
}

}  // namespace

std::string EncodeDossier(const dossier::Dossier& d) {
  ByteWriter w;
  w.Reserve(512);  // a typical snapshot is 300-450 bytes
  w.PutUnsigned(kFormat);
  w.PutString(d.code);
  w.PutString(d.procedure_code);
  w.PutSigned(d.procedure_version);
  w.PutString(d.agency_code);
  w.PutString(d.field_code);
  w.PutString(d.applicant.name);
  w.PutString(d.applicant.phone);
  w.PutString(d.applicant.id_number);
  w.PutString(d.applicant.email);
  w.PutString(d.applicant.login);
  w.PutString(dossier::ChannelName(d.channel));
  w.PutUnsigned(d.components.size());
  for (const auto& c : d.components) {
    w.PutString(c.id);
    w.PutString(c.document_hash);
  }
  w.PutString(dossier::StateName(d.state));
  w.PutSigned(d.version);
  w.PutString(d.head_hash);
  w.PutSigned(d.updated_at);
  w.PutString(d.handler);
  w.PutSigned(d.submitted_at);
  w.PutOptional(d.received_at);
  w.PutOptional(d.clock_start);
  w.PutOptional(d.due_at);
  w.PutOptional(d.original_due_at);
  w.PutUnsigned(d.extended ? 1 : 0);
  w.PutOptional(d.extended_due_at);
  w.PutString(d.extension_reason);
  w.PutUnsigned(d.pauses.size());
  for (const auto& p : d.pauses) {
    w.PutSigned(p.from);
    w.PutOptional(p.to);
    w.PutString(p.reason);
    PutStrings(w, p.missing_components);
  }
  PutStrings(w, d.requested_components);
  w.PutOptional(d.completed_at);
  w.PutString(d.outcome ? dossier::OutcomeName(*d.outcome) : "");
  w.PutString(d.result_document);
  w.PutOptional(d.returned_at);
  w.PutString(d.return_method ? dossier::ReturnMethodName(*d.return_method) : "");
  w.PutString(d.tracking_number);
  w.PutOptional(d.closed_at);
  w.PutString(d.closing_reason);
  w.PutUnsigned(d.rating ? 1 : 0);
  if (d.rating) {
    w.PutSigned(d.rating->stars);
    w.PutString(d.rating->comment);
  }
  w.PutSigned(d.supplement_requests_at_reception);
  w.PutSigned(d.supplement_requests_in_processing);
  w.PutSigned(d.questions_asked);
  w.PutSigned(d.questions_answered);
  return w.Release();
}

Result<dossier::Dossier> DecodeDossier(std::string_view bytes) {
  ByteReader r(bytes);
  if (const std::uint64_t format = r.GetUnsigned(); format != kFormat) {
    return Status::Corruption("dossier snapshot: unknown format " + std::to_string(format));
  }
  Status error;
  dossier::Dossier d;
  d.code = r.GetString();
  d.procedure_code = r.GetString();
  d.procedure_version = static_cast<int>(r.GetSigned());
  d.agency_code = r.GetString();
  d.field_code = r.GetString();
  d.applicant.name = r.GetString();
  d.applicant.phone = r.GetString();
  d.applicant.id_number = r.GetString();
  d.applicant.email = r.GetString();
  d.applicant.login = r.GetString();
  d.channel = GetNamed<dossier::Channel>(r, dossier::ParseChannel, &error);
  d.components.resize(r.GetCount());
  for (auto& c : d.components) {
    c.id = r.GetString();
    c.document_hash = r.GetString();
  }
  d.state = GetNamed<dossier::State>(r, dossier::ParseState, &error);
  d.version = r.GetSigned();
  d.head_hash = r.GetString();
  d.updated_at = r.GetSigned();
  d.handler = r.GetString();
  d.submitted_at = r.GetSigned();
  d.received_at = r.GetOptional();
  d.clock_start = r.GetOptional();
  d.due_at = r.GetOptional();
  d.original_due_at = r.GetOptional();
  d.extended = r.GetUnsigned() != 0;
  d.extended_due_at = r.GetOptional();
  d.extension_reason = r.GetString();
  d.pauses.resize(r.GetCount());
  for (auto& p : d.pauses) {
    p.from = r.GetSigned();
    p.to = r.GetOptional();
    p.reason = r.GetString();
    p.missing_components = GetStrings(r);
  }
  d.requested_components = GetStrings(r);
  d.completed_at = r.GetOptional();
  if (const std::string_view outcome = r.GetStringView(); !outcome.empty()) {
    Result<dossier::Outcome> parsed = dossier::ParseOutcome(outcome);
    if (parsed.ok())
      d.outcome = *parsed;
    else if (error.ok())
      error = parsed.status();
  }
  d.result_document = r.GetString();
  d.returned_at = r.GetOptional();
  if (const std::string_view method = r.GetStringView(); !method.empty()) {
    Result<dossier::ReturnMethod> parsed = dossier::ParseReturnMethod(method);
    if (parsed.ok())
      d.return_method = *parsed;
    else if (error.ok())
      error = parsed.status();
  }
  d.tracking_number = r.GetString();
  d.closed_at = r.GetOptional();
  d.closing_reason = r.GetString();
  if (r.GetUnsigned() != 0) {
    dossier::Rating rating;
    rating.stars = static_cast<int>(r.GetSigned());
    rating.comment = r.GetString();
    d.rating = rating;
  }
  d.supplement_requests_at_reception = static_cast<int>(r.GetSigned());
  d.supplement_requests_in_processing = static_cast<int>(r.GetSigned());
  d.questions_asked = static_cast<int>(r.GetSigned());
  d.questions_answered = static_cast<int>(r.GetSigned());
  if (!r.ok() || !r.AtEnd()) return Status::Corruption("dossier snapshot: malformed bytes");
  if (!error.ok()) return Status::Corruption("dossier snapshot: " + error.message());
  return d;
}

}  // namespace motcua::store
