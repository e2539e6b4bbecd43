#include "dossier/event.h"

#include <openssl/evp.h>

#include <array>

namespace motcua::dossier {

namespace {

void Field(std::string& out, std::string_view name, std::string_view value) {
  out.append(name);
  out.push_back('=');
  out.append(std::to_string(value.size()));
  out.push_back(':');
  out.append(value);
  out.push_back('\n');
}

}  // namespace

std::string CanonicalEventBytes(const Event& e) {
  std::string out = "motcua-event-v1\n";
  Field(out, "dossier_code", e.dossier_code);
  Field(out, "seq", std::to_string(e.seq));
  Field(out, "action", ActionName(e.action));
  Field(out, "actor", e.actor);
  Field(out, "on_behalf_of", e.on_behalf_of);
  Field(out, "at", std::to_string(e.at));
  Field(out, "payload", e.payload);
  Field(out, "prev_hash", e.prev_hash);
  return out;
}

std::string Sha256Hex(std::string_view bytes) {
  // Fetched once: with OpenSSL 3 the implicit fetch behind EVP_sha256() is a
  // locked provider lookup on every call. The static is initialized
  // thread-safely and the EVP_MD is immutable and shared, never freed.
  static const EVP_MD* const kSha256 = [] {
    const EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md != nullptr ? md : EVP_sha256();
  }();
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int len = 0;
  // EVP_Digest only fails on allocation failure; a zero-length digest then
  // hashes as the empty string, which never matches a stored hash.
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &len, kSha256, nullptr) != 1) {
    len = 0;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xF]);
  }
  return hex;
}

std::string ComputeEventHash(const Event& e) { return Sha256Hex(CanonicalEventBytes(e)); }

Status VerifyChain(std::span<const Event> events) {
  if (events.empty()) return Status::Ok();
  const std::string& code = events.front().dossier_code;
  std::string prev = kGenesisHash;
  for (size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    const std::int64_t expected_seq = static_cast<std::int64_t>(i) + 1;
    const std::string where = "dossier " + code + ": event " + std::to_string(expected_seq);
    if (e.seq != expected_seq) {
      return Status::Corruption(where + ": seq is " + std::to_string(e.seq));
    }
    if (e.dossier_code != code) {
      return Status::Corruption(where + ": belongs to dossier " + e.dossier_code);
    }
    if (e.prev_hash != prev) {
      return Status::Corruption(where + ": prev_hash does not match the previous event");
    }
    if (ComputeEventHash(e) != e.hash) return Status::Corruption(where + ": hash mismatch");
    prev = e.hash;
  }
  return Status::Ok();
}

}  // namespace motcua::dossier
