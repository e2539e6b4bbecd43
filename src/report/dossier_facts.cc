// Names of the channels a dossier can come in by.
#include "report/dossier_facts.h"

namespace motcua::report {

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

std::optional<Channel> ParseChannel(std::string_view name) {
  if (name == "online") return Channel::kOnline;
  if (name == "counter") return Channel::kCounter;
  if (name == "postal") return Channel::kPostal;
  return std::nullopt;
}

}  // namespace motcua::report
