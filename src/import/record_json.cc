#include "import/record_json.h"

#include <nlohmann/json.hpp>
#include <string>

#include "import/record_json_fast.h"

namespace motcua::import {
namespace {

using dossier::Action;
using dossier::Command;
using nlohmann::json;

Status Bad(const std::string& path, const std::string& why) {
  return Status::InvalidArgument("field '" + path + "': " + why);
}

Status Bad(const std::string& path, const Status& s) { return Bad(path, s.message()); }

const char* TypeName(const json& v) { return v.type_name(); }

Result<std::string> String(const json& v, const std::string& path) {
  if (!v.is_string()) return Bad(path, std::string("expected a string, not ") + TypeName(v));
  return v.get<std::string>();
}

Result<Instant> Time(const json& v, const std::string& path) {
  if (!v.is_string()) return Bad(path, std::string("expected a date-time, not ") + TypeName(v));
  Result<Instant> t = ParseDateTime(v.get_ref<const std::string&>());
  if (!t.ok()) return Bad(path, t.status());
  return *t;
}

Result<std::vector<std::string>> StringArray(const json& v, const std::string& path) {
  if (!v.is_array()) return Bad(path, std::string("expected an array, not ") + TypeName(v));
  std::vector<std::string> out;
  out.reserve(v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    MOTCUA_ASSIGN_OR_RETURN(std::string s, String(v[i], path + "[" + std::to_string(i) + "]"));
    out.push_back(std::move(s));
  }
  return out;
}

// [id | {id, document_hash?}]
Result<std::vector<dossier::Component>> Components(const json& v, const std::string& path) {
  if (!v.is_array()) return Bad(path, std::string("expected an array, not ") + TypeName(v));
  std::vector<dossier::Component> out;
  out.reserve(v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    const std::string at = path + "[" + std::to_string(i) + "]";
    const json& c = v[i];
    dossier::Component comp;
    if (c.is_string()) {
      comp.id = c.get<std::string>();
    } else if (c.is_object()) {
      for (const auto& [key, value] : c.items()) {
        if (key == "id") {
          MOTCUA_ASSIGN_OR_RETURN(comp.id, String(value, at + ".id"));
        } else if (key == "document_hash") {
          MOTCUA_ASSIGN_OR_RETURN(comp.document_hash, String(value, at + ".document_hash"));
        } else {
          return Bad(at + "." + key, "unknown member of a component");
        }
      }
      if (comp.id.empty()) return Bad(at + ".id", "missing");
    } else {
      return Bad(at, std::string("expected a component id or object, not ") + TypeName(c));
    }
    out.push_back(std::move(comp));
  }
  return out;
}

// The members each action has beyond action, at, by and for (record_json.h).
bool ActionHas(Action a, std::string_view key) {
  switch (a) {
    case Action::kSubmit:
      return false;
    case Action::kRequestSupplement:
    case Action::kPause:
      return key == "reason" || key == "missing_components";
    case Action::kResubmit:
    case Action::kReceive:
    case Action::kResume:
      return key == "components";
    case Action::kRefuse:
    case Action::kStop:
    case Action::kWithdraw:
      return key == "reason";
    case Action::kTransfer:
    case Action::kAssignHandler:
      return key == "handler";
    case Action::kExtend:
      return key == "reason" || key == "new_appointment";
    case Action::kResolve:
      return key == "outcome" || key == "result_document";
    case Action::kReturn:
      return key == "method" || key == "tracking_number";
    case Action::kDigitize:
    case Action::kSign:
      return key == "component_id" || key == "document_hash";
    case Action::kAskQuestion:
    case Action::kAnswerQuestion:
      return key == "text";
    case Action::kRate:
      return key == "stars" || key == "comment";
  }
  return false;
}

bool IsDueTimeKey(std::string_view key) {
  return key == "due_at" || key == "original_due_at" || key == "clock_start" ||
         key == "extended_due_at";
}

Status DueTimeNotImported(const std::string& path) {
  return Bad(path,
             "due times are computed from the catalog and the working calendar at "
             "receipt, not imported");
}

Result<Command> ParseEvent(const json& v, const std::string& path) {
  if (!v.is_object()) return Bad(path, std::string("expected an object, not ") + TypeName(v));
  Command cmd;
  auto action = v.find("action");
  if (action == v.end()) return Bad(path + ".action", "missing");
  MOTCUA_ASSIGN_OR_RETURN(const std::string action_name, String(*action, path + ".action"));
  Result<Action> parsed = dossier::ParseAction(action_name);
  if (!parsed.ok()) return Bad(path + ".action", parsed.status());
  cmd.action = *parsed;
  auto at = v.find("at");
  if (at == v.end()) return Bad(path + ".at", "missing");
  MOTCUA_ASSIGN_OR_RETURN(cmd.at, Time(*at, path + ".at"));

  for (const auto& [key, value] : v.items()) {
    const std::string member = path + "." + key;
    if (key == "action" || key == "at") continue;
    if (key == "by") {
      MOTCUA_ASSIGN_OR_RETURN(cmd.actor, String(value, member));
      continue;
    }
    if (key == "for") {
      MOTCUA_ASSIGN_OR_RETURN(cmd.on_behalf_of, String(value, member));
      continue;
    }
    if (IsDueTimeKey(key)) return DueTimeNotImported(member);
    if (!ActionHas(cmd.action, key)) {
      return Bad(member, std::string("not a member of a ") + action_name + " event");
    }
    if (key == "reason") {
      MOTCUA_ASSIGN_OR_RETURN(cmd.reason, String(value, member));
    } else if (key == "missing_components") {
      MOTCUA_ASSIGN_OR_RETURN(cmd.missing_components, StringArray(value, member));
    } else if (key == "components") {
      MOTCUA_ASSIGN_OR_RETURN(cmd.components, Components(value, member));
    } else if (key == "handler") {
      MOTCUA_ASSIGN_OR_RETURN(cmd.handler, String(value, member));
    } else if (key == "new_appointment") {
      MOTCUA_ASSIGN_OR_RETURN(const Instant t, Time(value, member));
      cmd.new_appointment = t;
    } else if (key == "outcome") {
      MOTCUA_ASSIGN_OR_RETURN(const std::string name, String(value, member));
      Result<dossier::Outcome> o = dossier::ParseOutcome(name);
      if (!o.ok()) return Bad(member, o.status());
      cmd.outcome = *o;
    } else if (key == "result_document") {
      MOTCUA_ASSIGN_OR_RETURN(cmd.result_document, String(value, member));
    } else if (key == "method") {
      MOTCUA_ASSIGN_OR_RETURN(const std::string name, String(value, member));
      Result<dossier::ReturnMethod> m = dossier::ParseReturnMethod(name);
      if (!m.ok()) return Bad(member, m.status());
      cmd.return_method = *m;
    } else if (key == "tracking_number") {
      MOTCUA_ASSIGN_OR_RETURN(cmd.tracking_number, String(value, member));
    } else if (key == "component_id") {
      MOTCUA_ASSIGN_OR_RETURN(cmd.component_id, String(value, member));
    } else if (key == "document_hash") {
      MOTCUA_ASSIGN_OR_RETURN(cmd.document_hash, String(value, member));
    } else if (key == "text") {
      MOTCUA_ASSIGN_OR_RETURN(cmd.text, String(value, member));
    } else if (key == "stars") {
      if (!value.is_number_integer()) {
        return Bad(member, std::string("expected an integer, not ") + TypeName(value));
      }
      const auto stars = value.get<long long>();
      if (stars < 1 || stars > 5) return Bad(member, "a rating is 1 to 5 stars");
      cmd.stars = static_cast<int>(stars);
    } else if (key == "comment") {
      MOTCUA_ASSIGN_OR_RETURN(cmd.comment, String(value, member));
    }
  }
  return cmd;
}

Result<dossier::Applicant> ParseApplicant(const json& v) {
  const std::string path = "applicant";
  if (!v.is_object()) return Bad(path, std::string("expected an object, not ") + TypeName(v));
  dossier::Applicant a;
  for (const auto& [key, value] : v.items()) {
    const std::string member = path + "." + key;
    std::string* target = key == "name"        ? &a.name
                          : key == "phone"     ? &a.phone
                          : key == "id_number" ? &a.id_number
                          : key == "email"     ? &a.email
                          : key == "login"     ? &a.login
                                               : nullptr;
    if (target == nullptr) return Bad(member, "unknown member of the applicant");
    MOTCUA_ASSIGN_OR_RETURN(*target, String(value, member));
  }
  return a;
}

Result<ImportRecord> FromJson(const json& doc) {
  if (!doc.is_object()) {
    return Status::InvalidArgument(std::string("a line must hold a JSON object, not ") +
                                   TypeName(doc));
  }
  ImportRecord r;
  bool has_code = false, has_procedure = false, has_applicant = false, has_events = false;
  for (const auto& [key, value] : doc.items()) {
    if (key == "code") {
      MOTCUA_ASSIGN_OR_RETURN(r.code, String(value, key));
      has_code = true;
    } else if (key == "procedure") {
      MOTCUA_ASSIGN_OR_RETURN(r.procedure, String(value, key));
      has_procedure = true;
    } else if (key == "procedure_version") {
      if (!value.is_number_integer() || value.get<long long>() < 1 ||
          value.get<long long>() > 1'000'000) {
        return Bad(key, "expected a version number (a positive integer)");
      }
      r.procedure_version = static_cast<int>(value.get<long long>());
    } else if (key == "channel") {
      MOTCUA_ASSIGN_OR_RETURN(const std::string name, String(value, key));
      Result<dossier::Channel> c = dossier::ParseChannel(name);
      if (!c.ok()) return Bad(key, c.status());
      r.channel = *c;
    } else if (key == "applicant") {
      MOTCUA_ASSIGN_OR_RETURN(r.applicant, ParseApplicant(value));
      has_applicant = true;
    } else if (key == "components") {
      MOTCUA_ASSIGN_OR_RETURN(r.components, Components(value, key));
      r.components_given = true;
    } else if (key == "events") {
      if (!value.is_array()) {
        return Bad(key, std::string("expected an array, not ") + TypeName(value));
      }
      r.events.reserve(value.size());
      for (size_t i = 0; i < value.size(); ++i) {
        MOTCUA_ASSIGN_OR_RETURN(Command cmd,
                                ParseEvent(value[i], "events[" + std::to_string(i) + "]"));
        r.events.push_back(std::move(cmd));
      }
      has_events = true;
    } else if (IsDueTimeKey(key)) {
      return DueTimeNotImported(key);
    } else {
      return Bad(key, "unknown member of a dossier");
    }
  }
  if (!has_code) return Bad("code", "missing");
  if (!has_procedure) return Bad("procedure", "missing");
  if (!has_applicant) return Bad("applicant", "missing");
  if (!has_events || r.events.empty()) return Bad("events", "a dossier needs at least its submit");
  if (r.events.front().action != Action::kSubmit) {
    return Bad("events[0].action", "the first event must be a submit");
  }
  for (size_t i = 1; i < r.events.size(); ++i) {
    if (r.events[i].action == Action::kSubmit) {
      return Bad("events[" + std::to_string(i) + "].action", "a dossier is submitted only once");
    }
  }
  CopyRecordMembersToSubmit(r);
  return r;
}

// --- writing --------------------------------------------------------------

json ComponentsJson(const std::vector<dossier::Component>& components) {
  json out = json::array();
  for (const dossier::Component& c : components) {
    if (c.document_hash.empty()) {
      out.push_back(c.id);
    } else {
      out.push_back(json{{"id", c.id}, {"document_hash", c.document_hash}});
    }
  }
  return out;
}

json EventJson(const Command& c) {
  json e = json::object();
  e["action"] = dossier::ActionName(c.action);
  e["at"] = FormatDateTime(c.at);
  if (!c.actor.empty()) e["by"] = c.actor;
  if (!c.on_behalf_of.empty()) e["for"] = c.on_behalf_of;
  auto set = [&](const char* key, const std::string& v) {
    if (!v.empty() && ActionHas(c.action, key)) e[key] = v;
  };
  set("reason", c.reason);
  set("handler", c.handler);
  set("result_document", c.result_document);
  set("tracking_number", c.tracking_number);
  set("component_id", c.component_id);
  set("document_hash", c.document_hash);
  set("text", c.text);
  set("comment", c.comment);
  if (!c.missing_components.empty() && ActionHas(c.action, "missing_components")) {
    e["missing_components"] = c.missing_components;
  }
  if (!c.components.empty() && ActionHas(c.action, "components")) {
    e["components"] = ComponentsJson(c.components);
  }
  if (c.new_appointment && ActionHas(c.action, "new_appointment")) {
    e["new_appointment"] = FormatDateTime(*c.new_appointment);
  }
  if (c.outcome && ActionHas(c.action, "outcome")) e["outcome"] = OutcomeName(*c.outcome);
  if (c.return_method && ActionHas(c.action, "method")) {
    e["method"] = ReturnMethodName(*c.return_method);
  }
  if (c.stars != 0 && ActionHas(c.action, "stars")) e["stars"] = c.stars;
  return e;
}

}  // namespace

Result<ImportRecord> ParseRecord(std::string_view line) {
  // Good lines take the fast reader; anything it does not take (every bad
  // line among them) is decided and explained by the DOM reader.
  ImportRecord record;
  if (internal::ReadRecordFast(line, &record)) return record;
  return internal::ReadRecordDom(line);
}

Result<ImportRecord> internal::ReadRecordDom(std::string_view line) {
  json doc = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    // Parse once more with exceptions only to say where: bad lines are rare,
    // and the good ones pay nothing for the message.
    try {
      const json again = json::parse(line.begin(), line.end());
      (void)again;
    } catch (const json::parse_error& e) {
      return Status::InvalidArgument("not JSON: syntax error at byte " + std::to_string(e.byte));
    }
    return Status::InvalidArgument("not JSON");
  }
  return FromJson(doc);
}

std::string CodeOfLine(std::string_view line) {
  const json doc = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object()) return "";
  auto code = doc.find("code");
  return code != doc.end() && code->is_string() ? code->get<std::string>() : "";
}

std::string FormatRecord(const ImportRecord& r) {
  // ordered_json would keep the order of the design's example, but the
  // order carries no meaning; json sorts keys, which is stable.
  json doc = json::object();
  doc["code"] = r.code;
  doc["procedure"] = r.procedure;
  if (r.procedure_version) doc["procedure_version"] = *r.procedure_version;
  doc["channel"] = dossier::ChannelName(r.channel);
  json a = json::object();
  a["name"] = r.applicant.name;
  a["phone"] = r.applicant.phone;
  if (!r.applicant.id_number.empty()) a["id_number"] = r.applicant.id_number;
  if (!r.applicant.email.empty()) a["email"] = r.applicant.email;
  if (!r.applicant.login.empty()) a["login"] = r.applicant.login;
  doc["applicant"] = std::move(a);
  if (r.components_given || !r.components.empty()) doc["components"] = ComponentsJson(r.components);
  json events = json::array();
  for (const Command& c : r.events) events.push_back(EventJson(c));
  doc["events"] = std::move(events);
  return doc.dump();
}

}  // namespace motcua::import
