// Validation and packing of dossier records into facts.
#include "report/facts_table.h"

#include <algorithm>
#include <limits>
#include <string>

namespace motcua::report {
namespace {

constexpr std::size_t kTimeBlock = 4096;  // supplement times per pool block

Status Invalid(std::string_view code, const std::string& what) {
  return Status::InvalidArgument("dossier " + std::string(code) + ": " + what);
}

// Every time of the record fits the packed range.
Status CheckRepresentable(const DossierRecord& r) {
  const auto ok = [](const std::optional<Instant>& t) {
    return !t || DossierFacts::Representable(*t);
  };
  bool all = DossierFacts::Representable(r.submitted_at) && ok(r.received_at) && ok(r.due_at) &&
             ok(r.completed_at) && ok(r.refused_at) && ok(r.withdrawn_at) && ok(r.stopped_at) &&
             ok(r.returned_at) && ok(r.extended_at);
  for (Instant t : r.supplements_at_reception) all = all && DossierFacts::Representable(t);
  for (Instant t : r.supplements_in_processing) all = all && DossierFacts::Representable(t);
  if (!all) return Invalid(r.code, "a time lies outside 1970-01-01..2106-02-07");
  return Status::Ok();
}

// The life cycle of DESIGN.md section 4, as far as a report relies on it.
Status CheckLifeCycle(const DossierRecord& r) {
  const int endings = (r.completed_at ? 1 : 0) + (r.refused_at ? 1 : 0) + (r.withdrawn_at ? 1 : 0) +
                      (r.stopped_at ? 1 : 0);
  if (endings > 1) return Invalid(r.code, "more than one of resolved, refused, withdrawn, stopped");
  if (r.received_at.has_value() != r.due_at.has_value()) {
    return Invalid(r.code, "received_at and due_at are fixed together at receipt");
  }
  if (r.completed_at.has_value() != r.outcome.has_value()) {
    return Invalid(r.code, "an outcome goes with completed_at and only with it");
  }
  const bool received = r.received_at.has_value();
  if (r.refused_at && received) return Invalid(r.code, "refused after receipt");
  if (r.completed_at && !received) return Invalid(r.code, "resolved without receipt");
  if (r.stopped_at && !received) return Invalid(r.code, "stopped without receipt");
  if (r.returned_at && !r.completed_at) return Invalid(r.code, "returned without a result");
  if (r.extended_at && !received) return Invalid(r.code, "extended without receipt");
  if (!r.supplements_in_processing.empty() && !received) {
    return Invalid(r.code, "paused for a supplement without receipt");
  }
  if (r.rework && !received) return Invalid(r.code, "rework without receipt");
  if (r.rating && (*r.rating < 1 || *r.rating > 5)) return Invalid(r.code, "rating outside 1..5");
  if (r.supplements_at_reception.size() > FactsTable::kMaxSupplementRequests ||
      r.supplements_in_processing.size() > FactsTable::kMaxSupplementRequests) {
    return Invalid(r.code, "more than 255 supplement requests");
  }

  // Times in order: submit <= supplements at the desk <= receipt <= due,
  // pauses, extension <= ending <= return.
  const Instant ended = r.completed_at   ? *r.completed_at
                        : r.refused_at   ? *r.refused_at
                        : r.withdrawn_at ? *r.withdrawn_at
                        : r.stopped_at   ? *r.stopped_at
                                         : kNever;
  const Instant start = received ? *r.received_at : r.submitted_at;
  if (start < r.submitted_at) return Invalid(r.code, "received before submitted");
  if (received && *r.due_at < *r.received_at) return Invalid(r.code, "due before received");
  if (ended < start) return Invalid(r.code, "ended before it was submitted or received");
  const Instant desk_end = received ? *r.received_at : ended;
  for (Instant t : r.supplements_at_reception) {
    if (t < r.submitted_at || t > desk_end) {
      return Invalid(r.code, "a supplement request at the desk outside submission..receipt");
    }
  }
  for (Instant t : r.supplements_in_processing) {
    if (t < start || t > ended) {
      return Invalid(r.code, "a supplement request in processing outside receipt..ending");
    }
  }
  if (r.extended_at && (*r.extended_at < start || *r.extended_at > ended)) {
    return Invalid(r.code, "extended outside receipt..ending");
  }
  if (r.returned_at && *r.returned_at < *r.completed_at) {
    return Invalid(r.code, "returned before resolved");
  }
  return Status::Ok();
}

}  // namespace

Result<std::uint32_t> FactsTable::Add(const DossierRecord& r) {
  if (r.code.empty()) return Status::InvalidArgument("a dossier without a code");
  MOTCUA_RETURN_IF_ERROR(CheckRepresentable(r));
  MOTCUA_RETURN_IF_ERROR(CheckLifeCycle(r));
  if (code_chars_.size() + r.code.size() > std::numeric_limits<std::uint32_t>::max() ||
      facts_.size() >= std::numeric_limits<std::uint32_t>::max()) {
    return Status::ResourceExhausted("facts table is full");
  }

  const auto pack = [](const std::optional<Instant>& t) {
    return t ? static_cast<std::uint32_t>(*t) : DossierFacts::kAbsent;
  };
  DossierFacts f;
  f.code_ = static_cast<std::uint32_t>(code_ends_.size());
  f.agency_ = agencies_.Intern(r.agency);
  f.acting_for_ = agencies_.Intern(r.acting_for);
  f.field_ = fields_.Intern(r.field);
  f.procedure_ = procedures_.Intern(r.procedure);
  f.officer_ = officers_.Intern(r.desk_officer);
  f.grant_ = grants_.Intern(r.delegation_grant);
  f.submitted_ = static_cast<std::uint32_t>(r.submitted_at);
  f.received_ = pack(r.received_at);
  f.due_ = pack(r.due_at);
  Ending ending = Ending::kNone;
  std::optional<Instant> ended;
  if (r.completed_at) ending = Ending::kResolved, ended = r.completed_at;
  if (r.refused_at) ending = Ending::kRefused, ended = r.refused_at;
  if (r.withdrawn_at) ending = Ending::kWithdrawn, ended = r.withdrawn_at;
  if (r.stopped_at) ending = Ending::kStopped, ended = r.stopped_at;
  f.ended_ = pack(ended);
  f.returned_ = pack(r.returned_at);
  f.extended_ = pack(r.extended_at);
  f.n_supp_reception_ = static_cast<std::uint8_t>(r.supplements_at_reception.size());
  f.n_supp_processing_ = static_cast<std::uint8_t>(r.supplements_in_processing.size());
  f.kinds_ = static_cast<std::uint8_t>(static_cast<unsigned>(r.channel) |
                                       (static_cast<unsigned>(ending) << 2) |
                                       (r.outcome == Outcome::kDenied ? 0x20u : 0u));
  f.flags_ = static_cast<std::uint8_t>(
      (r.rework ? 0x1u : 0u) | (r.components_digitized ? 0x2u : 0u) |
      (r.result_digitized ? 0x4u : 0u) | (static_cast<unsigned>(r.rating.value_or(0)) << 3));
  f.supplements_ = StoreTimes(r.supplements_at_reception, r.supplements_in_processing);

  code_chars_.append(r.code);
  code_ends_.push_back(static_cast<std::uint32_t>(code_chars_.size()));
  facts_.push_back(f);
  return static_cast<std::uint32_t>(facts_.size() - 1);
}

void FactsTable::Reserve(std::size_t dossiers) {
  facts_.reserve(dossiers);
  code_ends_.reserve(dossiers);
}

std::string_view FactsTable::code(const DossierFacts& fact) const {
  const std::uint32_t begin = fact.code_ == 0 ? 0 : code_ends_[fact.code_ - 1];
  return std::string_view(code_chars_).substr(begin, code_ends_[fact.code_] - begin);
}

const Instant* FactsTable::StoreTimes(std::span<const Instant> a, std::span<const Instant> b) {
  const std::size_t n = a.size() + b.size();
  if (n == 0) return nullptr;
  if (time_blocks_.empty() || time_block_size_ - time_block_used_ < n) {
    time_block_size_ = std::max(kTimeBlock, n);
    time_blocks_.push_back(std::make_unique<Instant[]>(time_block_size_));
    time_block_used_ = 0;
  }
  Instant* out = time_blocks_.back().get() + time_block_used_;
  std::copy(a.begin(), a.end(), out);
  std::copy(b.begin(), b.end(), out + a.size());
  time_block_used_ += n;
  return out;
}

std::size_t FactsTable::MemoryUsage() const {
  return facts_.capacity() * sizeof(DossierFacts) + code_chars_.capacity() +
         code_ends_.capacity() * sizeof(std::uint32_t) +
         time_blocks_.size() * kTimeBlock * sizeof(Instant);
}

}  // namespace motcua::report
