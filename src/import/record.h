// ImportRecord: one historic dossier as a line of a `motcua import dossiers`
// file describes it (DESIGN.md section 9), typed but not yet replayed.
//
// The events are kept as dossier::Command values: replay (replay.h) applies
// them one by one through dossier::Apply, exactly as live work would, so that
// due times, classification and the hash chain come from the same code. What
// the file cannot say on purpose: due times (computed from the catalog and the
// calendar at receipt), versions and hashes (assigned by the replay).
//
// Plain value type; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dossier/dossier.h"
#include "dossier/lifecycle.h"

namespace motcua::import {

struct ImportRecord {
  std::string code;       // the dossier code, "{agency}-{YYMMDD}-{NNNN}"
  std::string procedure;  // national procedure code, e.g. "1.004227"
  // The catalog version to handle it under; nullopt: the version in force on
  // the local day of receipt (of submission when it was never received).
  std::optional<int> procedure_version;
  dossier::Channel channel = dossier::Channel::kOnline;
  dossier::Applicant applicant;
  // Components handed in with the submission. When the record has no
  // "components" member, the replay takes the mandatory components of the
  // procedure version as handed in on paper: historic systems seldom list
  // them, and a dossier the desk received had them. Components of later
  // events (resubmit, receive, resume) are added to these.
  std::vector<dossier::Component> components;
  bool components_given = false;  // a "components" member was present, even empty
  // In order; the first is the submit. expected_version is left 0: the replay
  // sets it. The replay gives the submit the code, applicant, channel and
  // components above (ParseRecord copies them there too).
  std::vector<dossier::Command> events;
};

// Gives the submit (the first event) the record's code, applicant, channel
// and components, as both readers (record_json.h) leave a parsed record.
// REQUIRES: !record.events.empty().
inline void CopyRecordMembersToSubmit(ImportRecord& record) {
  dossier::Command& submit = record.events.front();
  submit.code = record.code;
  submit.applicant = record.applicant;
  submit.channel = record.channel;
  submit.components = record.components;
}

}  // namespace motcua::import
