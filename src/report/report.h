// Report: the reception and resolution statistics of DESIGN.md section 6 for
// a period [from, to) and a slice of the dossiers (agency, field, procedure,
// desk officer, delegation grant, channel, in any combination).
//
// Counting rules (one pass over the facts, each dossier counted once):
//  - a dossier is *received* in the report if it was received before `to`
//    and had not ended before `from`: carried over if received before `from`,
//    new if received in [from, to). Dossiers never received (refused at the
//    desk, withdrawn before receipt, still at reception) are not received;
//  - each received dossier then falls in exactly one bucket by how it stands
//    at `to`: ended in [from, to) as resolved, withdrawn or stopped, or still
//    open (an ending at `to` itself or later leaves it open at `to`, and it is
//    carried over into the period that starts at `to`);
//  - so the identity of section 6 holds by construction, for any slice:
//    received = resolved + open + withdrawn after receipt + stopped;
//  - resolved dossiers are classified against their original due time with
//    calendar::ClassifyCompletion (denied results count as resolved), open
//    ones with calendar::ClassifyOpen(to, due_at);
//  - events counted in [from, to): returned, refused, withdrawn before
//    receipt, supplement requests, apologies.
//
// Pure functions of their arguments; thread-safe.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>

#include "report/dossier_facts.h"
#include "report/facts_table.h"
#include "util/civil_time.h"
#include "util/status.h"

namespace motcua::report {

// An id that no fact carries: a slice on an unknown code matches nothing.
inline constexpr std::uint32_t kNoMatch = std::numeric_limits<std::uint32_t>::max();

// Which dossiers a report covers. An empty optional does not filter; every
// set member must match. Ids are those of the FactsTable the facts come from.
struct Slice {
  std::optional<std::uint32_t> agency;
  std::optional<std::uint32_t> field;
  std::optional<std::uint32_t> procedure;
  std::optional<std::uint32_t> officer;
  std::optional<std::uint32_t> grant;
  std::optional<Channel> channel;

  bool Matches(const DossierFacts& f) const {
    return (!agency || f.agency() == *agency) && (!field || f.field() == *field) &&
           (!procedure || f.procedure() == *procedure) && (!officer || f.officer() == *officer) &&
           (!grant || f.grant() == *grant) && (!channel || f.channel() == *channel);
  }
};

// A slice given by codes, as the CLI and the API receive it.
struct SliceNames {
  std::optional<std::string> agency = std::nullopt;
  std::optional<std::string> field = std::nullopt;
  std::optional<std::string> procedure = std::nullopt;
  std::optional<std::string> officer = std::nullopt;
  std::optional<std::string> grant = std::nullopt;
  std::optional<Channel> channel = std::nullopt;
};

// Codes to ids of `table`. A code the table has never seen becomes kNoMatch,
// so the report is all zeros (an agency with no dossiers yet is not an error).
Slice ResolveSlice(const FactsTable& table, const SliceNames& names);

struct ReportQuery {
  Instant from = 0;  // inclusive
  Instant to = 0;    // exclusive; REQUIRES: from <= to
  Slice slice;
  // The cost of the delegation contract over the period (VND), for the
  // cost-per-dossier indicator; the pilot of 2023 cost 189,247,828 VND.
  std::optional<std::int64_t> contract_cost_vnd;
};

// The period [from, to) of local (UTC+7) dates: from 00:00 of `first` to
// 00:00 of the day after `last`. REQUIRES: first <= last.
ReportQuery QueryForDates(CivilDate first, CivilDate last);

struct ReceivedCounts {
  std::int64_t total = 0;         // carried_over + fresh
  std::int64_t carried_over = 0;  // received before from, open at from
  std::int64_t fresh = 0;         // received in [from, to) ("new" in JSON)
  std::int64_t online = 0;        // of fresh, by channel
  std::int64_t counter = 0;
  std::int64_t postal = 0;
};

struct ResolvedCounts {
  std::int64_t total = 0;  // early + on_time + late = approved + denied
  std::int64_t early = 0;
  std::int64_t on_time = 0;
  std::int64_t late = 0;
  std::int64_t approved = 0;
  std::int64_t denied = 0;
};

struct OpenCounts {
  std::int64_t total = 0;  // within_deadline + overdue, at `to`
  std::int64_t within_deadline = 0;
  std::int64_t overdue = 0;
};

struct SupplementCounts {
  std::int64_t at_reception = 0;   // request slips at the desk in the period
  std::int64_t in_processing = 0;  // pauses for a supplement in the period
};

// Ratios of section 6; nullopt when the denominator is zero.
struct Indicators {
  std::optional<double> on_time_rate;              // (early + on_time) / resolved
  std::optional<double> online_share;              // online / new
  std::optional<double> digitization_rate;         // new with digitized components / new
  std::optional<double> result_digitization_rate;  // resolved with a digitized result / resolved
  std::optional<double> satisfaction;              // mean rating (1..5) of rated resolved
  std::optional<double> satisfaction_good_share;   // ratings of 4 or 5 / ratings
  std::optional<double> rework_rate;               // new that went back for components / new
  std::optional<double> cost_per_dossier;          // contract cost / new
};

struct Report {
  Instant from = 0;
  Instant to = 0;
  ReceivedCounts received;
  ResolvedCounts resolved;
  OpenCounts open;
  std::int64_t returned = 0;                  // results handed over in the period
  std::int64_t refused = 0;                   // refused at reception in the period
  std::int64_t withdrawn = 0;                 // withdrawn after receipt, in the period
  std::int64_t withdrawn_before_receipt = 0;  // not part of the identity
  std::int64_t stopped = 0;
  SupplementCounts supplement_requests;
  std::int64_t apologies = 0;  // extensions with an apology letter issued in the period

  // The numerators and denominators behind the indicators.
  std::int64_t components_digitized = 0;  // of new
  std::int64_t result_digitized = 0;      // of resolved
  std::int64_t rework = 0;                // of new
  std::int64_t ratings = 0;               // of resolved
  std::int64_t rating_sum = 0;
  std::int64_t ratings_good = 0;  // 4 or 5
  std::optional<std::int64_t> contract_cost_vnd;

  Indicators indicators;  // derived from the counts above by Compute
};

// The report of `query` over `facts`.
// REQUIRES: query.from <= query.to; the slice's ids come from the table that
// made `facts`.
Report Compute(std::span<const DossierFacts> facts, const ReportQuery& query);

// Compute in steps, for callers that route facts to several reports (the
// breakdowns): a report with only from, to and contract_cost_vnd set, each
// fact of its slice passed to Accumulate, then Finish, equals Compute.
void Accumulate(const DossierFacts& fact, Report& report);
// Fills the totals and the indicators from the counts.
void Finish(Report& report);

// Checks the sums a report must satisfy, the identity of section 6 first.
// Internal (an invariant broke) naming the first sum that does not hold.
Status CheckIdentity(const Report& report);

}  // namespace motcua::report
