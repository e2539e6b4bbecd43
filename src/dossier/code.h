// Dossier codes: "{agency unit code}-{YYMMDD}-{NNNN}", e.g.
// "000.00.12.H29-231116-0001" (DESIGN.md section 4).
//
// The date is the local (UTC+7) day of submission, YY in 2000..2099; NNNN is
// the sequence 0001..9999 per agency per local day, assigned by the store
// (never reused, no gaps from retried requests). The agency part is one or
// more dot-separated segments of ASCII letters and digits (the national unit
// codes have the shape 000.00.XX.Hyy, but successor agencies and other levels
// use other segment counts); it never contains '-', so a code splits
// unambiguously at its last two dashes.
//
// Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "util/civil_time.h"
#include "util/status.h"

namespace motcua::dossier {

inline constexpr int kMaxDailySequence = 9999;

struct DossierCode {
  std::string agency_code;
  CivilDate date;
  int sequence = 0;  // 1..9999

  friend bool operator==(const DossierCode&, const DossierCode&) = default;
};

// InvalidArgument when the agency code is malformed, the year is outside
// 2000..2099 or the sequence outside 1..9999 (the store must then refuse the
// submission: the day's codes are used up).
Result<std::string> FormatDossierCode(const DossierCode& code);
// The code for a dossier submitted at `submitted_at` (its local day).
Result<std::string> MakeDossierCode(std::string_view agency_code, Instant submitted_at,
                                    int sequence);
// Strict: exactly the shape above, a valid calendar date, sequence 0001..9999.
Result<DossierCode> ParseDossierCode(std::string_view text);
// Whether `agency_code` can stand in a dossier code (see above).
bool IsValidAgencyCodeForDossier(std::string_view agency_code);

}  // namespace motcua::dossier
