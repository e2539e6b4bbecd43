#include "store/sqlite/imported_history.h"

#include <cstdint>

namespace motcua::store::sqlite {
namespace {

constexpr unsigned char kFormat = 1;

// Varints as in store/bytes.h (LevelDB's coding), with raw bytes beside them
// for the hashes, which ByteWriter and ByteReader do not write.
void PutUnsigned(std::uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}
void PutString(std::string_view s, std::string* out) {
  PutUnsigned(s.size(), out);
  out->append(s);
}

// Reads the bytes of one history; any malformed or missing byte turns ok()
// false for good and every later value empty.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  std::uint64_t Unsigned() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (in_.empty()) return Fail();
      const auto byte = static_cast<std::uint8_t>(in_.front());
      in_.remove_prefix(1);
      v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return v;
    }
    return Fail();
  }
  std::int64_t Signed() {
    const std::uint64_t u = Unsigned();
    return static_cast<std::int64_t>((u >> 1) ^ (~(u & 1) + 1));
  }
  std::string_view Raw(std::uint64_t n) {
    if (!ok_ || n > in_.size()) {
      Fail();
      return {};
    }
    const std::string_view s = in_.substr(0, n);
    in_.remove_prefix(n);
    return s;
  }
  std::string_view String() { return Raw(Unsigned()); }
  bool ok() const { return ok_; }
  bool AtEnd() const { return in_.empty(); }

 private:
  std::uint64_t Fail() {
    ok_ = false;
    in_ = {};
    return 0;
  }
  std::string_view in_;
  bool ok_ = true;
};

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
  out->reserve(size);
  out->push_back(static_cast<char>(kFormat));
  for (size_t i = 0; i < events.size(); ++i) {
    const dossier::Event& e = events[i];
    PutString(dossier::ActionName(e.action), out);
    PutString(e.actor, out);
    PutString(e.on_behalf_of, out);
    // Zig-zag, as ByteWriter::PutSigned.
    PutUnsigned((static_cast<std::uint64_t>(e.at) << 1) ^ static_cast<std::uint64_t>(e.at >> 63),
                out);
    PutString(e.payload, out);
    out->append(hashes[i].second.data(), hashes[i].second.size());
  }
  return true;
}

Status DecodeImportedHistory(std::string_view blob, std::string_view code,
                             std::vector<dossier::Event>* out) {
  Reader r(blob);
  if (r.Raw(1) != std::string_view(reinterpret_cast<const char*>(&kFormat), 1)) {
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
    const std::string_view action = r.String();
    e.actor = r.String();
    e.on_behalf_of = r.String();
    e.at = r.Signed();
    e.payload = r.String();
    const std::string_view hash = r.Raw(32);
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
