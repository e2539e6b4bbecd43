// `motcua audit verify [--db URL] [--json]`: checks every dossier's event
// chain (dossier::VerifyChain: sequence, links and recomputed hashes) and
// that the dossier's snapshot points at the chain's last event (head hash and
// version), from one consistent snapshot of the store.
//
// Every chain is checked; the first broken one is named with the dossier and
// the event, e.g. "hồ sơ 000.00.12.H29-230105-0001, sự kiện 3: ...".
// JSON: {"chains","events","broken","first_broken":{"dossier","event","reason"}|null}.
// Exit status: 0 when every chain holds, 1 when any is broken or the
// database fails.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cli/command.h"
#include "cli/db_option.h"
#include "dossier/event.h"

namespace motcua::cli {
namespace {

struct Broken {
  std::string dossier;
  std::int64_t event = 0;
  std::string reason;
};

// The seq of the first event that breaks the chain; VerifyChain has said it
// is broken. Mirrors VerifyChain's order of checks.
std::int64_t FirstBrokenSeq(const store::EventChain& c) {
  std::string prev = dossier::kGenesisHash;
  for (std::size_t i = 0; i < c.events.size(); ++i) {
    const dossier::Event& e = c.events[i];
    if (e.seq != static_cast<std::int64_t>(i + 1) || e.dossier_code != c.code ||
        e.prev_hash != prev || dossier::ComputeEventHash(e) != e.hash) {
      return static_cast<std::int64_t>(i + 1);
    }
    prev = e.hash;
  }
  return static_cast<std::int64_t>(c.events.size());
}

std::optional<Broken> Check(const store::EventChain& c) {
  if (!c.unreadable.ok()) return Broken{c.code, 0, c.unreadable.message()};
  const Status s = dossier::VerifyChain(c.events);
  if (!s.ok()) return Broken{c.code, FirstBrokenSeq(c), s.message()};
  if (c.events.empty()) return Broken{c.code, 0, "the dossier has no events"};
  if (c.head_hash != c.events.back().hash || c.version != c.events.back().seq) {
    return Broken{c.code, c.events.back().seq,
                  "the dossier's snapshot (version " + std::to_string(c.version) +
                      ") does not point at its last event"};
  }
  return std::nullopt;
}

void Run(const std::string& db, bool json, CliState& state) {
  Result<std::unique_ptr<store::Store>> store = OpenStore(db);
  if (!store.ok()) {
    state.exit_code = ReportFailure(store.status());
    return;
  }
  std::int64_t chains = 0, events = 0, broken = 0;
  std::optional<Broken> first;
  const Status walked = (*store)->ForEachEventChain([&](const store::EventChain& c) -> Status {
    ++chains;
    events += static_cast<std::int64_t>(c.events.size());
    if (std::optional<Broken> b = Check(c)) {
      ++broken;
      if (!first) first = std::move(b);
    }
    return Status::Ok();
  });
  if (!walked.ok()) {
    state.exit_code = ReportFailure(walked.WithContext("không đọc được chuỗi sự kiện"));
    return;
  }
  if (json) {
    nlohmann::ordered_json out;
    out["chains"] = chains;
    out["events"] = events;
    out["broken"] = broken;
    out["first_broken"] = nullptr;
    if (first) {
      out["first_broken"] = {
          {"dossier", first->dossier}, {"event", first->event}, {"reason", first->reason}};
    }
    std::cout << out.dump() << "\n";
  } else if (!first) {
    std::cout << "Đã kiểm tra " << chains << " chuỗi sự kiện (" << events
              << " sự kiện): toàn vẹn.\n";
  } else {
    std::cout << "Đã kiểm tra " << chains << " chuỗi sự kiện (" << events << " sự kiện): " << broken
              << " chuỗi bị hỏng.\n";
  }
  if (first) {
    std::cerr << "motcua: chuỗi sự kiện bị hỏng: hồ sơ " << first->dossier << ", sự kiện "
              << first->event << ": " << first->reason << "\n";
  }
  state.exit_code = first ? 1 : 0;
}

void Install(CLI::App& root, CliState& state) {
  CLI::App* group = GroupCommand(root, "audit", "Audit the stored history");
  CLI::App* cmd = group->add_subcommand("verify", "Check every dossier's hash chain of events");
  auto db = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  AddDbOption(cmd, db.get());
  cmd->add_flag("--json", *json, "Print JSON");
  cmd->callback([db, json, &state] { Run(*db, *json, state); });
}

const RegisterCommand kRegister(600, Install);

}  // namespace
}  // namespace motcua::cli
