#include "store/sqlite/imported_history.h"

#include <cstdint>

#include "store/bytes.h"

namespace motcua::store::sqlite {
namespace {

constexpr unsigned char kFormat = 1;

// The genesis hash (dossier/event.h) as stored bytes.
const HashBytes& GenesisBytes() {
  static const HashBytes genesis = HashToBlob(dossier::kGenesisHash).value();
  return genesis;
}

}  // namespace

bool EncodeImportedHistory(std::span<const dossier::Event> events,
                           std::span<const std::pair<HashBytes, HashBytes>> hashes,
                           std::string* out) {
  out->clear();
  if (events.empty() || events.size() != hashes.size()) return false;
  const HashBytes* prev = &GenesisBytes();
  size_t size = 1;
  for (size_t i = 0; i < events.size(); ++i) {
    if (events[i].seq != static_cast<std::int64_t>(i) + 1 || hashes[i].first != *prev) {
      return false;
    }
    prev = &hashes[i].second;
    size +=
        16 + events[i].actor.size() + events[i].on_behalf_of.size() + events[i].payload.size() + 32;
  }
  ByteWriter w;
  w.Reserve(size);
  w.PutUnsigned(kFormat);
  for (size_t i = 0; i < events.size(); ++i) {
    const dossier::Event& e = events[i];
    w.PutString(dossier::ActionName(e.action));
    w.PutString(e.actor);
    w.PutString(e.on_behalf_of);
    w.PutSigned(e.at);
    w.PutString(e.payload);
    w.PutRaw({hashes[i].second.data(), hashes[i].second.size()});
  }
  *out = w.Release();
  return true;
}

Status DecodeImportedHistory(std::string_view blob, std::string_view code,
                             std::vector<dossier::Event>* out) {
  ByteReader r(blob);
  if (r.GetUnsigned() != kFormat || !r.ok()) {
    return Status::Corruption("dossier " + std::string(code) +
                              ": imported history has an unknown format");
  }
  std::string prev = dossier::kGenesisHash;
  for (std::int64_t seq = 1; !r.AtEnd(); ++seq) {
    const auto broken = [&](const char* what) {
      return Status::Corruption("dossier " + std::string(code) + ": event " + std::to_string(seq) +
                                ": imported history " + what);
    };
    dossier::Event e;
    e.dossier_code = std::string(code);
    e.seq = seq;
    const std::string_view action = r.GetStringView();
    e.actor = r.GetStringView();
    e.on_behalf_of = r.GetStringView();
    e.at = r.GetSigned();
    e.payload = r.GetStringView();
    const std::string_view hash = r.GetRaw(32);
    if (!r.ok()) return broken("is cut short or malformed");
    Result<dossier::Action> parsed = dossier::ParseAction(action);
    if (!parsed.ok()) return broken("names an unknown action");
    e.action = *parsed;
    e.prev_hash = std::move(prev);
    e.hash = BlobToHash(hash);
    prev = e.hash;
    out->push_back(std::move(e));
  }
  return Status::Ok();
}

}  // namespace motcua::store::sqlite
