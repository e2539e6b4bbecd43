// The values that go in and out of the storage interface (store.h): write
// requests, list and search queries with their results, audit chains.
//
// Plain value types; thread-compatible.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dossier/dossier.h"
#include "dossier/event.h"
#include "dossier/lifecycle.h"
#include "dossier/state.h"
#include "util/civil_time.h"
#include "util/status.h"

namespace motcua::store {

// A new dossier. The store assigns the code "{agency}-{YYMMDD}-{NNNN}"
// (dossier/code.h) and then calls `build` with it inside the write, so the
// submit event's hash covers the real code. A build that fails, or a write
// that fails after it, consumes no sequence number: the next submission gets
// the same code.
struct NewDossier {
  std::string agency_code;   // the code's agency part
  Instant submitted_at = 0;  // its local (UTC+7) day is the code's date
  // Typically: dossier::Apply(nullptr, submit command with cmd.code = code).
  // REQUIRES: the transition's dossier and event carry `code`, seq 1, chained
  // to the genesis hash. Called at most once, on the writer thread: it must
  // not touch the store.
  std::function<Result<dossier::Transition>(const std::string& code)> build;
  // A retried request with the same key gets the first answer and creates
  // nothing. Empty: no idempotency.
  std::string idempotency_key;
  // The delegation grant the desk used, if any (for per-delegation reports).
  std::optional<std::int64_t> desk_grant;
  // The HTTP request that made the write, stored with the event row (not part
  // of the event hash): Store::ListEventsWithRequestIds. Empty: none. (The
  // initializer keeps brace-initialized requests that omit it free of
  // -Wmissing-field-initializers.)
  std::string request_id = {};
};

// One life-cycle step of an existing dossier: the result of dossier::Apply.
struct TransitionWrite {
  // The version the caller read and applied the command to. A stored dossier
  // at another version is a Conflict and nothing is written.
  std::int64_t expected_version = 0;
  // REQUIRES: transition.event.seq == expected_version + 1 and its prev_hash
  // is the stored head hash; dossier.code == event.dossier_code.
  dossier::Transition transition;
  std::string idempotency_key;  // as in NewDossier
  std::optional<std::int64_t> desk_grant;
  std::string request_id = {};  // as in NewDossier
};

// A historic dossier with its whole event chain (motcua import).
struct ImportedDossier {
  dossier::Dossier dossier;            // the state after the last event
  std::vector<dossier::Event> events;  // seq 1..n, a valid chain
  std::optional<std::int64_t> desk_grant;
};

struct ImportSummary {
  std::int64_t imported = 0;
  // Dossiers whose code was already stored (a re-run of the same file), left
  // as they were.
  std::int64_t already_present = 0;
};

// A dossier's row in lists and search results (no decoding of the snapshot).
struct DossierSummary {
  std::string code;
  std::string agency_code;
  std::string procedure_code;
  dossier::State state = dossier::State::kSubmitted;
  dossier::Channel channel = dossier::Channel::kOnline;
  std::string applicant_name;
  std::string applicant_phone;
  std::string handler;
  Instant submitted_at = 0;
  std::optional<Instant> due_at;  // the classifying due time
  std::optional<Instant> completed_at;
  std::int64_t version = 0;

  friend bool operator==(const DossierSummary&, const DossierSummary&) = default;
};

// Filters of ListDossiers; every set member must hold.
struct DossierFilter {
  std::optional<std::string> agency_code;
  std::vector<dossier::State> states;  // any of these; empty: any state
  std::optional<dossier::Channel> channel;
  std::optional<std::string> handler;
  std::optional<std::string> applicant_login;
  std::optional<Instant> submitted_from;  // inclusive
  std::optional<Instant> submitted_to;    // exclusive
  std::optional<Instant> due_before;      // due_at < this (overdue lists)
};

// Newest first (submitted_at, then insertion order). `next_cursor` is empty on
// the last page; pass it back unchanged to get the next page.
struct DossierPage {
  std::vector<DossierSummary> dossiers;
  std::string next_cursor;
};

// Search by one text: a dossier code or its prefix ("000.00.12.H29-231116"),
// a phone number (digits; "+84" is read as "0"), or words of the applicant's
// name, with or without diacritics ("nguyen van a" finds "Nguyễn Văn A"; đ is
// d). Name words match whole words, adjacent and in the typed order ("van a"
// finds "Nguyễn Văn A", "a nguyen" does not: search_fold.h says why). Newest
// first.
struct SearchQuery {
  std::string text;
  int limit = 20;  // 1..200
  // Only dossiers of these agencies; empty: all.
  std::vector<std::string> agency_codes;
};

// An event with the id of the request that wrote it (empty for imported
// events and for those written before request ids were kept).
struct RecordedEvent {
  dossier::Event event;
  std::string request_id;
};

// One dossier's events for the audit, in order, with the head hash its
// snapshot records.
struct EventChain {
  std::string code;
  std::string head_hash;
  std::int64_t version = 0;
  std::span<const dossier::Event> events;
  // Not ok (Corruption, naming the dossier) when some of its stored events
  // could not be decoded: `events` then holds only those that could, and the
  // walk goes on with the next dossier.
  Status unreadable;
};

}  // namespace motcua::store
