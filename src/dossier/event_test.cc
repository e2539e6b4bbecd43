#include "dossier/event.h"

#include <gtest/gtest.h>

#include <functional>
#include <vector>

namespace motcua::dossier {
namespace {

TEST(EventHash, MatchesAnIndependentComputationOfTheDocumentedSerialization) {
  // Expected value computed outside the project (Python hashlib) from the
  // serialization described in event.h.
  Event e;
  e.dossier_code = "000.00.12.H29-230105-0001";
  e.seq = 1;
  e.action = Action::kSubmit;
  e.at = 1672881000;  // 2023-01-05T08:10:00+07:00
  e.payload = R"({"applicant":{"name":"Nguyễn Văn A","phone":"0912345678"}})";
  e.prev_hash = kGenesisHash;
  EXPECT_EQ(ComputeEventHash(e),
            "e230bf36bb104568d7b064456db490db64959cc651109a4422bfdf24c0e2188a");
}

TEST(EventHash, Sha256OfTheEmptyStringIsTheKnownValue) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(EventHash, ValuesCannotRunIntoTheNextField) {
  Event a;
  a.actor = "postal.a";
  a.on_behalf_of = "000.00.12.H29";
  Event b = a;
  b.actor = "postal.a000.00.12.H29";
  b.on_behalf_of = "";
  EXPECT_NE(ComputeEventHash(a), ComputeEventHash(b));
}

std::vector<Event> Chain(int n) {
  std::vector<Event> events;
  std::string prev = kGenesisHash;
  const Action actions[] = {Action::kSubmit, Action::kReceive, Action::kTransfer, Action::kResolve,
                            Action::kReturn};
  for (int i = 0; i < n; ++i) {
    Event e;
    e.dossier_code = "000.00.12.H29-230105-0001";
    e.seq = i + 1;
    e.action = actions[i % 5];
    e.actor = i == 0 ? "" : "postal.a";
    e.on_behalf_of = i == 0 ? "" : "000.00.12.H29";
    e.at = 1672881000 + 3600 * i;
    e.payload = "{}";
    e.prev_hash = prev;
    e.hash = ComputeEventHash(e);
    prev = e.hash;
    events.push_back(e);
  }
  return events;
}

TEST(AuditVerify, AnUntouchedChainVerifies) {
  EXPECT_TRUE(VerifyChain(Chain(5)).ok());
  EXPECT_TRUE(VerifyChain(Chain(1)).ok());
  EXPECT_TRUE(VerifyChain({}).ok());
}

TEST(AuditVerify, TamperingWithAnyFieldOfAnyEventNamesThatEvent) {
  const std::vector<std::pair<const char*, std::function<void(Event&)>>> tampers = {
      {"dossier_code", [](Event& e) { e.dossier_code = "000.00.12.H29-230105-0002"; }},
      {"seq", [](Event& e) { e.seq += 10; }},
      {"action", [](Event& e) { e.action = Action::kRefuse; }},
      {"actor", [](Event& e) { e.actor = "someone.else"; }},
      {"on_behalf_of", [](Event& e) { e.on_behalf_of = "000.00.13.H29"; }},
      {"at", [](Event& e) { e.at -= 1; }},
      {"payload", [](Event& e) { e.payload = R"({"outcome":"denied"})"; }},
      {"prev_hash", [](Event& e) { e.prev_hash[0] = e.prev_hash[0] == 'a' ? 'b' : 'a'; }},
      {"hash", [](Event& e) { e.hash[63] = e.hash[63] == 'a' ? 'b' : 'a'; }},
  };
  for (const auto& [field, tamper] : tampers) {
    for (int k = 0; k < 5; ++k) {
      std::vector<Event> events = Chain(5);
      tamper(events[k]);
      Status s = VerifyChain(events);
      SCOPED_TRACE(std::string(field) + " of event " + std::to_string(k + 1));
      ASSERT_EQ(s.code(), Status::Code::kCorruption);
      EXPECT_NE(s.message().find("event " + std::to_string(k + 1) + ":"), std::string::npos)
          << s.message();
    }
  }
}

TEST(AuditVerify, ARehashedForgeryStillBreaksAtTheNextEvent) {
  // Someone rewrites event 3 and recomputes its hash: event 4 no longer
  // chains to it.
  std::vector<Event> events = Chain(5);
  events[2].payload = R"({"outcome":"denied"})";
  events[2].hash = ComputeEventHash(events[2]);
  Status s = VerifyChain(events);
  ASSERT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_NE(s.message().find("event 4: prev_hash"), std::string::npos) << s.message();
}

TEST(AuditVerify, ADroppedOrSwappedEventIsNamed) {
  std::vector<Event> events = Chain(5);
  events.erase(events.begin() + 1);
  Status s = VerifyChain(events);
  ASSERT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_NE(s.message().find("event 2:"), std::string::npos) << s.message();

  events = Chain(5);
  std::swap(events[2], events[3]);
  s = VerifyChain(events);
  ASSERT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_NE(s.message().find("event 3:"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace motcua::dossier
