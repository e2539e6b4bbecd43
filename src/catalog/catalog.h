// Catalog: every agency, field and procedure version a center knows, with the
// lookups the rest of motcua needs (by code, by date, by agency and field,
// search by name without diacritics) and the resolution of reorganizations
// (an agency's successor chain, a field moving to another agency).
//
// A Catalog is built once from a CatalogInput (BuildCatalog, or ParseCatalog
// in catalog_json.h), which validates every invariant and builds the indexes,
// so that a lookup by code is a hash lookup and a lookup by date a binary
// search over the versions of one code. It is immutable afterwards: copies
// share the same data, and it is safe to use from several threads. Pointers
// it returns stay valid as long as any copy of the Catalog lives.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/agency.h"
#include "catalog/procedure.h"
#include "util/civil_time.h"
#include "util/status.h"

namespace motcua::catalog {

// The raw material of a catalog, in any order.
struct CatalogInput {
  std::vector<Agency> agencies;
  std::vector<Field> fields;
  std::vector<Procedure> procedures;
};

// Tells BuildCatalog where an item of the input came from, so that its errors
// can name a file and a line. `member` is a '/'-separated path inside the item
// ("code", "successor/from", "components/2/name"); empty for the item itself.
class InputLocator {
 public:
  enum class Kind { kAgency, kField, kProcedure };
  virtual ~InputLocator() = default;
  // E.g. "agencies.json:12:7: agencies[3].code".
  virtual std::string Locate(Kind kind, size_t index, std::string_view member) const = 0;
};

// Who handles work at a date after reorganizations: both null when nobody
// does (the chain ends in an agency no longer in force).
struct Responsibility {
  const Agency* agency = nullptr;
  const Field* field = nullptr;
};

class Catalog;

// Validates `input` and builds a Catalog. InvalidArgument names the item (with
// `locator`'s position when given), the member and what is wrong: bad code
// shape, duplicate code, unknown agency or field reference, successor cycle,
// overlapping versions, non-positive processing time, component without name,
// and so on (see docs/catalog-format.md for the full list).
Result<Catalog> BuildCatalog(CatalogInput input, const InputLocator* locator = nullptr);

class Catalog {
 public:
  Catalog();  // empty

  // --- agencies ----------------------------------------------------------
  const Agency* FindAgency(std::string_view code) const;  // null if unknown
  const std::vector<Agency>& Agencies() const;            // sorted by code
  std::vector<const Agency*> AgenciesInForceAt(DayNumber day) const;
  // The agency that carries on the work of `code` at `day`: the agency itself
  // while in force, else its successor (the successor's successor, ...) whose
  // takeover date has come. Null when `code` is unknown, when `day` is before
  // the agency began, or when the chain ends in an agency not in force.
  const Agency* SuccessorAt(std::string_view code, DayNumber day) const;

  // --- fields ------------------------------------------------------------
  const Field* FindField(std::string_view agency, std::string_view field) const;
  std::vector<const Field*> FieldsOf(std::string_view agency) const;  // sorted by code
  // The agency and field that handle work of field `field` of `agency` at
  // `day`: follows field successors whose date has come, and agency
  // successors (a field of a merged agency passes to the same-coded field of
  // the successor, which BuildCatalog ensures exists).
  Responsibility ResponsibleAt(std::string_view agency, std::string_view field,
                               DayNumber day) const;
  Responsibility ResponsibleFor(const Procedure& procedure, DayNumber day) const {
    return ResponsibleAt(procedure.agency, procedure.field, day);
  }

  // --- procedures --------------------------------------------------------
  // The version of `code` in force at `day`; null if none.
  const Procedure* ProcedureAt(std::string_view code, DayNumber day) const;
  // Version `version` of `code`; null if none.
  const Procedure* ProcedureVersion(std::string_view code, int version) const;
  // Every version of `code`, oldest first.
  std::vector<const Procedure*> Versions(std::string_view code) const;
  // Every procedure version, sorted by code then version.
  const std::vector<Procedure>& AllVersions() const;
  // The version in force at `day` of every code, sorted by code.
  std::vector<const Procedure*> ProceduresAt(DayNumber day) const;
  // The versions in force at `day` that `agency` handles at `day`, including
  // those published by its predecessors (by agency or field succession).
  // Sorted by code.
  std::vector<const Procedure*> ProceduresHandledBy(std::string_view agency, DayNumber day) const;
  // Likewise for one field of `agency`.
  std::vector<const Procedure*> ProceduresHandledBy(std::string_view agency, std::string_view field,
                                                    DayNumber day) const;
  // Versions in force at `day` whose name (or code) contains every word of
  // `query`, compared after FoldVietnamese (case and diacritics ignored, đ =
  // d). Names containing the whole query as a phrase come first; then by code.
  // An empty query matches nothing.
  std::vector<const Procedure*> Search(std::string_view query, DayNumber day) const;

  // Internal: the data behind a Catalog (catalog_impl.h).
  struct Impl;

 private:
  friend Result<Catalog> BuildCatalog(CatalogInput input, const InputLocator* locator);
  explicit Catalog(std::shared_ptr<const Impl> impl);

  std::shared_ptr<const Impl> impl_;
};

}  // namespace motcua::catalog
