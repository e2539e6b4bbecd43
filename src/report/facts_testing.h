// Test helpers for report/: readable times and a record with sensible
// defaults. Used only by the *_test.cc files and the benchmark.
#pragma once

#include <string_view>

#include "report/dossier_facts.h"
#include "util/civil_time.h"

namespace motcua::report::testing {

// "2023-03-01T09:00" (Vietnam time unless an offset is given). Aborts on a
// malformed literal: a test typo, not a case under test.
inline Instant At(std::string_view text) {
  auto t = ParseDateTime(text);
  if (!t.ok()) __builtin_trap();
  return *t;
}

// A dossier of agency "A", field "F", procedure "P", received by "desk.a",
// submitted and received at `received` with the given due time.
inline DossierRecord ReceivedRecord(std::string_view code, Instant received, Instant due) {
  DossierRecord r;
  r.code = code;
  r.agency = "A";
  r.field = "F";
  r.procedure = "P";
  r.desk_officer = "desk.a";
  r.submitted_at = received;
  r.received_at = received;
  r.due_at = due;
  return r;
}

}  // namespace motcua::report::testing
