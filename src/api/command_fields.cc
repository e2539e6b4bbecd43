#include "api/command_fields.h"

#include <span>

#include "api/text_limits.h"

namespace motcua::api {

using dossier::Action;
using http::ApiError;
using nlohmann::json;

namespace {

enum class Field {
  kReason,
  kMissingComponents,
  kComponents,
  kOutcome,
  kResultDocument,
  kNewAppointment,
  kReturnMethod,
  kTrackingNumber,
  kHandler,
  kComponentId,
  kDocumentHash,
  kStars,
  kComment,
};

struct FieldUse {
  Field field;
  bool required;
};

// What each routed action's body carries beyond version and on_behalf_of
// (the members of dossier::Command that lifecycle.h says the action reads).
std::span<const FieldUse> FieldsOf(Action a) {
  static const FieldUse kSupplement[] = {{Field::kReason, true}, {Field::kMissingComponents, true}};
  static const FieldUse kComponentsOnly[] = {{Field::kComponents, false}};
  static const FieldUse kReasonRequired[] = {{Field::kReason, true}};
  static const FieldUse kReasonOptional[] = {{Field::kReason, false}};
  static const FieldUse kTransfer[] = {{Field::kHandler, false}};
  static const FieldUse kExtend[] = {{Field::kReason, true}, {Field::kNewAppointment, true}};
  static const FieldUse kResolve[] = {{Field::kOutcome, true}, {Field::kResultDocument, false}};
  static const FieldUse kReturn[] = {{Field::kReturnMethod, true}, {Field::kTrackingNumber, false}};
  static const FieldUse kDocument[] = {{Field::kComponentId, true}, {Field::kDocumentHash, true}};
  static const FieldUse kAssign[] = {{Field::kHandler, true}};
  static const FieldUse kRate[] = {{Field::kStars, true}, {Field::kComment, false}};
  switch (a) {
    case Action::kRequestSupplement:
    case Action::kPause:
      return kSupplement;
    case Action::kResubmit:
    case Action::kReceive:
    case Action::kResume:
      return kComponentsOnly;
    case Action::kRefuse:
    case Action::kStop:
      return kReasonRequired;
    case Action::kWithdraw:
      return kReasonOptional;
    case Action::kTransfer:
      return kTransfer;
    case Action::kExtend:
      return kExtend;
    case Action::kResolve:
      return kResolve;
    case Action::kReturn:
      return kReturn;
    case Action::kDigitize:
    case Action::kSign:
      return kDocument;
    case Action::kAssignHandler:
      return kAssign;
    case Action::kRate:
      return kRate;
    case Action::kSubmit:
    case Action::kAskQuestion:
    case Action::kAnswerQuestion:
      break;
  }
  return {};
}

const char* NameOf(Field f) {
  switch (f) {
    case Field::kReason:
      return "reason";
    case Field::kMissingComponents:
      return "missing_components";
    case Field::kComponents:
      return "components";
    case Field::kOutcome:
      return "outcome";
    case Field::kResultDocument:
      return "result_document";
    case Field::kNewAppointment:
      return "new_appointment";
    case Field::kReturnMethod:
      return "return_method";
    case Field::kTrackingNumber:
      return "tracking_number";
    case Field::kHandler:
      return "handler";
    case Field::kComponentId:
      return "component_id";
    case Field::kDocumentHash:
      return "document_hash";
    case Field::kStars:
      return "stars";
    case Field::kComment:
      return "comment";
  }
  return "";
}

// The free-text fields' limits (text_limits.h); nullptr for the others
// (enumerations, times, hashes and ids have their own checks).
const TextLimit* LimitOf(Field f) {
  switch (f) {
    case Field::kReason:
      return &text_limits::kReason;
    case Field::kTrackingNumber:
      return &text_limits::kTrackingNumber;
    case Field::kHandler:
      return &text_limits::kLogin;
    case Field::kComment:
      return &text_limits::kComment;
    default:
      return nullptr;
  }
}

// More than any procedure has: a bound on what one request can make us do.
constexpr std::size_t kMaxComponents = 100;

json Sha256Schema(const char* description) {
  return {{"type", "string"}, {"pattern", "^[0-9a-f]{64}$"}, {"description", description}};
}

json SchemaWithoutLimit(Field f) {
  switch (f) {
    case Field::kReason:
      return {{"type", "string"},
              {"description",
               "Why, in Vietnamese: printed on the slip (supplement request, refusal, notice to "
               "stop) or the apology letter."}};
    case Field::kMissingComponents:
      return {{"type", "array"},
              {"items", {{"type", "string"}}},
              {"minItems", 1},
              {"description", "Ids of the procedure's components that are missing."}};
    case Field::kComponents:
      return {{"type", "array"},
              {"items", {{"$ref", "#/components/schemas/ComponentInput"}}},
              {"description",
               "Components handed in (replacing those with the same id). resubmit and resume "
               "must hand in every component asked for."}};
    case Field::kOutcome:
      return {{"type", "string"}, {"enum", {"approved", "denied"}}};
    case Field::kResultDocument:
      return Sha256Schema("SHA-256 of the result document; absent while it exists on paper only.");
    case Field::kNewAppointment:
      return {{"type", "string"},
              {"format", "date-time"},
              {"description", "The new appointment, after the current one (RFC 3339)."}};
    case Field::kReturnMethod:
      return {{"type", "string"}, {"enum", {"counter", "postal"}}};
    case Field::kTrackingNumber:
      return {{"type", "string"}, {"description", "Postal delivery only: the tracking number."}};
    case Field::kHandler:
      return {{"type", "string"}, {"description", "Login of the specialist who handles it."}};
    case Field::kComponentId:
      return {{"type", "string"},
              {"description", "A component id of the procedure, or \"result\" for the result."}};
    case Field::kDocumentHash:
      return Sha256Schema("SHA-256 of the document.");
    case Field::kStars:
      return {{"type", "integer"}, {"minimum", 1}, {"maximum", 5}};
    case Field::kComment:
      return {{"type", "string"}};
  }
  return json::object();
}

json SchemaOf(Field f) {
  json schema = SchemaWithoutLimit(f);
  if (const TextLimit* limit = LimitOf(f)) schema = MaxLength(std::move(schema), *limit);
  if (f == Field::kMissingComponents) schema["maxItems"] = kMaxComponents;
  return schema;
}

std::string Text(http::ObjectReader& r, const char* key, bool required) {
  return required ? r.String(key) : r.OptionalString(key).value_or("");
}

// The free text of field `f` as read into `cmd`, for the length check.
std::string_view TextOf(Field f, const dossier::Command& cmd) {
  switch (f) {
    case Field::kReason:
      return cmd.reason;
    case Field::kTrackingNumber:
      return cmd.tracking_number;
    case Field::kHandler:
      return cmd.handler;
    case Field::kComment:
      return cmd.comment;
    default:
      return {};
  }
}

void ReadField(const FieldUse& use, http::ObjectReader& r, dossier::Command* cmd,
               std::optional<ApiError>* components_error) {
  const char* key = NameOf(use.field);
  switch (use.field) {
    case Field::kReason:
      cmd->reason = Text(r, key, use.required);
      return;
    case Field::kMissingComponents:
      cmd->missing_components = r.StringArray(key);
      r.Require(cmd->missing_components.size() <= kMaxComponents, key,
                "Quá nhiều thành phần còn thiếu (tối đa " + std::to_string(kMaxComponents) + ").");
      return;
    case Field::kComponents:
      *components_error = ReadComponents(r, &cmd->components);
      return;
    case Field::kOutcome: {
      const std::string text = Text(r, key, use.required);
      if (text.empty() || !r.ok()) return;
      Result<dossier::Outcome> o = dossier::ParseOutcome(text);
      r.Require(o.ok(), key, "Kết quả giải quyết phải là \"approved\" hoặc \"denied\".");
      if (o.ok()) cmd->outcome = *o;
      return;
    }
    case Field::kResultDocument:
      cmd->result_document = Text(r, key, use.required);
      return;
    case Field::kNewAppointment: {
      const std::string text = Text(r, key, use.required);
      if (text.empty() || !r.ok()) return;
      Result<Instant> t = ParseDateTime(text);
      r.Require(t.ok(), key, "Ngày hẹn mới phải là thời điểm dạng RFC 3339.");
      if (t.ok()) cmd->new_appointment = *t;
      return;
    }
    case Field::kReturnMethod: {
      const std::string text = Text(r, key, use.required);
      if (text.empty() || !r.ok()) return;
      Result<dossier::ReturnMethod> m = dossier::ParseReturnMethod(text);
      r.Require(m.ok(), key, "Hình thức trả kết quả phải là \"counter\" hoặc \"postal\".");
      if (m.ok()) cmd->return_method = *m;
      return;
    }
    case Field::kTrackingNumber:
      cmd->tracking_number = Text(r, key, use.required);
      return;
    case Field::kHandler:
      cmd->handler = Text(r, key, use.required);
      return;
    case Field::kComponentId:
      cmd->component_id = Text(r, key, use.required);
      return;
    case Field::kDocumentHash:
      cmd->document_hash = Text(r, key, use.required);
      return;
    case Field::kStars:
      cmd->stars =
          static_cast<int>(use.required ? r.Int(key, 1, 5) : r.OptionalInt(key, 1, 5).value_or(0));
      return;
    case Field::kComment:
      cmd->comment = Text(r, key, use.required);
      return;
  }
}

}  // namespace

std::vector<Action> RoutedActions() {
  std::vector<Action> out;
  for (Action a : dossier::AllActions()) {
    if (a == Action::kSubmit || a == Action::kAskQuestion || a == Action::kAnswerQuestion) {
      continue;
    }
    out.push_back(a);
  }
  return out;
}

std::optional<ApiError> ReadActionFields(Action action, http::ObjectReader& r,
                                         dossier::Command* cmd) {
  std::optional<ApiError> components_error;
  for (const FieldUse& use : FieldsOf(action)) ReadField(use, r, cmd, &components_error);
  if (components_error) return components_error;
  for (const FieldUse& use : FieldsOf(action)) {
    const TextLimit* limit = LimitOf(use.field);
    if (limit == nullptr) continue;
    const std::string path = std::string("/") + NameOf(use.field);
    if (auto e = CheckLength(path, TextOf(use.field, *cmd), *limit)) return e;
  }
  return std::nullopt;
}

std::optional<ApiError> ReadComponents(http::ObjectReader& r,
                                       std::vector<dossier::Component>* out) {
  const json* v = r.Raw("components");
  if (v == nullptr || v->is_null()) return std::nullopt;
  const auto wrong = [](const std::string& where, const char* what) {
    return ApiError::BadRequest("wrong_type",
                                "Trường \"/components" + where + "\" phải là " + what + ".");
  };
  if (!v->is_array()) return wrong("", "một mảng");
  if (v->size() > kMaxComponents) {
    return ApiError::Unprocessable("invalid_value", "Quá nhiều thành phần hồ sơ (tối đa " +
                                                        std::to_string(kMaxComponents) + ").");
  }
  for (std::size_t i = 0; i < v->size(); ++i) {
    const json& item = (*v)[i];
    const std::string where = "/" + std::to_string(i);
    if (!item.is_object()) return wrong(where, "một đối tượng");
    dossier::Component c;
    for (const auto& [key, value] : item.items()) {
      if (key != "id" && key != "document_hash") {
        return ApiError::BadRequest(
            "unknown_field", "Trường \"/components" + where + "/" + key + "\" không được hỗ trợ.");
      }
      if (value.is_null()) continue;
      if (!value.is_string()) return wrong(where + "/" + key, "một chuỗi");
      const std::string& s = value.get_ref<const std::string&>();
      if (s.find('\0') != std::string::npos) {
        return ApiError::Unprocessable(
            "invalid_value", "Trường \"/components" + where + "/" + key + "\" chứa ký tự NUL.");
      }
      (key == "id" ? c.id : c.document_hash) = s;
    }
    if (c.id.empty()) {
      return ApiError::BadRequest("missing_field",
                                  "Thiếu trường bắt buộc \"/components" + where + "/id\".");
    }
    out->push_back(std::move(c));
  }
  return std::nullopt;
}

json ActionRequestSchema(Action action) {
  json properties = {
      {"version",
       {{"type", "integer"},
        {"minimum", 1},
        {"description",
         "The dossier version the client saw; another stored version is a 409 conflict."}}},
      {"on_behalf_of",
       {{"type", "string"},
        {"description",
         "Unit code of the agency the request acts for: the dossier's agency for its own staff "
         "and for a delegated desk; absent for applicants and supervisors."}}}};
  json required = {"version"};
  for (const FieldUse& use : FieldsOf(action)) {
    properties[NameOf(use.field)] = SchemaOf(use.field);
    if (use.required) required.push_back(NameOf(use.field));
  }
  return {{"type", "object"},
          {"additionalProperties", false},
          {"required", std::move(required)},
          {"properties", std::move(properties)}};
}

json ComponentInputSchema() {
  return {{"type", "object"},
          {"additionalProperties", false},
          {"required", {"id"}},
          {"properties",
           {{"id", {{"type", "string"}, {"description", "The procedure's component id."}}},
            {"document_hash",
             Sha256Schema("SHA-256 of the digitized document; absent while on paper only.")}}}};
}

}  // namespace motcua::api
