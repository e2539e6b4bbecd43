// Pins the bytes that are stored and chained: the payload JSON of every
// action (CommandPayload) and the hash of events (ComputeEventHash), as the
// code computed them when the first databases were written. Existing
// databases must still verify, so any change of these bytes is a break, not
// a refactoring: the expected values below were taken from the code before
// the import's speed-up (payload.cc with its std::map, event.cc with
// std::to_string), not from the code they test.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "dossier/event.h"
#include "dossier/lifecycle.h"

namespace motcua::dossier {
namespace {

const std::string kDocA = "3f1b8f0c2a5d4e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7";
const std::string kDocB = "00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff";

// Every field set, so that the payload shows which ones the action records.
Command Full(Action a) {
  Command c;
  c.action = a;
  c.expected_version = 7;
  c.actor = "buudien.chinh";
  c.on_behalf_of = "000.00.12.H29";
  c.at = 1709514600;  // 2024-03-04T08:10:00+07:00
  c.code = "000.00.12.H29-240304-0001";
  c.applicant = {"Nguyễn Thị Minh Khai", "0912345678", "001190000001", "khai@example.vn",
                 "citizen.khai"};
  c.channel = Channel::kCounter;
  c.components = {{"don", kDocA}, {"cccd", ""}, {"bản_vẽ", kDocB}};
  c.reason = "Thiếu \"bản sao\" có chứng thực\nvà\tảnh\\4x6\x01";
  c.missing_components = {"cccd", "bản_vẽ"};
  c.outcome = Outcome::kDenied;
  c.result_document = kDocB;
  c.new_appointment = 1710475200;  // 2024-03-15T11:00:00+07:00
  c.return_method = ReturnMethod::kPostal;
  c.tracking_number = "EE123456789VN";
  c.handler = "chuyenvien.lan";
  c.component_id = "don";
  c.document_hash = kDocA;
  c.text = "Hồ sơ của tôi đã được xử lý chưa? «Cảm ơn»";
  c.stars = 4;
  c.comment = "Nhanh, đúng hẹn";
  return c;
}

// Only what the action requires; optional fields empty.
Command Sparse(Action a) {
  Command c;
  c.action = a;
  c.at = -86400;  // before 1970: a negative instant
  c.code = "000.00.05.H29-691231-0042";
  c.applicant = {"Lê Văn B", "0900000000", "", "", ""};
  c.reason = "";
  c.missing_components = {};
  c.stars = 1;
  return c;
}

ProcedureTerms Terms() {
  ProcedureTerms t;
  t.code = "1.004227";
  t.version = 12;
  t.agency_code = "000.00.12.H29";
  t.field_code = "bao_chi";
  return t;
}

struct Expected {
  Action action;
  const char* full;
  const char* sparse;
};

// clang-format off
const Expected kPayloads[] = {
    {Action::kSubmit,
     R"({"agency":"000.00.12.H29","applicant":{"email":"khai@example.vn","id_number":"001190000001","login":"citizen.khai","name":"Nguyễn Thị Minh Khai","phone":"0912345678"},"channel":"counter","code":"000.00.12.H29-240304-0001","components":[{"document_hash":"3f1b8f0c2a5d4e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7","id":"don"},{"id":"cccd"},{"document_hash":"00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff","id":"bản_vẽ"}],"field":"bao_chi","procedure":"1.004227","procedure_version":12})",
     R"({"applicant":{"name":"Lê Văn B","phone":"0900000000"},"channel":"online","code":"000.00.05.H29-691231-0042"})"},
    {Action::kRequestSupplement,
     R"({"missing_components":["cccd","bản_vẽ"],"reason":"Thiếu \"bản sao\" có chứng thực\nvà\tảnh\\4x6\u0001"})",
     R"({"missing_components":[],"reason":""})"},
    {Action::kResubmit,
     R"({"components":[{"document_hash":"3f1b8f0c2a5d4e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7","id":"don"},{"id":"cccd"},{"document_hash":"00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff","id":"bản_vẽ"}]})",
     R"({})"},
    {Action::kRefuse,
     R"({"reason":"Thiếu \"bản sao\" có chứng thực\nvà\tảnh\\4x6\u0001"})",
     R"({"reason":""})"},
    {Action::kReceive,
     R"({"components":[{"document_hash":"3f1b8f0c2a5d4e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7","id":"don"},{"id":"cccd"},{"document_hash":"00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff","id":"bản_vẽ"}]})",
     R"({})"},
    {Action::kTransfer, R"({"handler":"chuyenvien.lan"})", R"({})"},
    {Action::kPause,
     R"({"missing_components":["cccd","bản_vẽ"],"reason":"Thiếu \"bản sao\" có chứng thực\nvà\tảnh\\4x6\u0001"})",
     R"({"missing_components":[],"reason":""})"},
    {Action::kResume,
     R"({"components":[{"document_hash":"3f1b8f0c2a5d4e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7","id":"don"},{"id":"cccd"},{"document_hash":"00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff","id":"bản_vẽ"}]})",
     R"({})"},
    {Action::kExtend,
     R"({"new_appointment":"2024-03-15T11:00:00+07:00","reason":"Thiếu \"bản sao\" có chứng thực\nvà\tảnh\\4x6\u0001"})",
     R"({"reason":""})"},
    {Action::kResolve,
     R"({"outcome":"denied","result_document":"00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff"})",
     R"({})"},
    {Action::kReturn, R"({"method":"postal","tracking_number":"EE123456789VN"})", R"({})"},
    {Action::kWithdraw,
     R"({"reason":"Thiếu \"bản sao\" có chứng thực\nvà\tảnh\\4x6\u0001"})",
     R"({})"},
    {Action::kStop,
     R"({"reason":"Thiếu \"bản sao\" có chứng thực\nvà\tảnh\\4x6\u0001"})",
     R"({"reason":""})"},
    {Action::kDigitize,
     R"({"component_id":"don","document_hash":"3f1b8f0c2a5d4e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7"})",
     R"({"component_id":"","document_hash":""})"},
    {Action::kSign,
     R"({"component_id":"don","document_hash":"3f1b8f0c2a5d4e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7"})",
     R"({"component_id":"","document_hash":""})"},
    {Action::kAssignHandler, R"({"handler":"chuyenvien.lan"})", R"({"handler":""})"},
    {Action::kAskQuestion, R"({"text":"Hồ sơ của tôi đã được xử lý chưa? «Cảm ơn»"})", R"({"text":""})"},
    {Action::kAnswerQuestion, R"({"text":"Hồ sơ của tôi đã được xử lý chưa? «Cảm ơn»"})", R"({"text":""})"},
    {Action::kRate, R"({"comment":"Nhanh, đúng hẹn","stars":4})", R"({"stars":1})"},
};
// clang-format on

TEST(StoredBytes, EveryActionRecordsTheSamePayloadAsTheFirstDatabases) {
  ASSERT_EQ(std::size(kPayloads), AllActions().size());
  const ProcedureTerms terms = Terms();
  for (const Expected& x : kPayloads) {
    const bool submit = x.action == Action::kSubmit;
    EXPECT_EQ(CommandPayload(Full(x.action), submit ? &terms : nullptr), x.full)
        << ActionName(x.action);
    EXPECT_EQ(CommandPayload(Sparse(x.action)), x.sparse) << ActionName(x.action);
  }
}

TEST(StoredBytes, SubmitWithoutTermsAndWithoutComponentsLeavesThemOut) {
  Command c = Full(Action::kSubmit);
  c.components.clear();
  EXPECT_EQ(
      CommandPayload(c),
      R"({"applicant":{"email":"khai@example.vn","id_number":"001190000001","login":"citizen.khai","name":"Nguyễn Thị Minh Khai","phone":"0912345678"},"channel":"counter","code":"000.00.12.H29-240304-0001"})");
}

TEST(StoredBytes, AllControlCharactersAreEscapedAsBefore) {
  Command c;
  c.action = Action::kAskQuestion;
  for (int ch = 1; ch < 0x20; ++ch) c.text.push_back(static_cast<char>(ch));
  c.text += "\x7f\"\\/";
  EXPECT_EQ(
      CommandPayload(c),
      R"({"text":"\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f)"
      "\x7f"
      R"(\"\\/"})");
}

TEST(StoredBytes, EventHashesAreThoseOfTheFirstDatabases) {
  const ProcedureTerms terms = Terms();
  // An anonymous online submission: empty actor and on_behalf_of.
  Event submit;
  submit.dossier_code = "000.00.12.H29-240304-0001";
  submit.seq = 1;
  submit.action = Action::kSubmit;
  submit.at = 1709514600;
  submit.payload = CommandPayload(Full(Action::kSubmit), &terms);
  submit.prev_hash = kGenesisHash;
  EXPECT_EQ(ComputeEventHash(submit),
            "07c486b88d72586da3221fb8da77da6709675832a6ff936aaeb960713fda4f42");

  Event receive = submit;
  receive.seq = 2;
  receive.action = Action::kReceive;
  receive.actor = "buudien.chinh";
  receive.on_behalf_of = "000.00.12.H29";
  receive.at = 1709517600;
  receive.payload = CommandPayload(Full(Action::kReceive));
  receive.prev_hash = ComputeEventHash(submit);
  EXPECT_EQ(ComputeEventHash(receive),
            "77114f0e9297d4a035998f22b445ec9198661e36f6b84595d4c671be2bf0cef1");

  // A negative instant, a large seq, Vietnamese in the actor.
  Event odd;
  odd.dossier_code = "000.00.05.H29-691231-0042";
  odd.seq = 9876543210;
  odd.action = Action::kRate;
  odd.actor = "người.dùng";
  odd.at = -86400;
  odd.payload = CommandPayload(Sparse(Action::kRate));
  odd.prev_hash = std::string(64, 'f');
  EXPECT_EQ(CanonicalEventBytes(odd),
            "motcua-event-v1\n"
            "dossier_code=25:000.00.05.H29-691231-0042\n"
            "seq=10:9876543210\n"
            "action=4:rate\n"
            "actor=14:người.dùng\n"
            "on_behalf_of=0:\n"
            "at=6:-86400\n"
            "payload=11:{\"stars\":1}\n"
            "prev_hash=64:" +
                std::string(64, 'f') + "\n");
  // Also computed with Python's hashlib over the bytes above.
  EXPECT_EQ(ComputeEventHash(odd),
            "bc726a18a1b1ef1d6bb776ba5f53e29280ee68810bf2873e70e22019f5a4126f");
}

// A deterministic spread of commands (own generator: the standard
// distributions differ between libraries): every action, fields present or
// not, texts with escapes and Vietnamese. One digest pins all their payloads
// and the hashes of the chain they form.
TEST(StoredBytes, AChainOfManyGeneratedEventsHashesAsBefore) {
  std::uint64_t state = 0x9e3779b97f4a7c15ULL;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state >> 33);
  };
  const char* const kTexts[] = {"",
                                "a",
                                "Đơn đề nghị",
                                "tab\there",
                                "quote\"back\\slash",
                                "ctl\x02\x1f",
                                "Hồ sơ «mới»",
                                "0123456789abcdef"};
  auto text = [&] { return std::string(kTexts[next() % std::size(kTexts)]); };
  const ProcedureTerms terms = Terms();
  const std::span<const Action> actions = AllActions();
  std::string all;
  std::string prev = kGenesisHash;
  for (int i = 0; i < 400; ++i) {
    Command c;
    c.action = actions[next() % actions.size()];
    c.actor = text();
    c.on_behalf_of = text();
    c.at = static_cast<Instant>(next()) - 1000000000;
    c.code = text();
    c.applicant = {text(), text(), text(), text(), text()};
    c.channel = static_cast<Channel>(next() % 3);
    for (std::uint32_t n = next() % 4; n > 0; --n) c.components.push_back({text(), text()});
    c.reason = text();
    for (std::uint32_t n = next() % 3; n > 0; --n) c.missing_components.push_back(text());
    if (next() % 2) c.outcome = static_cast<Outcome>(next() % 2);
    c.result_document = text();
    if (next() % 2) c.new_appointment = static_cast<Instant>(next());
    if (next() % 2) c.return_method = static_cast<ReturnMethod>(next() % 2);
    c.tracking_number = text();
    c.handler = text();
    c.component_id = text();
    c.document_hash = text();
    c.text = text();
    c.stars = static_cast<int>(next() % 7) - 1;
    c.comment = text();
    Event e;
    e.dossier_code = c.code;
    e.seq = i + 1;
    e.action = c.action;
    e.actor = c.actor;
    e.on_behalf_of = c.on_behalf_of;
    e.at = c.at;
    e.payload = CommandPayload(c, next() % 2 ? &terms : nullptr);
    e.prev_hash = prev;
    e.hash = ComputeEventHash(e);
    prev = e.hash;
    all += e.payload;
    all += '\n';
    all += e.hash;
    all += '\n';
  }
  EXPECT_EQ(Sha256Hex(all), "41d771b9f27c66be86317fa7821bb25cf4b37c21468df9a94bd92cb588050926");
}

}  // namespace
}  // namespace motcua::dossier
