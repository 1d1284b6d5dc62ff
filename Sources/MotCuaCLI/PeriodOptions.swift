import ArgumentParser
import MotCuaCore

/// `--period` or `--from/--to`: the reporting period, checked once for every
/// command that takes one.
struct PeriodOptions: ParsableArguments {
    @Option(help: "Kỳ báo cáo: 2020-10, 2020-Q3, 2020-H1, 2020-H2, 2020-9T hoặc 2020.") var period: String?
    @Option(help: "Ngày đầu kỳ (yyyy-MM-dd), dùng cùng --to.") var from: String?
    @Option(help: "Ngày cuối kỳ (yyyy-MM-dd), dùng cùng --from.") var to: String?
    @Option(name: .customLong("cutoff-day"),
            help: "Ngày chốt số liệu N (1–28): kỳ tính từ ngày N+1 của tháng trước tháng đầu kỳ đến ngày N của tháng cuối kỳ (Nghị định 09/2019: 14).")
    var cutoffDay: Int?

    func validate() throws {
        if period != nil && (from != nil || to != nil) {
            throw usageError("Dùng --period hoặc --from/--to, không dùng cả hai.", "Use --period or --from/--to, not both.")
        }
        if (from == nil) != (to == nil) { throw usageError("--from và --to phải dùng cùng nhau.", "--from and --to go together.") }
        if let period, ReportPeriod.parse(period) == nil {
            throw usageError("Kỳ báo cáo không hợp lệ: \"\(period)\" (ví dụ 2020-10, 2020-Q3, 2020-H1, 2020-H2, 2020-9T, 2020).",
                             "Invalid period \"\(period)\" (e.g. 2020-10, 2020-Q3, 2020-H1, 2020-H2, 2020-9T, 2020).")
        }
        try validateCutoffDay(cutoffDay)
        if cutoffDay != nil && period == nil && from != nil {
            throw usageError("--cutoff-day dùng với --period; với --from/--to thì ngày đầu, ngày cuối đã được ghi rõ.",
                             "--cutoff-day goes with --period; --from/--to already give the dates.")
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
        if let period { return ReportPeriod.parse(period, cutoffDay: cutoffDay) }
        guard let from = from.flatMap(parseISODate), let to = to.flatMap(parseISODate) else { return nil }
        return ReportPeriod(from: from, to: to)
    }
}

/// A reporting cut-off day must exist in every month (docs/rules.md#cutoff-day).
func validateCutoffDay(_ day: Int?) throws {
    if let day, !ReportPeriod.cutoffDays.contains(day) {
        throw usageError("--cutoff-day phải từ 1 đến 28 (có trong mọi tháng), không phải \(day).",
                         "--cutoff-day must be 1 to 28 (a day every month has), not \(day).")
    }
}
