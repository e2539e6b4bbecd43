// Dossier: the aggregate of one application (hồ sơ), as the life cycle
// (lifecycle.h) leaves it after its latest event.
//
// A Dossier is a value: Apply() takes one and returns the next; the store
// keeps the latest snapshot beside the append-only events (event.h) it was
// built from. `version` equals the number of events and the seq of the last
// one; `head_hash` is that event's hash, so the next event can chain to it.
//
// Due times (DESIGN.md section 5), kept apart on purpose:
//   original_due_at  fixed at receive, never moved: what the applicant's
//                    receipt-and-appointment slip says;
//   due_at           original_due_at moved by pauses (the clock stops while
//                    the agency waits for the applicant's supplement), never
//                    by an extension: the due time that classifies the
//                    dossier (deadline.h);
//   extended_due_at  the new appointment of an apology letter (once): what
//                    the applicant is now told, which does not excuse the
//                    delay ("the original due time still classifies").
//
// Plain value type; thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/working_calendar.h"
#include "dossier/state.h"
#include "util/civil_time.h"
#include "util/status.h"

namespace motcua::dossier {

enum class Channel { kOnline, kCounter, kPostal };
const char* ChannelName(Channel c);  // "online" | "counter" | "postal"
Result<Channel> ParseChannel(std::string_view name);

enum class Outcome { kApproved, kDenied };
const char* OutcomeName(Outcome o);  // "approved" | "denied"
Result<Outcome> ParseOutcome(std::string_view name);

enum class ReturnMethod { kCounter, kPostal };
const char* ReturnMethodName(ReturnMethod m);  // "counter" | "postal"
Result<ReturnMethod> ParseReturnMethod(std::string_view name);

struct Applicant {
  std::string name;  // Vietnamese, e.g. "Nguyễn Văn A"
  std::string phone;
  std::string id_number;  // CCCD; empty when not given
  std::string email;      // empty when not given
  std::string login;      // the applicant's account when submitted online; else empty

  friend bool operator==(const Applicant&, const Applicant&) = default;
};

// A component (thành phần hồ sơ) present in the dossier.
struct Component {
  std::string id;             // the procedure's component id
  std::string document_hash;  // SHA-256 hex of the document; empty while only on paper

  friend bool operator==(const Component&, const Component&) = default;
};

// A paused interval: the agency waits for a supplement (DESIGN.md section 4).
struct Pause {
  Instant from = 0;
  std::optional<Instant> to;  // nullopt while the dossier is paused
  std::string reason;
  std::vector<std::string> missing_components;

  friend bool operator==(const Pause&, const Pause&) = default;
};

struct Rating {
  int stars = 0;  // 1..5
  std::string comment;

  friend bool operator==(const Rating&, const Rating&) = default;
};

struct Dossier {
  std::string code;  // code.h
  std::string procedure_code;
  int procedure_version = 0;
  std::string agency_code;  // the agency that handles it
  std::string field_code;
  Applicant applicant;
  Channel channel = Channel::kOnline;
  std::vector<Component> components;

  State state = State::kSubmitted;
  std::int64_t version = 0;  // 1 after submit, +1 per event
  std::string head_hash;     // hash of the latest event (event.h)
  Instant updated_at = 0;    // time of the latest event
  std::string handler;       // login of the assigned specialist; empty if none

  Instant submitted_at = 0;
  std::optional<Instant> received_at;
  std::optional<Instant> clock_start;      // NextWorkingMoment(received_at), or of a restart
  std::optional<Instant> due_at;           // see the top of this file
  std::optional<Instant> original_due_at;  // see the top of this file
  bool extended = false;
  std::optional<Instant> extended_due_at;
  std::string extension_reason;
  std::vector<Pause> pauses;

  // What the desk asked for at reception (request_supplement) or the agency
  // during processing (pause); cleared when supplied (resubmit, resume).
  std::vector<std::string> requested_components;

  std::optional<Instant> completed_at;  // resolve
  std::optional<Outcome> outcome;
  std::string result_document;  // SHA-256 hex; empty while only on paper
  std::optional<Instant> returned_at;
  std::optional<ReturnMethod> return_method;
  std::string tracking_number;  // postal delivery only
  // refuse, withdraw, stop: when and why the dossier ended without a result.
  std::optional<Instant> closed_at;
  std::string closing_reason;
  std::optional<Rating> rating;

  int supplement_requests_at_reception = 0;
  // Pauses for missing components after the desk accepted the dossier:
  // rework, the measure of guidance quality (DESIGN.md section 6).
  int supplement_requests_in_processing = 0;
  int questions_asked = 0;
  int questions_answered = 0;

  // The appointment the applicant holds now: extended_due_at when extended,
  // else due_at. nullopt before receipt.
  std::optional<Instant> AppointmentAt() const;
  // The closed pause intervals, in the form the calendar takes.
  std::vector<calendar::PauseInterval> ClosedPauses() const;
  bool HasComponent(std::string_view id) const;

  friend bool operator==(const Dossier&, const Dossier&) = default;
};

}  // namespace motcua::dossier
