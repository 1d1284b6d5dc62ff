import XCTest
@testable import MotCuaCore

final class ReportPeriodTests: XCTestCase {
    func testParsesEveryPeriodForm() {
        func span(_ s: String) -> String? { ReportPeriod.parse(s).map { "\($0.from)..\($0.to)" } }
        XCTAssertEqual(span("2020-10"), "2020-10-01..2020-10-31")
        XCTAssertEqual(span("2020-02"), "2020-02-01..2020-02-29")
        XCTAssertEqual(span("2020-Q3"), "2020-07-01..2020-09-30")
        XCTAssertEqual(span("2020-q4"), "2020-10-01..2020-12-31")
        XCTAssertEqual(span("2020-H1"), "2020-01-01..2020-06-30")
        // 6 tháng cuối năm: refused before, while H1 worked.
        XCTAssertEqual(span("2020-H2"), "2020-07-01..2020-12-31")
        XCTAssertEqual(ReportPeriod.parse("2020-h2")?.vietnameseName, "6 tháng cuối năm 2020")
        XCTAssertEqual(span("2020-9T"), "2020-01-01..2020-09-30")
        XCTAssertEqual(span("2020"), "2020-01-01..2020-12-31")
        for bad in ["2020-13", "2020-Q5", "2020-H3", "20-10", "2020-1", "abc", "2020-10-01", ""] {
            XCTAssertNil(ReportPeriod.parse(bad), bad)
        }
    }

    func testCutoffIsTheLastSecondOfTo() {
        XCTAssertEqual(october2020.cutoff.description, "2020-10-31 23:59:59")
        XCTAssertEqual(october2020.vietnameseName, "tháng 10 năm 2020")
        XCTAssertEqual(ReportPeriod.parse("2020-Q3")!.vietnameseName, "quý III năm 2020")
    }

    func testCivilDateRoundTripsAndWeekdays() {
        // Every day from 1900 to 2199 converts to components and back.
        let start = CivilDate(year: 1900, month: 1, day: 1)!.dayNumber
        let end = CivilDate(year: 2199, month: 12, day: 31)!.dayNumber
        var previous: (Int, Int, Int)? = nil
        for n in start...end {
            let c = CivilDate(dayNumber: n).components
            XCTAssertEqual(CivilDate(year: c.year, month: c.month, day: c.day)?.dayNumber, n)
            if let p = previous {
                let consecutive = (c.day == p.2 + 1 && c.month == p.1 && c.year == p.0)
                    || (c.day == 1 && (c.month == p.1 + 1 || (c.month == 1 && p.1 == 12 && c.year == p.0 + 1)))
                XCTAssertTrue(consecutive, "\(p) → \(c)")
            }
            previous = c
        }
        XCTAssertEqual(CivilDate(year: 2020, month: 10, day: 30)!.isoWeekday, 5)  // Friday
        XCTAssertEqual(CivilDate(year: 1970, month: 1, day: 1)!.isoWeekday, 4)
        XCTAssertNil(CivilDate(year: 2021, month: 2, day: 29))
        XCTAssertNotNil(CivilDate(year: 2000, month: 2, day: 29))
        XCTAssertNil(CivilDate(year: 1900, month: 2, day: 29))
    }
}
