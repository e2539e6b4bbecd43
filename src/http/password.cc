#include "http/password.h"

#include <sodium.h>

#include <condition_variable>
#include <mutex>

#include "http/crypto_init.h"

namespace motcua::http {

// A counting gate on concurrent hashes (see the header: memory per hash).
class PasswordHasher::Gate {
 public:
  explicit Gate(int slots) : free_(slots > 0 ? slots : 1) {}

  // Holds one slot for its lifetime.
  class Hold {
   public:
    explicit Hold(Gate& gate) : gate_(gate) {
      std::unique_lock lock(gate_.mu_);
      gate_.cv_.wait(lock, [&] { return gate_.free_ > 0; });
      --gate_.free_;
    }
    ~Hold() {
      {
        std::lock_guard lock(gate_.mu_);
        ++gate_.free_;
      }
      gate_.cv_.notify_one();
    }
    Hold(const Hold&) = delete;
    Hold& operator=(const Hold&) = delete;

   private:
    Gate& gate_;
  };

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int free_;
};

PasswordHasher::PasswordHasher(PasswordParams params)
    : params_(params), gate_(std::make_unique<Gate>(params.max_concurrent)) {
  EnsureSodium();
  // A hash of a random password with the same parameters, for VerifyDummy.
  char random[33];
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  sodium_bin2hex(random, sizeof random, bytes, sizeof bytes);
  auto dummy = Hash(random);
  dummy_ = dummy.ok() ? *dummy : std::string();
}

PasswordHasher::~PasswordHasher() = default;

Result<std::string> PasswordHasher::Hash(std::string_view password) const {
  if (password.empty()) return Status::InvalidArgument("empty password");
  if (password.size() > kMaxPasswordBytes) {
    return Status::InvalidArgument("password longer than " + std::to_string(kMaxPasswordBytes) +
                                   " bytes");
  }
  char out[crypto_pwhash_STRBYTES];
  Gate::Hold hold(*gate_);
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), params_.opslimit,
                            params_.memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status::ResourceExhausted("argon2id: out of memory");
  }
  return std::string(out);
}

bool PasswordHasher::Verify(std::string_view password, const std::string& encoded) const {
  if (password.empty() || password.size() > kMaxPasswordBytes) return false;
  // Only argon2id hashes are ours; refusing others also bounds the work an
  // attacker-controlled hash string could ask for.
  if (encoded.rfind("$argon2id$", 0) != 0) return false;
  if (encoded.size() >= crypto_pwhash_STRBYTES) return false;
  Gate::Hold hold(*gate_);
  return crypto_pwhash_str_verify(encoded.c_str(), password.data(), password.size()) == 0;
}

void PasswordHasher::VerifyDummy(std::string_view password) const {
  if (dummy_.empty()) return;
  (void)Verify(password.empty() ? std::string_view("x") : password, dummy_);
}

bool PasswordHasher::NeedsRehash(const std::string& encoded) const {
  if (encoded.size() >= crypto_pwhash_STRBYTES) return true;
  return crypto_pwhash_str_needs_rehash(encoded.c_str(), params_.opslimit, params_.memlimit) != 0;
}

}  // namespace motcua::http
