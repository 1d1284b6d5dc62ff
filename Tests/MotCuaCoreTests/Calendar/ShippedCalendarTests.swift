import XCTest
@testable import MotCuaCore

/// The official arrangements shipped in Templates/calendar/.
final class ShippedCalendarTests: XCTestCase {
    let cal = CalendarFixtures.shipped

    func testEveryShippedFileParsesAndNamesItsSource() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: CalendarFixtures.shippedCalendarFolder.path)
            .filter { $0.hasSuffix(".csv") }.sorted()
        XCTAssertEqual(names, (2010...2026).map { "\($0).csv" })
        for name in names {
            let text = try String(contentsOf: CalendarFixtures.shippedCalendarFolder.appendingPathComponent(name), encoding: .utf8)
            XCTAssert(text.contains("# Nguồn:"), name)
            let entries = try CalendarFile.parse(text, fileName: name)
            XCTAssert(entries.allSatisfy { "\($0.date.year).csv" == name }, name)
            XCTAssertEqual(cal.schedule(for: Int(name.prefix(4))!).source, .calendarFiles)
        }
        XCTAssertEqual(cal.schedule(for: 2027).source, .builtInRules)
    }

    /// Every day of `from…through` is off, and the days just outside are not
    /// days off of the same break (a working day or a plain weekend).
    func assertBreak(_ from: String, _ through: String, file: StaticString = #filePath, line: UInt = #line) {
        var d = ymd(from)
        while d <= ymd(through) {
            XCTAssertFalse(cal.isWorkingDay(d), "\(d)", file: file, line: line)
            XCTAssertNotNil(cal.dayOffName(d), "\(d) should be listed", file: file, line: line)
            d = d.adding(days: 1)
        }
        XCTAssertTrue(cal.isWorkingDay(cal.previousWorkingDay(before: ymd(from))), file: file, line: line)
        XCTAssertEqual(cal.previousWorkingDay(before: ymd(from)), lastWorkingBefore(ymd(from)), file: file, line: line)
        XCTAssertEqual(cal.nextWorkingDay(after: ymd(through)), firstWeekdayAfter(ymd(through)), file: file, line: line)
    }

    func lastWorkingBefore(_ d: CivilDate) -> CivilDate {
        var x = d.adding(days: -1)
        while x.isWeekend && !cal.isWorkingDay(x) { x = x.adding(days: -1) }
        return x
    }

    func firstWeekdayAfter(_ d: CivilDate) -> CivilDate {
        var x = d.adding(days: 1)
        while x.isWeekend && !cal.isWorkingDay(x) { x = x.adding(days: 1) }
        return x
    }

    func testTetBreaks() {
        assertBreak("2018-02-14", "2018-02-20")
        assertBreak("2019-02-02", "2019-02-10")
        assertBreak("2020-01-23", "2020-01-29")
        assertBreak("2021-02-10", "2021-02-16")
        assertBreak("2022-01-29", "2022-02-06")
        assertBreak("2023-01-20", "2023-01-26")
        assertBreak("2024-02-08", "2024-02-14")
        assertBreak("2025-01-25", "2025-02-02")
        assertBreak("2026-02-14", "2026-02-22")
    }

    func testReunificationAndLabourDayBreaksWithMakeUpSaturdays() {
        assertBreak("2019-04-27", "2019-05-01")
        XCTAssertTrue(cal.isWorkingDay(ymd("2019-05-04")))
        assertBreak("2023-04-29", "2023-05-03")
        assertBreak("2024-04-27", "2024-05-01")
        XCTAssertTrue(cal.isWorkingDay(ymd("2024-05-04")))
        assertBreak("2025-04-30", "2025-05-04")
        XCTAssertTrue(cal.isWorkingDay(ymd("2025-04-26")))
        XCTAssertEqual(cal.schedule(for: 2025).makeUpDays.map(\.date), [ymd("2025-04-26")])
    }

    func testNationalDayAndNewYearBreaks() {
        assertBreak("2023-09-01", "2023-09-04")
        assertBreak("2024-08-31", "2024-09-03")
        assertBreak("2025-08-30", "2025-09-02")
        assertBreak("2026-08-29", "2026-09-02")
        XCTAssertTrue(cal.isWorkingDay(ymd("2026-08-22")))
        assertBreak("2018-12-29", "2019-01-01")
        XCTAssertTrue(cal.isWorkingDay(ymd("2019-01-05")))
        assertBreak("2026-01-01", "2026-01-04")
        XCTAssertTrue(cal.isWorkingDay(ymd("2026-01-10")))
    }

    func testWorkingDayCounts() {
        let counts = (2018...2026).map { cal.workingDayCount(in: $0) }
        // Counted independently from the CSV files with a few lines of Python.
        XCTAssertEqual(counts, [250, 252, 252, 250, 249, 249, 251, 250, 250])
    }
}
