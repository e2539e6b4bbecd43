#include "dossier/event.h"

#include <openssl/sha.h>

#include <array>
#include <charconv>
#include <cstring>

namespace motcua::dossier {

namespace {

constexpr std::size_t kDigestSize = 32;
constexpr std::size_t kHexSize = 2 * kDigestSize;

// SHA-256 through OpenSSL's low-level functions rather than EVP: with
// OpenSSL 3.0 every EVP_DigestInit_ex2 allocates and frees the provider's
// context even when the EVP_MD_CTX is reused, and the dispatch costs more:
// 0.42 against 0.30 us for an event's 273 bytes on the import machine (the
// import hashes every event twice: in replay, and when the store checks the
// chain). Same digest, same SHA extensions; deprecated in 3.0 in favour of
// EVP but still provided, hence the local suppression.
bool Sha256(std::string_view bytes, unsigned char* digest) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  SHA256_CTX ctx;
  const bool ok = SHA256_Init(&ctx) == 1 && SHA256_Update(&ctx, bytes.data(), bytes.size()) == 1 &&
                  SHA256_Final(digest, &ctx) == 1;
#pragma GCC diagnostic pop
  return ok;
}

// Writes the lowercase hex SHA-256 of `bytes` to hex[0..64). On a failed
// digest (which OpenSSL does not report for SHA-256 in practice) it writes
// nothing and returns false: the callers then hash as the empty string did
// before (never a stored hash).
bool Sha256HexTo(std::string_view bytes, char* hex) {
  std::array<unsigned char, kDigestSize> digest{};
  if (!Sha256(bytes, digest.data())) return false;
  static constexpr char kHex[] = "0123456789abcdef";
  for (std::size_t i = 0; i < kDigestSize; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 0xF];
  }
  return true;
}

// Writes CanonicalEventBytes through a raw pointer: appending the 48 pieces
// one by one to a std::string cost more than the SHA-256 of the result.
class CanonicalWriter {
 public:
  // Room for the format tag (16 bytes), the field names (56), their
  // separators (24), eight lengths, seq and at (at most 20 digits each) and
  // the action's name (under 32), plus the string values.
  static std::size_t MaxSize(const Event& e) {
    return 384 + e.dossier_code.size() + e.actor.size() + e.on_behalf_of.size() + e.payload.size() +
           e.prev_hash.size();
  }
  // REQUIRES: `out` has room for MaxSize(e) bytes.
  explicit CanonicalWriter(char* out) : begin_(out), p_(out) {}

  std::size_t Write(const Event& e) {
    Put("motcua-event-v1\n");
    Field("dossier_code", e.dossier_code);
    IntField("seq", e.seq);
    Field("action", ActionName(e.action));
    Field("actor", e.actor);
    Field("on_behalf_of", e.on_behalf_of);
    IntField("at", e.at);
    Field("payload", e.payload);
    Field("prev_hash", e.prev_hash);
    return static_cast<std::size_t>(p_ - begin_);
  }

 private:
  void Put(std::string_view s) {
    std::memcpy(p_, s.data(), s.size());
    p_ += s.size();
  }
  // Integers in decimal as std::to_string wrote them (std::to_chars gives
  // the same digits and sign).
  void Int(std::int64_t v) { p_ = std::to_chars(p_, p_ + 20, v).ptr; }
  // "name=<byte length>:<bytes>\n"
  void Field(std::string_view name, std::string_view value) {
    Put(name);
    *p_++ = '=';
    Int(static_cast<std::int64_t>(value.size()));
    *p_++ = ':';
    Put(value);
    *p_++ = '\n';
  }
  void IntField(std::string_view name, std::int64_t value) {
    char digits[24];
    const std::to_chars_result r = std::to_chars(digits, digits + sizeof digits, value);
    Field(name, std::string_view(digits, static_cast<std::size_t>(r.ptr - digits)));
  }

  char* const begin_;
  char* p_;
};

// The event's hash into hex[0..64), the canonical bytes built on the stack
// when they fit (they do unless the payload is long). False as Sha256HexTo.
bool EventHashTo(const Event& e, char* hex) {
  const std::size_t max = CanonicalWriter::MaxSize(e);
  char stack[2048];
  if (max <= sizeof stack) {
    const std::size_t n = CanonicalWriter(stack).Write(e);
    return Sha256HexTo(std::string_view(stack, n), hex);
  }
  std::string heap(max, '\0');
  const std::size_t n = CanonicalWriter(heap.data()).Write(e);
  return Sha256HexTo(std::string_view(heap.data(), n), hex);
}

}  // namespace

std::string CanonicalEventBytes(const Event& e) {
  std::string out(CanonicalWriter::MaxSize(e), '\0');
  out.resize(CanonicalWriter(out.data()).Write(e));
  return out;
}

std::string Sha256Hex(std::string_view bytes) {
  std::string hex(kHexSize, '\0');
  if (!Sha256HexTo(bytes, hex.data())) hex.clear();
  return hex;
}

std::string ComputeEventHash(const Event& e) {
  std::string hex(kHexSize, '\0');
  if (!EventHashTo(e, hex.data())) hex.clear();
  return hex;
}

Status VerifyChain(std::span<const Event> events) {
  if (events.empty()) return Status::Ok();
  const std::string& code = events.front().dossier_code;
  // Built only for an error: a chain that verifies allocates nothing.
  const auto where = [&](std::size_t i) {
    return "dossier " + code + ": event " + std::to_string(i + 1);
  };
  std::string_view prev = kGenesisHash;
  std::array<char, kHexSize> hash{};
  for (size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    const std::int64_t expected_seq = static_cast<std::int64_t>(i) + 1;
    if (e.seq != expected_seq) {
      return Status::Corruption(where(i) + ": seq is " + std::to_string(e.seq));
    }
    if (e.dossier_code != code) {
      return Status::Corruption(where(i) + ": belongs to dossier " + e.dossier_code);
    }
    if (e.prev_hash != prev) {
      return Status::Corruption(where(i) + ": prev_hash does not match the previous event");
    }
    if (!EventHashTo(e, hash.data()) || std::string_view(hash.data(), hash.size()) != e.hash) {
      return Status::Corruption(where(i) + ": hash mismatch");
    }
    prev = e.hash;
  }
  return Status::Ok();
}

}  // namespace motcua::dossier
