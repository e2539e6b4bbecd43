// ByteWriter and ByteReader: the compact binary encoding the store uses for
// dossier snapshots and report facts (varints, zig-zag signed integers,
// length-prefixed strings), in the manner of LevelDB's util/coding.h.
//
// Values are written in a fixed order chosen by the caller; a reader that
// meets truncated or malformed bytes stops, and ok() turns false for good
// (callers check once at the end and report Corruption).
//
// Plain value types; thread-compatible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace motcua::store {

class ByteWriter {
 public:
  // Room for `n` bytes up front (encoders know their usual size).
  void Reserve(size_t n) { out_.reserve(n); }
  void PutUnsigned(std::uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>(v | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  // Zig-zag, so that small negative numbers stay short.
  void PutSigned(std::int64_t v) {
    PutUnsigned((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
  }
  void PutString(std::string_view s) {
    PutUnsigned(s.size());
    out_.append(s);
  }
  // Bytes of a size both sides know (a hash): no length in front.
  void PutRaw(std::string_view bytes) { out_.append(bytes); }
  // 0 for absent, else 1 + the zig-zag value (so 0 itself stays representable).
  void PutOptional(std::optional<std::int64_t> v) {
    if (!v) {
      PutUnsigned(0);
    } else {
      PutUnsigned(1);
      PutSigned(*v);
    }
  }

  const std::string& bytes() const { return out_; }
  std::string Release() { return std::move(out_); }

 private:
  std::string out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}

  std::uint64_t GetUnsigned() {
    // Most values (lengths, enums, flags) fit in one byte.
    if (!in_.empty() && static_cast<std::uint8_t>(in_.front()) < 0x80) {
      const auto v = static_cast<std::uint8_t>(in_.front());
      in_.remove_prefix(1);
      return v;
    }
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
  std::int64_t GetSigned() {
    const std::uint64_t u = GetUnsigned();
    return static_cast<std::int64_t>((u >> 1) ^ (~(u & 1) + 1));
  }
  // A view into the input: valid while the input is.
  std::string_view GetStringView() { return GetRaw(GetUnsigned()); }
  // The next `n` bytes (PutRaw), as a view into the input.
  std::string_view GetRaw(std::uint64_t n) {
    if (!ok_ || n > in_.size()) {
      Fail();
      return {};
    }
    std::string_view s = in_.substr(0, n);
    in_.remove_prefix(n);
    return s;
  }
  std::string GetString() { return std::string(GetStringView()); }
  std::optional<std::int64_t> GetOptional() {
    const std::uint64_t present = GetUnsigned();
    if (present == 0) return std::nullopt;
    if (present != 1) {
      Fail();
      return std::nullopt;
    }
    return GetSigned();
  }
  // A count of items that follow, refused when larger than the bytes left
  // (each item takes at least one byte), so corrupt input cannot make the
  // caller reserve gigabytes.
  std::uint64_t GetCount() {
    const std::uint64_t n = GetUnsigned();
    if (n > in_.size()) return Fail();
    return n;
  }

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

}  // namespace motcua::store
