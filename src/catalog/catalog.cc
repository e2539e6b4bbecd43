#include "catalog/catalog.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "catalog/catalog_impl.h"
#include "catalog/fold.h"

namespace motcua::catalog {

// --- Impl ------------------------------------------------------------------

const Agency* Catalog::Impl::FindAgency(std::string_view code) const {
  auto it = agency_index.find(code);
  return it == agency_index.end() ? nullptr : &agencies[it->second];
}

const Field* Catalog::Impl::FindField(std::string_view agency, std::string_view field) const {
  auto it = std::lower_bound(
      fields.begin(), fields.end(), std::make_pair(agency, field),
      [](const Field& f, const std::pair<std::string_view, std::string_view>& k) {
        return std::make_pair(std::string_view(f.agency), std::string_view(f.code)) < k;
      });
  return it != fields.end() && it->agency == agency && it->code == field ? &*it : nullptr;
}

const Procedure* Catalog::Impl::VersionAt(std::string_view code, DayNumber day) const {
  auto it = versions_by_date.find(code);
  if (it == versions_by_date.end()) return nullptr;
  const std::vector<size_t>& order = it->second;
  // The last version that starts on or before `day` is the only candidate.
  auto after = std::upper_bound(order.begin(), order.end(), day, [this](DayNumber d, size_t i) {
    const auto& from = procedures[i].valid.from;
    return from && d < *from;
  });
  if (after == order.begin()) return nullptr;
  const Procedure& p = procedures[*(after - 1)];
  return p.valid.Contains(day) ? &p : nullptr;
}

Catalog::Impl::Resolution Catalog::Impl::Resolve(const Agency* agency, const Field* field,
                                                 DayNumber day, Responsibility* out) const {
  // Each step follows one successor; more steps than there are agencies and
  // fields means a cycle (BuildCatalog rejects catalogs where that happens).
  const size_t max_steps = agencies.size() + fields.size() + 1;
  for (size_t step = 0; step <= max_steps; ++step) {
    if (agency == nullptr) return Resolution::kNobody;
    if (field != nullptr && field->successor && field->successor->from <= day) {
      agency = FindAgency(field->successor->agency);
      field = FindField(field->successor->agency, field->successor->field);
      continue;
    }
    if (agency->InForceAt(day)) {
      *out = Responsibility{agency, field};
      return Resolution::kFound;
    }
    if (!agency->successor || day < agency->successor->from) return Resolution::kNobody;
    agency = FindAgency(agency->successor->agency);
    if (field != nullptr && agency != nullptr) field = FindField(agency->code, field->code);
  }
  return Resolution::kCycle;
}

// --- Catalog ---------------------------------------------------------------

Catalog::Catalog() : impl_(std::make_shared<Impl>()) {}
Catalog::Catalog(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

const Agency* Catalog::FindAgency(std::string_view code) const { return impl_->FindAgency(code); }

const std::vector<Agency>& Catalog::Agencies() const { return impl_->agencies; }

std::vector<const Agency*> Catalog::AgenciesInForceAt(DayNumber day) const {
  std::vector<const Agency*> out;
  for (const Agency& a : impl_->agencies) {
    if (a.InForceAt(day)) out.push_back(&a);
  }
  return out;
}

const Agency* Catalog::SuccessorAt(std::string_view code, DayNumber day) const {
  const Agency* agency = impl_->FindAgency(code);
  if (agency == nullptr || (agency->valid.from && day < *agency->valid.from)) return nullptr;
  Responsibility r;
  return impl_->Resolve(agency, nullptr, day, &r) == Impl::Resolution::kFound ? r.agency : nullptr;
}

const Field* Catalog::FindField(std::string_view agency, std::string_view field) const {
  return impl_->FindField(agency, field);
}

std::vector<const Field*> Catalog::FieldsOf(std::string_view agency) const {
  std::vector<const Field*> out;
  auto it = std::lower_bound(impl_->fields.begin(), impl_->fields.end(), agency,
                             [](const Field& f, std::string_view a) { return f.agency < a; });
  for (; it != impl_->fields.end() && it->agency == agency; ++it) out.push_back(&*it);
  return out;
}

Responsibility Catalog::ResponsibleAt(std::string_view agency, std::string_view field,
                                      DayNumber day) const {
  const Agency* a = impl_->FindAgency(agency);
  const Field* f = impl_->FindField(agency, field);
  Responsibility r;
  if (a == nullptr || f == nullptr || (a->valid.from && day < *a->valid.from)) return r;
  if (impl_->Resolve(a, f, day, &r) != Impl::Resolution::kFound) return Responsibility{};
  return r;
}

const Procedure* Catalog::ProcedureAt(std::string_view code, DayNumber day) const {
  return impl_->VersionAt(code, day);
}

const Procedure* Catalog::ProcedureVersion(std::string_view code, int version) const {
  auto it = impl_->versions_by_date.find(code);
  if (it == impl_->versions_by_date.end()) return nullptr;
  for (size_t i : it->second) {
    if (impl_->procedures[i].version == version) return &impl_->procedures[i];
  }
  return nullptr;
}

std::vector<const Procedure*> Catalog::Versions(std::string_view code) const {
  std::vector<const Procedure*> out;
  auto it = impl_->versions_by_date.find(code);
  if (it == impl_->versions_by_date.end()) return out;
  for (size_t i : it->second) out.push_back(&impl_->procedures[i]);
  return out;
}

const std::vector<Procedure>& Catalog::AllVersions() const { return impl_->procedures; }

std::vector<const Procedure*> Catalog::ProceduresAt(DayNumber day) const {
  std::vector<const Procedure*> out;
  const auto& all = impl_->procedures;
  for (size_t i = 0; i < all.size(); ++i) {
    if (i > 0 && all[i].code == all[i - 1].code) continue;  // once per code
    if (const Procedure* p = impl_->VersionAt(all[i].code, day)) out.push_back(p);
  }
  return out;
}

std::vector<const Procedure*> Catalog::ProceduresHandledBy(std::string_view agency,
                                                           DayNumber day) const {
  return ProceduresHandledBy(agency, std::string_view(), day);
}

std::vector<const Procedure*> Catalog::ProceduresHandledBy(std::string_view agency,
                                                           std::string_view field,
                                                           DayNumber day) const {
  // Work reaches `agency` only from itself and its predecessors, so only the
  // versions they published are candidates.
  std::vector<std::string_view> pending{agency};
  std::set<std::string_view> seen{agency};
  std::vector<const Procedure*> out;
  while (!pending.empty()) {
    const std::string_view source = pending.back();
    pending.pop_back();
    if (auto it = impl_->published_by.find(source); it != impl_->published_by.end()) {
      for (size_t i : it->second) {
        const Procedure& p = impl_->procedures[i];
        if (impl_->VersionAt(p.code, day) != &p) continue;
        const Responsibility r = ResponsibleFor(p, day);
        if (r.agency == nullptr || r.agency->code != agency) continue;
        if (!field.empty() && (r.field == nullptr || r.field->code != field)) continue;
        out.push_back(&p);
      }
    }
    if (auto it = impl_->predecessors.find(source); it != impl_->predecessors.end()) {
      for (std::string_view pred : it->second) {
        if (seen.insert(pred).second) pending.push_back(pred);
      }
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Procedure* a, const Procedure* b) { return a->code < b->code; });
  return out;
}

std::vector<const Procedure*> Catalog::Search(std::string_view query, DayNumber day) const {
  const std::string folded_query = FoldVietnamese(query);
  std::vector<std::string> words;
  std::istringstream in(folded_query);
  for (std::string w; in >> w;) words.push_back(w);
  if (words.empty()) return {};
  std::string phrase;
  for (const std::string& w : words) phrase += (phrase.empty() ? "" : " ") + w;

  std::vector<const Procedure*> phrase_hits;
  std::vector<const Procedure*> word_hits;
  for (const Procedure* p : ProceduresAt(day)) {
    const std::string& name = impl_->folded[static_cast<size_t>(p - impl_->procedures.data())];
    const bool all_words = std::all_of(words.begin(), words.end(), [&](const std::string& w) {
      return name.find(w) != std::string::npos;
    });
    if (!all_words) continue;
    (name.find(phrase) != std::string::npos ? phrase_hits : word_hits).push_back(p);
  }
  phrase_hits.insert(phrase_hits.end(), word_hits.begin(), word_hits.end());
  return phrase_hits;
}

}  // namespace motcua::catalog
