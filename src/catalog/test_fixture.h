// Test-only: a small valid catalog in the file format, shared by the catalog
// tests. Province H99 (not a real province code) with four agencies: the
// provincial committee; Information and Communications, which ends on
// 2025-02-28 and passes to Science and Technology except its press field,
// which goes to Culture, Sports and Tourism.
#pragma once

#include <string>
#include <vector>

#include "catalog/catalog_json.h"

namespace motcua::catalog::testing {

inline const char* kAgenciesJson = R"json({
  "kind": "agencies",
  "note": "test fixture",
  "agencies": [
    {
      "code": "000.00.00.H99",
      "name": "Ủy ban nhân dân tỉnh"
    },
    {
      "code": "000.00.01.H99",
      "name": "Sở Thông tin và Truyền thông",
      "short_name": "Sở TT&TT",
      "parent": "000.00.00.H99",
      "valid_to": "2025-02-28",
      "successor": {"agency": "000.00.02.H99", "from": "2025-03-01"},
      "fields": [
        {"code": "bao-chi", "name": "Báo chí",
         "successor": {"agency": "000.00.03.H99", "field": "bao-chi", "from": "2025-03-01"}},
        {"code": "buu-chinh", "name": "Bưu chính"}
      ]
    },
    {
      "code": "000.00.02.H99",
      "name": "Sở Khoa học và Công nghệ",
      "parent": "000.00.00.H99",
      "fields": [
        {"code": "khcn", "name": "Hoạt động khoa học và công nghệ"},
        {"code": "buu-chinh", "name": "Bưu chính"}
      ]
    },
    {
      "code": "000.00.03.H99",
      "name": "Sở Văn hóa, Thể thao và Du lịch",
      "parent": "000.00.00.H99",
      "fields": [{"code": "bao-chi", "name": "Báo chí"}]
    }
  ]
}
)json";

inline const char* kProceduresJson = R"json({
  "kind": "procedures",
  "agency": "000.00.01.H99",
  "procedures": [
    {
      "code": "1.009374",
      "version": 1,
      "valid_to": "2021-06-30",
      "name": "Cấp giấy phép xuất bản bản tin",
      "field": "bao-chi",
      "processing_time": {"days": 15, "pause": "restart"},
      "fees": [],
      "result": "Giấy phép xuất bản bản tin",
      "channels": ["counter"],
      "components": [
        {"id": "to-khai", "name": "Tờ khai", "form": "original", "mandatory": true}
      ]
    },
    {
      "code": "1.009374",
      "version": 2,
      "valid_from": "2021-07-01",
      "name": "Cấp giấy phép xuất bản bản tin (địa phương)",
      "field": "bao-chi",
      "processing_time": {"days": 20, "pause": "restart"},
      "fees": [{"amount": 0, "description": "Không"}],
      "result": "Giấy phép xuất bản bản tin",
      "channels": ["online", "counter", "postal"],
      "components": [
        {"id": "to-khai", "name": "Tờ khai đề nghị cấp giấy phép", "form": "original",
         "count": 1, "mandatory": true, "template": "mau-01.docx"},
        {"id": "uy-quyen", "name": "Giấy ủy quyền", "form": "certified_copy", "mandatory": false,
         "condition": "Nếu người nộp không phải người đứng đầu cơ quan"}
      ],
      "guidance": "Nộp tờ khai theo mẫu.",
      "common_mistakes": ["Thiếu chữ ký của người đứng đầu"],
      "sample": true,
      "unverified": ["fees", "guidance"],
      "note": "fixture"
    },
    {
      "code": "9.000001",
      "version": 1,
      "name": "Cấp giấy phép bưu chính",
      "field": "buu-chinh",
      "processing_time": {"hours": 40, "pause": "pause"},
      "fees": [],
      "result": "Giấy phép bưu chính",
      "channels": ["online"],
      "components": [
        {"id": "don", "name": "Đơn đề nghị", "form": "electronic", "mandatory": true}
      ]
    }
  ]
}
)json";

inline const char* kScienceProceduresJson = R"json({
  "kind": "procedures",
  "agency": "000.00.02.H99",
  "procedures": [
    {
      "code": "1.014393",
      "version": 1,
      "name": "Công nhận trung tâm nghiên cứu và phát triển",
      "field": "khcn",
      "processing_time": {"days": 0.5, "pause": "pause"},
      "fees": [],
      "result": "Quyết định công nhận",
      "channels": ["online", "postal"],
      "components": [
        {"id": "don", "name": "Đơn đề nghị", "form": "original", "mandatory": true}
      ]
    }
  ]
}
)json";

inline std::vector<SourceFile> FixtureFiles() {
  return {{"agencies.json", kAgenciesJson},
          {"procedures-tttt.json", kProceduresJson},
          {"procedures-khcn.json", kScienceProceduresJson}};
}

}  // namespace motcua::catalog::testing
