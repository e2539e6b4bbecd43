#include "dossier/dossier.h"

#include <string>

namespace motcua::dossier {

const char* ChannelName(Channel c) {
  switch (c) {
    case Channel::kOnline:
      return "online";
    case Channel::kCounter:
      return "counter";
    case Channel::kPostal:
      return "postal";
  }
  return "unknown";
}

Result<Channel> ParseChannel(std::string_view name) {
  for (Channel c : {Channel::kOnline, Channel::kCounter, Channel::kPostal}) {
    if (name == ChannelName(c)) return c;
  }
  return Status::InvalidArgument("unknown channel \"" + std::string(name) +
                                 "\" (expected online, counter or postal)");
}

const char* OutcomeName(Outcome o) { return o == Outcome::kApproved ? "approved" : "denied"; }

Result<Outcome> ParseOutcome(std::string_view name) {
  if (name == "approved") return Outcome::kApproved;
  if (name == "denied") return Outcome::kDenied;
  return Status::InvalidArgument("unknown outcome \"" + std::string(name) +
                                 "\" (expected approved or denied)");
}

const char* ReturnMethodName(ReturnMethod m) {
  return m == ReturnMethod::kCounter ? "counter" : "postal";
}

Result<ReturnMethod> ParseReturnMethod(std::string_view name) {
  if (name == "counter") return ReturnMethod::kCounter;
  if (name == "postal") return ReturnMethod::kPostal;
  return Status::InvalidArgument("unknown return method \"" + std::string(name) +
                                 "\" (expected counter or postal)");
}

std::optional<Instant> Dossier::AppointmentAt() const {
  if (extended && extended_due_at) return extended_due_at;
  return due_at;
}

std::vector<calendar::PauseInterval> Dossier::ClosedPauses() const {
  std::vector<calendar::PauseInterval> out;
  for (const Pause& p : pauses) {
    if (p.to) out.push_back({p.from, *p.to});
  }
  return out;
}

bool Dossier::HasComponent(std::string_view id) const {
  for (const Component& c : components) {
    if (c.id == id) return true;
  }
  return false;
}

}  // namespace motcua::dossier
