// Deadlines as the agency and the applicant see them (DESIGN.md section 5):
// the due time fixed at receipt, pauses with both policies, the extension
// that does not excuse, and the classification of resolved and open
// dossiers. Every expected time is worked out by hand in the comments.
#include "dossier/deadline.h"

#include <gtest/gtest.h>

#include "dossier/code.h"
#include "dossier/lifecycle.h"

namespace motcua::dossier {
namespace {

Instant At(const char* local_time) {
  auto t = ParseDateTime(local_time);
  EXPECT_TRUE(t.ok()) << local_time;
  return t.ok() ? *t : 0;
}

std::string Show(std::optional<Instant> t) { return t ? FormatDateTime(*t) : "(none)"; }

// 2024 with the Government's 30/4 arrangement: Monday 29 April off in
// exchange for working Saturday 4 May; 30 April and 1 May are holidays.
calendar::WorkingCalendar TestCalendar() {
  calendar::YearSchedule y2024;
  y2024.year = 2024;
  for (int d : {29, 30}) y2024.holidays.push_back({DaysFromCivil({2024, 4, d}), "Nghỉ", {}});
  y2024.holidays.push_back({DaysFromCivil({2024, 5, 1}), "Quốc tế Lao động", {}});
  y2024.working_weekend_days = {DaysFromCivil({2024, 5, 4})};
  calendar::YearSchedule y2025;
  y2025.year = 2025;
  auto cal = calendar::WorkingCalendar::Build(calendar::OfficeHours::Default(), {y2024, y2025});
  EXPECT_TRUE(cal.ok()) << cal.status().ToString();
  return std::move(cal).value();
}

class Deadlines : public ::testing::Test {
 protected:
  Deadlines() : cal_(TestCalendar()) {
    terms_.code = "1.004227";
    terms_.version = 1;
    terms_.agency_code = "000.00.12.H29";
    terms_.field_code = "bao_chi";
    Days(5);
  }

  void Days(double n, catalog::PausePolicy p = catalog::PausePolicy::kPause) {
    terms_.processing_time = {n, catalog::TimeUnit::kWorkingDays, p};
  }

  Dossier Run(const Dossier* d, Command c) {
    c.expected_version = d ? d->version : 0;
    if (c.actor.empty()) c.actor = "desk.a";
    auto t = Apply(d, c, {&terms_, &cal_});
    EXPECT_TRUE(t.ok()) << ActionName(c.action) << ": " << t.status().ToString();
    return t.ok() ? t->dossier : (d ? *d : Dossier{});
  }

  // Submitted a few minutes before `received`, received then, and (unless
  // `transfer` is false) transferred to the agency five minutes later.
  Dossier Received(const char* received, bool transfer = true) {
    const Instant at = At(received);
    Command s;
    s.action = Action::kSubmit;
    s.at = at - 300;
    auto code = MakeDossierCode(terms_.agency_code, s.at, 1);
    EXPECT_TRUE(code.ok());
    s.code = *code;
    s.applicant = {"Trần Thị B", "0987654321", "", "", ""};
    Dossier d = Run(nullptr, s);
    Command r;
    r.action = Action::kReceive;
    r.at = at;
    d = Run(&d, r);
    if (transfer) d = Run(&d, Simple(Action::kTransfer, at + 300));
    return d;
  }

  static Command Simple(Action a, Instant at) {
    Command c;
    c.action = a;
    c.at = at;
    return c;
  }
  Dossier Pause(const Dossier& d, const char* at) {
    Command c = Simple(Action::kPause, At(at));
    c.reason = "Thiếu bản vẽ";
    c.missing_components = {"ban_ve"};
    return Run(&d, c);
  }
  Dossier Resume(const Dossier& d, const char* at) {
    Command c = Simple(Action::kResume, At(at));
    c.components = {{"ban_ve", ""}};
    return Run(&d, c);
  }
  Dossier Resolve(const Dossier& d, const char* at) {
    Command c = Simple(Action::kResolve, At(at));
    c.outcome = Outcome::kApproved;
    return Run(&d, c);
  }
  Result<Transition> Extend(const Dossier& d, const char* at, std::optional<Instant> to,
                            std::string reason = "Cần lấy ý kiến cơ quan liên quan") {
    Command c = Simple(Action::kExtend, At(at));
    c.expected_version = d.version;
    c.actor = "leader.c";
    c.reason = std::move(reason);
    c.new_appointment = to;
    return Apply(&d, c, {&terms_, &cal_});
  }

  calendar::WorkingCalendar cal_;
  ProcedureTerms terms_;
};

TEST_F(Deadlines, ThreeDaysFromMondayNineIsThursdayNine) {
  Days(3);
  Dossier d = Received("2024-03-04T09:00:00+07:00");
  EXPECT_EQ(d.received_at, At("2024-03-04T09:00:00+07:00"));
  EXPECT_EQ(d.clock_start, At("2024-03-04T09:00:00+07:00"));
  EXPECT_EQ(Show(d.due_at), "2024-03-07T09:00:00+07:00");
  EXPECT_EQ(d.original_due_at, d.due_at);
  EXPECT_EQ(d.AppointmentAt(), d.due_at);
}

TEST_F(Deadlines, ADossierReceivedOnSaturdayStartsTheClockOnMondayMorning) {
  // One working day from Monday 07:30 runs out at 17:00 the same day: due
  // then, not at 07:30 on Tuesday.
  Days(1);
  Dossier d = Received("2024-03-09T10:00:00+07:00");
  EXPECT_EQ(Show(d.clock_start), "2024-03-11T07:30:00+07:00");
  EXPECT_EQ(Show(d.due_at), "2024-03-11T17:00:00+07:00");
}

TEST_F(Deadlines, ADossierReceivedAtLunchStartsTheClockAtHalfPastOne) {
  Days(0.5);  // 3 h 45 min: 13:30 -> 17:00 is 3 h 30, then 15 min on Tuesday
  Dossier d = Received("2024-03-05T12:00:00+07:00");
  EXPECT_EQ(Show(d.clock_start), "2024-03-05T13:30:00+07:00");
  EXPECT_EQ(Show(d.due_at), "2024-03-06T07:45:00+07:00");
}

TEST_F(Deadlines, WorkingHoursAreAddedTheSameWay) {
  // Monday 09:00-11:30 and 13:30-17:00 is 6 h; 2 h more from Tuesday 07:30.
  terms_.processing_time = {8, catalog::TimeUnit::kWorkingHours, catalog::PausePolicy::kPause};
  Dossier d = Received("2024-03-04T09:00:00+07:00");
  EXPECT_EQ(Show(d.due_at), "2024-03-05T09:30:00+07:00");
}

TEST_F(Deadlines, TheHolidaysOfThirtyAprilAndTheSwappedSaturdayAreHonoured) {
  // Friday 26 April 09:00 + 3 days (22.5 h): Friday 6 h, then 27/4-1/5 off
  // (weekend, the swapped Monday 29, 30/4, 1/5), Thursday 2 May 7.5 h,
  // Friday 3 May 7.5 h, and the worked Saturday 4 May 1.5 h: 09:00.
  Days(3);
  Dossier d = Received("2024-04-26T09:00:00+07:00");
  EXPECT_EQ(Show(d.due_at), "2024-05-04T09:00:00+07:00");
}

TEST_F(Deadlines, PausePolicyKeepsTheTimeUsedBeforeThePause) {
  // Due Monday 11 March 09:00; paused Wednesday 09:00 after 2 days used;
  // resumed Monday 11 09:00 with 3 days left: Thursday 14 09:00.
  Dossier d = Received("2024-03-04T09:00:00+07:00");
  EXPECT_EQ(Show(d.due_at), "2024-03-11T09:00:00+07:00");
  d = Pause(d, "2024-03-06T09:00:00+07:00");
  d = Resume(d, "2024-03-11T09:00:00+07:00");
  EXPECT_EQ(Show(d.due_at), "2024-03-14T09:00:00+07:00");
  EXPECT_EQ(Show(d.original_due_at), "2024-03-11T09:00:00+07:00");
  EXPECT_EQ(Show(d.clock_start), "2024-03-04T09:00:00+07:00");
  ASSERT_EQ(d.pauses.size(), 1u);
  EXPECT_EQ(d.pauses[0].to, At("2024-03-11T09:00:00+07:00"));
}

TEST_F(Deadlines, RestartPolicyGivesTheFullTimeAgainFromTheResume) {
  Days(5, catalog::PausePolicy::kRestart);
  Dossier d = Received("2024-03-04T09:00:00+07:00");
  d = Pause(d, "2024-03-06T09:00:00+07:00");
  d = Resume(d, "2024-03-11T09:00:00+07:00");
  EXPECT_EQ(Show(d.clock_start), "2024-03-11T09:00:00+07:00");
  EXPECT_EQ(Show(d.due_at), "2024-03-18T09:00:00+07:00");
  EXPECT_EQ(Show(d.original_due_at), "2024-03-11T09:00:00+07:00");
}

TEST_F(Deadlines, AResumeOutsideOfficeHoursCountsFromTheNextWorkingMoment) {
  // 3 days left from Monday 11 07:30 run out on Wednesday 13 at 17:00.
  Dossier d = Received("2024-03-04T09:00:00+07:00");
  d = Pause(d, "2024-03-06T09:00:00+07:00");
  d = Resume(d, "2024-03-09T10:00:00+07:00");
  EXPECT_EQ(Show(d.due_at), "2024-03-13T17:00:00+07:00");

  Days(1, catalog::PausePolicy::kRestart);
  d = Received("2024-03-04T09:00:00+07:00");
  d = Pause(d, "2024-03-04T10:00:00+07:00");
  d = Resume(d, "2024-03-08T18:00:00+07:00");  // Friday evening
  EXPECT_EQ(Show(d.clock_start), "2024-03-11T07:30:00+07:00");
  EXPECT_EQ(Show(d.due_at), "2024-03-11T17:00:00+07:00");
}

TEST_F(Deadlines, TwoPausesBothStopTheClock) {
  // 5 days from Monday 4 09:00. Pause Tuesday 09:00 (1 day used), resume
  // Wednesday 09:00 (4 left): due Tuesday 12 09:00. Pause Thursday 7 09:00
  // (1 more day used), resume Monday 11 09:00 (3 left): Thursday 14 09:00.
  Dossier d = Received("2024-03-04T09:00:00+07:00");
  d = Pause(d, "2024-03-05T09:00:00+07:00");
  d = Resume(d, "2024-03-06T09:00:00+07:00");
  EXPECT_EQ(Show(d.due_at), "2024-03-12T09:00:00+07:00");
  d = Pause(d, "2024-03-07T09:00:00+07:00");
  d = Resume(d, "2024-03-11T09:00:00+07:00");
  EXPECT_EQ(Show(d.due_at), "2024-03-14T09:00:00+07:00");
  EXPECT_EQ(d.supplement_requests_in_processing, 2);
}

TEST_F(Deadlines, APauseAfterTheDueTimeDoesNotExcuseTheDelay) {
  Days(1);
  Dossier d = Received("2024-03-04T09:00:00+07:00");
  EXPECT_EQ(Show(d.due_at), "2024-03-05T09:00:00+07:00");
  d = Pause(d, "2024-03-06T09:00:00+07:00");
  d = Resume(d, "2024-03-08T09:00:00+07:00");
  EXPECT_EQ(Show(d.due_at), "2024-03-05T09:00:00+07:00");
  d = Resolve(d, "2024-03-08T10:00:00+07:00");
  EXPECT_EQ(ClassifyResolved(d), calendar::Completion::kLate);
}

TEST_F(Deadlines, ExtensionGivesANewAppointmentOnceButDoesNotMoveTheDueTime) {
  Days(3);
  Dossier d = Received("2024-03-04T09:00:00+07:00");
  auto t = Extend(d, "2024-03-06T10:00:00+07:00", At("2024-03-11T17:00:00+07:00"));
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  d = t->dossier;
  EXPECT_TRUE(d.extended);
  EXPECT_EQ(Show(d.extended_due_at), "2024-03-11T17:00:00+07:00");
  EXPECT_EQ(Show(d.AppointmentAt()), "2024-03-11T17:00:00+07:00");
  EXPECT_EQ(Show(d.due_at), "2024-03-07T09:00:00+07:00");
  EXPECT_EQ(Show(d.original_due_at), "2024-03-07T09:00:00+07:00");
  EXPECT_EQ(d.extension_reason, "Cần lấy ý kiến cơ quan liên quan");
  EXPECT_EQ(
      t->event.payload,
      R"({"new_appointment":"2024-03-11T17:00:00+07:00","reason":"Cần lấy ý kiến cơ quan liên quan"})");

  // Once only.
  auto again = Extend(d, "2024-03-07T10:00:00+07:00", At("2024-03-15T17:00:00+07:00"));
  ASSERT_EQ(again.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(again.status().message().find("only once"), std::string::npos);

  // Resolved after the original due time but before the new appointment:
  // still late, the apology does not excuse the delay.
  d = Resolve(d, "2024-03-08T10:00:00+07:00");
  EXPECT_EQ(ClassifyResolved(d), calendar::Completion::kLate);
}

TEST_F(Deadlines, ExtensionWithoutAReasonOrWithAnAppointmentNotAfterTheDueTimeIsRefused) {
  Days(3);
  Dossier d = Received("2024-03-04T09:00:00+07:00");
  const Dossier before = d;
  EXPECT_EQ(
      Extend(d, "2024-03-05T10:00:00+07:00", At("2024-03-12T09:00:00+07:00"), "").status().code(),
      Status::Code::kInvalidArgument);
  auto same = Extend(d, "2024-03-05T10:00:00+07:00", At("2024-03-07T09:00:00+07:00"));
  ASSERT_EQ(same.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(same.status().message().find("not after the current due time"), std::string::npos);
  EXPECT_EQ(Extend(d, "2024-03-05T10:00:00+07:00", At("2024-03-06T09:00:00+07:00")).status().code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(Extend(d, "2024-03-05T10:00:00+07:00", std::nullopt).status().code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(d, before);
  // The agency may extend before transferring and while paused, too.
  Dossier received = Received("2024-03-04T09:00:00+07:00", /*transfer=*/false);
  EXPECT_TRUE(Extend(received, "2024-03-05T10:00:00+07:00", At("2024-03-12T09:00:00+07:00")).ok());
  Dossier paused = Pause(d, "2024-03-05T09:00:00+07:00");
  EXPECT_TRUE(Extend(paused, "2024-03-05T10:00:00+07:00", At("2024-03-12T09:00:00+07:00")).ok());
}

TEST_F(Deadlines, ResolvedDossiersAreEarlyOnTimeOrLateAgainstTheDueTime) {
  Days(3);  // due Thursday 7 March 09:00
  const Dossier d = Received("2024-03-04T09:00:00+07:00");
  struct Case {
    const char* resolved;
    calendar::Completion expected;
  };
  for (const Case& c : {
           Case{"2024-03-06T16:59:59+07:00", calendar::Completion::kEarly},  // the day before
           Case{"2024-03-07T07:30:00+07:00", calendar::Completion::kOnTime},
           Case{"2024-03-07T09:00:00+07:00", calendar::Completion::kOnTime},  // exactly due
           Case{"2024-03-07T09:00:01+07:00", calendar::Completion::kLate},
           Case{"2024-03-08T08:00:00+07:00", calendar::Completion::kLate},
       }) {
    SCOPED_TRACE(c.resolved);
    Dossier r = Resolve(d, c.resolved);
    EXPECT_EQ(r.completed_at, At(c.resolved));
    EXPECT_EQ(ClassifyResolved(r), c.expected);
  }
}

TEST_F(Deadlines, APausedDossierIsClassifiedAgainstTheDueTimeTheResumeMoved) {
  // Original due Monday 11 09:00; the pause moves it to Thursday 14 09:00.
  Dossier d = Received("2024-03-04T09:00:00+07:00");
  d = Pause(d, "2024-03-06T09:00:00+07:00");
  d = Resume(d, "2024-03-11T09:00:00+07:00");
  EXPECT_EQ(ClassifyingDueAt(d), At("2024-03-14T09:00:00+07:00"));
  EXPECT_EQ(ClassifyResolved(Resolve(d, "2024-03-13T15:00:00+07:00")),
            calendar::Completion::kEarly);
  EXPECT_EQ(ClassifyResolved(Resolve(d, "2024-03-14T08:00:00+07:00")),
            calendar::Completion::kOnTime);
  EXPECT_EQ(ClassifyResolved(Resolve(d, "2024-03-14T10:00:00+07:00")), calendar::Completion::kLate);
}

TEST_F(Deadlines, OpenDossiersAreWithinDeadlineUntilTheDueTimeAndPausedOnesStandStill) {
  Days(1);  // due Tuesday 5 March 09:00
  Dossier d = Received("2024-03-04T09:00:00+07:00");
  EXPECT_EQ(ClassifyOpenAt(d, At("2024-03-05T09:00:00+07:00")),
            calendar::Standing::kWithinDeadline);
  EXPECT_EQ(ClassifyOpenAt(d, At("2024-03-05T09:00:01+07:00")), calendar::Standing::kOverdue);

  // Paused before the due time: the clock stands, a month later too.
  Dossier paused = Pause(d, "2024-03-04T15:00:00+07:00");
  EXPECT_EQ(ClassifyOpenAt(paused, At("2024-04-05T09:00:00+07:00")),
            calendar::Standing::kWithinDeadline);
  // Paused after it: overdue it stays.
  Dossier late = Pause(d, "2024-03-06T09:00:00+07:00");
  EXPECT_EQ(ClassifyOpenAt(late, At("2024-03-07T09:00:00+07:00")), calendar::Standing::kOverdue);

  // Not yet received, or resolved: not an open dossier with a deadline.
  Dossier resolved = Resolve(d, "2024-03-04T16:00:00+07:00");
  EXPECT_FALSE(ClassifyOpenAt(resolved, At("2024-03-05T09:00:00+07:00")).has_value());
  EXPECT_EQ(ClassifyResolved(resolved), calendar::Completion::kEarly);
}

TEST_F(Deadlines, ProcessingTimeInSecondsFollowsTheOfficeDay) {
  auto s = ProcessingSeconds({1.5, catalog::TimeUnit::kWorkingDays, {}}, cal_);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(*s, 40500);  // 1.5 × 7.5 h
  s = ProcessingSeconds({4, catalog::TimeUnit::kWorkingHours, {}}, cal_);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(*s, 14400);
  EXPECT_FALSE(ProcessingSeconds({0, catalog::TimeUnit::kWorkingDays, {}}, cal_).ok());
  EXPECT_FALSE(ProcessingSeconds({-1, catalog::TimeUnit::kWorkingDays, {}}, cal_).ok());
}

}  // namespace
}  // namespace motcua::dossier
