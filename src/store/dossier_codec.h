// The stored form of a Dossier snapshot: a compact binary encoding (bytes.h)
// of every field, versioned by its first byte.
//
// Enumerations are written by their stable names (StateName, ChannelName, ...)
// rather than their numeric values, so reordering an enum in dossier/ cannot
// silently change the meaning of stored snapshots. A snapshot that does not
// decode is Corruption.
//
// Engine-neutral (both engines keep the snapshot beside the events). Pure
// functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "dossier/dossier.h"
#include "util/status.h"

namespace motcua::store {

std::string EncodeDossier(const dossier::Dossier& d);
Result<dossier::Dossier> DecodeDossier(std::string_view bytes);

}  // namespace motcua::store
