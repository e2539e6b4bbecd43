// JsonWriter: writes JSON text straight into a string, for the few answers
// that are rendered on every request of a hot route (a dossier). Building an
// nlohmann::json object first (a std::map node per key, a heap string per
// value) and then dumping it was ~18% of the CPU of a cached
// `GET /api/v1/dossiers/{code}` (perf while bench/http/run.sh ran); writing
// the text directly does the same work with a handful of allocations.
//
// The writer puts in the commas and escapes strings (AppendJsonString:
// invalid UTF-8 becomes U+FFFD); the caller nests Begin/End calls properly.
// Keys come out in the order written.
//
//   JsonWriter w;
//   w.BeginObject();
//   w.Key("code").String(d.code);
//   w.Key("handler").StringOrNull(d.handler);  // null when empty
//   w.EndObject();
//   std::string text = std::move(w).Take();
//
// Thread-compatible (one writer per thread).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "util/civil_time.h"

namespace motcua::http {

class JsonWriter {
 public:
  explicit JsonWriter(std::size_t reserve = 2048) { out_.reserve(reserve); }

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  // REQUIRES: inside an object, and a value follows; `key` is a name from
  // the code that needs no escaping (letters, digits, '_'): it is copied as
  // is, as most of a dossier's JSON is keys.
  JsonWriter& Key(std::string_view key);

  JsonWriter& String(std::string_view value);
  // null when `value` is empty.
  JsonWriter& StringOrNull(std::string_view value);
  // REQUIRES: value non-null (a C string literal or name).
  JsonWriter& String(const char* value) { return String(std::string_view(value)); }
  JsonWriter& Int(std::int64_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  // The time as FormatDateTime (util/civil_time.h) writes it, Vietnam time:
  // "2024-05-02T09:15:00+07:00", without going through snprintf (a dossier
  // holds up to a dozen times; snprintf was ~4% of a cached GET of one).
  JsonWriter& LocalDateTime(Instant t);

  // Appends `json`, already valid JSON text, as one value.
  JsonWriter& Raw(std::string_view json);

  const std::string& text() const { return out_; }
  std::string Take() && { return std::move(out_); }

 private:
  // A comma before any value or key but the first of its container.
  void Separate();

  std::string out_;
  bool first_ = true;       // no value yet in the current container
  bool after_key_ = false;  // the next value belongs to a key just written
};

}  // namespace motcua::http
