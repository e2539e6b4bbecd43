#include "dossier/code.h"

#include <cstdio>

namespace motcua::dossier {

namespace {

bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int Digits(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

bool IsValidAgencyCodeForDossier(std::string_view a) {
  if (a.empty() || a.front() == '.' || a.back() == '.') return false;
  char prev = 0;
  for (char c : a) {
    if (c == '.') {
      if (prev == '.') return false;
    } else if (!IsAlnum(c)) {
      return false;
    }
    prev = c;
  }
  return true;
}

Result<std::string> FormatDossierCode(const DossierCode& code) {
  if (!IsValidAgencyCodeForDossier(code.agency_code)) {
    return Status::InvalidArgument("agency code \"" + code.agency_code +
                                   "\" cannot stand in a dossier code");
  }
  if (!IsValidDate(code.date) || code.date.year < 2000 || code.date.year > 2099) {
    return Status::InvalidArgument("dossier code date " + FormatDate(code.date) +
                                   " is outside 2000..2099");
  }
  if (code.sequence < 1 || code.sequence > kMaxDailySequence) {
    return Status::InvalidArgument("dossier sequence " + std::to_string(code.sequence) +
                                   " is outside 1..9999");
  }
  char tail[32];
  std::snprintf(tail, sizeof tail, "-%02d%02d%02d-%04d", code.date.year % 100, code.date.month,
                code.date.day, code.sequence);
  return code.agency_code + tail;
}

Result<std::string> MakeDossierCode(std::string_view agency_code, Instant submitted_at,
                                    int sequence) {
  return FormatDossierCode(
      DossierCode{std::string(agency_code), CivilFromDays(LocalDayOf(submitted_at)), sequence});
}

Result<DossierCode> ParseDossierCode(std::string_view text) {
  auto bad = [&](const char* why) {
    return Status::InvalidArgument("malformed dossier code \"" + std::string(text) + "\": " + why);
  };
  // "-YYMMDD-NNNN" is 12 characters.
  if (text.size() < 13) return bad("too short");
  const std::string_view tail = text.substr(text.size() - 12);
  const std::string_view agency = text.substr(0, text.size() - 12);
  if (tail[0] != '-' || tail[7] != '-') return bad("expected -YYMMDD-NNNN at the end");
  for (size_t i : {1, 2, 3, 4, 5, 6, 8, 9, 10, 11}) {
    if (!IsDigit(tail[i])) return bad("expected -YYMMDD-NNNN at the end");
  }
  if (!IsValidAgencyCodeForDossier(agency)) return bad("malformed agency code");
  DossierCode code;
  code.agency_code = std::string(agency);
  code.date = CivilDate{2000 + Digits(tail.substr(1, 2)), Digits(tail.substr(3, 2)),
                        Digits(tail.substr(5, 2))};
  if (!IsValidDate(code.date)) return bad("no such date");
  code.sequence = Digits(tail.substr(8, 4));
  if (code.sequence < 1) return bad("sequence 0000");
  return code;
}

}  // namespace motcua::dossier
