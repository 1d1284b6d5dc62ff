import ArgumentParser
import MotCuaCore

/// `--period` or `--from/--to`: the reporting period, checked once for every
/// command that takes one.
struct PeriodOptions: ParsableArguments {
    @Option(help: "Kỳ báo cáo: 2020-10, 2020-Q3, 2020-H1, 2020-H2, 2020-9T hoặc 2020.") var period: String?
    @Option(help: "Ngày đầu kỳ (yyyy-MM-dd), dùng cùng --to.") var from: String?
    @Option(help: "Ngày cuối kỳ (yyyy-MM-dd), dùng cùng --from.") var to: String?

    func validate() throws {
        if period != nil && (from != nil || to != nil) {
            throw usageError("Dùng --period hoặc --from/--to, không dùng cả hai.", "Use --period or --from/--to, not both.")
        }
        if (from == nil) != (to == nil) { throw usageError("--from và --to phải dùng cùng nhau.", "--from and --to go together.") }
        if let period, ReportPeriod.parse(period) == nil {
            throw usageError("Kỳ báo cáo không hợp lệ: \"\(period)\" (ví dụ 2020-10, 2020-Q3, 2020-H1, 2020-H2, 2020-9T, 2020).",
                             "Invalid period \"\(period)\" (e.g. 2020-10, 2020-Q3, 2020-H1, 2020-H2, 2020-9T, 2020).")
        }
        for d in [from, to].compactMap({ $0 }) where parseISODate(d) == nil {
            throw invalidDate(d)
        }
        if let from, let to, let a = parseISODate(from), let b = parseISODate(to), b < a {
            throw usageError("--to phải không trước --from.", "--to must not be before --from.")
        }
    }

    /// The period given, or `nil` when none was.
    var resolved: ReportPeriod? {
        if let period { return ReportPeriod.parse(period) }
        guard let from = from.flatMap(parseISODate), let to = to.flatMap(parseISODate) else { return nil }
        return ReportPeriod(from: from, to: to)
    }
}
