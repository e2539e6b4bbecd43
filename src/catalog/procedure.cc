#include "catalog/procedure.h"

#include <algorithm>

namespace motcua::catalog {
namespace {

template <typename E, size_t N>
std::optional<E> FromName(const std::pair<E, std::string_view> (&names)[N], std::string_view name) {
  for (const auto& [value, n] : names) {
    if (n == name) return value;
  }
  return std::nullopt;
}

template <typename E, size_t N>
std::string_view ToName(const std::pair<E, std::string_view> (&names)[N], E value) {
  for (const auto& [v, n] : names) {
    if (v == value) return n;
  }
  return "?";
}

constexpr std::pair<DocumentForm, std::string_view> kFormNames[] = {
    {DocumentForm::kOriginal, "original"},
    {DocumentForm::kCopy, "copy"},
    {DocumentForm::kCertifiedCopy, "certified_copy"},
    {DocumentForm::kElectronic, "electronic"},
};
constexpr std::pair<DocumentForm, std::string_view> kFormLabels[] = {
    {DocumentForm::kOriginal, "bản chính"},
    {DocumentForm::kCopy, "bản sao"},
    {DocumentForm::kCertifiedCopy, "bản sao có chứng thực"},
    {DocumentForm::kElectronic, "bản điện tử"},
};
constexpr std::pair<Channel, std::string_view> kChannelNames[] = {
    {Channel::kOnline, "online"},
    {Channel::kCounter, "counter"},
    {Channel::kPostal, "postal"},
};
constexpr std::pair<Channel, std::string_view> kChannelLabels[] = {
    {Channel::kOnline, "trực tuyến"},
    {Channel::kCounter, "trực tiếp"},
    {Channel::kPostal, "bưu chính"},
};
constexpr std::pair<PausePolicy, std::string_view> kPauseNames[] = {
    {PausePolicy::kPause, "pause"},
    {PausePolicy::kRestart, "restart"},
};

}  // namespace

std::string_view DocumentFormName(DocumentForm form) { return ToName(kFormNames, form); }
std::optional<DocumentForm> DocumentFormFromName(std::string_view name) {
  return FromName(kFormNames, name);
}
std::string_view DocumentFormLabel(DocumentForm form) { return ToName(kFormLabels, form); }
std::string_view ChannelName(Channel channel) { return ToName(kChannelNames, channel); }
std::optional<Channel> ChannelFromName(std::string_view name) {
  return FromName(kChannelNames, name);
}
std::string_view ChannelLabel(Channel channel) { return ToName(kChannelLabels, channel); }
std::string_view PausePolicyName(PausePolicy policy) { return ToName(kPauseNames, policy); }
std::optional<PausePolicy> PausePolicyFromName(std::string_view name) {
  return FromName(kPauseNames, name);
}

bool IsEditorialPart(std::string_view part) {
  return part == "guidance" || part == "common_mistakes";
}

const Component* Procedure::FindComponent(std::string_view id) const {
  auto it = std::find_if(components.begin(), components.end(),
                         [id](const Component& c) { return c.id == id; });
  return it == components.end() ? nullptr : &*it;
}

}  // namespace motcua::catalog
