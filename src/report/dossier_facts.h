// DossierFacts: the facts of one dossier that a report needs, packed small
// enough to hold a million of them in memory (64 bytes each), and
// DossierRecord, the readable form a caller fills in to make one.
//
// Reports never see the Dossier type: the store (or a test) describes each
// dossier as a DossierRecord and adds it to a FactsTable (facts_table.h), which
// validates it, interns its repeated codes and packs it into a DossierFacts.
//
// Packing (why 64 bytes):
//  - codes repeated across dossiers (agency, field, procedure, officer, grant)
//    are 4-byte ids into the table's Dictionary; the dossier code is an index
//    into the table's code pool;
//  - a dossier ends at most once (resolved, refused, withdrawn or stopped), so
//    one ending kind and one time stand for the four "…_at" fields;
//  - times are unsigned 32-bit Unix seconds: 1970-01-01 to 2106-02-07, which
//    covers every dossier of the electronic era (FactsTable::Add refuses
//    others); the all-ones value means "absent";
//  - the supplement-request times live in the table's pool; a fact points to
//    them.
//
// Ownership: a DossierFacts points into the FactsTable that made it (code
// pool, dictionaries, supplement times) and is meaningful only while that
// table lives. Facts are immutable values; concurrent reads are safe.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string_view>

#include "util/civil_time.h"

namespace motcua::report {

enum class Channel : std::uint8_t { kOnline = 0, kCounter = 1, kPostal = 2 };
inline constexpr int kChannelCount = 3;
const char* ChannelName(Channel c);  // "online" | "counter" | "postal"
std::optional<Channel> ParseChannel(std::string_view name);

enum class Outcome : std::uint8_t { kApproved = 0, kDenied = 1 };

// How a dossier's life ended, if it has (DESIGN.md section 4). A returned
// dossier ended as kResolved; returning is a later step, kept apart.
enum class Ending : std::uint8_t { kNone = 0, kResolved, kRefused, kWithdrawn, kStopped };

// "Never": the time of an ending that has not happened, for comparisons.
inline constexpr Instant kNever = std::numeric_limits<Instant>::max();

// One dossier described field by field. Views and spans need to live only
// until FactsTable::Add returns (the table copies what it keeps).
struct DossierRecord {
  std::string_view code;              // e.g. "000.00.12.H29-231116-0001"
  std::string_view agency;            // the agency that resolves it
  std::string_view field;             // field code of the procedure
  std::string_view procedure;         // national procedure code, e.g. "1.004227"
  std::string_view desk_officer;      // login of who received or refused it; empty if none
  std::string_view acting_for;        // agency the desk acted on behalf of; empty for own staff
  std::string_view delegation_grant;  // grant id used at the desk; empty for own staff
  Channel channel = Channel::kOnline;

  Instant submitted_at = 0;
  // Receipt fixes both times at once (DESIGN.md section 4). Absent for a
  // dossier refused, withdrawn or still at reception.
  std::optional<Instant> received_at;
  std::optional<Instant> due_at;  // the original due time: it classifies even after an extension

  // At most one of these four endings.
  std::optional<Instant> completed_at;  // resolved (approved or denied)
  std::optional<Outcome> outcome;       // present exactly when completed_at is
  std::optional<Instant> refused_at;    // refused at reception
  std::optional<Instant> withdrawn_at;  // before or after receipt
  std::optional<Instant> stopped_at;    // stopped by the agency during processing

  std::optional<Instant> returned_at;  // result handed over; needs completed_at
  std::optional<Instant> extended_at;  // apology with a new appointment issued (once)

  std::span<const Instant> supplements_at_reception;   // each request slip at the desk
  std::span<const Instant> supplements_in_processing;  // each pause by the agency

  bool rework = false;                // paused for missing components after the desk accepted
  bool components_digitized = false;  // the components were digitized at reception
  bool result_digitized = false;      // the result was issued or digitized electronically
  std::optional<int> rating;          // the applicant's rating, 1..5
};

class FactsTable;

class DossierFacts {
 public:
  // Ids into the owning table (FactsTable::code, FactsTable::agencies(), ...);
  // Dictionary::kNone (0) where the record left the field empty.
  std::uint32_t code_id() const { return code_; }
  std::uint32_t agency() const { return agency_; }
  std::uint32_t acting_for() const { return acting_for_; }
  std::uint32_t field() const { return field_; }
  std::uint32_t procedure() const { return procedure_; }
  std::uint32_t officer() const { return officer_; }
  std::uint32_t grant() const { return grant_; }

  Channel channel() const { return static_cast<Channel>(kinds_ & 0x3); }
  Ending ending() const { return static_cast<Ending>((kinds_ >> 2) & 0x7); }

  Instant submitted_at() const { return submitted_; }
  bool is_received() const { return received_ != kAbsent; }
  std::optional<Instant> received_at() const { return Opt(received_); }
  std::optional<Instant> due_at() const { return Opt(due_); }
  // The time of ending(), or nullopt for Ending::kNone.
  std::optional<Instant> ended_at() const { return Opt(ended_); }
  std::optional<Instant> completed_at() const { return EndedAs(Ending::kResolved); }
  std::optional<Instant> refused_at() const { return EndedAs(Ending::kRefused); }
  std::optional<Instant> withdrawn_at() const { return EndedAs(Ending::kWithdrawn); }
  std::optional<Instant> stopped_at() const { return EndedAs(Ending::kStopped); }
  std::optional<Outcome> outcome() const {
    if (ending() != Ending::kResolved) return std::nullopt;
    return (kinds_ & 0x20) ? Outcome::kDenied : Outcome::kApproved;
  }
  std::optional<Instant> returned_at() const { return Opt(returned_); }
  std::optional<Instant> extended_at() const { return Opt(extended_); }

  std::span<const Instant> supplements_at_reception() const {
    return {supplements_, n_supp_reception_};
  }
  std::span<const Instant> supplements_in_processing() const {
    return {supplements_ + n_supp_reception_, n_supp_processing_};
  }

  bool rework() const { return flags_ & 0x1; }
  bool components_digitized() const { return flags_ & 0x2; }
  bool result_digitized() const { return flags_ & 0x4; }
  std::optional<int> rating() const {
    const int r = flags_ >> 3;
    return r == 0 ? std::nullopt : std::optional<int>(r);
  }

  // The raw times with absent as kNever, for tight loops.
  Instant received_or_never() const { return Wide(received_); }
  Instant due_or_never() const { return Wide(due_); }
  Instant ended_or_never() const { return Wide(ended_); }
  Instant returned_or_never() const { return Wide(returned_); }
  Instant extended_or_never() const { return Wide(extended_); }

  // True if `t` fits the packed time range.
  static constexpr bool Representable(Instant t) { return t >= 0 && t < kAbsent; }

 private:
  friend class FactsTable;
  static constexpr std::uint32_t kAbsent = std::numeric_limits<std::uint32_t>::max();

  static std::optional<Instant> Opt(std::uint32_t v) {
    return v == kAbsent ? std::nullopt : std::optional<Instant>(v);
  }
  static Instant Wide(std::uint32_t v) { return v == kAbsent ? kNever : Instant{v}; }
  std::optional<Instant> EndedAs(Ending e) const {
    return ending() == e ? Opt(ended_) : std::nullopt;
  }

  const Instant* supplements_ = nullptr;  // n_supp_reception_ then n_supp_processing_ times
  std::uint32_t code_ = 0;
  std::uint32_t agency_ = 0;
  std::uint32_t acting_for_ = 0;
  std::uint32_t field_ = 0;
  std::uint32_t procedure_ = 0;
  std::uint32_t officer_ = 0;
  std::uint32_t grant_ = 0;
  std::uint32_t submitted_ = 0;
  std::uint32_t received_ = kAbsent;
  std::uint32_t due_ = kAbsent;
  std::uint32_t ended_ = kAbsent;
  std::uint32_t returned_ = kAbsent;
  std::uint32_t extended_ = kAbsent;
  std::uint8_t n_supp_reception_ = 0;
  std::uint8_t n_supp_processing_ = 0;
  std::uint8_t kinds_ = 0;  // bits 0-1 channel, 2-4 ending, 5 denied
  std::uint8_t flags_ = 0;  // bit 0 rework, 1 components digitized, 2 result digitized, 3-5 rating
};

// The packing is part of the contract: a million facts in 64 MB.
static_assert(sizeof(DossierFacts) == 64);

}  // namespace motcua::report
