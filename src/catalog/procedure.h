// Procedure (thủ tục hành chính): one version of an administrative procedure as
// a center publishes it: its national code, the agency and field that handle
// it, processing time, fees, channels, the components (thành phần hồ sơ) an
// applicant must bring, and the guidance that desk officers give.
//
// A procedure code can have several versions with disjoint validity windows
// (the law changes); a dossier keeps the version it was received under
// (Catalog::ProcedureAt, Catalog::ProcedureVersion).
//
// Plain value types; a Catalog owns them and hands out const pointers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/processing_time.h"
#include "catalog/validity.h"

namespace motcua::catalog {

// The form in which a component is handed in.
enum class DocumentForm {
  kOriginal,       // bản chính
  kCopy,           // bản sao (with the original shown for comparison)
  kCertifiedCopy,  // bản sao có chứng thực
  kElectronic,     // bản điện tử
};

enum class Channel { kOnline, kCounter, kPostal };

// Names used in files and JSON: "original", "copy", "certified_copy",
// "electronic"; "online", "counter", "postal"; "pause", "restart".
std::string_view DocumentFormName(DocumentForm form);
std::optional<DocumentForm> DocumentFormFromName(std::string_view name);
std::string_view ChannelName(Channel channel);
std::optional<Channel> ChannelFromName(std::string_view name);
std::string_view PausePolicyName(PausePolicy policy);
std::optional<PausePolicy> PausePolicyFromName(std::string_view name);
// Vietnamese labels for printed lists: "bản chính", "trực tuyến", ...
std::string_view DocumentFormLabel(DocumentForm form);
std::string_view ChannelLabel(Channel channel);

struct Fee {
  std::int64_t amount_vnd = 0;  // >= 0
  std::string description;      // e.g. "Phí thẩm định (giếng dưới 200 m³/ngày đêm)"
};

// One component of a dossier. Mandatory, or conditional with the condition in
// words ("Nếu người nộp không phải là người được cấp").
struct Component {
  std::string id;    // slug, unique within the procedure version
  std::string name;  // Vietnamese, non-empty
  DocumentForm form = DocumentForm::kOriginal;
  int count = 1;  // >= 1
  bool mandatory = true;
  std::string condition;      // non-empty exactly when !mandatory
  std::string template_file;  // file name of the form template, may be empty
};

// The parts of a procedure whose provenance is tracked by `unverified`.
// "guidance" and "common_mistakes" are the center's own editorial text; every
// other part is a legal detail of the national database.
inline constexpr std::string_view kProcedureParts[] = {
    "code",   "name",     "field",      "validity",    "processing_time", "fees",
    "result", "channels", "components", "legal_basis", "guidance",        "common_mistakes"};
bool IsEditorialPart(std::string_view part);

struct Procedure {
  std::string code;  // national code "D.DDDDDD"
  int version = 1;   // >= 1, unique per code
  Validity valid;    // disjoint from the other versions of the code
  std::string name;
  std::string agency;  // unit code of the agency that published this version
  std::string field;   // field code within `agency`
  ProcessingTime processing_time;
  std::vector<Fee> fees;  // empty = no fee
  std::string result;     // what the applicant receives, e.g. "Giấy phép"
  std::vector<Channel> channels;
  std::vector<Component> components;  // non-empty
  std::string guidance;               // advice for the applicant and the desk
  std::vector<std::string> common_mistakes;
  std::vector<std::string> legal_basis;  // e.g. "Điều 18 Thông tư 41/2020/TT-BTTTT"
  std::string source;                    // where the details come from
  // True when some legal detail was not verified against the national
  // database; `unverified` names those parts (from kProcedureParts) and `note`
  // explains.
  bool sample = false;
  std::vector<std::string> unverified;
  std::string note;

  const Component* FindComponent(std::string_view id) const;
};

}  // namespace motcua::catalog
