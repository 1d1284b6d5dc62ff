import XCTest
@testable import MotCuaCore

/// The comparison periods aggregated beside the report's own
/// (docs/rules.md#comparisons): what they ask of a store, and that sharing
/// and reusing aggregators leaves every figure as separate reports give it.
final class ComparingAggregatorTests: XCTestCase {
    let catalogue = ProcedureCatalogue([])

    func make(_ period: ReportPeriod, _ figuresOnly: Bool) -> PeriodAggregator {
        PeriodAggregator(period: period, catalogue: catalogue, figuresOnly: figuresOnly)
    }

    func window(_ s: String) -> RelevanceWindow { RelevanceWindow(period: ReportPeriod.parse(s)!) }

    /// Dossiers received from 2022 to 2024 in three units, a tenth of them never finished.
    func dossiers() -> [Dossier] {
        var random = SplitMix64(seed: 18)
        let start = LocalDateTime(year: 2022, month: 1, day: 1)!
        return (0..<3_000).map { i in
            let received = start.adding(seconds: Int64(random.below(3 * 365 * 86_400)))
            let finished = random.chance(0.1) ? nil : received.adding(seconds: Int64(random.below(40 * 86_400)))
            return Dossier(code: "H\(i)", unitCode: random.pick(["A", "B", "C"]), receivedAt: received,
                           dueAt: received.adding(seconds: 10 * 86_400), finishedAt: finished, status: .processing)
        }
    }

    func testAQuarterReadsItsOwnAndItsComparisonWindowsNotTheSpanBetween() {
        let q = ComparingAggregator(period: ReportPeriod.parse("2024-Q4")!, make: make)
        XCTAssertEqual(Set(q.windows), [window("2024-Q4"), window("2024-Q3"), window("2023-Q4")])
        XCTAssertEqual(q.windows.first, window("2024-Q4"))
    }

    func testAYearsPreviousAndYearAgoPeriodsAreOneWindow() {
        XCTAssertEqual(ComparingAggregator(period: ReportPeriod.parse("2024")!, make: make).windows,
                       [window("2024"), window("2023")])
        XCTAssertEqual(ComparingAggregator(period: ReportPeriod.parse("2024-9T")!, make: make).windows,
                       [window("2024-9T"), window("2023-9T")])
    }

    func testEveryComparisonIsWhatItsOwnReportGives() {
        let tree = UnitTree([OrgUnit(code: "T", name: "Tỉnh", level: "tinh"),
                             OrgUnit(code: "A", name: "A", level: "xa", parentCode: "T", sortOrder: 1),
                             OrgUnit(code: "B", name: "B", level: "xa", parentCode: "T", sortOrder: 2),
                             OrgUnit(code: "C", name: "C", level: "xa", parentCode: "T", sortOrder: 3)])
        let all = dossiers()
        for label in ["2024", "2024-9T", "2024-Q1", "2024-03"] {
            let period = ReportPeriod.parse(label)!
            var comparing = ComparingAggregator(period: period, make: make)
            for d in all where comparing.windows.contains(where: { $0.reaches(d) }) { comparing.add(d) }
            let report = comparing.report(scope: nil, tree: tree)
            for kind in ComparisonKind.allCases {
                var alone = make(kind.period(of: period), true)
                for d in all { alone.add(d) }
                let expected = alone.report(scope: nil, tree: tree)
                XCTAssertEqual(report.total.comparisons[kind]?.period, kind.period(of: period), label)
                XCTAssertEqual(report.total.comparisons[kind]?.row?.figures, expected.total.figures, "\(label) \(kind)")
                XCTAssertEqual(report.rows.map { $0.comparisons[kind]?.row?.figures }, expected.rows.map(\.figures),
                               "\(label) \(kind)")
            }
            var own = make(period, false)
            for d in all { own.add(d) }
            XCTAssertEqual(report.total.figures, own.report(scope: nil, tree: tree).total.figures, label)
        }
    }
}
