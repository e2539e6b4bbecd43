// The JSON Lines form of an ImportRecord (DESIGN.md section 9): one line
// read into a typed record, and a record written back as one line.
//
// A line is an object:
//   code, procedure, channel ("online" | "counter" | "postal"), applicant
//   {name, phone, id_number?, email?, login?}, procedure_version? (integer),
//   components? ([id | {id, document_hash?}]), events (non-empty array).
// An event is an object with action, at (RFC 3339), by? (the actor's login),
// for? (the agency acted on behalf of) and the members of its action, named
// as in the event payload (dossier/payload.cc):
//   request_supplement, pause: reason, missing_components
//   resubmit, receive, resume: components
//   refuse, stop, withdraw:    reason
//   transfer, assign_handler:  handler
//   extend:                    reason, new_appointment
//   resolve:                   outcome, result_document
//   return:                    method ("counter" | "postal"), tracking_number
//   digitize, sign:            component_id, document_hash
//   ask_question, answer_question: text
//   rate:                      stars, comment
// A member that the record or its action does not have is an error (a typo
// must not silently drop a fact), and so are due times: they are computed at
// replay, never imported. Whether a required member is present is the life
// cycle's check (replay.h), so that import and live work say the same thing.
//
// Errors are InvalidArgument naming the member, e.g.
//   "field 'events[2].at': bad date-time '2023-13-01T08:00': ..."
// (the caller adds "line N: "). Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "import/record.h"
#include "util/status.h"

namespace motcua::import {

Result<ImportRecord> ParseRecord(std::string_view line);

// The "code" member of a line that ParseRecord refused, when it is there:
// error reports name the dossier when they can. Empty otherwise.
std::string CodeOfLine(std::string_view line);

// One line (no trailing newline) that ParseRecord reads back to an equal
// record. Members left at their defaults are left out.
std::string FormatRecord(const ImportRecord& record);

}  // namespace motcua::import
