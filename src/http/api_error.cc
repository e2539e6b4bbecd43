#include "http/api_error.h"

#include <nlohmann/json.hpp>

namespace motcua::http {
namespace {

ApiError Make(int http_status, std::string code, std::string message) {
  ApiError e;
  e.http_status = http_status;
  e.code = std::move(code);
  e.message = std::move(message);
  return e;
}

// Access decisions say "PermissionDenied("<rule code>: <reason>")"
// (access/authorize.h, Decision::ToStatus); the rule code is the part before
// the first ": ", when it looks like one.
std::string RuleOf(const std::string& message) {
  const auto colon = message.find(": ");
  if (colon == std::string::npos || colon == 0) return {};
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = message[i];
    if (!((c >= 'a' && c <= 'z') || c == '_')) return {};
  }
  return message.substr(0, colon);
}

}  // namespace

std::string ApiError::Body() const {
  nlohmann::json error = {{"code", code}, {"message", message}};
  if (!detail.empty()) error["detail"] = detail;
  if (!rule.empty()) error["rule"] = rule;
  const nlohmann::json body = {{"error", std::move(error)}};
  // `replace`: a message built from bytes we did not validate must not throw.
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

ApiError ApiError::FromStatus(const Status& status) {
  assert(!status.ok());
  using Code = Status::Code;
  ApiError e;
  switch (status.code()) {
    case Code::kOk:  // not an error: a bug in the caller
      return Internal("FromStatus called with an ok status");
    case Code::kInvalidArgument:
      e = Make(422, "invalid_argument", "Dữ liệu gửi lên không hợp lệ.");
      break;
    case Code::kOutOfRange:
      e = Make(422, "out_of_range", "Giá trị nằm ngoài phạm vi cho phép.");
      break;
    case Code::kNotFound:
      e = Make(404, "not_found", "Không tìm thấy đối tượng được yêu cầu.");
      break;
    case Code::kAlreadyExists:
      e = Make(409, "already_exists", "Đối tượng này đã tồn tại.");
      break;
    case Code::kFailedPrecondition:
      e = Make(409, "failed_precondition",
               "Thao tác không được phép ở trạng thái hiện tại của hồ sơ.");
      break;
    case Code::kConflict:
      e = Make(409, "conflict", "Hồ sơ đã được người khác thay đổi; hãy tải lại và thử lại.");
      break;
    case Code::kPermissionDenied:
      e = Make(403, "permission_denied", "Bạn không có quyền thực hiện thao tác này.");
      e.rule = RuleOf(status.message());
      break;
    case Code::kUnauthenticated:
      e = Unauthenticated("Cần đăng nhập, hoặc phiên đăng nhập đã hết hạn.");
      break;
    case Code::kResourceExhausted:
      // A Status carries no delay; one second is the honest minimum. The rate
      // limiter builds its answers with TooManyRequests and the exact delay.
      e = TooManyRequests(1);
      e.code = "resource_exhausted";
      break;
    case Code::kIOError:
      // The store failed (disk, database connection): a retry may succeed.
      e = Unavailable("unavailable", "Hệ thống lưu trữ tạm thời không sẵn sàng; hãy thử lại sau.",
                      5);
      e.log_detail = status.ToString();
      return e;
    case Code::kCorruption:
    case Code::kInternal:
      return Internal(status.ToString());
  }
  e.detail = status.message();
  return e;
}

ApiError ApiError::BadRequest(std::string code, std::string message) {
  return Make(400, std::move(code), std::move(message));
}

ApiError ApiError::Unprocessable(std::string code, std::string message) {
  return Make(422, std::move(code), std::move(message));
}

ApiError ApiError::Unauthenticated(std::string message) {
  ApiError e = Make(401, "unauthenticated", std::move(message));
  // RFC 9110 section 15.5.2: a 401 carries WWW-Authenticate.
  e.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"motcua\"");
  return e;
}

ApiError ApiError::Forbidden(std::string code, std::string message, std::string rule) {
  ApiError e = Make(403, std::move(code), std::move(message));
  e.rule = std::move(rule);
  return e;
}

ApiError ApiError::RouteNotFound(std::string_view path) {
  ApiError e = Make(404, "route_not_found", "Không có địa chỉ này trong API.");
  e.detail = "no route for " + std::string(path);
  return e;
}

ApiError ApiError::MethodNotAllowed(std::string allow) {
  ApiError e = Make(405, "method_not_allowed",
                    "Địa chỉ này không nhận phương thức HTTP đã dùng (chỉ nhận: " + allow + ").");
  e.headers.emplace_back("Allow", std::move(allow));
  return e;
}

ApiError ApiError::PayloadTooLarge(std::size_t limit_bytes) {
  return Make(413, "payload_too_large",
              "Nội dung yêu cầu quá lớn (tối đa " + std::to_string(limit_bytes) + " byte).");
}

ApiError ApiError::UnsupportedMediaType(std::string_view content_type) {
  ApiError e = Make(415, "unsupported_media_type",
                    "Nội dung phải là JSON (Content-Type: application/json).");
  e.detail = content_type.empty() ? "no Content-Type"
                                  : "Content-Type was " + std::string(content_type.substr(0, 100));
  return e;
}

ApiError ApiError::TooManyRequests(int retry_after_seconds) {
  ApiError e =
      Make(429, "rate_limited",
           "Quá nhiều yêu cầu; hãy thử lại sau " + std::to_string(retry_after_seconds) + " giây.");
  e.retry_after_seconds = retry_after_seconds;
  return e;
}

ApiError ApiError::Unavailable(std::string code, std::string message, int retry_after_seconds) {
  ApiError e = Make(503, std::move(code), std::move(message));
  e.retry_after_seconds = retry_after_seconds;
  return e;
}

ApiError ApiError::Internal(std::string log_detail) {
  ApiError e = Make(500, "internal", "Lỗi máy chủ; sự cố đã được ghi lại.");
  e.log_detail = std::move(log_detail);
  return e;
}

}  // namespace motcua::http
