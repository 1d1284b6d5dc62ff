import XCTest
import MotCuaCore
@testable import MotCuaCLI

/// `cutoff_day` in the run configuration (docs/rules.md#cutoff-day): relative
/// periods follow the reporting month that contains the day of the run, and
/// a report's own value overrides the top-level one.
final class RunCutoffDayTests: XCTestCase {
    func day(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }
    func span(_ text: String, _ today: CivilDate, _ n: Int?) -> String? {
        RunConfiguration.period(text, today: today, cutoffDay: n).map { "\($0.from)..\($0.to)" }
    }

    func testRelativePeriodsUnderACutoffDay() {
        // 20/01/2026 lies in reporting month 02/2026 (15/01–14/02), so the previous one is 01/2026.
        XCTAssertEqual(span("previous-month", day(2026, 1, 20), 14), "2025-12-15..2026-01-14")
        // 10/01/2026 lies in reporting month 01/2026: the previous one is 12/2025.
        XCTAssertEqual(span("previous-month", day(2026, 1, 10), 14), "2025-11-15..2025-12-14")
        XCTAssertEqual(span("previous-month", day(2026, 1, 10), nil), "2025-12-01..2025-12-31")
        // 20/12/2025 is in reporting month 01/2026, so in reporting year 2026: previous year is 2025.
        XCTAssertEqual(span("previous-year", day(2025, 12, 20), 14), "2024-12-15..2025-12-14")
        XCTAssertEqual(span("previous-quarter", day(2026, 3, 20), 14), "2025-12-15..2026-03-14")
        XCTAssertEqual(span("year-to-date", day(2026, 1, 20), 14), "2025-12-15..2026-01-19")
        XCTAssertEqual(span("2026-01", day(2030, 1, 1), 14), "2025-12-15..2026-01-14")
    }

    func testTheReaderTakesAGlobalAndAPerReportCutoffDay() throws {
        var reader = RunConfigurationReader(file: "motcua.yaml")
        let config = try reader.read("""
            inbox: inbox
            archive: archive
            cutoff_day: 14
            reports:
              - period: previous-month
                out: a.xlsx
              - period: previous-month
                out: b.xlsx
                cutoff_day: 28
            """)
        XCTAssertEqual(config.cutoffDay, 14)
        XCTAssertEqual(config.reports.map(\.cutoffDay), [nil, 28])
        XCTAssertNil(config.attribute)
        var bad = RunConfigurationReader(file: "motcua.yaml")
        XCTAssertThrowsError(try bad.read("inbox: i\narchive: a\ncutoff_day: 31\nreports:\n  - period: 2020-10\n    out: x.xlsx\n")) { error in
            XCTAssertTrue((error as! RunConfigurationError).message.text(.en).contains("cutoff_day"), "\(error)")
        }
    }

    /// `attribute:` at the top and per report (docs/rules.md#receiving-unit).
    func testTheReaderTakesAnAttribution() throws {
        var reader = RunConfigurationReader(file: "motcua.yaml")
        let config = try reader.read("""
            inbox: inbox
            archive: archive
            attribute: receiving
            reports:
              - period: previous-month
                out: a.xlsx
              - period: previous-month
                out: b.xlsx
                attribute: handling
            """)
        XCTAssertEqual(config.attribute, .receiving)
        XCTAssertEqual(config.reports.map(\.attribute), [nil, .handling])
        var bad = RunConfigurationReader(file: "motcua.yaml")
        XCTAssertThrowsError(try bad.read("inbox: i\narchive: a\nattribute: tiep-nhan\nreports:\n  - period: 2020-10\n    out: x.xlsx\n")) { error in
            XCTAssertTrue((error as! RunConfigurationError).message.text(.en).contains("handling or receiving"), "\(error)")
        }
    }
}
