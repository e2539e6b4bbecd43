// An imported dossier's history as one BLOB (schema version 4, table
// imported_history): events 1..n of a chain that starts at the genesis hash,
// written by ImportInserter in one row instead of n rows of `event`. Live
// events after the import keep going to `event` with seq n+1...; readers
// merge both sources by seq (store_reads.cc).
//
// Why: every row of `event` costs the writer a b-tree insert, a foreign-key
// probe of its dossier and about 80 bytes of row overhead in the WAL; one
// row per dossier took the writer's import time per dossier from about 62
// to about 40 microseconds (docs/storage.md, schema version 4).
//
// Format: a format byte (1), then for each event, in seq order: action name,
// actor, on_behalf_of (length-prefixed strings), at (zig-zag varint), payload
// (length-prefixed string), hash (32 raw bytes). Left out because the chain
// implies them: the dossier code (the row's dossier), seq (1, 2, ... in
// order), prev_hash (the genesis hash, then the previous event's hash) and
// the request id (always empty for imported history). The records follow
// each other with no count, so the history cut after event k is the
// well-formed history of events 1..k (a removed tail is caught by the
// dossier's head hash, as with event rows). Every other byte is covered by
// an event's hash: a changed byte makes VerifyChain or the decoder fail at
// that event.
//
// Thread-safe (pure functions).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dossier/event.h"
#include "store/sqlite/dossier_rows.h"
#include "util/status.h"

namespace motcua::store::sqlite {

// Encodes `events` with their hashes as stored bytes (`hashes[i]` is the
// (prev_hash, hash) pair of events[i], as in DossierRows::event_hashes) into
// *out and returns true when they are a chain from the genesis hash: seq 1..n,
// each prev_hash the hash before it. Returns false (and leaves *out empty)
// otherwise, and for no events: such events are stored as rows of `event`.
bool EncodeImportedHistory(std::span<const dossier::Event> events,
                           std::span<const std::pair<HashBytes, HashBytes>> hashes,
                           std::string* out);

// Appends the events of `blob` to *out, as seq 1, 2, ... of dossier `code`,
// with prev_hash and hash in lowercase hex and an empty request id.
// Corruption naming the dossier and the event whose bytes do not decode.
Status DecodeImportedHistory(std::string_view blob, std::string_view code,
                             std::vector<dossier::Event>* out);

}  // namespace motcua::store::sqlite
