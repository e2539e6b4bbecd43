// CommandPayload: the canonical JSON of a command's fields (lifecycle.h).
//
// Canonical in the manner of RFC 8785 for the subset used here: object keys
// sorted (all ASCII, so byte order is code-unit order), no whitespace,
// strings escaped with the short forms \" \\ \b \f \n \r \t and \u00xx for
// other control characters, UTF-8 left as is, integers in decimal, instants
// as RFC 3339 local time ("2023-01-05T09:00:00+07:00"). The payload is hashed
// as stored, so it must not depend on map order or formatting whims: the
// bytes are pinned by event_bytes_pin_test.cc.
//
// Written straight into one string, each object's keys in sorted order by
// hand (a debug build checks the order): the import writes five payloads per
// dossier, and a map of keys to serialized values cost a few allocations per
// field.
#include <array>
#include <cassert>
#include <charconv>
#include <string>

#include "dossier/lifecycle.h"

namespace motcua::dossier {

namespace {

// True for the bytes JSON requires escaped: '"', '\\' and controls.
constexpr std::array<bool, 256> kNeedsEscape = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = true;
  t['"'] = true;
  t['\\'] = true;
  return t;
}();

void AppendJsonString(std::string& out, std::string_view s) {
  out.push_back('"');
  std::size_t run = 0;  // start of the bytes not yet appended
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (!kNeedsEscape[c]) continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
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
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
      }
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

// One JSON object written into `out`. REQUIRES: keys given in ascending
// byte order and needing no escapes (checked by assert).
class Object {
 public:
  explicit Object(std::string& out) : out_(out) { out_.push_back('{'); }
  ~Object() { out_.push_back('}'); }
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;

  // Writes `"key":` and leaves the value to the caller.
  std::string& Key(std::string_view key) {
    assert(first_ || last_key_ < key);
    if (!first_) out_.push_back(',');
    first_ = false;
#ifndef NDEBUG
    last_key_ = key;
#endif
    out_.push_back('"');
    out_.append(key);
    out_.append("\":");
    return out_;
  }
  void String(std::string_view key, std::string_view v) { AppendJsonString(Key(key), v); }
  void StringIfSet(std::string_view key, std::string_view v) {
    if (!v.empty()) String(key, v);
  }
  void Int(std::string_view key, long long v) {
    char digits[24];
    const std::to_chars_result r = std::to_chars(digits, digits + sizeof digits, v);
    Key(key).append(digits, r.ptr);
  }
  void Time(std::string_view key, Instant t) { String(key, FormatDateTime(t)); }
  void StringArray(std::string_view key, const std::vector<std::string>& v) {
    std::string& out = Key(key);
    out.push_back('[');
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i) out.push_back(',');
      AppendJsonString(out, v[i]);
    }
    out.push_back(']');
  }

 private:
  std::string& out_;
  bool first_ = true;
#ifndef NDEBUG
  std::string_view last_key_;
#endif
};

void AppendComponents(Object& o, const std::vector<Component>& components) {
  if (components.empty()) return;
  std::string& out = o.Key("components");
  out.push_back('[');
  for (std::size_t i = 0; i < components.size(); ++i) {
    if (i) out.push_back(',');
    Object c(out);
    c.StringIfSet("document_hash", components[i].document_hash);
    c.String("id", components[i].id);
  }
  out.push_back(']');
}

// The members, each object's keys in ascending order.
void AppendPayload(std::string& out, const Command& cmd, const ProcedureTerms* terms) {
  Object o(out);
  switch (cmd.action) {
    case Action::kSubmit: {
      if (terms) o.String("agency", terms->agency_code);
      {
        Object a(o.Key("applicant"));
        a.StringIfSet("email", cmd.applicant.email);
        a.StringIfSet("id_number", cmd.applicant.id_number);
        a.StringIfSet("login", cmd.applicant.login);
        a.String("name", cmd.applicant.name);
        a.String("phone", cmd.applicant.phone);
      }
      o.String("channel", ChannelName(cmd.channel));
      o.String("code", cmd.code);
      AppendComponents(o, cmd.components);
      if (terms) {
        o.String("field", terms->field_code);
        o.String("procedure", terms->code);
        o.Int("procedure_version", terms->version);
      }
      break;
    }
    case Action::kRequestSupplement:
    case Action::kPause:
      o.StringArray("missing_components", cmd.missing_components);
      o.String("reason", cmd.reason);
      break;
    case Action::kResubmit:
    case Action::kReceive:
    case Action::kResume:
      AppendComponents(o, cmd.components);
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
      if (cmd.new_appointment) o.Time("new_appointment", *cmd.new_appointment);
      o.String("reason", cmd.reason);
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
      o.StringIfSet("comment", cmd.comment);
      o.Int("stars", cmd.stars);
      break;
  }
}

}  // namespace

std::string CommandPayload(const Command& cmd, const ProcedureTerms* terms) {
  std::string out;
  out.reserve(cmd.action == Action::kSubmit ? 256 : 64);
  AppendPayload(out, cmd, terms);
  return out;
}

}  // namespace motcua::dossier
