// CommandPayload: the canonical JSON of a command's fields (lifecycle.h).
//
// Canonical in the manner of RFC 8785 for the subset used here: object keys
// sorted (all ASCII, so byte order is code-unit order), no whitespace,
// strings escaped with the short forms \" \\ \b \f \n \r \t and \u00xx for
// other control characters, UTF-8 left as is, integers in decimal, instants
// as RFC 3339 local time ("2023-01-05T09:00:00+07:00"). The payload is hashed
// as stored, so it must not depend on map order or formatting whims.
#include <map>
#include <string>

#include "dossier/lifecycle.h"

namespace motcua::dossier {

namespace {

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          static constexpr char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 0xF]);
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
  return out;
}

// Keys to already-serialized values; std::map keeps the keys sorted.
class JsonObject {
 public:
  void Raw(const std::string& key, std::string value) { fields_[key] = std::move(value); }
  void String(const std::string& key, std::string_view v) { Raw(key, JsonString(v)); }
  void StringIfSet(const std::string& key, std::string_view v) {
    if (!v.empty()) String(key, v);
  }
  void Int(const std::string& key, long long v) { Raw(key, std::to_string(v)); }
  void Time(const std::string& key, Instant t) { String(key, FormatDateTime(t)); }
  void StringArray(const std::string& key, const std::vector<std::string>& v) {
    std::string out = "[";
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out += ",";
      out += JsonString(v[i]);
    }
    Raw(key, out + "]");
  }
  std::string Dump() const {
    std::string out = "{";
    bool first = true;
    for (const auto& [k, v] : fields_) {
      if (!first) out += ",";
      first = false;
      out += JsonString(k) + ":" + v;
    }
    return out + "}";
  }

 private:
  std::map<std::string, std::string> fields_;
};

std::string ComponentsJson(const std::vector<Component>& components) {
  std::string out = "[";
  for (size_t i = 0; i < components.size(); ++i) {
    JsonObject c;
    c.String("id", components[i].id);
    c.StringIfSet("document_hash", components[i].document_hash);
    if (i) out += ",";
    out += c.Dump();
  }
  return out + "]";
}

}  // namespace

std::string CommandPayload(const Command& cmd, const ProcedureTerms* terms) {
  JsonObject o;
  auto components = [&] {
    if (!cmd.components.empty()) o.Raw("components", ComponentsJson(cmd.components));
  };
  switch (cmd.action) {
    case Action::kSubmit: {
      o.String("code", cmd.code);
      if (terms) {
        o.String("procedure", terms->code);
        o.Int("procedure_version", terms->version);
        o.String("agency", terms->agency_code);
        o.String("field", terms->field_code);
      }
      o.String("channel", ChannelName(cmd.channel));
      JsonObject a;
      a.String("name", cmd.applicant.name);
      a.String("phone", cmd.applicant.phone);
      a.StringIfSet("id_number", cmd.applicant.id_number);
      a.StringIfSet("email", cmd.applicant.email);
      a.StringIfSet("login", cmd.applicant.login);
      o.Raw("applicant", a.Dump());
      components();
      break;
    }
    case Action::kRequestSupplement:
    case Action::kPause:
      o.String("reason", cmd.reason);
      o.StringArray("missing_components", cmd.missing_components);
      break;
    case Action::kResubmit:
    case Action::kReceive:
    case Action::kResume:
      components();
      break;
    case Action::kRefuse:
    case Action::kStop:
      o.String("reason", cmd.reason);
      break;
    case Action::kWithdraw:
      o.StringIfSet("reason", cmd.reason);
      break;
    case Action::kTransfer:
      o.StringIfSet("handler", cmd.handler);
      break;
    case Action::kAssignHandler:
      o.String("handler", cmd.handler);
      break;
    case Action::kExtend:
      o.String("reason", cmd.reason);
      if (cmd.new_appointment) o.Time("new_appointment", *cmd.new_appointment);
      break;
    case Action::kResolve:
      if (cmd.outcome) o.String("outcome", OutcomeName(*cmd.outcome));
      o.StringIfSet("result_document", cmd.result_document);
      break;
    case Action::kReturn:
      if (cmd.return_method) o.String("method", ReturnMethodName(*cmd.return_method));
      o.StringIfSet("tracking_number", cmd.tracking_number);
      break;
    case Action::kDigitize:
    case Action::kSign:
      o.String("component_id", cmd.component_id);
      o.String("document_hash", cmd.document_hash);
      break;
    case Action::kAskQuestion:
    case Action::kAnswerQuestion:
      o.String("text", cmd.text);
      break;
    case Action::kRate:
      o.Int("stars", cmd.stars);
      o.StringIfSet("comment", cmd.comment);
      break;
  }
  return o.Dump();
}

}  // namespace motcua::dossier
