// BuildCatalog: validation of a CatalogInput and construction of the indexes.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

#include "catalog/catalog.h"
#include "catalog/catalog_impl.h"
#include "catalog/codes.h"
#include "catalog/fold.h"

namespace motcua::catalog {
namespace {

using Kind = InputLocator::Kind;

std::string DateText(const std::optional<DayNumber>& d) {
  return d ? FormatDate(*d) : std::string("…");
}

std::string NumberText(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string WindowText(const Validity& v) { return DateText(v.from) + ".." + DateText(v.to); }

// Collapses runs of spaces so that a folded phrase query matches across line
// breaks and double spaces in names.
std::string CollapseSpaces(const std::string& s) {
  std::string out;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Checks one input against the rules of docs/catalog-format.md. Items keep
// their input order here; `Fail` names them through the locator.
class Validator {
 public:
  Validator(const CatalogInput& in, const InputLocator* locator) : in_(in), locator_(locator) {}

  Status Run() {
    MOTCUA_RETURN_IF_ERROR(CheckAgencies());
    MOTCUA_RETURN_IF_ERROR(CheckFields());
    MOTCUA_RETURN_IF_ERROR(CheckSuccessors());
    MOTCUA_RETURN_IF_ERROR(CheckProcedures());
    return Status::Ok();
  }

 private:
  std::string Where(Kind kind, size_t index, std::string_view member) const {
    if (locator_ != nullptr) return locator_->Locate(kind, index, member);
    std::string item;
    switch (kind) {
      case Kind::kAgency:
        item = "agency " + in_.agencies[index].code;
        break;
      case Kind::kField:
        item = "field " + in_.fields[index].code + " of agency " + in_.fields[index].agency;
        break;
      case Kind::kProcedure:
        item = "procedure " + in_.procedures[index].code + " version " +
               std::to_string(in_.procedures[index].version);
        break;
    }
    return member.empty() ? item : item + ", " + std::string(member);
  }

  Status Fail(Kind kind, size_t index, std::string_view member, const std::string& what) const {
    return Status::InvalidArgument(Where(kind, index, member) + ": " + what);
  }

  Status CheckWindow(Kind kind, size_t index, const Validity& v) const {
    if (v.from && v.to && *v.to < *v.from) {
      return Fail(kind, index, "valid_to",
                  "valid_to " + FormatDate(*v.to) + " is before valid_from " + FormatDate(*v.from));
    }
    return Status::Ok();
  }

  Status CheckAgencies() {
    for (size_t i = 0; i < in_.agencies.size(); ++i) {
      const Agency& a = in_.agencies[i];
      if (!IsUnitCode(a.code)) {
        return Fail(
            Kind::kAgency, i, "code",
            "bad unit code shape \"" + a.code + "\" (expected DDD.DD.DD.HDD, e.g. 000.00.12.H29)");
      }
      auto [it, inserted] = agencies_.emplace(a.code, i);
      if (!inserted) {
        return Fail(Kind::kAgency, i, "code",
                    "duplicate agency code " + a.code + " (first defined at " +
                        Where(Kind::kAgency, it->second, "code") + ")");
      }
      if (a.name.empty()) return Fail(Kind::kAgency, i, "name", "agency without name");
      MOTCUA_RETURN_IF_ERROR(CheckWindow(Kind::kAgency, i, a.valid));
    }
    for (size_t i = 0; i < in_.agencies.size(); ++i) {
      const Agency& a = in_.agencies[i];
      if (a.parent.empty()) continue;
      if (!agencies_.count(a.parent)) {
        return Fail(Kind::kAgency, i, "parent", "unknown parent agency " + a.parent);
      }
      // Parents form a forest: walking up must end.
      std::string at = a.parent;
      for (size_t steps = 0; !at.empty(); ++steps) {
        if (at == a.code || steps > in_.agencies.size()) {
          return Fail(Kind::kAgency, i, "parent", "parent cycle through " + a.code);
        }
        at = in_.agencies[agencies_.at(at)].parent;
      }
    }
    return Status::Ok();
  }

  Status CheckFields() {
    for (size_t i = 0; i < in_.fields.size(); ++i) {
      const Field& f = in_.fields[i];
      if (!agencies_.count(f.agency)) {
        return Fail(Kind::kField, i, "", "field of unknown agency " + f.agency);
      }
      if (!IsSlug(f.code)) {
        return Fail(Kind::kField, i, "code",
                    "bad field code \"" + f.code + "\" (expected 1-64 of [a-z0-9-])");
      }
      auto [it, inserted] = fields_.emplace(std::make_pair(f.agency, f.code), i);
      if (!inserted) {
        return Fail(Kind::kField, i, "code",
                    "duplicate field code " + f.code + " in agency " + f.agency +
                        " (first defined at " + Where(Kind::kField, it->second, "code") + ")");
      }
      if (f.name.empty()) return Fail(Kind::kField, i, "name", "field without name");
    }
    return Status::Ok();
  }

  const Agency& AgencyOf(const std::string& code) const { return in_.agencies[agencies_.at(code)]; }

  Status CheckSuccessors() {
    for (size_t i = 0; i < in_.agencies.size(); ++i) {
      const Agency& a = in_.agencies[i];
      if (!a.successor) continue;
      const AgencySuccessor& s = *a.successor;
      if (!a.valid.to) {
        return Fail(Kind::kAgency, i, "successor",
                    "an agency with a successor must have valid_to (the last day it is in force)");
      }
      if (s.from <= *a.valid.to) {
        return Fail(Kind::kAgency, i, "successor/from",
                    "successor takes over on " + FormatDate(s.from) + ", not after valid_to " +
                        FormatDate(*a.valid.to));
      }
      if (!agencies_.count(s.agency)) {
        return Fail(Kind::kAgency, i, "successor/agency", "unknown successor agency " + s.agency);
      }
      // One successor per agency: a chain longer than the number of agencies
      // has come back on itself.
      std::string at = s.agency;
      for (size_t steps = 0;; ++steps) {
        if (at == a.code || steps > in_.agencies.size()) {
          return Fail(
              Kind::kAgency, i, "successor",
              "successor cycle: the chain of successors of " + a.code + " comes back on itself");
        }
        const Agency& next = AgencyOf(at);
        if (!next.successor || !agencies_.count(next.successor->agency)) break;
        at = next.successor->agency;
      }
      if (!AgencyOf(s.agency).InForceAt(s.from)) {
        return Fail(Kind::kAgency, i, "successor/from",
                    "successor " + s.agency + " is not in force on " + FormatDate(s.from) +
                        " (its window is " + WindowText(AgencyOf(s.agency).valid) + ")");
      }
    }
    for (size_t i = 0; i < in_.fields.size(); ++i) {
      const Field& f = in_.fields[i];
      if (!f.successor) continue;
      const FieldSuccessor& s = *f.successor;
      if (!agencies_.count(s.agency)) {
        return Fail(Kind::kField, i, "successor/agency", "unknown successor agency " + s.agency);
      }
      if (!fields_.count({s.agency, s.field})) {
        return Fail(Kind::kField, i, "successor/field",
                    "unknown successor field " + s.field + " of agency " + s.agency);
      }
      if (!AgencyOf(s.agency).InForceAt(s.from)) {
        return Fail(Kind::kField, i, "successor/from",
                    "successor " + s.agency + " is not in force on " + FormatDate(s.from));
      }
    }
    // When an agency passes to its successor, each of its fields passes to the
    // successor's field of the same code, unless it has already moved.
    for (size_t i = 0; i < in_.fields.size(); ++i) {
      const Field& f = in_.fields[i];
      const Agency& a = AgencyOf(f.agency);
      if (!a.successor) continue;
      if (f.successor && f.successor->from <= a.successor->from) continue;
      if (!fields_.count({a.successor->agency, f.code})) {
        return Fail(Kind::kField, i, "",
                    "field " + f.code + " has no home when " + a.successor->agency +
                        " takes over " + a.code + " on " + FormatDate(a.successor->from) +
                        ": declare field " + f.code + " in " + a.successor->agency +
                        " or give the field its own successor");
      }
    }
    return Status::Ok();
  }

  Status CheckProcedureItem(size_t i) {
    const Procedure& p = in_.procedures[i];
    if (!IsProcedureCode(p.code)) {
      return Fail(Kind::kProcedure, i, "code",
                  "bad procedure code shape \"" + p.code + "\" (expected D.DDDDDD, e.g. 1.004227)");
    }
    if (p.version < 1) {
      return Fail(Kind::kProcedure, i, "version",
                  "version must be 1 or more, got " + std::to_string(p.version));
    }
    if (p.name.empty()) return Fail(Kind::kProcedure, i, "name", "procedure without name");
    if (!agencies_.count(p.agency)) {
      return Fail(Kind::kProcedure, i, "agency", "unknown agency " + p.agency);
    }
    if (!fields_.count({p.agency, p.field})) {
      return Fail(Kind::kProcedure, i, "field",
                  "unknown field " + p.field + " of agency " + p.agency);
    }
    MOTCUA_RETURN_IF_ERROR(CheckWindow(Kind::kProcedure, i, p.valid));
    const double amount = p.processing_time.amount;
    if (!(std::isfinite(amount) && amount > 0)) {
      const bool hours = p.processing_time.unit == TimeUnit::kWorkingHours;
      return Fail(Kind::kProcedure, i, hours ? "processing_time/hours" : "processing_time/days",
                  "processing time must be positive, got " + NumberText(amount));
    }
    for (size_t f = 0; f < p.fees.size(); ++f) {
      if (p.fees[f].amount_vnd < 0) {
        return Fail(Kind::kProcedure, i, "fees/" + std::to_string(f) + "/amount",
                    "fee must not be negative");
      }
    }
    if (p.channels.empty()) return Fail(Kind::kProcedure, i, "channels", "no channel");
    for (size_t c = 0; c < p.channels.size(); ++c) {
      if (std::count(p.channels.begin(), p.channels.begin() + c, p.channels[c])) {
        return Fail(Kind::kProcedure, i, "channels/" + std::to_string(c),
                    "duplicate channel " + std::string(ChannelName(p.channels[c])));
      }
    }
    if (p.components.empty()) {
      return Fail(Kind::kProcedure, i, "components", "procedure without components");
    }
    std::set<std::string> ids;
    for (size_t c = 0; c < p.components.size(); ++c) {
      const Component& comp = p.components[c];
      const std::string at = "components/" + std::to_string(c);
      if (!IsSlug(comp.id)) {
        return Fail(Kind::kProcedure, i, at + "/id",
                    "bad component id \"" + comp.id + "\" (expected 1-64 of [a-z0-9-])");
      }
      if (!ids.insert(comp.id).second) {
        return Fail(Kind::kProcedure, i, at + "/id", "duplicate component id " + comp.id);
      }
      if (comp.name.empty())
        return Fail(Kind::kProcedure, i, at + "/name", "component without name");
      if (comp.count < 1) {
        return Fail(Kind::kProcedure, i, at + "/count",
                    "count must be 1 or more, got " + std::to_string(comp.count));
      }
      if (!comp.mandatory && comp.condition.empty()) {
        return Fail(Kind::kProcedure, i, at,
                    "conditional component " + comp.id + " without a condition");
      }
      if (comp.mandatory && !comp.condition.empty()) {
        return Fail(Kind::kProcedure, i, at + "/condition",
                    "mandatory component " + comp.id + " with a condition");
      }
    }
    bool legal_part_unverified = false;
    for (size_t u = 0; u < p.unverified.size(); ++u) {
      const std::string& part = p.unverified[u];
      if (std::find(std::begin(kProcedureParts), std::end(kProcedureParts), part) ==
          std::end(kProcedureParts)) {
        return Fail(Kind::kProcedure, i, "unverified/" + std::to_string(u),
                    "unknown part \"" + part + "\"");
      }
      legal_part_unverified |= !IsEditorialPart(part);
    }
    // `sample` says whether a legal detail is unverified; `unverified` says
    // which: they must agree.
    if (p.sample != legal_part_unverified) {
      return Fail(Kind::kProcedure, i, "sample",
                  p.sample ? "sample procedure without an unverified legal part in \"unverified\""
                           : "\"unverified\" names a legal part, so \"sample\" must be true");
    }
    return Status::Ok();
  }

  Status CheckProcedures() {
    std::map<std::string, std::vector<size_t>> by_code;
    for (size_t i = 0; i < in_.procedures.size(); ++i) {
      MOTCUA_RETURN_IF_ERROR(CheckProcedureItem(i));
      const Procedure& p = in_.procedures[i];
      for (size_t j : by_code[p.code]) {
        const Procedure& q = in_.procedures[j];
        if (q.version == p.version) {
          return Fail(Kind::kProcedure, i, "version",
                      "duplicate version " + std::to_string(p.version) + " of " + p.code +
                          " (first defined at " + Where(Kind::kProcedure, j, "version") + ")");
        }
        if (q.valid.Overlaps(p.valid)) {
          return Fail(Kind::kProcedure, i, "valid_from",
                      "version " + std::to_string(p.version) + " of " + p.code + " (" +
                          WindowText(p.valid) + ") overlaps version " + std::to_string(q.version) +
                          " (" + WindowText(q.valid) + ", at " +
                          Where(Kind::kProcedure, j, "valid_from") + ")");
        }
      }
      by_code[p.code].push_back(i);
    }
    return Status::Ok();
  }

  const CatalogInput& in_;
  const InputLocator* locator_;
  std::map<std::string, size_t> agencies_;                        // code -> index
  std::map<std::pair<std::string, std::string>, size_t> fields_;  // (agency, code) -> index
};

// Dates on which the answer of Impl::Resolve may change: takeovers and the ends
// of validity windows.
std::vector<DayNumber> ChangeDates(const Catalog::Impl& impl) {
  std::set<DayNumber> dates;
  for (const Agency& a : impl.agencies) {
    if (a.valid.from) dates.insert(*a.valid.from);
    if (a.valid.to) dates.insert(*a.valid.to + 1);
    if (a.successor) dates.insert(a.successor->from);
  }
  for (const Field& f : impl.fields) {
    if (f.successor) dates.insert(f.successor->from);
  }
  return {dates.begin(), dates.end()};
}

}  // namespace

Result<Catalog> BuildCatalog(CatalogInput input, const InputLocator* locator) {
  MOTCUA_RETURN_IF_ERROR(Validator(input, locator).Run());

  // Remember input positions for the one check left (field successor cycles),
  // which runs on the sorted items.
  std::map<std::pair<std::string, std::string>, size_t> field_input_index;
  for (size_t i = 0; i < input.fields.size(); ++i) {
    field_input_index[{input.fields[i].agency, input.fields[i].code}] = i;
  }

  auto impl = std::make_shared<Catalog::Impl>();
  impl->agencies = std::move(input.agencies);
  impl->fields = std::move(input.fields);
  impl->procedures = std::move(input.procedures);
  std::sort(impl->agencies.begin(), impl->agencies.end(),
            [](const Agency& a, const Agency& b) { return a.code < b.code; });
  std::sort(impl->fields.begin(), impl->fields.end(), [](const Field& a, const Field& b) {
    return std::tie(a.agency, a.code) < std::tie(b.agency, b.code);
  });
  std::sort(impl->procedures.begin(), impl->procedures.end(),
            [](const Procedure& a, const Procedure& b) {
              return std::tie(a.code, a.version) < std::tie(b.code, b.version);
            });

  for (size_t i = 0; i < impl->agencies.size(); ++i) {
    const Agency& a = impl->agencies[i];
    impl->agency_index.emplace(a.code, i);
    if (a.successor) impl->predecessors[a.successor->agency].push_back(a.code);
  }
  for (const Field& f : impl->fields) {
    if (!f.successor) continue;
    auto& preds = impl->predecessors[f.successor->agency];
    if (std::find(preds.begin(), preds.end(), f.agency) == preds.end()) preds.push_back(f.agency);
  }
  impl->folded.reserve(impl->procedures.size());
  for (size_t i = 0; i < impl->procedures.size(); ++i) {
    const Procedure& p = impl->procedures[i];
    impl->folded.push_back(CollapseSpaces(FoldVietnamese(p.name + " " + p.code)));
    impl->versions_by_date[p.code].push_back(i);
    impl->published_by[p.agency].push_back(i);
  }
  for (auto& [code, order] : impl->versions_by_date) {
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      const auto& fa = impl->procedures[a].valid.from;
      const auto& fb = impl->procedures[b].valid.from;
      return fb && (!fa || *fa < *fb);
    });
  }

  // Field and agency successors together may loop even when neither does on
  // its own (a field moves to B, and B later merges back into A). Following
  // them from every field on every date where the answer can change finds
  // any such loop.
  for (DayNumber day : ChangeDates(*impl)) {
    for (const Field& f : impl->fields) {
      Responsibility r;
      if (impl->Resolve(impl->FindAgency(f.agency), &f, day, &r) ==
          Catalog::Impl::Resolution::kCycle) {
        const size_t index = field_input_index.at({f.agency, f.code});
        const std::string where =
            locator != nullptr ? locator->Locate(InputLocator::Kind::kField, index, "successor")
                               : "field " + f.code + " of agency " + f.agency;
        return Status::InvalidArgument(where + ": successor cycle on " + FormatDate(day) +
                                       " following the successors of field " + f.code + " of " +
                                       f.agency);
      }
    }
  }
  return Catalog(std::move(impl));
}

}  // namespace motcua::catalog
