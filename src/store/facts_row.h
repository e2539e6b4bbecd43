// FactsRow: what the store keeps per dossier for the reports (report/), kept
// in step with every write so that a report never replays events.
//
// A row is derived from the dossier snapshot (codes, channel, times, ending,
// pauses, digitization, rating: SetFromDossier, at every write) and from the
// events that the snapshot does not remember (who received or refused it and
// for whom, the delegation grant used, when the apology was issued, when the
// desk asked for supplements: NoteEvent, once per event).
//
// Choices, with the reason:
//  - acting_for is the event's on_behalf_of only when a delegation grant was
//    used: the report's acting_for means "a desk acting for another agency",
//    while agency staff also name their own agency on every action;
//  - due_at is dossier::ClassifyingDueAt (moved by pauses, never by an
//    extension), the due time that classifies (dossier/deadline.h);
//  - components_digitized: every component present has a document hash;
//    result_digitized: the result has a document hash; rework: at least one
//    pause for missing components after receipt (DESIGN.md section 6).
//
// The encoded form (EncodeFacts) is compact binary (bytes.h); DecodeFacts
// yields a report::DossierRecord whose views point into the encoded bytes and
// into a caller-owned scratch buffer, so loading a year of facts allocates
// almost nothing per row.
//
// Engine-neutral. Plain value type and pure functions; thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/dossier.h"
#include "dossier/event.h"
#include "report/dossier_facts.h"
#include "util/civil_time.h"
#include "util/status.h"

namespace motcua::store {

// last_relevant_at of a dossier that can still change.
inline constexpr Instant kStillOpen = std::int64_t{1} << 62;

struct FactsRow {
  // From the snapshot.
  std::string code;
  std::string agency;
  std::string field;
  std::string procedure;
  report::Channel channel = report::Channel::kOnline;
  Instant submitted_at = 0;
  std::optional<Instant> received_at;
  std::optional<Instant> due_at;
  report::Ending ending = report::Ending::kNone;
  std::optional<Instant> ended_at;
  std::optional<report::Outcome> outcome;
  std::optional<Instant> returned_at;
  std::vector<Instant> supplements_in_processing;  // the starts of the pauses
  bool rework = false;
  bool components_digitized = false;
  bool result_digitized = false;
  std::optional<int> rating;
  // From the events.
  std::string desk_officer;
  std::string acting_for;
  std::string delegation_grant;
  std::optional<Instant> extended_at;
  std::vector<Instant> supplements_at_reception;

  // The last moment the dossier can count in any report period: when it was
  // returned, else when it ended, else kStillOpen. A report of [from, to)
  // needs exactly the rows with submitted_at < to and last_relevant_at >= from
  // (report/report.h counts nothing of a dossier after that moment).
  Instant last_relevant_at() const;
};

// Overwrites the snapshot-derived part of `row` with `d`.
void SetFromDossier(const dossier::Dossier& d, FactsRow* row);
// Accumulates what `e` tells beyond the snapshot; `desk_grant` is the id of
// the delegation grant the actor used, if any.
void NoteEvent(const dossier::Event& e, std::optional<std::int64_t> desk_grant, FactsRow* row);

std::string EncodeFacts(const FactsRow& row);
// Reads the whole row back (tests, and updating a row on the next event).
Result<FactsRow> DecodeFactsRow(std::string_view bytes);

// Decodes into `record`, whose views point into `bytes` and `*times`.
// REQUIRES: both outlive the use of `record`. Corruption if malformed.
Status DecodeFactsRecord(std::string_view bytes, std::vector<Instant>* times,
                         report::DossierRecord* record);

}  // namespace motcua::store
