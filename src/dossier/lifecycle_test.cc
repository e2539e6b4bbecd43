// The dossier life cycle as desk officers, agencies and applicants use it:
// every action from every state, refusals that change nothing, stale
// versions, and the events it appends. Deadlines are in deadline_test.cc.
#include "dossier/lifecycle.h"

#include <gtest/gtest.h>

#include <functional>

#include "dossier/deadline.h"

namespace motcua::dossier {
namespace {

Instant At(const char* local_time) {
  auto t = ParseDateTime(local_time);
  EXPECT_TRUE(t.ok()) << local_time;
  return t.ok() ? *t : 0;
}

calendar::WorkingCalendar TestCalendar() {
  calendar::YearSchedule y2024;
  y2024.year = 2024;
  calendar::YearSchedule y2025;
  y2025.year = 2025;
  auto cal = calendar::WorkingCalendar::Build(calendar::OfficeHours::Default(), {y2024, y2025});
  EXPECT_TRUE(cal.ok()) << cal.status().ToString();
  return std::move(cal).value();
}

const std::string kAgency = "000.00.12.H29";

class LifeCycle : public ::testing::Test {
 protected:
  LifeCycle() : cal_(TestCalendar()) {
    terms_.code = "1.004227";
    terms_.version = 3;
    terms_.agency_code = kAgency;
    terms_.field_code = "bao_chi";
    terms_.processing_time = {5, catalog::TimeUnit::kWorkingDays, catalog::PausePolicy::kPause};
    terms_.mandatory_component_ids = {"don", "cccd"};
  }

  DeadlineContext Ctx() const { return {&terms_, &cal_}; }

  Command SubmitCommand(const char* at = "2024-03-04T08:10:00+07:00") {
    Command c;
    c.action = Action::kSubmit;
    c.at = At(at);
    c.actor = "citizen.a";
    c.code = kAgency + "-240304-0001";
    c.applicant = {"Nguyễn Văn A", "0912345678", "001090000001", "", "citizen.a"};
    c.channel = Channel::kOnline;
    c.components = {{"don", Sha256Hex("đơn")}, {"cccd", Sha256Hex("cccd")}};
    return c;
  }

  // A command for `a` on `d` with every field the action needs, valid.
  Command Valid(Action a, const Dossier& d, Instant at) {
    Command c;
    c.action = a;
    c.expected_version = d.version;
    c.actor = "desk.a";
    c.on_behalf_of = kAgency;
    c.at = at;
    switch (a) {
      case Action::kSubmit:
        c = SubmitCommand();
        break;
      case Action::kRequestSupplement:
        c.reason = "Thiếu bản sao giấy phép hoạt động";
        c.missing_components = {"giay_phep"};
        break;
      case Action::kResubmit:
      case Action::kResume:
        for (const std::string& id : d.requested_components) {
          c.components.push_back({id, Sha256Hex(id)});
        }
        break;
      case Action::kRefuse:
        c.reason = "Thủ tục không thuộc thẩm quyền";
        break;
      case Action::kReceive:
        break;
      case Action::kTransfer:
        c.handler = "spec.b";
        break;
      case Action::kPause:
        c.reason = "Bản vẽ chưa đúng mẫu";
        c.missing_components = {"ban_ve"};
        break;
      case Action::kExtend:
        c.reason = "Cần xác minh thêm";
        c.new_appointment = *d.AppointmentAt() + 3 * 86400;
        break;
      case Action::kResolve:
        c.outcome = Outcome::kApproved;
        c.result_document = Sha256Hex("giấy phép");
        break;
      case Action::kReturn:
        c.return_method = ReturnMethod::kCounter;
        break;
      case Action::kWithdraw:
        c.reason = "Người nộp xin rút";
        break;
      case Action::kStop:
        c.reason = "Người nộp không bổ sung";
        break;
      case Action::kDigitize:
        c.component_id = "cccd";
        c.document_hash = Sha256Hex("cccd scan");
        break;
      case Action::kSign:
        c.component_id = "don";
        c.document_hash = Sha256Hex("đơn");
        break;
      case Action::kAssignHandler:
        c.handler = "spec.c";
        break;
      case Action::kAskQuestion:
        c.text = "Bản sao có cần chứng thực không?";
        break;
      case Action::kAnswerQuestion:
        c.text = "Có, bản sao chứng thực.";
        break;
      case Action::kRate:
        c.stars = 5;
        c.comment = "Nhanh";
        break;
    }
    return c;
  }

  // Applies a command that must succeed; records its event.
  Dossier Do(const Dossier* d, const Command& c) {
    auto t = Apply(d, c, Ctx());
    EXPECT_TRUE(t.ok()) << ActionName(c.action) << ": " << t.status().ToString();
    if (!t.ok()) return d ? *d : Dossier{};
    events_.push_back(t->event);
    return t->dossier;
  }
  Dossier Do(const Dossier& d, Action a, Instant at) { return Do(&d, Valid(a, d, at)); }

  // A dossier brought to `s` by a plausible path; a question is asked on the
  // way so that answer_question has one to answer.
  Dossier InState(State s) {
    events_.clear();
    Instant t = At("2024-03-04T08:10:00+07:00");
    auto next = [&] { return t += 600; };
    Dossier d = Do(nullptr, SubmitCommand());
    d = Do(d, Action::kAskQuestion, next());
    switch (s) {
      case State::kSubmitted:
        return d;
      case State::kSupplementRequested:
        return Do(d, Action::kRequestSupplement, next());
      case State::kRefused:
        return Do(d, Action::kRefuse, next());
      case State::kWithdrawn:
        return Do(d, Action::kWithdraw, next());
      default:
        break;
    }
    d = Do(d, Action::kReceive, next());
    if (s == State::kReceived) return d;
    d = Do(d, Action::kTransfer, next());
    switch (s) {
      case State::kInProgress:
        return d;
      case State::kPaused:
        return Do(d, Action::kPause, next());
      case State::kStopped:
        return Do(d, Action::kStop, next());
      default:
        break;
    }
    d = Do(d, Action::kResolve, next());
    if (s == State::kResolved) return d;
    return Do(d, Action::kReturn, next());
  }

  calendar::WorkingCalendar cal_;
  ProcedureTerms terms_;
  std::vector<Event> events_;
};

TEST_F(LifeCycle, ApplicantSubmitsOnlineAndGetsVersionOneAndTheFirstEvent) {
  auto t = Apply(nullptr, SubmitCommand(), Ctx());
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  const Dossier& d = t->dossier;
  EXPECT_EQ(d.state, State::kSubmitted);
  EXPECT_EQ(d.version, 1);
  EXPECT_EQ(d.code, "000.00.12.H29-240304-0001");
  EXPECT_EQ(d.procedure_code, "1.004227");
  EXPECT_EQ(d.procedure_version, 3);
  EXPECT_EQ(d.agency_code, kAgency);
  EXPECT_EQ(d.field_code, "bao_chi");
  EXPECT_EQ(d.applicant.login, "citizen.a");
  EXPECT_EQ(d.submitted_at, At("2024-03-04T08:10:00+07:00"));
  EXPECT_FALSE(d.received_at.has_value());
  EXPECT_FALSE(d.due_at.has_value());
  EXPECT_EQ(t->event.seq, 1);
  EXPECT_EQ(t->event.prev_hash, kGenesisHash);
  EXPECT_EQ(t->event.hash, d.head_hash);
  EXPECT_EQ(t->event.payload,
            "{\"agency\":\"000.00.12.H29\",\"applicant\":{\"id_number\":\"001090000001\","
            "\"login\":\"citizen.a\",\"name\":\"Nguyễn Văn A\",\"phone\":\"0912345678\"},"
            "\"channel\":\"online\",\"code\":\"000.00.12.H29-240304-0001\",\"components\":[{"
            "\"document_hash\":\"" +
                Sha256Hex("đơn") + "\",\"id\":\"don\"},{\"document_hash\":\"" + Sha256Hex("cccd") +
                "\",\"id\":\"cccd\"}],\"field\":\"bao_chi\",\"procedure\":\"1.004227\","
                "\"procedure_version\":3}");
}

TEST_F(LifeCycle, EveryActionFromEveryStateIsAllowedExactlyWhereTheTableSays) {
  for (State s : AllStates()) {
    const Dossier d = InState(s);
    ASSERT_EQ(d.state, s) << StateName(s);
    const Dossier before = d;
    for (Action a : AllActions()) {
      SCOPED_TRACE(std::string(ActionName(a)) + " from " + StateName(s));
      Command c = Valid(a, d, d.updated_at + 60);
      if (a == Action::kSubmit) {
        auto t = Apply(&d, c, Ctx());
        EXPECT_EQ(t.status().code(), Status::Code::kFailedPrecondition);
        continue;
      }
      if (a == Action::kExtend && !d.AppointmentAt()) c.new_appointment = d.updated_at + 86400;
      auto t = Apply(&d, c, Ctx());
      if (IsAllowedIn(a, s)) {
        ASSERT_TRUE(t.ok()) << t.status().ToString();
        EXPECT_EQ(t->dossier.state, TargetState(a, s));
        EXPECT_EQ(t->dossier.version, d.version + 1);
        EXPECT_EQ(t->event.seq, d.version + 1);
        EXPECT_EQ(t->event.action, a);
        EXPECT_EQ(t->event.prev_hash, d.head_hash);
        EXPECT_EQ(t->event.actor, "desk.a");
        EXPECT_EQ(t->event.on_behalf_of, kAgency);
      } else {
        ASSERT_EQ(t.status().code(), Status::Code::kFailedPrecondition);
        EXPECT_EQ(t.status().message(),
                  std::string("cannot ") + ActionName(a) + " a dossier in state " + StateName(s));
      }
      EXPECT_EQ(d, before);
    }
  }
}

TEST_F(LifeCycle, TransferOfASubmittedDossierIsRefusedWithAClearMessage) {
  Dossier d = InState(State::kSubmitted);
  auto t = Apply(&d, Valid(Action::kTransfer, d, d.updated_at + 60), Ctx());
  ASSERT_EQ(t.status().code(), Status::Code::kFailedPrecondition);
  EXPECT_EQ(t.status().message(), "cannot transfer a dossier in state submitted");
}

TEST_F(LifeCycle, StaleVersionGetsAConflictAndChangesNothing) {
  Dossier d = InState(State::kSubmitted);
  Command c = Valid(Action::kReceive, d, d.updated_at + 60);
  c.expected_version = d.version - 1;
  auto t = Apply(&d, c, Ctx());
  ASSERT_EQ(t.status().code(), Status::Code::kConflict);
  EXPECT_NE(t.status().message().find("version 2"), std::string::npos) << t.status().message();
  // A version from the future is just as stale a view.
  c.expected_version = d.version + 1;
  EXPECT_EQ(Apply(&d, c, Ctx()).status().code(), Status::Code::kConflict);
  // The version is checked before the state: a stale client learns it is stale.
  Command resolve = Valid(Action::kResolve, d, d.updated_at + 60);
  resolve.expected_version = 1;
  EXPECT_EQ(Apply(&d, resolve, Ctx()).status().code(), Status::Code::kConflict);
}

TEST_F(LifeCycle, TwoOfficersActingOnTheSameVersionCannotBothSucceed) {
  Dossier d = InState(State::kSubmitted);
  auto first = Apply(&d, Valid(Action::kReceive, d, d.updated_at + 60), Ctx());
  ASSERT_TRUE(first.ok());
  Command second = Valid(Action::kRefuse, d, d.updated_at + 61);
  auto t = Apply(&first->dossier, second, Ctx());
  EXPECT_EQ(t.status().code(), Status::Code::kConflict);
}

TEST_F(LifeCycle, ReceiveWithAMissingMandatoryComponentIsRefusedAndChangesNothing) {
  Command submit = SubmitCommand();
  submit.components = {{"don", ""}};
  Dossier d = Do(nullptr, submit);
  const Dossier before = d;
  auto t = Apply(&d, Valid(Action::kReceive, d, d.updated_at + 60), Ctx());
  ASSERT_EQ(t.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(t.status().message().find("mandatory components missing: cccd"), std::string::npos)
      << t.status().message();
  EXPECT_EQ(d, before);
}

TEST_F(LifeCycle, DeskReceivesAfterTheApplicantHandsInTheMissingComponentAtTheCounter) {
  Command submit = SubmitCommand();
  submit.components = {};
  Dossier d = Do(nullptr, submit);
  Command receive = Valid(Action::kReceive, d, d.updated_at + 60);
  receive.components = {{"don", ""}};
  auto t = Apply(&d, receive, Ctx());
  ASSERT_EQ(t.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(t.status().message().find("missing: cccd"), std::string::npos);
  EXPECT_EQ(t.status().message().find("don,"), std::string::npos);
  receive.components = {{"don", ""}, {"cccd", ""}};
  d = Do(&d, receive);
  EXPECT_EQ(d.state, State::kReceived);
  EXPECT_EQ(d.components.size(), 2u);
}

TEST_F(LifeCycle, SupplementRequestedAtTheDeskIsCountedAndMustBeAnswered) {
  Dossier d = InState(State::kSupplementRequested);
  EXPECT_EQ(d.supplement_requests_at_reception, 1);
  EXPECT_EQ(d.requested_components, std::vector<std::string>{"giay_phep"});
  Command resubmit = Valid(Action::kResubmit, d, d.updated_at + 60);
  resubmit.components.clear();
  auto t = Apply(&d, resubmit, Ctx());
  ASSERT_EQ(t.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(t.status().message().find("giay_phep"), std::string::npos);
  d = Do(d, Action::kResubmit, d.updated_at + 60);
  EXPECT_EQ(d.state, State::kSubmitted);
  EXPECT_TRUE(d.requested_components.empty());
  EXPECT_TRUE(d.HasComponent("giay_phep"));
}

TEST_F(LifeCycle, ActionsWithoutTheirRequiredFieldsAreRefused) {
  struct Case {
    State state;
    Action action;
    std::function<void(Command&)> spoil;
    const char* why;
  };
  const std::vector<Case> cases = {
      {State::kSubmitted, Action::kRefuse, [](Command& c) { c.reason.clear(); }, "reason"},
      {State::kSubmitted, Action::kRequestSupplement, [](Command& c) { c.reason.clear(); },
       "reason"},
      {State::kSubmitted, Action::kRequestSupplement,
       [](Command& c) { c.missing_components.clear(); }, "missing"},
      {State::kInProgress, Action::kPause, [](Command& c) { c.reason.clear(); }, "reason"},
      {State::kInProgress, Action::kPause, [](Command& c) { c.missing_components = {""}; },
       "empty"},
      {State::kInProgress, Action::kResolve, [](Command& c) { c.outcome.reset(); }, "outcome"},
      {State::kInProgress, Action::kResolve, [](Command& c) { c.result_document = "abc"; },
       "SHA-256"},
      {State::kInProgress, Action::kStop, [](Command& c) { c.reason.clear(); }, "reason"},
      {State::kInProgress, Action::kExtend, [](Command& c) { c.reason.clear(); }, "reason"},
      {State::kInProgress, Action::kExtend, [](Command& c) { c.new_appointment.reset(); },
       "appointment"},
      {State::kResolved, Action::kReturn, [](Command& c) { c.return_method.reset(); }, "method"},
      {State::kResolved, Action::kReturn,
       [](Command& c) { c.return_method = ReturnMethod::kPostal; }, "tracking"},
      {State::kResolved, Action::kReturn, [](Command& c) { c.tracking_number = "EB123"; },
       "counter"},
      {State::kReceived, Action::kAssignHandler, [](Command& c) { c.handler.clear(); }, "handler"},
      {State::kSubmitted, Action::kAskQuestion, [](Command& c) { c.text.clear(); }, "question"},
      {State::kSubmitted, Action::kAnswerQuestion, [](Command& c) { c.text.clear(); }, "answer"},
      {State::kReturned, Action::kRate, [](Command& c) { c.stars = 0; }, "1 to 5"},
      {State::kReturned, Action::kRate, [](Command& c) { c.stars = 6; }, "1 to 5"},
      {State::kSubmitted, Action::kDigitize, [](Command& c) { c.document_hash = "XYZ"; },
       "SHA-256"},
      {State::kSubmitted, Action::kDigitize, [](Command& c) { c.component_id.clear(); },
       "component id"},
      {State::kSubmitted, Action::kDigitize,
       [](Command& c) { c.component_id = kResultComponentId; }, "no result"},
      {State::kSubmitted, Action::kSign,
       [](Command& c) { c.document_hash = Sha256Hex("something else"); }, "not that of"},
      {State::kSubmitted, Action::kSign, [](Command& c) { c.component_id = "giay_phep"; },
       "no digitized document"},
      {State::kSubmitted, Action::kReceive, [](Command& c) { c.actor.clear(); }, "actor"},
      {State::kSubmitted, Action::kReceive, [](Command& c) { c.at -= 3600; }, "before the latest"},
  };
  for (const Case& k : cases) {
    SCOPED_TRACE(std::string(ActionName(k.action)) + " / " + k.why);
    const Dossier d = InState(k.state);
    Command c = Valid(k.action, d, d.updated_at + 60);
    k.spoil(c);
    auto t = Apply(&d, c, Ctx());
    ASSERT_EQ(t.status().code(), Status::Code::kInvalidArgument) << t.status().ToString();
    EXPECT_NE(t.status().message().find(k.why), std::string::npos) << t.status().message();
  }
}

TEST_F(LifeCycle, SubmitWithACodeOfAnotherAgencyOrDayIsRefused) {
  Command c = SubmitCommand();
  c.code = "000.00.13.H29-240304-0001";
  EXPECT_EQ(Apply(nullptr, c, Ctx()).status().code(), Status::Code::kInvalidArgument);
  c.code = kAgency + "-240305-0001";
  EXPECT_EQ(Apply(nullptr, c, Ctx()).status().code(), Status::Code::kInvalidArgument);
  c.code = kAgency + "-240304-1";
  EXPECT_EQ(Apply(nullptr, c, Ctx()).status().code(), Status::Code::kInvalidArgument);
  c = SubmitCommand();
  c.applicant.name.clear();
  EXPECT_EQ(Apply(nullptr, c, Ctx()).status().code(), Status::Code::kInvalidArgument);
  c = SubmitCommand();
  c.components.push_back({"don", ""});
  EXPECT_EQ(Apply(nullptr, c, Ctx()).status().code(), Status::Code::kInvalidArgument);
  c = SubmitCommand();
  c.expected_version = 4;
  EXPECT_EQ(Apply(nullptr, c, Ctx()).status().code(), Status::Code::kConflict);
}

TEST_F(LifeCycle, AnActionOnNoDossierIsNotFound) {
  Dossier none;
  Command c = Valid(Action::kReceive, none, At("2024-03-04T09:00:00+07:00"));
  EXPECT_EQ(Apply(nullptr, c, Ctx()).status().code(), Status::Code::kNotFound);
}

TEST_F(LifeCycle, TheAgencyAnswersOnlyQuestionsThatWereAsked) {
  Dossier d = InState(State::kSubmitted);
  EXPECT_EQ(d.questions_asked, 1);
  d = Do(d, Action::kAnswerQuestion, d.updated_at + 60);
  EXPECT_EQ(d.questions_answered, 1);
  auto t = Apply(&d, Valid(Action::kAnswerQuestion, d, d.updated_at + 60), Ctx());
  EXPECT_EQ(t.status().code(), Status::Code::kFailedPrecondition);
}

TEST_F(LifeCycle, AnApplicantRatesOnce) {
  Dossier d = InState(State::kReturned);
  d = Do(d, Action::kRate, d.updated_at + 60);
  ASSERT_TRUE(d.rating.has_value());
  EXPECT_EQ(d.rating->stars, 5);
  EXPECT_EQ(d.rating->comment, "Nhanh");
  auto t = Apply(&d, Valid(Action::kRate, d, d.updated_at + 60), Ctx());
  EXPECT_EQ(t.status().code(), Status::Code::kFailedPrecondition);
}

TEST_F(LifeCycle, DigitizingAndSigningTheResult) {
  Dossier d = InState(State::kResolved);
  Command dig = Valid(Action::kDigitize, d, d.updated_at + 60);
  dig.component_id = kResultComponentId;
  dig.document_hash = Sha256Hex("kết quả số hoá");
  d = Do(&d, dig);
  EXPECT_EQ(d.result_document, Sha256Hex("kết quả số hoá"));
  Command sign = Valid(Action::kSign, d, d.updated_at + 60);
  sign.component_id = kResultComponentId;
  sign.document_hash = Sha256Hex("kết quả số hoá");
  d = Do(&d, sign);
  EXPECT_EQ(d.state, State::kResolved);
}

TEST_F(LifeCycle, PostalReturnKeepsTheTrackingNumber) {
  Dossier d = InState(State::kResolved);
  Command c = Valid(Action::kReturn, d, d.updated_at + 60);
  c.return_method = ReturnMethod::kPostal;
  c.tracking_number = "EB123456789VN";
  d = Do(&d, c);
  EXPECT_EQ(d.state, State::kReturned);
  EXPECT_EQ(d.return_method, ReturnMethod::kPostal);
  EXPECT_EQ(d.tracking_number, "EB123456789VN");
  EXPECT_EQ(d.returned_at, c.at);
  EXPECT_EQ(events_.back().payload, R"({"method":"postal","tracking_number":"EB123456789VN"})");
}

TEST_F(LifeCycle, WithdrawingAPausedDossierClosesThePause) {
  Dossier d = InState(State::kPaused);
  ASSERT_FALSE(d.pauses.back().to.has_value());
  const Instant at = d.updated_at + 3600;
  d = Do(d, Action::kWithdraw, at);
  EXPECT_EQ(d.state, State::kWithdrawn);
  EXPECT_EQ(d.pauses.back().to, at);
  EXPECT_EQ(d.closed_at, at);
  EXPECT_EQ(d.closing_reason, "Người nộp xin rút");
}

TEST_F(LifeCycle, TheEventsOfAWholeLifeFormAVerifiableChain) {
  Dossier d = InState(State::kReturned);
  d = Do(d, Action::kRate, d.updated_at + 60);
  ASSERT_EQ(static_cast<std::int64_t>(events_.size()), d.version);
  for (size_t i = 0; i < events_.size(); ++i) EXPECT_EQ(events_[i].seq, std::int64_t(i) + 1);
  EXPECT_EQ(events_.back().hash, d.head_hash);
  EXPECT_TRUE(VerifyChain(events_).ok());
  // The payloads say what happened, in canonical JSON.
  EXPECT_EQ(events_[4].action, Action::kResolve);
  EXPECT_EQ(events_[4].payload,
            "{\"outcome\":\"approved\",\"result_document\":\"" + Sha256Hex("giấy phép") + "\"}");
  EXPECT_EQ(events_[3].payload, R"({"handler":"spec.b"})");
  EXPECT_EQ(events_.back().payload, R"({"comment":"Nhanh","stars":5})");
}

TEST_F(LifeCycle, ApplyingInPlaceGivesTheSameDossiersAndEventsAsApply) {
  // A whole life, each command once through Apply and once in place.
  Dossier by_apply;
  Dossier in_place;
  Instant t = At("2024-03-04T08:10:00+07:00");
  const Action life[] = {Action::kSubmit,   Action::kAskQuestion, Action::kReceive,
                         Action::kTransfer, Action::kPause,       Action::kResume,
                         Action::kExtend,   Action::kResolve,     Action::kDigitize,
                         Action::kReturn,   Action::kRate};
  for (const Action a : life) {
    const Command c = Valid(a, by_apply, t += 3600);
    auto applied = Apply(a == Action::kSubmit ? nullptr : &by_apply, c, Ctx());
    ASSERT_TRUE(applied.ok()) << ActionName(a) << ": " << applied.status().ToString();
    Event event;
    const Status s = ApplyInPlace(in_place, c, Ctx(), event);
    ASSERT_TRUE(s.ok()) << ActionName(a) << ": " << s.ToString();
    EXPECT_EQ(in_place, applied->dossier) << ActionName(a);
    EXPECT_EQ(event, applied->event) << ActionName(a);
    by_apply = applied->dossier;
  }
  EXPECT_EQ(in_place.version, 11);
}

TEST_F(LifeCycle, ApplyingInPlaceRefusesWhatApplyRefuses) {
  Dossier fresh;
  Event e;
  Command receive = Valid(Action::kReceive, fresh, At("2024-03-04T09:00:00+07:00"));
  EXPECT_EQ(ApplyInPlace(fresh, receive, Ctx(), e).code(), Status::Code::kNotFound)
      << "a default dossier is no dossier to receive";

  Dossier d = InState(State::kSubmitted);
  EXPECT_EQ(ApplyInPlace(d, SubmitCommand(), Ctx(), e).code(), Status::Code::kFailedPrecondition)
      << "a dossier with a version exists already";
  Command stale = Valid(Action::kReceive, d, d.updated_at + 60);
  stale.expected_version = d.version - 1;
  EXPECT_EQ(ApplyInPlace(d, stale, Ctx(), e).code(), Status::Code::kConflict);
  const Dossier before = d;
  Command refuse = Valid(Action::kRefuse, d, d.updated_at + 60);
  refuse.reason.clear();
  EXPECT_EQ(ApplyInPlace(d, refuse, Ctx(), e).code(), Status::Code::kInvalidArgument);
  // Checks that fail before the effect leave the dossier as it was.
  EXPECT_EQ(d, before);
}

TEST_F(LifeCycle, PayloadEscapesQuotesAndControlCharacters) {
  Command c;
  c.action = Action::kRefuse;
  c.reason = "Sai \"mẫu\"\n\tbản\\sao\x01";
  EXPECT_EQ(CommandPayload(c), R"({"reason":"Sai \"mẫu\"\n\tbản\\sao\u0001"})");
}

TEST_F(LifeCycle, PausesDuringProcessingAreCountedAsRework) {
  Dossier d = InState(State::kPaused);
  EXPECT_EQ(d.supplement_requests_in_processing, 1);
  EXPECT_EQ(d.supplement_requests_at_reception, 0);
  ASSERT_EQ(d.pauses.size(), 1u);
  EXPECT_EQ(d.pauses[0].missing_components, std::vector<std::string>{"ban_ve"});
  d = Do(d, Action::kResume, d.updated_at + 86400);
  EXPECT_EQ(d.state, State::kInProgress);
  EXPECT_TRUE(d.pauses[0].to.has_value());
  d = Do(d, Action::kPause, d.updated_at + 60);
  EXPECT_EQ(d.supplement_requests_in_processing, 2);
}

}  // namespace
}  // namespace motcua::dossier
