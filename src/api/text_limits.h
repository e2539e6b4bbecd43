// The longest value the API accepts in each free-text field of a request,
// in one table, and the one check every route runs on them.
//
// Why: without these the only bound was the 1 MiB body limit, so the public
// door (no login) stored a 600 KB applicant name, and a 1 MB password would
// cost an argon2 hash (issue 4, "Proof"). A value over its limit is refused
// with 422 field_too_long, before anything is read from or written to the
// store; the message names the field and the limit, in Vietnamese.
//
// Limits count characters (Unicode code points of the UTF-8 text; the body
// was checked to be valid UTF-8 before any route reads it), not bytes, so a
// Vietnamese name with diacritics (2–3 bytes a letter) gets the same room as
// an ASCII one. A name typed in decomposed form (NFD) counts its combining
// marks too; the limits leave room for that. The password alone is counted
// in bytes: it is what the hasher's work grows with.
//
// Identifiers that are only looked up (procedure and agency codes,
// on_behalf_of, component ids) are not free text and are not listed here:
// an unknown one finds nothing and nothing is stored.
//
// The table is mirrored in docs/api.md ("Text limits") and in the OpenAPI
// schemas (maxLength).
//
// Pure; thread-safe.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "http/api_error.h"
#include "http/password.h"

namespace motcua::api {

enum class TextUnit { kCharacters, kBytes };

struct TextLimit {
  const char* label;  // Vietnamese, names the field in the message
  std::size_t max;
  TextUnit unit = TextUnit::kCharacters;
};

namespace text_limits {

// ---- The applicant (submission bodies, applicant.*).

// A person's full name is rarely over 50 characters; an organisation as
// applicant ("Công ty Cổ phần … chi nhánh …") can take a few hundred.
inline constexpr TextLimit kApplicantName{"Họ tên người nộp", 200};
// 9..15 digits (submission.cc) plus "+", spaces, dots, dashes, brackets.
inline constexpr TextLimit kPhone{"Số điện thoại", 20};
// CCCD is 12 digits, passports 8–9 characters; room for a foreign document.
inline constexpr TextLimit kIdNumber{"Số giấy tờ tùy thân", 20};
// RFC 5321 section 4.5.3.1.3: a path is at most 256 octets including "<>",
// so an address is at most 254.
inline constexpr TextLimit kEmail{"Email", 254};

// ---- Dossier actions (command_fields.cc).

// Printed on the slip (supplement request, refusal, notice to stop) or the
// apology letter with a new appointment: a few paragraphs, under a page.
inline constexpr TextLimit kReason{"Lý do", 2000};
// The applicant's comment with a rating.
inline constexpr TextLimit kComment{"Nhận xét", 2000};
// VNPost and UPU S10 tracking numbers are 13 characters; room for others.
inline constexpr TextLimit kTrackingNumber{"Số vận đơn", 64};

// ---- Questions and answers (question_routes.cc).

// A question or an answer fits on a page; more is an attachment, not a
// question (about 4,000 characters of Vietnamese on an A4 page).
inline constexpr TextLimit kQuestionText{"Nội dung câu hỏi hoặc trả lời", 4000};

// ---- Accounts (admin_routes.cc, session_routes.cc).

// The shape logins are created in (admin_routes.cc IsValidLogin and
// cli/user_cmd.cc CheckLogin): at most 64; no longer one exists. Also the
// handler of a dossier and the login of a grantee or an API token.
inline constexpr TextLimit kLogin{"Tên đăng nhập", 64};
inline constexpr TextLimit kDisplayName{"Họ tên người dùng", 200};
// The hasher's own bound (http/password.h): argon2id's work and memory grow
// with the input, so a 1 MB password would be a denial of service.
inline constexpr TextLimit kPassword{"Mật khẩu", http::kMaxPasswordBytes, TextUnit::kBytes};
// The integration an API token serves ("Cổng dịch vụ công quốc gia").
inline constexpr TextLimit kTokenLabel{"Nhãn mã truy cập", 200};
// The delegation contract's number and title ("HĐ 12/2024/HĐ-BĐ …").
inline constexpr TextLimit kContractReference{"Số hợp đồng ủy quyền", 200};

// ---- Headers (request_params.cc).

// Idempotency-Key: a UUID is 36 characters; printable ASCII only, so bytes
// and characters agree. Refused with 400 invalid_idempotency_key (a header
// that is not well-formed), not 422.
inline constexpr TextLimit kIdempotencyKey{"Idempotency-Key", 128};

}  // namespace text_limits

// The number of Unicode code points in `utf8`.
// REQUIRES: `utf8` is valid UTF-8 (http::IsValidUtf8).
std::size_t CountCharacters(std::string_view utf8);

// nullopt when `value` is within `limit`; else 422 field_too_long, its
// message naming the field (`path`, a JSON Pointer such as
// "/applicant/name") and the limit, its detail "field <path>".
std::optional<http::ApiError> CheckLength(std::string_view path, std::string_view value,
                                          const TextLimit& limit);

struct LimitedText {
  std::string_view path;
  std::string_view value;
  const TextLimit& limit;
};

// The first of `texts` over its limit, in order; nullopt when none is.
std::optional<http::ApiError> CheckLengths(std::initializer_list<LimitedText> texts);

// `schema` (a JSON Schema of a string) with "maxLength" set to the limit.
// JSON Schema counts characters too (code points, draft 2020-12 section 6.3.1).
nlohmann::json MaxLength(nlohmann::json schema, const TextLimit& limit);

}  // namespace motcua::api
