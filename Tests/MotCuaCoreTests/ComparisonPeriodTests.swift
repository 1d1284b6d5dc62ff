import XCTest
@testable import MotCuaCore

/// Kỳ trước and cùng kỳ năm trước (docs/rules.md#comparisons).
final class ComparisonPeriodTests: XCTestCase {
    private func span(_ p: ReportPeriod) -> String { "\(p.label) \(p.from)..\(p.to)" }
    private func parse(_ s: String) -> ReportPeriod { ReportPeriod.parse(s)! }

    func testPreviousIsThePeriodOfTheSameKindJustBefore() {
        XCTAssertEqual(span(parse("2024-03").previous), "2024-02 2024-02-01..2024-02-29")
        XCTAssertEqual(span(parse("2024-01").previous), "2023-12 2023-12-01..2023-12-31")
        XCTAssertEqual(span(parse("2024-Q1").previous), "2023-Q4 2023-10-01..2023-12-31")
        XCTAssertEqual(span(parse("2024-Q3").previous), "2024-Q2 2024-04-01..2024-06-30")
        XCTAssertEqual(span(parse("2024-H1").previous), "2023-H2 2023-07-01..2023-12-31")
        XCTAssertEqual(span(parse("2024-H2").previous), "2024-H1 2024-01-01..2024-06-30")
        XCTAssertEqual(span(parse("2024-9T").previous), "2023-9T 2023-01-01..2023-09-30")
        XCTAssertEqual(span(parse("2024").previous), "2023 2023-01-01..2023-12-31")
        XCTAssertEqual(parse("2024-Q1").previous.vietnameseName, "quý IV năm 2023")
    }

    func testYearAgoIsTheSamePeriodOneYearEarlier() {
        XCTAssertEqual(span(parse("2024-02").yearAgo), "2023-02 2023-02-01..2023-02-28")
        XCTAssertEqual(span(parse("2025-02").yearAgo), "2024-02 2024-02-01..2024-02-29")
        XCTAssertEqual(span(parse("2024-Q2").yearAgo), "2023-Q2 2023-04-01..2023-06-30")
        XCTAssertEqual(span(parse("2024-H2").yearAgo), "2023-H2 2023-07-01..2023-12-31")
        XCTAssertEqual(span(parse("2024-9T").yearAgo), "2023-9T 2023-01-01..2023-09-30")
        XCTAssertEqual(span(parse("2024").yearAgo), "2023 2023-01-01..2023-12-31")
    }

    func testCustomPeriodsKeepTheirLengthAndMindTheLeapDay() {
        let d = { (y: Int, m: Int, day: Int) in CivilDate(year: y, month: m, day: day)! }
        // 10 days, 2024-03-01..2024-03-10: the 10 days before end on 29 February.
        let custom = ReportPeriod(from: d(2024, 3, 1), to: d(2024, 3, 10))
        XCTAssertEqual("\(custom.previous.from)..\(custom.previous.to)", "2024-02-20..2024-02-29")
        XCTAssertEqual(custom.previous.kind, .custom)
        // One day.
        let day = ReportPeriod(from: d(2024, 1, 1), to: d(2024, 1, 1))
        XCTAssertEqual("\(day.previous.from)..\(day.previous.to)", "2023-12-31..2023-12-31")
        // 29 February a year earlier is 28 February.
        let leap = ReportPeriod(from: d(2024, 2, 29), to: d(2024, 3, 5))
        XCTAssertEqual("\(leap.yearAgo.from)..\(leap.yearAgo.to)", "2023-02-28..2023-03-05")
        XCTAssertEqual(leap.yearAgo.label, "2023-02-28_2023-03-05")
    }

    /// Property: for every named period, previous ends the day before it
    /// starts and has the same kind; the year-ago period has the same months.
    func testEveryNamedPeriodChainsWithoutGapOrOverlap() {
        for year in 2019...2026 {
            var names = ["\(year)", "\(year)-H1", "\(year)-H2", "\(year)-9T"]
            names += (1...4).map { "\(year)-Q\($0)" }
            names += (1...12).map { "\(year)-\($0 < 10 ? "0" : "")\($0)" }
            for name in names {
                let p = parse(name)
                XCTAssertEqual(p.yearAgo.from.month, p.from.month, name)
                XCTAssertEqual(p.yearAgo.to.month, p.to.month, name)
                XCTAssertEqual(p.yearAgo.from.year, year - 1, name)
                XCTAssertEqual(ReportPeriod.parse(p.previous.label)?.from, p.previous.from, name)
                if case .firstNineMonths = p.kind { continue }
                XCTAssertEqual(p.previous.to.adding(days: 1), p.from, name)
            }
        }
    }
}
