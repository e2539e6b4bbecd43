#include "api/dossier_json.h"

#include "api/command_fields.h"
#include "api/text_limits.h"
#include "dossier/action.h"
#include "dossier/deadline.h"
#include "http/json_writer.h"

namespace motcua::api {

using nlohmann::json;

json TimeJson(std::optional<Instant> t) {
  if (!t) return nullptr;
  return FormatDateTime(*t);
}

const char* StateLabel(dossier::State s) {
  using dossier::State;
  switch (s) {
    case State::kSubmitted:
      return "Đã nộp, chờ tiếp nhận";
    case State::kSupplementRequested:
      return "Cần bổ sung hồ sơ";
    case State::kRefused:
      return "Từ chối tiếp nhận";
    case State::kReceived:
      return "Đã tiếp nhận";
    case State::kInProgress:
      return "Đang giải quyết";
    case State::kPaused:
      return "Tạm dừng, chờ bổ sung";
    case State::kResolved:
      return "Đã có kết quả, chờ trả";
    case State::kReturned:
      return "Đã trả kết quả";
    case State::kWithdrawn:
      return "Đã rút hồ sơ";
    case State::kStopped:
      return "Dừng giải quyết";
  }
  return "";
}

namespace {

json NameOr(const std::string* name) { return name ? json(*name) : json(nullptr); }

json ProcedureRef(const dossier::Dossier& d, const catalog::Catalog& catalog) {
  const catalog::Procedure* p = catalog.ProcedureVersion(d.procedure_code, d.procedure_version);
  return {{"code", d.procedure_code},
          {"version", d.procedure_version},
          {"name", NameOr(p ? &p->name : nullptr)}};
}

json AgencyRef(const dossier::Dossier& d, const catalog::Catalog& catalog) {
  const catalog::Agency* a = catalog.FindAgency(d.agency_code);
  return {{"code", d.agency_code}, {"name", NameOr(a ? &a->name : nullptr)}};
}

json ComponentName(const catalog::Procedure* p, const std::string& id) {
  const catalog::Component* c = p ? p->FindComponent(id) : nullptr;
  return NameOr(c ? &c->name : nullptr);
}

json MissingJson(const dossier::Dossier& d, const catalog::Procedure* p) {
  json out = json::array();
  for (const std::string& id : d.requested_components) {
    out.push_back({{"id", id}, {"name", ComponentName(p, id)}});
  }
  return out;
}

}  // namespace

namespace {

// The time as TimeJson writes it.
void WriteTime(http::JsonWriter& w, std::optional<Instant> t) {
  if (t) {
    w.LocalDateTime(*t);
  } else {
    w.Null();
  }
}

void WriteNameOr(http::JsonWriter& w, const std::string* name) {
  if (name) {
    w.String(*name);
  } else {
    w.Null();
  }
}

void WriteComponentName(http::JsonWriter& w, const catalog::Procedure* p, const std::string& id) {
  const catalog::Component* c = p ? p->FindComponent(id) : nullptr;
  WriteNameOr(w, c ? &c->name : nullptr);
}

}  // namespace

// Written directly (http/json_writer.h): this is the body of every
// `GET /api/v1/dossiers/{code}`, and building it as an nlohmann::json object
// and dumping it was ~18% of that route's CPU (perf while bench/http/run.sh
// ran). The keys are those of the "Dossier" schema below.
std::string DossierJsonText(const dossier::Dossier& d, const catalog::Catalog& catalog,
                            Instant now) {
  const catalog::Procedure* p = catalog.ProcedureVersion(d.procedure_code, d.procedure_version);
  const catalog::Agency* agency = catalog.FindAgency(d.agency_code);
  const catalog::Field* field = catalog.FindField(d.agency_code, d.field_code);
  const std::optional<calendar::Standing> standing = dossier::ClassifyOpenAt(d, now);
  const std::optional<calendar::Completion> completion = dossier::ClassifyResolved(d);

  http::JsonWriter w;
  w.BeginObject();
  w.Key("code").String(d.code);
  w.Key("version").Int(d.version);
  w.Key("state").String(dossier::StateName(d.state));
  w.Key("state_label").String(StateLabel(d.state));
  w.Key("procedure").BeginObject();
  w.Key("code").String(d.procedure_code);
  w.Key("version").Int(d.procedure_version);
  w.Key("name");
  WriteNameOr(w, p ? &p->name : nullptr);
  w.EndObject();
  w.Key("agency").BeginObject();
  w.Key("code").String(d.agency_code);
  w.Key("name");
  WriteNameOr(w, agency ? &agency->name : nullptr);
  w.EndObject();
  w.Key("field").BeginObject();
  w.Key("code").String(d.field_code);
  w.Key("name");
  WriteNameOr(w, field ? &field->name : nullptr);
  w.EndObject();
  w.Key("channel").String(dossier::ChannelName(d.channel));
  w.Key("applicant").BeginObject();
  w.Key("name").String(d.applicant.name);
  w.Key("phone").String(d.applicant.phone);
  w.Key("id_number").String(d.applicant.id_number);
  w.Key("email").String(d.applicant.email);
  w.Key("login").StringOrNull(d.applicant.login);
  w.EndObject();
  w.Key("components").BeginArray();
  for (const dossier::Component& c : d.components) {
    w.BeginObject();
    w.Key("id").String(c.id);
    w.Key("name");
    WriteComponentName(w, p, c.id);
    w.Key("document_hash").StringOrNull(c.document_hash);
    w.EndObject();
  }
  w.EndArray();
  w.Key("requested_components").BeginArray();
  for (const std::string& id : d.requested_components) {
    w.BeginObject();
    w.Key("id").String(id);
    w.Key("name");
    WriteComponentName(w, p, id);
    w.EndObject();
  }
  w.EndArray();
  w.Key("handler").StringOrNull(d.handler);
  w.Key("submitted_at");
  WriteTime(w, d.submitted_at);
  w.Key("received_at");
  WriteTime(w, d.received_at);
  w.Key("clock_start");
  WriteTime(w, d.clock_start);
  w.Key("due_at");
  WriteTime(w, d.due_at);
  w.Key("original_due_at");
  WriteTime(w, d.original_due_at);
  w.Key("appointment_at");
  WriteTime(w, d.AppointmentAt());
  w.Key("extended").Bool(d.extended);
  w.Key("extended_due_at");
  WriteTime(w, d.extended_due_at);
  w.Key("extension_reason").StringOrNull(d.extension_reason);
  w.Key("pauses").BeginArray();
  for (const dossier::Pause& pause : d.pauses) {
    w.BeginObject();
    w.Key("from");
    WriteTime(w, pause.from);
    w.Key("to");
    WriteTime(w, pause.to);
    w.Key("reason").String(pause.reason);
    w.Key("missing_components").BeginArray();
    for (const std::string& id : pause.missing_components) w.String(id);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("completed_at");
  WriteTime(w, d.completed_at);
  w.Key("outcome");
  if (d.outcome) {
    w.String(dossier::OutcomeName(*d.outcome));
  } else {
    w.Null();
  }
  w.Key("result_document").StringOrNull(d.result_document);
  w.Key("returned_at");
  WriteTime(w, d.returned_at);
  w.Key("return_method");
  if (d.return_method) {
    w.String(dossier::ReturnMethodName(*d.return_method));
  } else {
    w.Null();
  }
  w.Key("tracking_number").StringOrNull(d.tracking_number);
  w.Key("closed_at");
  WriteTime(w, d.closed_at);
  w.Key("closing_reason").StringOrNull(d.closing_reason);
  w.Key("rating");
  if (d.rating) {
    w.BeginObject();
    w.Key("stars").Int(d.rating->stars);
    w.Key("comment").String(d.rating->comment);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("standing");
  if (standing) {
    w.String(calendar::StandingName(*standing));
  } else {
    w.Null();
  }
  w.Key("completion");
  if (completion) {
    w.String(calendar::CompletionName(*completion));
  } else {
    w.Null();
  }
  w.Key("supplement_requests_at_reception").Int(d.supplement_requests_at_reception);
  w.Key("supplement_requests_in_processing").Int(d.supplement_requests_in_processing);
  w.Key("questions_asked").Int(d.questions_asked);
  w.Key("questions_answered").Int(d.questions_answered);
  w.Key("updated_at");
  WriteTime(w, d.updated_at);
  w.Key("allowed_actions").BeginArray();
  for (dossier::Action a : dossier::ActionsAllowedIn(d.state)) w.String(ActionName(a));
  w.EndArray();
  w.EndObject();
  return std::move(w).Take();
}

json DossierJson(const dossier::Dossier& d, const catalog::Catalog& catalog, Instant now) {
  return json::parse(DossierJsonText(d, catalog, now));
}

json SummaryJson(const store::DossierSummary& s) {
  return {{"code", s.code},
          {"agency_code", s.agency_code},
          {"procedure_code", s.procedure_code},
          {"state", dossier::StateName(s.state)},
          {"channel", dossier::ChannelName(s.channel)},
          {"applicant_name", s.applicant_name},
          {"applicant_phone", s.applicant_phone},
          {"handler", s.handler.empty() ? json(nullptr) : json(s.handler)},
          {"submitted_at", TimeJson(s.submitted_at)},
          {"due_at", TimeJson(s.due_at)},
          {"completed_at", TimeJson(s.completed_at)},
          {"version", s.version}};
}

json EventJson(const store::RecordedEvent& r) {
  const dossier::Event& e = r.event;
  json payload = json::parse(e.payload, nullptr, /*allow_exceptions=*/false);
  if (payload.is_discarded()) payload = e.payload;  // stored text, shown as is
  return {{"seq", e.seq},
          {"action", dossier::ActionName(e.action)},
          {"actor", e.actor.empty() ? json(nullptr) : json(e.actor)},
          {"on_behalf_of", e.on_behalf_of.empty() ? json(nullptr) : json(e.on_behalf_of)},
          {"at", TimeJson(e.at)},
          {"payload", std::move(payload)},
          {"prev_hash", e.prev_hash},
          {"hash", e.hash},
          {"request_id", r.request_id.empty() ? json(nullptr) : json(r.request_id)}};
}

json PublicDossierJson(const dossier::Dossier& d, const catalog::Catalog& catalog) {
  const catalog::Procedure* p = catalog.ProcedureVersion(d.procedure_code, d.procedure_version);
  json procedure = ProcedureRef(d, catalog);
  procedure.erase("version");
  return {{"code", d.code},
          {"procedure", std::move(procedure)},
          {"agency", AgencyRef(d, catalog)},
          {"channel", dossier::ChannelName(d.channel)},
          {"state", dossier::StateName(d.state)},
          {"state_label", StateLabel(d.state)},
          {"submitted_at", TimeJson(d.submitted_at)},
          {"received_at", TimeJson(d.received_at)},
          {"due_at", TimeJson(d.due_at)},
          {"appointment_at", TimeJson(d.AppointmentAt())},
          {"extended", d.extended},
          {"missing_components", MissingJson(d, p)},
          {"completed_at", TimeJson(d.completed_at)},
          {"returned_at", TimeJson(d.returned_at)},
          {"return_method",
           d.return_method ? json(dossier::ReturnMethodName(*d.return_method)) : json(nullptr)}};
}

// ---- Schemas.

namespace {

json Str(const char* description = nullptr) {
  json s = {{"type", "string"}};
  if (description) s["description"] = description;
  return s;
}
json NullableStr(const char* description = nullptr) {
  json s = {{"type", {"string", "null"}}};
  if (description) s["description"] = description;
  return s;
}
json Time(const char* description = nullptr) {
  json s = {{"type", {"string", "null"}}, {"format", "date-time"}};
  if (description) s["description"] = description;
  return s;
}
json Int() { return {{"type", "integer"}}; }
json Enum(std::vector<std::string> values, bool nullable = false) {
  json e = values;
  if (nullable) e.push_back(nullptr);
  return {{"type", nullable ? json{"string", "null"} : json("string")}, {"enum", std::move(e)}};
}
json Object(json properties) {
  json required = json::array();
  for (const auto& [key, value] : properties.items()) required.push_back(key);
  return {{"type", "object"}, {"required", std::move(required)}, {"properties", properties}};
}
json ArrayOf(json items) { return {{"type", "array"}, {"items", std::move(items)}}; }

std::vector<std::string> StateNames() {
  std::vector<std::string> out;
  for (dossier::State s : dossier::AllStates()) out.push_back(dossier::StateName(s));
  return out;
}
std::vector<std::string> ActionNames() {
  std::vector<std::string> out;
  for (dossier::Action a : dossier::AllActions()) out.push_back(dossier::ActionName(a));
  return out;
}

json CodeName() { return Object({{"code", Str()}, {"name", NullableStr()}}); }
json MissingSchema() {
  return ArrayOf(Object({{"id", Str("Component id.")}, {"name", NullableStr()}}));
}

}  // namespace

void AddDossierSchemas(http::SchemaRegistry& schemas) {
  const json channel = Enum({"online", "counter", "postal"});
  schemas.Add("ComponentInput", ComponentInputSchema());
  schemas.Add(
      "ApplicantInput",
      {{"type", "object"},
       {"additionalProperties", false},
       {"required", {"name", "phone"}},
       {"properties",
        {{"name",
          MaxLength(Str("Full name, Vietnamese (\"Nguyễn Văn A\")."), text_limits::kApplicantName)},
         {"phone",
          [] {
            json phone =
                MaxLength(Str("Phone number, 9 to 15 digits; with the code it opens the public "
                              "lookup."),
                          text_limits::kPhone);
            phone["pattern"] = "^\\+?[0-9 .()-]+$";
            return phone;
          }()},
         {"id_number",
          MaxLength(Str("Citizen identity number (CCCD), optional."), text_limits::kIdNumber)},
         {"email", [] {
            json email = MaxLength(Str("Optional."), text_limits::kEmail);
            email["format"] = "email";
            return email;
          }()}}}});
  schemas.Add(
      "Dossier",
      Object(
          {{"code", Str("{agency}-{YYMMDD}-{NNNN}")},
           {"version", Int()},
           {"state", Enum(StateNames())},
           {"state_label", Str("Vietnamese.")},
           {"procedure", Object({{"code", Str()}, {"version", Int()}, {"name", NullableStr()}})},
           {"agency", CodeName()},
           {"field", CodeName()},
           {"channel", channel},
           {"applicant", Object({{"name", Str()},
                                 {"phone", Str()},
                                 {"id_number", Str()},
                                 {"email", Str()},
                                 {"login", NullableStr("The applicant's account, if any.")}})},
           {"components",
            ArrayOf(Object(
                {{"id", Str()}, {"name", NullableStr()}, {"document_hash", NullableStr()}}))},
           {"requested_components", MissingSchema()},
           {"handler", NullableStr()},
           {"submitted_at", Time()},
           {"received_at", Time()},
           {"clock_start", Time()},
           {"due_at", Time("The due time that classifies (moved by pauses, not extensions).")},
           {"original_due_at", Time("Fixed at receipt.")},
           {"appointment_at", Time("What the applicant is told now.")},
           {"extended", {{"type", "boolean"}}},
           {"extended_due_at", Time()},
           {"extension_reason", NullableStr()},
           {"pauses", ArrayOf(Object({{"from", Time()},
                                      {"to", Time()},
                                      {"reason", Str()},
                                      {"missing_components", ArrayOf(Str())}}))},
           {"completed_at", Time()},
           {"outcome", Enum({"approved", "denied"}, true)},
           {"result_document", NullableStr()},
           {"returned_at", Time()},
           {"return_method", Enum({"counter", "postal"}, true)},
           {"tracking_number", NullableStr()},
           {"closed_at", Time()},
           {"closing_reason", NullableStr()},
           {"rating",
            {{"type", {"object", "null"}}, {"properties", {{"stars", Int()}, {"comment", Str()}}}}},
           {"standing", Enum({"within_deadline", "overdue"}, true)},
           {"completion", Enum({"early", "on_time", "late"}, true)},
           {"supplement_requests_at_reception", Int()},
           {"supplement_requests_in_processing", Int()},
           {"questions_asked", Int()},
           {"questions_answered", Int()},
           {"updated_at", Time()},
           {"allowed_actions", ArrayOf(Enum(ActionNames()))}}));
  schemas.Add("DossierSummary", Object({{"code", Str()},
                                        {"agency_code", Str()},
                                        {"procedure_code", Str()},
                                        {"state", Enum(StateNames())},
                                        {"channel", channel},
                                        {"applicant_name", Str()},
                                        {"applicant_phone", Str()},
                                        {"handler", NullableStr()},
                                        {"submitted_at", Time()},
                                        {"due_at", Time()},
                                        {"completed_at", Time()},
                                        {"version", Int()}}));
  schemas.Add("DossierPage",
              Object({{"dossiers", ArrayOf({{"$ref", "#/components/schemas/DossierSummary"}})},
                      {"next_cursor",
                       NullableStr("Pass as ?cursor= for the next page; null on the last.")}}));
  schemas.Add("Event", Object({{"seq", Int()},
                               {"action", Enum(ActionNames())},
                               {"actor", NullableStr()},
                               {"on_behalf_of", NullableStr()},
                               {"at", Time()},
                               {"payload", {{"description", "The action's fields, as hashed."}}},
                               {"prev_hash", Str()},
                               {"hash", Str()},
                               {"request_id", NullableStr("The HTTP request that wrote it.")}}));
  schemas.Add("EventList", Object({{"code", Str()},
                                   {"events", ArrayOf({{"$ref", "#/components/schemas/Event"}})}}));
  schemas.Add("PublicDossier", Object({{"code", Str()},
                                       {"procedure", CodeName()},
                                       {"agency", CodeName()},
                                       {"channel", channel},
                                       {"state", Enum(StateNames())},
                                       {"state_label", Str()},
                                       {"submitted_at", Time()},
                                       {"received_at", Time()},
                                       {"due_at", Time()},
                                       {"appointment_at", Time()},
                                       {"extended", {{"type", "boolean"}}},
                                       {"missing_components", MissingSchema()},
                                       {"completed_at", Time()},
                                       {"returned_at", Time()},
                                       {"return_method", Enum({"counter", "postal"}, true)}}));
}

}  // namespace motcua::api
