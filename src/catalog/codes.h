// Shape checks for the identifiers of the catalog: national unit codes of
// agencies, national procedure codes, and the local slugs that name fields and
// components.
//
// Pure functions, thread-safe.
#pragma once

#include <string_view>

namespace motcua::catalog {

// A unit code of the national list of unit codes (Decision 20/2020/QĐ-TTg):
// "DDD.DD.DD.HDD", e.g. "000.00.12.H29"; the last part names the province (H +
// two digits), the parts before it the unit inside the province.
bool IsUnitCode(std::string_view code);

// A national procedure code: one digit, a dot and six digits, e.g. "1.004227".
// The national database uses the leading digits 1, 2 and 3; the shipped catalog
// uses 9 for placeholders of procedures whose code was not found (see
// docs/catalog-format.md).
bool IsProcedureCode(std::string_view code);

// A local identifier of a field or a component: 1..64 characters of [a-z0-9-],
// starting with a letter or digit, e.g. "bao-chi".
bool IsSlug(std::string_view id);

}  // namespace motcua::catalog
