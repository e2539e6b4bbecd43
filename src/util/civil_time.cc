#include "util/civil_time.h"

#include <cstdio>

namespace motcua {
namespace {

// Reads exactly `n` digits at `pos`; false if any is not a digit.
bool ReadDigits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

Status BadDate(std::string_view text, const char* why) {
  return Status::InvalidArgument("bad date '" + std::string(text) + "': " + why +
                                 " (expected YYYY-MM-DD)");
}

Status BadTime(std::string_view text, const char* why) {
  return Status::InvalidArgument("bad date-time '" + std::string(text) + "': " + why +
                                 " (expected RFC 3339, e.g. 2023-11-16T09:00:00+07:00)");
}

}  // namespace

Result<CivilDate> ParseDate(std::string_view text) {
  CivilDate d;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return BadDate(text, "wrong shape");
  if (!ReadDigits(text, 0, 4, &d.year) || !ReadDigits(text, 5, 2, &d.month) ||
      !ReadDigits(text, 8, 2, &d.day)) {
    return BadDate(text, "not digits");
  }
  if (!IsValidDate(d)) return BadDate(text, "no such day");
  return d;
}

std::string FormatDate(CivilDate d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

Result<Instant> ParseDateTime(std::string_view text) {
  if (text.size() < 16) return BadTime(text, "too short");
  auto date = ParseDate(text.substr(0, 10));
  if (!date.ok()) return BadTime(text, "bad date part");
  if (text[10] != 'T' && text[10] != 't' && text[10] != ' ') return BadTime(text, "no 'T'");
  int hh = 0, mm = 0, ss = 0;
  if (!ReadDigits(text, 11, 2, &hh) || text[13] != ':' || !ReadDigits(text, 14, 2, &mm)) {
    return BadTime(text, "bad hour or minute");
  }
  size_t pos = 16;
  if (pos < text.size() && text[pos] == ':') {
    if (!ReadDigits(text, pos + 1, 2, &ss)) return BadTime(text, "bad second");
    pos += 3;
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      const size_t start = pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      if (pos == start) return BadTime(text, "empty fraction");
    }
  }
  if (hh > 23 || mm > 59 || ss > 59) return BadTime(text, "time out of range");
  int offset = kVietnamOffsetSeconds;
  if (pos < text.size()) {
    const char c = text[pos];
    if ((c == 'Z' || c == 'z') && pos + 1 == text.size()) {
      offset = 0;
    } else if ((c == '+' || c == '-') && pos + 6 == text.size() && text[pos + 3] == ':') {
      int oh = 0, om = 0;
      if (!ReadDigits(text, pos + 1, 2, &oh) || !ReadDigits(text, pos + 4, 2, &om) || oh > 23 ||
          om > 59) {
        return BadTime(text, "bad offset");
      }
      offset = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
    } else {
      return BadTime(text, "trailing characters");
    }
  }
  const Instant local =
      static_cast<Instant>(DaysFromCivil(*date)) * kSecondsPerDay + hh * 3600 + mm * 60 + ss;
  return local - offset;
}

std::string FormatDateTime(Instant t) {
  const DayNumber d = LocalDayOf(t);
  const int sod = LocalSecondOfDay(t);
  const CivilDate c = CivilFromDays(d);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+07:00", c.year, c.month, c.day,
                sod / 3600, sod / 60 % 60, sod % 60);
  return buf;
}

}  // namespace motcua
