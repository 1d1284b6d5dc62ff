import XCTest
@testable import MotCuaCore

/// The official arrangements of 2010–2017 (Templates/calendar/2010.csv …
/// 2017.csv) and the 24/11 switch (docs/rules.md#holidays). Every expected
/// moment below is counted by hand with the standard hours 07:30–11:30,
/// 13:30–17:00 (7.5 h a day).
final class HistoricalCalendarTests: XCTestCase {
    let cal = CalendarFixtures.shipped

    func due(_ received: String, _ channel: SubmissionChannel, _ days: Double) -> LocalDateTime {
        Deadline.due(receivedAt: at(received), channel: channel, duration: .workingDays(days), calendar: cal)
    }

    func testTheSwapsOf2010To2017AreDaysOffAndTheirSaturdaysAreWorked() {
        let swaps: [(off: String, worked: String)] = [
            ("2010-02-19", "2010-02-27"), ("2011-01-31", "2011-01-29"), ("2011-02-01", "2011-01-30"),
            ("2011-04-11", "2011-04-09"), ("2012-01-27", "2012-02-04"), ("2012-12-31", "2013-01-05"),
            ("2013-02-15", "2013-02-23"), ("2013-04-29", "2013-05-04"), ("2014-01-28", "2014-01-25"),
            ("2014-01-29", "2014-02-08"), ("2014-05-02", "2014-04-26"), ("2014-09-01", "2014-09-06"),
            ("2015-01-02", "2014-12-27"), ("2015-02-16", "2015-02-14"), ("2015-04-29", "2015-04-25"),
        ]
        for swap in swaps {
            XCTAssertFalse(cal.isWorkingDay(ymd(swap.off)), swap.off)
            XCTAssertTrue(cal.isWorkingDay(ymd(swap.worked)), swap.worked)
            XCTAssertTrue(ymd(swap.worked).isWeekend, "\(swap.worked) is a Saturday or Sunday worked")
        }
        // A swap leaves the year's number of working days as it was: 2016 and 2017 had none,
        // and every other year nets to zero (one weekday off for one weekend day worked).
        XCTAssertEqual(cal.schedule(for: 2011).makeUpDays.count, 3)
        XCTAssertEqual(cal.schedule(for: 2016).makeUpDays, [])
        XCTAssertEqual(cal.schedule(for: 2017).makeUpDays, [])
    }

    /// Tết 2013 had four days: the 2012 Labour Code (five days) applied from 1/5/2013.
    func testTet2013IsFourDaysAndASwap() {
        for d in ["2013-02-11", "2013-02-12", "2013-02-13", "2013-02-14", "2013-02-15"] {
            XCTAssertFalse(cal.isWorkingDay(ymd(d)), d)
        }
        XCTAssertEqual(cal.dayOffName(ymd("2013-02-15")), "Nghỉ hoán đổi (mùng 6 tháng Giêng), làm bù Thứ Bảy 23/2")
        XCTAssertTrue(cal.isWorkingDay(ymd("2013-02-18")))
    }

    // MARK: Deadlines across make-up days (docs/rules.md#deadlines)

    func testADeadlineRunsThroughAMakeUpSaturday() {
        // Friday 24/1/2014 10:00, 1 day: 5 h on Friday (10:00–11:30, 13:30–17:00), the last
        // 2.5 h on the make-up Saturday 25/1 from 07:30. Without it: Monday 27/1 10:00.
        XCTAssertEqual(due("2014-01-24 10:00", .direct, 1), at("2014-01-25 10:00"))
        // Thursday 25/2/2010 09:00, 3 days (22.5 h): Thursday 6 h, Friday 7.5 h, make-up
        // Saturday 27/2 7.5 h, Monday 1/3 the last 1.5 h → 09:00. Without it: Tuesday 2/3.
        XCTAssertEqual(due("2010-02-25 09:00", .online, 3), at("2010-03-01 09:00"))
    }

    func testAMakeUpWeekendStartsTheCountAfter1500() {
        // Friday 28/1/2011 16:00 at the desk counts from the next working day, the make-up
        // Saturday 29/1 07:30; two days fill Saturday and the make-up Sunday 30/1.
        XCTAssertEqual(Deadline.countingStart(receivedAt: at("2011-01-28 16:00"), channel: .direct, calendar: cal),
                       at("2011-01-29 07:30"))
        XCTAssertEqual(due("2011-01-28 16:00", .direct, 2), at("2011-01-30 17:00"))
        // The swapped Monday and Tuesday are off: one more day ends on Tết's first working day.
        XCTAssertEqual(due("2011-01-28 16:00", .direct, 3), at("2011-02-08 17:00"))
    }

    func testAMakeUpSaturdayCountsAsADayOverdue() {
        // Due Friday 4/1/2013 17:00, finished Monday 7/1: Saturday 5/1 (làm bù) and Monday.
        XCTAssertEqual(Deadline.daysOverdue(due: at("2013-01-04 17:00"), finish: at("2013-01-07 09:00"), calendar: cal), 2)
    }

    // MARK: The 24/11 switch

    func testCultureDayIsAWorkingDayUntilItsOneLineIsUncommented() throws {
        XCTAssertTrue(cal.isWorkingDay(ymd("2026-11-24")))
        let text = try String(contentsOf: CalendarFixtures.shippedCalendarFolder.appendingPathComponent("2026.csv"),
                              encoding: .utf8)
        let commented = "# 2026-11-24,nghi,"
        XCTAssertEqual(text.components(separatedBy: commented).count, 2, "2026.csv carries the switch once")
        let switched = try CalendarFile.parse(text.replacingOccurrences(of: commented, with: "2026-11-24,nghi,"),
                                              fileName: "2026.csv")
        let others = try CalendarFixtures.shippedEntries().filter { $0.date.year != 2026 }
        let calendar = WorkCalendar(entries: others + switched)
        XCTAssertFalse(calendar.isWorkingDay(ymd("2026-11-24")))
        XCTAssertEqual(calendar.dayOffName(ymd("2026-11-24")), "Ngày Văn hóa Việt Nam (24/11)")
        XCTAssertEqual(calendar.workingDayCount(in: 2026), cal.workingDayCount(in: 2026) - 1)
    }

    func testTheBuiltInSwitchAddsTheDayAndItsCompensation() {
        XCTAssertNil(BuiltInHolidays.cultureDaySince, "not a day off until the Labour Code says so")
        XCTAssertFalse(BuiltInHolidays.schedule(for: 2029).daysOff.contains { $0.date.month == 11 })
        let on = BuiltInHolidays.schedule(for: 2029, cultureDaySince: 2027).daysOff
        // 24/11/2029 is a Saturday: nghỉ bù on Monday 26/11.
        XCTAssertEqual(on.filter { $0.date.month == 11 }.map(\.date.description).sorted(), ["2029-11-24", "2029-11-26"])
        XCTAssertFalse(BuiltInHolidays.schedule(for: 2026, cultureDaySince: 2027).daysOff.contains { $0.date.month == 11 })
    }
}
