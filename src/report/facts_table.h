// FactsTable: owns a set of DossierFacts and everything they point into (the
// dictionaries of repeated codes, the dossier codes, the supplement-request
// times). The store fills one from its dossiers; reports read its facts().
//
// Add validates a DossierRecord against the life cycle of DESIGN.md section 4
// (receipt fixes received_at and due_at together; at most one ending; a
// refusal only before receipt; resolve, stop and return only after it; times
// in order) and refuses a record that breaks it with InvalidArgument, adding
// nothing. Reports therefore never meet a dossier that is, say, both refused
// and received.
//
// Memory: 64 bytes per fact, plus the dossier code (its length + 4 bytes) and
// 8 bytes per supplement request; interned codes are shared.
//
// Not synchronized: Add must not run concurrently with anything else; const
// methods may run concurrently. Pointers and views handed out stay valid
// until the table is destroyed (facts() itself is invalidated by Add, as for
// a std::vector).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "report/dictionary.h"
#include "report/dossier_facts.h"
#include "util/status.h"

namespace motcua::report {

class FactsTable {
 public:
  // A dossier may ask for at most this many supplements at the desk, and
  // separately during processing (the packed counts are one byte each).
  static constexpr std::size_t kMaxSupplementRequests = 255;

  FactsTable() = default;
  FactsTable(const FactsTable&) = delete;
  FactsTable& operator=(const FactsTable&) = delete;
  FactsTable(FactsTable&&) = default;
  FactsTable& operator=(FactsTable&&) = default;

  // Validates and appends; returns the index of the new fact in facts().
  Result<std::uint32_t> Add(const DossierRecord& record);
  void Reserve(std::size_t dossiers);

  std::span<const DossierFacts> facts() const { return facts_; }
  std::size_t size() const { return facts_.size(); }

  // REQUIRES: the fact was made by this table.
  std::string_view code(const DossierFacts& fact) const;

  const Dictionary& agencies() const { return agencies_; }  // also acting_for ids
  const Dictionary& fields() const { return fields_; }
  const Dictionary& procedures() const { return procedures_; }
  const Dictionary& officers() const { return officers_; }
  const Dictionary& grants() const { return grants_; }

  // Bytes held by the facts, codes and supplement times (not the dictionaries).
  std::size_t MemoryUsage() const;

 private:
  // Copies `times` into pool storage that never moves.
  const Instant* StoreTimes(std::span<const Instant> a, std::span<const Instant> b);

  std::vector<DossierFacts> facts_;
  Dictionary agencies_, fields_, procedures_, officers_, grants_;
  std::string code_chars_;
  std::vector<std::uint32_t> code_ends_;  // code i is [ends[i-1] or 0, ends[i])
  std::vector<std::unique_ptr<Instant[]>> time_blocks_;
  std::size_t time_block_used_ = 0;
  std::size_t time_block_size_ = 0;
};

}  // namespace motcua::report
