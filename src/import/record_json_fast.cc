#include "import/record_json_fast.h"

#include <cstdint>
#include <string>

#include "util/utf8.h"

namespace motcua::import::internal {
namespace {

using dossier::Action;
using dossier::Command;

// A cursor over one line. Every reader returns false at the first thing it
// does not read exactly as RFC 8259 (and nlohmann) would, or does not handle.
class Scanner {
 public:
  explicit Scanner(std::string_view in) : p_(in.data()), end_(in.data() + in.size()) {}

  void SkipSpace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  // Skips space, then takes `c` if it comes next.
  bool Take(char c) {
    SkipSpace();
    if (p_ < end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }
  // Skips space; true if `c` comes next (not taken).
  bool Peek(char c) {
    SkipSpace();
    return p_ < end_ && *p_ == c;
  }
  bool AtEnd() {
    SkipSpace();
    return p_ == end_;
  }

  // A string value, decoded to UTF-8 into *out.
  bool String(std::string* out) {
    SkipSpace();
    if (p_ == end_ || *p_ != '"') return false;
    ++p_;
    out->clear();
    while (true) {
      // A run of bytes copied as they are: plain ASCII and well-formed UTF-8
      // sequences (checked in place, appended with the run: Vietnamese text
      // has one every few bytes).
      const char* run = p_;
      while (p_ < end_) {
        const auto c = static_cast<unsigned char>(*p_);
        if (c >= 0x80) {
          if (!Utf8Sequence()) return false;
          continue;
        }
        if (c == '"' || c == '\\' || c < 0x20) break;
        ++p_;
      }
      out->append(run, static_cast<size_t>(p_ - run));
      if (p_ == end_) return false;
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20) return false;  // control characters must be escaped
      if (!Escape(out)) return false;
    }
  }

  // An integer written as 1..9999999 (no sign, fraction, exponent or leading
  // zero): the only numbers a good line holds (procedure_version, stars).
  bool SmallPositive(std::int64_t* out) {
    SkipSpace();
    if (p_ == end_ || *p_ < '1' || *p_ > '9') return false;
    std::int64_t v = 0;
    int digits = 0;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') {
      if (++digits > 7) return false;
      v = v * 10 + (*p_ - '0');
      ++p_;
    }
    if (p_ < end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) return false;
    *out = v;
    return true;
  }

  // Members of an object: Begin, then Next until it sets *done.
  // `key` gets the decoded key; the value is the caller's to read.
  bool BeginObject() { return Take('{'); }
  bool NextMember(bool first, std::string* key, bool* done) {
    if (Take('}')) {
      *done = true;
      return true;
    }
    *done = false;
    if (!first && !Take(',')) return false;
    return String(key) && Take(':');
  }
  // Elements of an array, likewise; the element is the caller's to read.
  bool BeginArray() { return Take('['); }
  bool NextElement(bool first, bool* done) {
    if (Take(']')) {
      *done = true;
      return true;
    }
    *done = false;
    return first || Take(',');
  }

 private:
  static int Hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  // Four hex digits after "\u".
  bool Hex4(std::uint32_t* out) {
    if (end_ - p_ < 4) return false;
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      const int h = Hex(p_[i]);
      if (h < 0) return false;
      v = v * 16 + static_cast<std::uint32_t>(h);
    }
    p_ += 4;
    *out = v;
    return true;
  }
  // At a backslash.
  bool Escape(std::string* out) {
    ++p_;
    if (p_ == end_) return false;
    const char c = *p_++;
    switch (c) {
      case '"':
      case '\\':
      case '/':
        out->push_back(c);
        return true;
      case 'b':
        out->push_back('\b');
        return true;
      case 'f':
        out->push_back('\f');
        return true;
      case 'n':
        out->push_back('\n');
        return true;
      case 'r':
        out->push_back('\r');
        return true;
      case 't':
        out->push_back('\t');
        return true;
      case 'u':
        break;
      default:
        return false;
    }
    std::uint32_t cp = 0;
    if (!Hex4(&cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate alone
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      // A high surrogate must be followed by "\u" and a low one.
      if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
      p_ += 2;
      std::uint32_t low = 0;
      if (!Hex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    AppendUtf8(cp, out);
    return true;
  }
  // At a byte >= 0x80: one well-formed UTF-8 sequence (RFC 3629, as nlohmann
  // checks it), stepped over (the caller copies it with its run).
  bool Utf8Sequence() {
    const auto b0 = static_cast<unsigned char>(*p_);
    int len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      len = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      len = 3;
      if (b0 == 0xE0) lo = 0xA0;
      if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      len = 4;
      if (b0 == 0xF0) lo = 0x90;
      if (b0 == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (end_ - p_ < len) return false;
    const auto b1 = static_cast<unsigned char>(p_[1]);
    if (b1 < lo || b1 > hi) return false;
    for (int i = 2; i < len; ++i) {
      const auto b = static_cast<unsigned char>(p_[i]);
      if (b < 0x80 || b > 0xBF) return false;
    }
    p_ += len;
    return true;
  }

  const char* p_;
  const char* end_;
};

// Marks `bit` in *seen; false when it was there already (a repeated member,
// which the DOM reader resolves its own way: last one wins).
bool FirstTime(std::uint32_t bit, std::uint32_t* seen) {
  if (*seen & bit) return false;
  *seen |= bit;
  return true;
}

bool Time(Scanner& s, std::string* scratch, Instant* out) {
  if (!s.String(scratch)) return false;
  Result<Instant> t = ParseDateTime(*scratch);
  if (!t.ok()) return false;
  *out = *t;
  return true;
}

bool StringArray(Scanner& s, std::vector<std::string>* out) {
  if (!s.BeginArray()) return false;
  out->clear();
  for (bool first = true;; first = false) {
    bool done = false;
    if (!s.NextElement(first, &done)) return false;
    if (done) return true;
    if (!s.String(&out->emplace_back())) return false;
  }
}

// [id | {id, document_hash?}]
bool Components(Scanner& s, std::string* key, std::vector<dossier::Component>* out) {
  if (!s.BeginArray()) return false;
  out->clear();
  for (bool first = true;; first = false) {
    bool done = false;
    if (!s.NextElement(first, &done)) return false;
    if (done) return true;
    dossier::Component& c = out->emplace_back();
    if (s.Peek('"')) {
      if (!s.String(&c.id)) return false;
      continue;
    }
    if (!s.BeginObject()) return false;
    std::uint32_t seen = 0;
    for (bool first_member = true;; first_member = false) {
      bool end = false;
      if (!s.NextMember(first_member, key, &end)) return false;
      if (end) break;
      if (std::string_view(*key) == "id") {
        if (!FirstTime(1, &seen) || !s.String(&c.id)) return false;
      } else if (std::string_view(*key) == "document_hash") {
        if (!FirstTime(2, &seen) || !s.String(&c.document_hash)) return false;
      } else {
        return false;
      }
    }
    if (c.id.empty()) return false;
  }
}

// Members of an event beyond action, at, by and for, each with its bit
// (the order of the DOM reader's ActionHas).
enum EventMember : std::uint32_t {
  kReason = 1u << 4,
  kMissing = 1u << 5,
  kComponents = 1u << 6,
  kHandler = 1u << 7,
  kNewAppointment = 1u << 8,
  kOutcome = 1u << 9,
  kResultDocument = 1u << 10,
  kMethod = 1u << 11,
  kTracking = 1u << 12,
  kComponentId = 1u << 13,
  kDocumentHash = 1u << 14,
  kText = 1u << 15,
  kStars = 1u << 16,
  kComment = 1u << 17,
};

// The members `a` may have (record_json.h), as bits.
std::uint32_t MembersOf(Action a) {
  switch (a) {
    case Action::kSubmit:
      return 0;
    case Action::kRequestSupplement:
    case Action::kPause:
      return kReason | kMissing;
    case Action::kResubmit:
    case Action::kReceive:
    case Action::kResume:
      return kComponents;
    case Action::kRefuse:
    case Action::kStop:
    case Action::kWithdraw:
      return kReason;
    case Action::kTransfer:
    case Action::kAssignHandler:
      return kHandler;
    case Action::kExtend:
      return kReason | kNewAppointment;
    case Action::kResolve:
      return kOutcome | kResultDocument;
    case Action::kReturn:
      return kMethod | kTracking;
    case Action::kDigitize:
    case Action::kSign:
      return kComponentId | kDocumentHash;
    case Action::kAskQuestion:
    case Action::kAnswerQuestion:
      return kText;
    case Action::kRate:
      return kStars | kComment;
  }
  return 0;
}

bool Event(Scanner& s, std::string* key, std::string* scratch, Command* cmd) {
  if (!s.BeginObject()) return false;
  std::uint32_t seen = 0;
  for (bool first = true;; first = false) {
    bool done = false;
    if (!s.NextMember(first, key, &done)) return false;
    if (done) break;
    const std::string_view k = *key;  // compared by length first
    bool ok = false;
    if (k == "action") {
      ok = FirstTime(1, &seen) && s.String(scratch);
      if (ok) {
        Result<Action> a = dossier::ParseAction(*scratch);
        ok = a.ok();
        if (ok) cmd->action = *a;
      }
    } else if (k == "at") {
      ok = FirstTime(2, &seen) && Time(s, scratch, &cmd->at);
    } else if (k == "by") {
      ok = FirstTime(4, &seen) && s.String(&cmd->actor);
    } else if (k == "for") {
      ok = FirstTime(8, &seen) && s.String(&cmd->on_behalf_of);
    } else if (k == "reason") {
      ok = FirstTime(kReason, &seen) && s.String(&cmd->reason);
    } else if (k == "missing_components") {
      ok = FirstTime(kMissing, &seen) && StringArray(s, &cmd->missing_components);
    } else if (k == "components") {
      ok = FirstTime(kComponents, &seen) && Components(s, scratch, &cmd->components);
    } else if (k == "handler") {
      ok = FirstTime(kHandler, &seen) && s.String(&cmd->handler);
    } else if (k == "new_appointment") {
      Instant t = 0;
      ok = FirstTime(kNewAppointment, &seen) && Time(s, scratch, &t);
      if (ok) cmd->new_appointment = t;
    } else if (k == "outcome") {
      ok = FirstTime(kOutcome, &seen) && s.String(scratch);
      if (ok) {
        Result<dossier::Outcome> o = dossier::ParseOutcome(*scratch);
        ok = o.ok();
        if (ok) cmd->outcome = *o;
      }
    } else if (k == "result_document") {
      ok = FirstTime(kResultDocument, &seen) && s.String(&cmd->result_document);
    } else if (k == "method") {
      ok = FirstTime(kMethod, &seen) && s.String(scratch);
      if (ok) {
        Result<dossier::ReturnMethod> m = dossier::ParseReturnMethod(*scratch);
        ok = m.ok();
        if (ok) cmd->return_method = *m;
      }
    } else if (k == "tracking_number") {
      ok = FirstTime(kTracking, &seen) && s.String(&cmd->tracking_number);
    } else if (k == "component_id") {
      ok = FirstTime(kComponentId, &seen) && s.String(&cmd->component_id);
    } else if (k == "document_hash") {
      ok = FirstTime(kDocumentHash, &seen) && s.String(&cmd->document_hash);
    } else if (k == "text") {
      ok = FirstTime(kText, &seen) && s.String(&cmd->text);
    } else if (k == "stars") {
      std::int64_t stars = 0;
      ok = FirstTime(kStars, &seen) && s.SmallPositive(&stars) && stars <= 5;
      if (ok) cmd->stars = static_cast<int>(stars);
    } else if (k == "comment") {
      ok = FirstTime(kComment, &seen) && s.String(&cmd->comment);
    }
    if (!ok) return false;  // a mistake, a due time, or an unknown member
  }
  // action and at are required; the other members must be the action's.
  if ((seen & 3u) != 3u) return false;
  return (seen & ~15u & ~MembersOf(cmd->action)) == 0;
}

bool Applicant(Scanner& s, std::string* key, dossier::Applicant* a) {
  if (!s.BeginObject()) return false;
  std::uint32_t seen = 0;
  for (bool first = true;; first = false) {
    bool done = false;
    if (!s.NextMember(first, key, &done)) return false;
    if (done) return true;
    const std::string_view k = *key;
    std::string* target = nullptr;
    std::uint32_t bit = 0;
    if (k == "name") {
      target = &a->name, bit = 1;
    } else if (k == "phone") {
      target = &a->phone, bit = 2;
    } else if (k == "id_number") {
      target = &a->id_number, bit = 4;
    } else if (k == "email") {
      target = &a->email, bit = 8;
    } else if (k == "login") {
      target = &a->login, bit = 16;
    } else {
      return false;
    }
    if (!FirstTime(bit, &seen) || !s.String(target)) return false;
  }
}

}  // namespace

bool ReadRecordFast(std::string_view line, ImportRecord* out) {
  Scanner s(line);
  ImportRecord& r = *out;
  r = ImportRecord{};
  std::string key, scratch;
  key.reserve(32);
  scratch.reserve(64);
  if (!s.BeginObject()) return false;
  enum : std::uint32_t {
    kCode = 1,
    kProcedure = 2,
    kVersion = 4,
    kChannel = 8,
    kApplicant = 16,
    kComponentsBit = 32,
    kEvents = 64,
  };
  std::uint32_t seen = 0;
  for (bool first = true;; first = false) {
    bool done = false;
    if (!s.NextMember(first, &key, &done)) return false;
    if (done) break;
    bool ok = false;
    const std::string_view k = key;  // compared by length first
    if (k == "code") {
      ok = FirstTime(kCode, &seen) && s.String(&r.code);
    } else if (k == "procedure") {
      ok = FirstTime(kProcedure, &seen) && s.String(&r.procedure);
    } else if (k == "procedure_version") {
      std::int64_t v = 0;
      ok = FirstTime(kVersion, &seen) && s.SmallPositive(&v) && v <= 1'000'000;
      if (ok) r.procedure_version = static_cast<int>(v);
    } else if (k == "channel") {
      ok = FirstTime(kChannel, &seen) && s.String(&scratch);
      if (ok) {
        Result<dossier::Channel> c = dossier::ParseChannel(scratch);
        ok = c.ok();
        if (ok) r.channel = *c;
      }
    } else if (k == "applicant") {
      ok = FirstTime(kApplicant, &seen) && Applicant(s, &key, &r.applicant);
    } else if (k == "components") {
      ok = FirstTime(kComponentsBit, &seen) && Components(s, &key, &r.components);
      r.components_given = true;
    } else if (k == "events") {
      ok = FirstTime(kEvents, &seen) && s.BeginArray();
      r.events.reserve(8);  // moving Commands as the vector grows cost more
      for (bool first_event = true; ok; first_event = false) {
        bool end = false;
        if (!s.NextElement(first_event, &end)) return false;
        if (end) break;
        ok = Event(s, &key, &scratch, &r.events.emplace_back());
      }
    }
    if (!ok) return false;
  }
  if (!s.AtEnd()) return false;
  if ((seen & (kCode | kProcedure | kApplicant | kEvents)) !=
      (kCode | kProcedure | kApplicant | kEvents)) {
    return false;
  }
  if (r.events.empty() || r.events.front().action != Action::kSubmit) return false;
  for (size_t i = 1; i < r.events.size(); ++i) {
    if (r.events[i].action == Action::kSubmit) return false;
  }
  CopyRecordMembersToSubmit(r);  // as the DOM reader does
  return true;
}

}  // namespace motcua::import::internal
