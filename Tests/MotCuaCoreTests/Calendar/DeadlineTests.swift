import XCTest
@testable import MotCuaCore

/// docs/rules.md#deadlines: the 15:00 rule, outside-hours submissions, durations, days
/// overdue and processing time. 2025 dates use the shipped calendar.
final class DeadlineTests: XCTestCase {
    let cal = CalendarFixtures.shipped

    func due(_ received: String, _ channel: SubmissionChannel, _ duration: ProcedureDuration) -> LocalDateTime {
        Deadline.due(receivedAt: at(received), channel: channel, duration: duration, calendar: cal)
    }

    // MARK: 15:00 rule (Điều 13, Lai Châu)

    func testDeskAndPostAfter1500CountFromTheNextWorkingDay() {
        // Monday 3/3/2025.
        XCTAssertEqual(due("2025-03-03 15:00", .direct, .workingDays(1)), at("2025-03-04 15:00"))
        XCTAssertEqual(due("2025-03-03 15:00:01", .direct, .workingDays(1)), at("2025-03-04 17:00"))
        XCTAssertEqual(due("2025-03-03 15:30", .postal, .workingDays(1)), at("2025-03-04 17:00"))
        XCTAssertEqual(due("2025-03-03 15:30", .postal, .workingDays(2)), at("2025-03-05 17:00"))
        XCTAssertEqual(due("2025-03-03 16:59", .direct, .workingDays(0.5)), at("2025-03-04 11:15"))
        // Friday before Tết 2025: the next working day is Monday 3/2.
        XCTAssertEqual(Deadline.countingStart(receivedAt: at("2025-01-24 15:10"), channel: .direct, calendar: cal),
                       at("2025-02-03 07:30"))
    }

    func testOnlineAfter1500CountsFromTheSubmission() {
        XCTAssertEqual(due("2025-03-03 15:30", .online, .workingDays(1)), at("2025-03-04 15:30"))
    }

    func testTheCutoffIsConfigurable() {
        let rules = DeadlineRules(afternoonCutoff: 16 * 3600)
        XCTAssertEqual(Deadline.countingStart(receivedAt: at("2025-03-03 15:30"), channel: .direct,
                                              calendar: cal, rules: rules), at("2025-03-03 15:30"))
    }

    // MARK: Outside working hours (Điều 9, Phú Thọ)

    func testAnySubmissionOutsideHoursStartsAtTheNextWorkingHour() {
        func start(_ s: String, _ c: SubmissionChannel = .online) -> LocalDateTime {
            Deadline.countingStart(receivedAt: at(s), channel: c, calendar: cal)
        }
        XCTAssertEqual(start("2025-03-03 06:00"), at("2025-03-03 07:30"))
        XCTAssertEqual(start("2025-03-03 11:30"), at("2025-03-03 13:30"))   // lunch break
        XCTAssertEqual(start("2025-03-03 12:15", .direct), at("2025-03-03 13:30"))
        XCTAssertEqual(start("2025-03-03 17:00"), at("2025-03-04 07:30"))
        XCTAssertEqual(start("2025-03-03 22:45"), at("2025-03-04 07:30"))
        XCTAssertEqual(start("2025-03-08 10:00"), at("2025-03-10 07:30"))   // Saturday
        XCTAssertEqual(start("2025-04-26 10:00"), at("2025-04-26 10:00"))   // make-up Saturday is a working day
        XCTAssertEqual(start("2025-04-30 09:00"), at("2025-05-05 07:30"))   // holiday block
        XCTAssertEqual(start("2025-03-03 09:10"), at("2025-03-03 09:10"))   // inside hours: unchanged
    }

    // MARK: Durations

    func testHalfADayIsThreeHoursFortyFiveMinutes() {
        XCTAssertEqual(ProcedureDuration.workingDays(0.5).workingSeconds(dayLength: 27_000), 3 * 3600 + 45 * 60)
        XCTAssertEqual(due("2025-03-03 07:30", .online, .workingDays(0.5)), at("2025-03-03 11:15"))
        XCTAssertEqual(due("2025-03-03 10:00", .online, .workingDays(0.5)), at("2025-03-03 15:45"))
    }

    func testWorkingDaysEndAtTheSameClockTimeOrAtTheSessionEnd() {
        XCTAssertEqual(due("2025-03-03 07:30", .online, .workingDays(1)), at("2025-03-03 17:00"))
        XCTAssertEqual(due("2025-03-03 09:00", .direct, .workingDays(5)), at("2025-03-10 09:00"))
        // 3.5 h left on Monday, 4 h on Tuesday morning.
        XCTAssertEqual(due("2025-03-03 13:30", .direct, .workingDays(1)), at("2025-03-04 11:30"))
        XCTAssertEqual(due("2025-03-03 08:00", .direct, .workingDays(0)), at("2025-03-03 08:00"))
    }

    func testWorkingHours() {
        XCTAssertEqual(due("2025-03-03 10:00", .online, .workingHours(4)), at("2025-03-03 16:00"))
        XCTAssertEqual(due("2025-03-03 09:00", .online, .workingHours(8)), at("2025-03-04 09:30"))
        XCTAssertEqual(due("2025-03-03 16:00", .online, .workingHours(1)), at("2025-03-03 17:00"))
        XCTAssertEqual(due("2025-03-03 16:00", .online, .workingHours(1.5)), at("2025-03-04 08:00"))
    }

    func testWorkingDaysAcrossTet() {
        // Friday 24/1/2025 08:00, 2 days = 15 h: 7 h on Friday, 7.5 h on Monday 3/2, 0.5 h on Tuesday.
        XCTAssertEqual(due("2025-01-24 08:00", .direct, .workingDays(2)), at("2025-02-04 08:00"))
    }

    func testCalendarDaysAcrossTet() {
        // 3 days after Thursday 23/1/2025 is Sunday 26/1, inside the Tết break: moved to Monday 3/2, 17:00.
        XCTAssertEqual(due("2025-01-23 09:00", .direct, .calendarDays(3)), at("2025-02-03 17:00"))
        XCTAssertEqual(due("2025-01-20 09:00", .direct, .calendarDays(3)), at("2025-01-23 17:00"))
        // After 15:00 the count starts the next working day.
        XCTAssertEqual(due("2025-01-20 15:30", .direct, .calendarDays(3)), at("2025-01-24 17:00"))
        XCTAssertEqual(due("2025-01-20 09:00", .direct, .calendarDays(0.5)), at("2025-01-21 17:00"))
    }

    // MARK: Days overdue (docs/rules.md#days-overdue)

    func testDaysOverdueBoundaries() {
        func overdue(_ due: String, _ finish: String) -> Int {
            Deadline.daysOverdue(due: at(due), finish: at(finish), calendar: cal)
        }
        XCTAssertEqual(overdue("2025-04-29 17:00", "2025-04-29 17:00"), 0)
        XCTAssertEqual(overdue("2025-04-29 17:00", "2025-04-26 10:00"), 0)
        XCTAssertEqual(overdue("2025-04-29 17:00", "2025-04-29 17:00:01"), 1)    // same day: at least 1
        XCTAssertEqual(overdue("2025-04-29 10:00", "2025-04-29 16:00"), 1)
        XCTAssertEqual(overdue("2025-04-29 17:00", "2025-04-30 09:00"), 1)       // holiday: still at least 1
        XCTAssertEqual(overdue("2025-04-29 17:00", "2025-05-05 08:00"), 1)       // 30/4–4/5 off
        XCTAssertEqual(overdue("2025-04-29 17:00", "2025-05-06 08:00"), 2)
        XCTAssertEqual(overdue("2025-04-25 17:00", "2025-04-26 08:00"), 1)       // make-up Saturday counts
        XCTAssertEqual(overdue("2025-04-25 17:00", "2025-04-28 08:00"), 2)
        // Pending dossier: the cutoff plays the finish.
        XCTAssertEqual(Deadline.daysOverdue(due: at("2025-04-28 17:00"),
                                            finish: LocalDateTime.endOfDay(ymd("2025-04-30")), calendar: cal), 1)
        XCTAssertEqual(Deadline.daysOverdue(due: LocalDateTime.endOfDay(ymd("2025-04-30")),
                                            finish: LocalDateTime.endOfDay(ymd("2025-04-30")), calendar: cal), 0)
    }

    // MARK: Processing time (docs/rules.md#processing-time)

    func testProcessingDays() {
        func days(_ a: String, _ b: String) -> Double {
            Deadline.processingDays(receivedAt: at(a), finishedAt: at(b), calendar: cal)
        }
        XCTAssertEqual(days("2025-03-03 07:30", "2025-03-04 11:15"), 1.5)
        XCTAssertEqual(days("2025-03-03 07:30", "2025-03-03 17:00"), 1)
        XCTAssertEqual(days("2025-03-07 17:30", "2025-03-10 07:00"), 0)           // weekend and nights
        XCTAssertEqual(days("2025-01-24 07:30", "2025-02-03 17:00"), 2)           // across Tết
        XCTAssertEqual(days("2025-03-04 08:00", "2025-03-03 08:00"), 0)           // finish before receipt
        XCTAssertEqual(days("2025-03-03 11:00", "2025-03-03 14:00"), 1.0 / 7.5)   // lunch does not count
    }

    func testChannelBridge() {
        XCTAssertEqual(SubmissionChannel(Channel.postal), .postal)
        XCTAssertTrue(SubmissionChannel(Channel.direct).appliesAfternoonCutoff)
        XCTAssertFalse(SubmissionChannel(Channel.online).appliesAfternoonCutoff)
    }
}
