import XCTest
@testable import MotCuaCore

/// Reporting cut-off days (docs/rules.md#cutoff-day): hand-computed periods at
/// month ends, across a year end and around February, and the property that
/// consecutive periods of every kind tile the timeline.
final class CutoffDayTests: XCTestCase {
    func span(_ text: String, _ n: Int?) -> String? {
        ReportPeriod.parse(text, cutoffDay: n).map { "\($0.from.vietnameseDescription)–\($0.to.vietnameseDescription)" }
    }

    func testHandComputedPeriods() {
        // Nghị định 09/2019: from day 15 of the month before to day 14.
        XCTAssertEqual(span("2026-01", 14), "15/12/2025–14/01/2026")
        XCTAssertEqual(span("2025-12", 14), "15/11/2025–14/12/2025")
        XCTAssertEqual(span("2026-Q1", 14), "15/12/2025–14/03/2026")
        XCTAssertEqual(span("2025-Q4", 14), "15/09/2025–14/12/2025")
        XCTAssertEqual(span("2026-H1", 14), "15/12/2025–14/06/2026")
        XCTAssertEqual(span("2026-H2", 14), "15/06/2026–14/12/2026")
        XCTAssertEqual(span("2026-9T", 14), "15/12/2025–14/09/2026")
        XCTAssertEqual(span("2026", 14), "15/12/2025–14/12/2026")
        // February: 28 days in 2025, 29 in 2024.
        XCTAssertEqual(span("2025-03", 28), "01/03/2025–28/03/2025")
        XCTAssertEqual(span("2025-02", 28), "29/01/2025–28/02/2025")
        XCTAssertEqual(span("2024-03", 28), "29/02/2024–28/03/2024")
        XCTAssertEqual(span("2024-03", 27), "28/02/2024–27/03/2024")
        // Day 1: the month runs from the 2nd to the 1st.
        XCTAssertEqual(span("2026-01", 1), "02/12/2025–01/01/2026")
        // Without a cut-off day, calendar months as before.
        XCTAssertEqual(span("2026-01", nil), "01/01/2026–31/01/2026")
        // The cut-off is a property of the period: the name is kept, the dates moved.
        let p = ReportPeriod.parse("2026-01", cutoffDay: 14)!
        XCTAssertEqual(p.cutoffDay, 14)
        XCTAssertEqual(p.label, "2026-01")
        XCTAssertEqual(p.vietnameseName, "tháng 1 năm 2026")
        XCTAssertEqual(p.cutoff.description, "2026-01-14 23:59:59")
        XCTAssertEqual(p.withCutoffDay(nil).to, CivilDate(year: 2026, month: 1, day: 31)!)
        XCTAssertNil(ReportPeriod(kind: .month(year: 2026, month: 1), cutoffDay: 29))
        XCTAssertNil(ReportPeriod(kind: .month(year: 2026, month: 1), cutoffDay: 0))
        // A custom period keeps the dates it was given.
        let custom = ReportPeriod(from: CivilDate(year: 2026, month: 1, day: 3)!, to: CivilDate(year: 2026, month: 1, day: 9)!)
        XCTAssertEqual(custom.withCutoffDay(14), custom)
    }

    func testReportingMonthContainingADay() {
        func month(_ y: Int, _ m: Int, _ d: Int, _ n: Int?) -> String {
            ReportPeriod.month(containing: CivilDate(year: y, month: m, day: d)!, cutoffDay: n).label
        }
        XCTAssertEqual(month(2025, 12, 14, 14), "2025-12")
        XCTAssertEqual(month(2025, 12, 15, 14), "2026-01")
        XCTAssertEqual(month(2026, 1, 14, 14), "2026-01")
        XCTAssertEqual(month(2026, 1, 31, nil), "2026-01")
        XCTAssertEqual(month(2025, 3, 1, 28), "2025-03")
    }

    /// The months of a cut-off period are reporting months, and tile it.
    func testMonthsOfACutoffPeriodAreReportingMonths() {
        let q = ReportPeriod.parse("2026-Q1", cutoffDay: 14)!
        XCTAssertEqual(q.months.map(\.key), ["2026-01", "2026-02", "2026-03"])
        XCTAssertEqual(q.months.map { "\($0.period.from)..\($0.period.to)" },
                       ["2025-12-15..2026-01-14", "2026-01-15..2026-02-14", "2026-02-15..2026-03-14"])
    }

    /// For every cut-off day and every kind, consecutive periods leave no gap
    /// and no overlap (each starts the day after the one before ends), across
    /// year ends and Februaries of leap and common years; and a period is
    /// exactly the union of its months.
    func testConsecutivePeriodsTileTheTimeline() {
        var rng = SplitMix64(seed: 914)
        for _ in 0..<400 {
            let n: Int? = Int.random(in: 0...28, using: &rng) == 0 ? nil : Int.random(in: 1...28, using: &rng)
            let year = Int.random(in: 1990...2100, using: &rng)
            let sequences: [[ReportPeriod.Kind]] = [
                (0..<30).map { i in .month(year: year + (i / 12), month: i % 12 + 1) },
                (0..<12).map { i in .quarter(year: year + i / 4, quarter: i % 4 + 1) },
                (0..<8).flatMap { i in [.firstHalf(year: year + i), .secondHalf(year: year + i)] },
                (0..<5).map { .year(year + $0) },
            ]
            for kinds in sequences {
                let periods = kinds.map { ReportPeriod(kind: $0, cutoffDay: n)! }
                for (a, b) in zip(periods, periods.dropFirst()) {
                    XCTAssertEqual(a.to.adding(days: 1), b.from, "\(a) → \(b), N = \(String(describing: n))")
                    XCTAssertLessThanOrEqual(a.from, a.to)
                }
                for p in periods {
                    let months = p.months.map(\.period)
                    XCTAssertEqual(months.first?.from, p.from)
                    XCTAssertEqual(months.last?.to, p.to)
                    for (a, b) in zip(months, months.dropFirst()) { XCTAssertEqual(a.to.adding(days: 1), b.from) }
                }
            }
            // The first nine months end where the third quarter does, and start with the year.
            let nine = ReportPeriod(kind: .firstNineMonths(year: year), cutoffDay: n)!
            XCTAssertEqual(nine.from, ReportPeriod(kind: .year(year), cutoffDay: n)!.from)
            XCTAssertEqual(nine.to, ReportPeriod(kind: .quarter(year: year, quarter: 3), cutoffDay: n)!.to)
        }
    }
}
