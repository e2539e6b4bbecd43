// Replay: a historic dossier (ImportRecord) run through the same life cycle
// and calendar as live work (dossier::Apply), yielding the dossier as it
// stands after its last event and its hash-chained events, ready for
// store::Store::ImportDossiers.
//
// The procedure version is the one of the record, else the catalog version
// in force on the local day of receipt (of submission when the dossier was
// never received): the version the desk received it under (DESIGN.md
// section 3). The handling agency and field are those responsible for that
// procedure on the day of submission (the day the agency's code was given),
// following reorganizations. Receive computes due_at from that version's
// processing time and the working calendar; nothing in the file can set it.
//
// A return that names neither a method nor a tracking number was at the
// counter (historic systems often record only that the result was handed
// over, as the example of DESIGN.md section 9 does).
//
// Actors named by historic events need not be users of this installation:
// they are recorded by their login, unchecked. An agency named by `for` must
// be in the catalog (a typo would credit the work to nobody).
//
// Errors are InvalidArgument naming the member or the event, e.g.
//   "events[3] (resolve): resolve: the outcome (approved or denied) is missing"
// and change nothing. Pure; thread-safe (catalog and calendar are immutable).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "access/grant.h"
#include "calendar/working_calendar.h"
#include "catalog/catalog.h"
#include "dossier/dossier.h"
#include "dossier/event.h"
#include "dossier/terms.h"
#include "import/record.h"
#include "util/status.h"

namespace motcua::import {

// What a replay reads. REQUIRES: both non-null and alive while replaying.
struct ReplayContext {
  const catalog::Catalog* catalog = nullptr;
  const calendar::WorkingCalendar* calendar = nullptr;
};

struct ReplayedDossier {
  dossier::Dossier dossier;            // after the last event
  std::vector<dossier::Event> events;  // seq 1..n, chained from the genesis hash
};

// The life cycle's view of `procedure` for a dossier submitted on `day`: the
// agency and field responsible for it that day (following successors), its
// processing time and its mandatory components. NotFound when no agency in
// force handles it on that day.
Result<dossier::ProcedureTerms> TermsFor(const catalog::Catalog& catalog,
                                         const catalog::Procedure& procedure, DayNumber day);

Result<ReplayedDossier> Replay(const ImportRecord& record, const ReplayContext& ctx);
// The same, taking the record's commands instead of copying them.
Result<ReplayedDossier> Replay(ImportRecord&& record, const ReplayContext& ctx);

// The delegation grant a desk used for this dossier, if any: the first
// receive, request_supplement or refuse event done on behalf of another
// agency, matched to a grant of that agency to that actor, in force at the
// event, listing the action and covering the dossier's field and procedure.
// nullopt when the desk acted as the agency's own staff or no grant matches
// (a historic desk whose grant was never recorded here).
std::optional<std::int64_t> DeskGrantFor(const ReplayedDossier& replayed,
                                         std::span<const access::Grant> grants);

}  // namespace motcua::import
