import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaReport

/// `motcua explain`: why two systems give different on-time rates for the
/// same dossiers (docs/rules.md#on-time-rules).
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Đối chiếu tỷ lệ đúng hạn theo phụ lục, theo Cổng DVC quốc gia (QĐ 766) và theo ngày; liệt kê hồ sơ xếp khác nhau.",
        discussion: """
        In ra màn hình, từng đơn vị, tỷ lệ đúng hạn theo ba cách tính, rồi các hồ sơ được xếp khác nhau kèm lý do. \
        --csv ghi toàn bộ danh sách; --out ghi trang Excel (mẫu doi-chieu-cach-tinh). \
        Ví dụ: motcua explain --period 2020-10 --input SampleData/tan-uyen-2020-10/dossiers.csv \
        --units SampleData/tan-uyen-2020-10/units.csv --procedures SampleData/tan-uyen-2020-10/procedures.csv
        """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var periodOptions: PeriodOptions
    @Option(help: "Chỉ đơn vị này và cấp dưới (mã đơn vị).") var unit: String?
    @Option(help: "Ghi danh sách hồ sơ xếp khác nhau ra tệp CSV (UTF-8).") var csv: String?
    @Option(help: "Ghi trang đối chiếu ra tệp Excel (.xlsx).") var out: String?
    @Option(help: "Mẫu của tệp Excel (mặc định doi-chieu-cach-tinh).") var template: String = "doi-chieu-cach-tinh"
    @Option(help: "Số hồ sơ xếp khác nhau in ra màn hình (0: không in; mặc định 50).") var limit: Int = 50
    @Option(help: "Tệp hồ sơ (CSV hoặc .xlsx) dùng trực tiếp (cơ sở dữ liệu tạm).") var input: [String] = []
    @Option(help: "Tệp đơn vị, dùng với --input.") var units: String?
    @Option(help: "Tệp danh mục TTHC, dùng với --input.") var procedures: String?
    @OptionGroup var inputOptions: InputOptions
    @OptionGroup var heading: HeadingOptions

    func validate() throws {
        if periodOptions.resolved == nil { throw usageError("Cần --period, hoặc cả --from và --to.", "Give --period, or both --from and --to.") }
        if limit < 0 { throw usageError("--limit không được âm.", "--limit cannot be negative.") }
    }

    func run() throws {
        try reportingErrors {
            let period = periodOptions.resolved!
            let (mapping, resolvedMapping, mappingDir) = try inputOptions.loadMapping()
            let library = try inputOptions.library()
            let calendar = try inputOptions.loadCalendar(mapping: mapping, relativeTo: mappingDir, library: library)
            var inputs = try ReportInputs(database: common.database, inputs: input, units: units, procedures: procedures,
                                          mapping: resolvedMapping, calendar: calendar,
                                          rejectsBeside: csv ?? out ?? "motcua-explain")
            defer { inputs.close() }
            let report = try inputs.aggregate(period: period, calendar: calendar, unit: unit)
            if let out {
                let loaded = try library.report(template)
                let context = heading.context(for: report, rejections: inputs.rejections)
                try WorkbookWriter.write(template: loaded.template, templateFile: loaded.file, context: context, to: out)
            }
            if let csv { try WorkbookWriter.writeAtomically(OnTimeDifferenceCSV.encode(report.onTimeDifferences, tree: report.tree), to: csv) }
            printInfo(ExplainText.render(report, limit: limit))
            if inputs.rejectedRows > 0 { throw ExitCode(ExitStatus.rejectedRows) }
        }
    }
}

/// The terminal text of `motcua explain`, in the chosen language.
enum ExplainText {
    static func render(_ report: PeriodReport, limit: Int) -> String {
        func rule(_ r: OnTimeRule) -> String { localized(r.vietnamese, r.english) }
        func cell(_ c: OnTimeRuleCounts, _ r: OnTimeRule) -> String {
            let rate = c.rate(r).map { formatRate($0) + "%" } ?? "—"
            return "\(rate) (\(formatCount(c.onTime(r)))/\(formatCount(c.counted(r))))"
        }
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        var lines: [String] = []
        lines.append(localized("Tỷ lệ đúng hạn theo ba cách tính, kỳ \(report.period.label) (đúng hạn/được xét):",
                               "On-time rate under three rules, period \(report.period.label) (on time/counted):"))
        let nameWidth = min(34, max(12, (report.rows.map(\.name.count) + [9]).max()!))
        lines.append(pad(localized("Đơn vị", "Unit"), nameWidth) + "  " + OnTimeRule.allCases.map { pad(rule($0), 22) }.joined(separator: "  ")
                     + "  " + localized("Khác nhau", "Differ"))
        for r in report.rows + [report.total] {
            let name = r.kind == .total ? localized("TỔNG CỘNG", "TOTAL") : String(r.name.prefix(nameWidth))
            let c = r.figures.onTimeRules
            lines.append(pad(name, nameWidth) + "  " + OnTimeRule.allCases.map { pad(cell(c, $0), 22) }.joined(separator: "  ")
                         + "  " + formatCount(c.differing))
        }
        let differences = report.onTimeDifferences
        lines.append("")
        if differences.isEmpty {
            lines.append(localized("Ba cách tính xếp mọi hồ sơ như nhau.", "The three rules place every dossier alike."))
            return lines.joined(separator: "\n")
        }
        lines.append(localized("Lý do khác nhau:", "Why they differ:"))
        for reason in OnTimeDifferenceReason.allCases {
            let n = differences.filter { $0.reason == reason }.count
            if n > 0 { lines.append("  \(formatCount(n))  " + localized(reason.vietnamese, reason.english)) }
        }
        if limit > 0 {
            lines.append("")
            lines.append(localized("Hồ sơ xếp khác nhau (phụ lục / Cổng / theo ngày):", "Dossiers placed differently (appendix / portal / day level):"))
            for d in differences.prefix(limit) {
                let unit = report.tree[d.dossier.unitCode]?.name ?? d.dossier.unitCode
                let outcomes = OnTimeRule.allCases.map { localized(d.outcome($0).vietnamese, d.outcome($0).english) }.joined(separator: " / ")
                lines.append("  \(d.dossier.code)  \(unit)  \(outcomes)  — \(localized(d.reason.vietnamese, d.reason.english))")
            }
            if differences.count > limit {
                lines.append(localized("  … và \(formatCount(differences.count - limit)) hồ sơ khác (toàn bộ: --csv TỆP).",
                                       "  … and \(formatCount(differences.count - limit)) more (all of them: --csv FILE)."))
            }
        }
        return lines.joined(separator: "\n")
    }
}
