// Event: one appended change of a dossier, chained by SHA-256 so that
// tampering with any stored event is detectable (DESIGN.md section 3).
//
// hash = hex SHA-256 of CanonicalEventBytes(event): every field but the hash
// itself, prev_hash included, each written as "name=<byte length>:<bytes>\n"
// in a fixed order after a format tag, so no two different events share a
// serialization (a value cannot run into the next field). The first event's
// prev_hash is 64 zeros; event n's prev_hash is event n-1's hash.
//
// Plain value type and pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "dossier/action.h"
#include "util/civil_time.h"
#include "util/status.h"

namespace motcua::dossier {

inline constexpr char kGenesisHash[] =
    "0000000000000000000000000000000000000000000000000000000000000000";

struct Event {
  std::string dossier_code;
  std::int64_t seq = 0;  // 1..n; equals the dossier version after the event
  Action action = Action::kSubmit;
  std::string actor;         // login; empty for an anonymous online submission
  std::string on_behalf_of;  // agency code, or empty
  Instant at = 0;
  std::string payload;    // canonical JSON of the action's fields (payload.h)
  std::string prev_hash;  // 64 lowercase hex digits
  std::string hash;       // 64 lowercase hex digits

  friend bool operator==(const Event&, const Event&) = default;
};

// The bytes the hash is taken over (see above).
std::string CanonicalEventBytes(const Event& e);
// Lowercase hex SHA-256 of CanonicalEventBytes(e).
std::string ComputeEventHash(const Event& e);
// Lowercase hex SHA-256 of arbitrary bytes (OpenSSL).
std::string Sha256Hex(std::string_view bytes);

// Ok when `events` are one dossier's whole chain in order: seq 1..n, one
// dossier code, the first prev_hash the genesis hash, each prev_hash the
// previous hash, each hash recomputed equal. Otherwise Corruption naming the
// dossier and the first broken seq, e.g. "dossier X: event 3: hash mismatch".
// An empty span is ok.
Status VerifyChain(std::span<const Event> events);

}  // namespace motcua::dossier
