import XCTest
@testable import MotCuaCore

/// How files and built-in rules combine (docs/rules.md#working-days), and day arithmetic.
final class WorkCalendarTests: XCTestCase {
    func entries(_ text: String, _ name: String = "user.csv") -> [CalendarEntry] {
        try! CalendarFile.parse(text, fileName: name)
    }

    func testAYearWithANghiDayInAFileTakesItsHolidaysFromTheFilesAlone() {
        let cal = WorkCalendar(entries: entries("2027-03-10,nghi,Ngày của tỉnh\n"))
        XCTAssertEqual(cal.schedule(for: 2027).source, .calendarFiles)
        XCTAssertEqual(cal.schedule(for: 2027).daysOff.map(\.name), ["Ngày của tỉnh"])
        XCTAssertTrue(cal.isWorkingDay(ymd("2027-01-01")))     // 1/1 is no longer built in for 2027
        XCTAssertFalse(cal.isWorkingDay(ymd("2027-03-10")))
        XCTAssertFalse(cal.isWorkingDay(ymd("2028-01-03")))    // 2028 still uses the rules (1/1 Saturday → Monday)
        XCTAssertEqual(cal.schedule(for: 2028).source, .builtInRules)
    }

    func testMakeUpDaysAloneKeepTheBuiltInHolidays() {
        let cal = WorkCalendar(entries: entries("2027-01-09,lam-bu,Làm bù\n2027-09-03,lam-bu,Tỉnh làm việc\n"))
        XCTAssertEqual(cal.schedule(for: 2027).source, .builtInRules)
        XCTAssertTrue(cal.isWorkingDay(ymd("2027-01-09")))      // a Saturday
        XCTAssertFalse(cal.isWorkingDay(ymd("2027-01-01")))
        XCTAssertTrue(cal.isWorkingDay(ymd("2027-09-03")))      // built-in adjacent day cancelled
        XCTAssertFalse(cal.schedule(for: 2027).daysOff.contains { $0.date == ymd("2027-09-03") })
    }

    func testUserFilesOverrideShippedOnesForTheSameDate() throws {
        let shipped = try CalendarFixtures.shippedEntries()
        let user = entries("2025-05-02,lam-bu,Tỉnh X làm việc\n2025-06-16,nghi,Ngày giải phóng tỉnh X\n")
        let cal = WorkCalendar(entries: shipped + user)
        XCTAssertTrue(cal.isWorkingDay(ymd("2025-05-02")))
        XCTAssertFalse(cal.isWorkingDay(ymd("2025-06-16")))
        XCTAssertEqual(cal.dayOffName(ymd("2025-06-16")), "Ngày giải phóng tỉnh X")
        XCTAssertFalse(cal.isWorkingDay(ymd("2025-01-29")))     // shipped Tết still there
        XCTAssertEqual(cal.workingDayCount(in: 2025), CalendarFixtures.shipped.workingDayCount(in: 2025))
    }

    func testDayNavigation() {
        let cal = CalendarFixtures.shipped
        XCTAssertEqual(cal.nextWorkingDay(after: ymd("2025-01-24")), ymd("2025-02-03"))
        XCTAssertEqual(cal.previousWorkingDay(before: ymd("2025-02-03")), ymd("2025-01-24"))
        XCTAssertEqual(cal.workingDay(onOrAfter: ymd("2025-04-26")), ymd("2025-04-26"))   // make-up Saturday
        XCTAssertEqual(cal.workingDays(after: ymd("2025-01-24"), through: ymd("2025-02-03")), 1)
        XCTAssertEqual(cal.workingDays(after: ymd("2025-02-03"), through: ymd("2025-01-24")), 0)
    }

    func testOutsideTheTableOnlyWeekendsAreOff() {
        let cal = WorkCalendar()
        XCTAssertTrue(cal.isWorkingDay(ymd("2201-01-01")))       // a Tuesday, no rules there
        XCTAssertFalse(cal.isWorkingDay(ymd("1899-12-31")))      // a Sunday
        // Counting across both ends of the table works.
        XCTAssertEqual(cal.workingDays(after: ymd("1899-12-25"), through: ymd("1900-01-05")),
                       naiveCount(cal, ymd("1899-12-25"), ymd("1900-01-05")))
        XCTAssertEqual(cal.workingDays(after: ymd("2200-12-20"), through: ymd("2201-01-20")),
                       naiveCount(cal, ymd("2200-12-20"), ymd("2201-01-20")))
        let start = at("2200-12-30 09:00")
        let end = cal.adding(workingSeconds: 10 * 27_000, to: start)
        XCTAssertEqual(cal.workingSeconds(from: start, to: end), 10 * 27_000)
        XCTAssertEqual(end, at("2201-01-13 09:00"))
    }

    func naiveCount(_ cal: WorkCalendar, _ after: CivilDate, _ through: CivilDate) -> Int {
        var n = 0, d = after.adding(days: 1)
        while d <= through { if cal.isWorkingDay(d) { n += 1 }; d = d.adding(days: 1) }
        return n
    }

    func testCustomWorkingHours() throws {
        let hours = try WorkingHours(parsing: "08:00-12:00,13:00-17:00")
        let cal = WorkCalendar(workingHours: hours)
        XCTAssertEqual(cal.dayLength, 8 * 3600)
        XCTAssertEqual(Deadline.due(receivedAt: at("2027-03-01 08:00"), channel: .online,
                                    duration: .workingDays(0.5), calendar: cal), at("2027-03-01 12:00"))
        XCTAssertEqual(Deadline.due(receivedAt: at("2027-03-01 08:00"), channel: .online,
                                    duration: .calendarDays(0), calendar: cal), at("2027-03-01 17:00"))
    }

    func testBuildingACalendarIsCheap() {
        measure { _ = WorkCalendar(entries: entries("2025-05-02,nghi,x\n")) }
    }
}
