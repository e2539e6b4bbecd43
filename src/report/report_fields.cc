// The table of report figures.
#include "report/report_fields.h"

namespace motcua::report {
namespace {

#define MOTCUA_COUNT(expr) [](const Report& r) -> std::int64_t { return r.expr; }, nullptr
#define MOTCUA_RATIO(expr) nullptr, [](const Report& r) { return r.indicators.expr; }

// Vietnamese labels follow the wording of the one-stop reports (tiếp nhận,
// giải quyết trước hạn / đúng hạn / quá hạn, đang giải quyết trong hạn / quá
// hạn).
const ReportField kFields[] = {
    {"received", "total", "received_total", "Tổng số hồ sơ tiếp nhận",
     MOTCUA_COUNT(received.total)},
    {"received", "carried_over", "received_carried_over", "Kỳ trước chuyển qua",
     MOTCUA_COUNT(received.carried_over)},
    {"received", "new", "received_new", "Tiếp nhận mới trong kỳ", MOTCUA_COUNT(received.fresh)},
    {"received", "online", "received_online", "Tiếp nhận trực tuyến",
     MOTCUA_COUNT(received.online)},
    {"received", "counter", "received_counter", "Tiếp nhận trực tiếp",
     MOTCUA_COUNT(received.counter)},
    {"received", "postal", "received_postal", "Tiếp nhận qua bưu chính",
     MOTCUA_COUNT(received.postal)},
    {"resolved", "total", "resolved_total", "Đã giải quyết", MOTCUA_COUNT(resolved.total)},
    {"resolved", "early", "resolved_early", "Giải quyết trước hạn", MOTCUA_COUNT(resolved.early)},
    {"resolved", "on_time", "resolved_on_time", "Giải quyết đúng hạn",
     MOTCUA_COUNT(resolved.on_time)},
    {"resolved", "late", "resolved_late", "Giải quyết quá hạn", MOTCUA_COUNT(resolved.late)},
    {"resolved", "approved", "resolved_approved", "Kết quả chấp thuận",
     MOTCUA_COUNT(resolved.approved)},
    {"resolved", "denied", "resolved_denied", "Kết quả từ chối", MOTCUA_COUNT(resolved.denied)},
    {"open", "total", "open_total", "Đang giải quyết", MOTCUA_COUNT(open.total)},
    {"open", "within_deadline", "open_within_deadline", "Đang giải quyết trong hạn",
     MOTCUA_COUNT(open.within_deadline)},
    {"open", "overdue", "open_overdue", "Đang giải quyết quá hạn", MOTCUA_COUNT(open.overdue)},
    {nullptr, "returned", "returned", "Đã trả kết quả", MOTCUA_COUNT(returned)},
    {nullptr, "refused", "refused", "Từ chối tiếp nhận", MOTCUA_COUNT(refused)},
    {nullptr, "withdrawn", "withdrawn", "Rút hồ sơ sau tiếp nhận", MOTCUA_COUNT(withdrawn)},
    {nullptr, "withdrawn_before_receipt", "withdrawn_before_receipt", "Rút hồ sơ trước tiếp nhận",
     MOTCUA_COUNT(withdrawn_before_receipt)},
    {nullptr, "stopped", "stopped", "Dừng xử lý", MOTCUA_COUNT(stopped)},
    {"supplement_requests", "at_reception", "supplement_requests_at_reception",
     "Yêu cầu bổ sung khi tiếp nhận", MOTCUA_COUNT(supplement_requests.at_reception)},
    {"supplement_requests", "in_processing", "supplement_requests_in_processing",
     "Yêu cầu bổ sung trong khi giải quyết", MOTCUA_COUNT(supplement_requests.in_processing)},
    {nullptr, "apologies", "apologies", "Văn bản xin lỗi, gia hạn", MOTCUA_COUNT(apologies)},
    {nullptr, "contract_cost_vnd", "contract_cost_vnd", "Chi phí hợp đồng ủy quyền (đồng)", nullptr,
     nullptr, [](const Report& r) { return r.contract_cost_vnd; }},
    {"indicators", "on_time_rate", "on_time_rate", "Tỷ lệ giải quyết đúng hạn",
     MOTCUA_RATIO(on_time_rate)},
    {"indicators", "online_share", "online_share", "Tỷ lệ hồ sơ trực tuyến",
     MOTCUA_RATIO(online_share)},
    {"indicators", "digitization_rate", "digitization_rate", "Tỷ lệ số hóa hồ sơ",
     MOTCUA_RATIO(digitization_rate)},
    {"indicators", "result_digitization_rate", "result_digitization_rate", "Tỷ lệ số hóa kết quả",
     MOTCUA_RATIO(result_digitization_rate)},
    {"indicators", "satisfaction", "satisfaction", "Mức hài lòng bình quân (1–5)",
     MOTCUA_RATIO(satisfaction)},
    {"indicators", "satisfaction_good_share", "satisfaction_good_share",
     "Tỷ lệ đánh giá hài lòng (4–5)", MOTCUA_RATIO(satisfaction_good_share)},
    {"indicators", "rework_rate", "rework_rate", "Tỷ lệ hồ sơ phải bổ sung sau tiếp nhận",
     MOTCUA_RATIO(rework_rate)},
    {"indicators", "cost_per_dossier", "cost_per_dossier_vnd", "Chi phí bình quân mỗi hồ sơ (đồng)",
     MOTCUA_RATIO(cost_per_dossier)},
    {"indicator_counts", "components_digitized", "components_digitized",
     "Số hồ sơ được số hóa thành phần", MOTCUA_COUNT(components_digitized)},
    {"indicator_counts", "result_digitized", "result_digitized", "Số kết quả được số hóa",
     MOTCUA_COUNT(result_digitized)},
    {"indicator_counts", "rework", "rework", "Số hồ sơ phải bổ sung sau tiếp nhận",
     MOTCUA_COUNT(rework)},
    {"indicator_counts", "ratings", "ratings", "Số lượt đánh giá", MOTCUA_COUNT(ratings)},
    {"indicator_counts", "ratings_good", "ratings_good", "Số lượt đánh giá hài lòng (4–5)",
     MOTCUA_COUNT(ratings_good)},
};

#undef MOTCUA_COUNT
#undef MOTCUA_RATIO

}  // namespace

std::span<const ReportField> ReportFields() { return kFields; }

std::string FormatBound(Instant t) {
  if (LocalSecondOfDay(t) == 0) return FormatDate(LocalDayOf(t));
  return FormatDateTime(t);
}

}  // namespace motcua::report
