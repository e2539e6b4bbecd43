// The demo year: 1,700 dossiers of the 2023 pilot as historic import records
// (import/record.h), so that the demo database is built through the same
// path as a real historic import, the life cycle and the working calendar
// included. The report over 2023 then shows the pilot's published figures
// (pilot.h, kPilot2023): 1,700 received, all online; 1,668 resolved (1,479
// early, 168 on time, 21 late); 32 open at year end.
//
// How the year is told (each choice the usual shape of a provincial center's
// year, not a published fact):
//  - receipts fall on the working days of 2023 by the calendar, fewer in
//    January and February around Tết Quý Mão (22 January 2023) and in the
//    week before and after it, more on Mondays; at times inside office hours;
//  - online submissions come in at any hour, up to two days before;
//  - the primary postal employee receives on behalf of the agency, the backup
//    in two leave weeks and now and then; about one dossier in twenty is
//    asked for a supplement at the desk first; the desk signs a component
//    with the agency's signature, transfers to the agency's specialist;
//  - about one in thirty is paused by the agency for a missing component
//    (rework) and resumed a few working days later;
//  - each resolve time is chosen with the working calendar against the due
//    time the replay computed, so that the categories come out exactly; the
//    32 left open are those whose due times come last; 13 of the 21 late ones
//    got an apology with a new appointment before the resolve;
//  - results are signed and returned at the desk or by post a few working
//    days later (when that falls in 2023), and some applicants rate.
//
// Deterministic for a seed: same records on every machine (random.h).
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <vector>

#include "import/record.h"
#include "import/replay.h"
#include "util/status.h"

namespace motcua::demo {

inline constexpr std::uint64_t kDefaultSeed = 2023;

// REQUIRES: ctx's catalog is the default catalog (it must hold the six pilot
// agencies and their 2023 procedures) and its calendar covers 2022..2024.
// Internal if the figures cannot be met (a bug, or a changed catalog).
Result<std::vector<import::ImportRecord>> GenerateYear2023(const import::ReplayContext& ctx,
                                                           std::uint64_t seed = kDefaultSeed);

}  // namespace motcua::demo
