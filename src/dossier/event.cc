#include "dossier/event.h"

#include <openssl/evp.h>

#include <array>
#include <charconv>

namespace motcua::dossier {

namespace {

constexpr std::size_t kDigestSize = 32;
constexpr std::size_t kHexSize = 2 * kDigestSize;

// Fetched once: with OpenSSL 3 the implicit fetch behind EVP_sha256() is a
// locked provider lookup on every call. The static is initialized
// thread-safely and the EVP_MD is immutable and shared, never freed.
const EVP_MD* Sha256Md() {
  static const EVP_MD* const kSha256 = [] {
    const EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md != nullptr ? md : EVP_sha256();
  }();
  return kSha256;
}

// One digest context per thread, reset for each digest: EVP_Digest
// allocates and frees a context per call (the import hashes every event
// twice: once in replay, once when the store checks the chain).
class ThreadDigest {
 public:
  ThreadDigest() : ctx_(EVP_MD_CTX_new()) {}
  ~ThreadDigest() { EVP_MD_CTX_free(ctx_); }
  ThreadDigest(const ThreadDigest&) = delete;
  ThreadDigest& operator=(const ThreadDigest&) = delete;

  // False only on allocation failure.
  bool Sha256(std::string_view bytes, unsigned char* digest) {
    unsigned int len = 0;
    if (ctx_ != nullptr && EVP_DigestInit_ex2(ctx_, Sha256Md(), nullptr) == 1 &&
        EVP_DigestUpdate(ctx_, bytes.data(), bytes.size()) == 1 &&
        EVP_DigestFinal_ex(ctx_, digest, &len) == 1) {
      return len == kDigestSize;
    }
    return EVP_Digest(bytes.data(), bytes.size(), digest, &len, Sha256Md(), nullptr) == 1 &&
           len == kDigestSize;
  }

 private:
  EVP_MD_CTX* const ctx_;
};

// Writes the lowercase hex SHA-256 of `bytes` to hex[0..64). On a failed
// digest (allocation failure only) it writes nothing and returns false: the
// callers then hash as the empty string did before (never a stored hash).
bool Sha256HexTo(std::string_view bytes, char* hex) {
  thread_local ThreadDigest digest_context;
  std::array<unsigned char, kDigestSize> digest{};
  if (!digest_context.Sha256(bytes, digest.data())) return false;
  static constexpr char kHex[] = "0123456789abcdef";
  for (std::size_t i = 0; i < kDigestSize; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 0xF];
  }
  return true;
}

void Field(std::string& out, std::string_view name, std::string_view value) {
  char len[24];
  const std::to_chars_result r = std::to_chars(len, len + sizeof len, value.size());
  out.append(name);
  out.push_back('=');
  out.append(len, r.ptr);
  out.push_back(':');
  out.append(value);
  out.push_back('\n');
}

void IntField(std::string& out, std::string_view name, std::int64_t value) {
  char digits[24];
  const std::to_chars_result r = std::to_chars(digits, digits + sizeof digits, value);
  Field(out, name, std::string_view(digits, static_cast<std::size_t>(r.ptr - digits)));
}

// Appends CanonicalEventBytes(e) to `out`. Integers in decimal as
// std::to_string wrote them (std::to_chars gives the same digits and sign).
void AppendCanonicalEventBytes(const Event& e, std::string& out) {
  out.append("motcua-event-v1\n");
  Field(out, "dossier_code", e.dossier_code);
  IntField(out, "seq", e.seq);
  Field(out, "action", ActionName(e.action));
  Field(out, "actor", e.actor);
  Field(out, "on_behalf_of", e.on_behalf_of);
  IntField(out, "at", e.at);
  Field(out, "payload", e.payload);
  Field(out, "prev_hash", e.prev_hash);
}

// The event's hash into hex[0..64), the canonical bytes built in a buffer
// kept per thread. False as Sha256HexTo.
bool EventHashTo(const Event& e, char* hex) {
  thread_local std::string buffer;
  buffer.clear();
  AppendCanonicalEventBytes(e, buffer);
  const bool ok = Sha256HexTo(buffer, hex);
  // An event with a very large payload should not pin its size per thread.
  if (buffer.capacity() > (std::size_t{1} << 16)) std::string().swap(buffer);
  return ok;
}

}  // namespace

std::string CanonicalEventBytes(const Event& e) {
  std::string out;
  out.reserve(160 + e.dossier_code.size() + e.actor.size() + e.on_behalf_of.size() +
              e.payload.size() + e.prev_hash.size());
  AppendCanonicalEventBytes(e, out);
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
