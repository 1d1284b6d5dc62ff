import Foundation
import MotCuaCore

/// The configuration of an unattended run (docs/rules.md#unattended): where the database and
/// the inbox are, the reference files, and the reports to write. Paths are as
/// written in the file; ``RunPlan`` resolves them against the file's folder.
/// Read by ``RunConfigurationReader``, which names the line of every mistake.
struct RunConfiguration {
    var database: String?
    var inbox: String
    var archive: String
    var mapping: String?
    var units: String?
    var procedures: String?
    var calendars: [String] = []
    var evaluations: String?
    var rubric: String?
    /// A folder of templates that override the built-in ones of the same name.
    var templates: String?
    /// Append the run's log lines to this file as well as printing them.
    var log: String?
    var heading = Heading()
    /// The reporting cut-off day of every report that does not give its own (docs/rules.md#cutoff-day).
    var cutoffDay: Int?
    /// Which unit reception figures go to, for every report that does not say (docs/rules.md#receiving-unit).
    var attribute: Attribution?
    var reports: [Report] = []

    struct Heading {
        var issuer: String?
        var parentIssuer: String?
        var place: String?
        var signerTitle: [String] = []
        var signerName: String?
    }

    struct Report {
        /// `previous-month`, `previous-quarter`, `year-to-date`, `previous-year`, or a fixed period (`2020-10`).
        var period: String
        var unit: String?
        var template: String?
        /// Output pattern: `{unit}` and `{period}` are filled in.
        var out: String
        var json: String?
        /// Output pattern of the summary text (docs/rules.md#summary).
        var summary: String?
        /// This report's cut-off day, overriding the top-level `cutoff_day`.
        var cutoffDay: Int?
        /// This report's attribution, overriding the top-level `attribute`.
        var attribute: Attribution?
        /// Where the report is declared, for messages.
        var line: Int
    }

    /// Resolves a relative period against `today` (the day the run is for).
    /// `year-to-date` runs to yesterday: a run at night reports complete days.
    /// Under a cut-off day N, "today's month" is the reporting month that
    /// contains today (after day N it is the next one), so that `previous-month`
    /// on 20/01/2026 with N = 14 is 01/2026, 15/12/2025–14/01/2026.
    static func period(_ text: String, today: CivilDate, cutoffDay: Int? = nil) -> ReportPeriod? {
        guard case .month(let y, let m) = ReportPeriod.month(containing: today, cutoffDay: cutoffDay).kind else { return nil }
        switch text.lowercased() {
        case "previous-month":
            let (py, pm) = m == 1 ? (y - 1, 12) : (y, m - 1)
            return ReportPeriod(kind: .month(year: py, month: pm), cutoffDay: cutoffDay)
        case "previous-quarter":
            let q = (m - 1) / 3 + 1
            let (py, pq) = q == 1 ? (y - 1, 4) : (y, q - 1)
            return ReportPeriod(kind: .quarter(year: py, quarter: pq), cutoffDay: cutoffDay)
        case "previous-year":
            return ReportPeriod(kind: .year(y - 1), cutoffDay: cutoffDay)
        case "year-to-date":
            let start = ReportPeriod(kind: .year(y), cutoffDay: cutoffDay)!.from
            let end = max(start, today.adding(days: -1))
            return ReportPeriod(from: start, to: end, label: "\(y)-den-\(end)")
        default:
            return ReportPeriod.parse(text, cutoffDay: cutoffDay)
        }
    }
}
