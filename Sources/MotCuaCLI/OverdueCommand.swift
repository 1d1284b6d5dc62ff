import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaReport

/// `motcua overdue`: the overdue list alone, for a daily cron job.
struct OverdueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overdue",
        abstract: "Danh sách hồ sơ trễ hạn, quá hạn tính đến một ngày (Excel hoặc CSV).",
        discussion: """
        Liệt kê hồ sơ chưa giải quyết đã quá hạn vào 23:59:59 ngày --as-of, và hồ sơ đã giải quyết \
        trễ hạn từ --from (mặc định: ngày đầu tháng của --as-of, hoặc của tháng báo cáo với --cutoff-day) đến --as-of. \
        Ví dụ cho cron hằng ngày: motcua overdue --as-of $(date +%F) --out qua-han.xlsx
        """)

    @OptionGroup var common: CommonOptions
    @Option(name: .customLong("as-of"), help: "Ngày chốt số liệu (yyyy-MM-dd).") var asOf: String
    @Option(help: "Tính cả hồ sơ giải quyết trễ hạn từ ngày này (yyyy-MM-dd; mặc định: đầu tháng).") var from: String?
    @Option(help: "Chỉ đơn vị này và cấp dưới (mã đơn vị).") var unit: String?
    @Option(name: .customLong("cutoff-day"),
            help: "Ngày chốt số liệu N (1–28): --from mặc định là ngày đầu của tháng báo cáo chứa --as-of (từ ngày N+1 tháng trước).")
    var cutoffDay: Int?
    @Option(help: "Ghi danh sách ra tệp Excel (.xlsx).") var out: String?
    @Option(help: "Ghi danh sách ra tệp CSV (UTF-8).") var csv: String?
    @Option(name: .customLong("csv-format"),
            help: "Dạng CSV: vi (mặc định: tên cột tiếng Việt, Có/Không) hoặc raw (tên cột kỹ thuật MaHoSo…, 0/1).")
    var csvFormat: CSVFormatOption = .vi
    @Option(help: "Mẫu trang danh sách (mặc định qua-han).") var template: String = "qua-han"
    @Option(help: "Tệp hồ sơ (CSV hoặc .xlsx) dùng trực tiếp (cơ sở dữ liệu tạm).") var input: [String] = []
    @Option(help: "Tệp đơn vị, dùng với --input.") var units: String?
    @Option(help: "Tệp danh mục TTHC, dùng với --input.") var procedures: String?
    @OptionGroup var inputOptions: InputOptions
    @OptionGroup var heading: HeadingOptions

    func validate() throws {
        guard let day = parseISODate(asOf) else { throw invalidDate(asOf) }
        try validateCutoffDay(cutoffDay)
        if let from { guard let f = parseISODate(from), f <= day else {
            throw usageError("--from phải là ngày yyyy-MM-dd không sau --as-of.", "--from must be a yyyy-MM-dd date not after --as-of.")
        } }
        if out == nil && csv == nil { throw usageError("Cần --out FILE.xlsx hoặc --csv FILE.", "Give --out FILE.xlsx or --csv FILE.") }
    }

    func run() throws {
        try reportingErrors {
            // docs/rules.md#outputs: the workbook's name ends in .xlsx, checked before any work.
            if let out { try WorkbookName.require(out, option: "--out") }
            let day = parseISODate(asOf)!
            // By default the list starts on the first day of the reporting month (docs/rules.md#cutoff-day).
            let start = from.flatMap(parseISODate) ?? ReportPeriod.month(containing: day, cutoffDay: cutoffDay).from
            let period = ReportPeriod(from: start, to: day, label: asOf)
            let (mapping, resolvedMapping, mappingDir) = try inputOptions.loadMapping()
            let library = try inputOptions.library()
            let calendar = try inputOptions.loadCalendar(mapping: mapping, relativeTo: mappingDir, library: library)
            var inputs = try ReportInputs(database: common.database, inputs: input, units: units, procedures: procedures,
                                          mapping: resolvedMapping, calendar: calendar,
                                          rejectsBeside: out ?? csv!)
            defer { inputs.close() }
            let report = try inputs.aggregate(period: period, calendar: calendar, unit: unit)
            if let out {
                let loaded = try library.report(template)
                let context = heading.context(for: report, rejections: inputs.rejections)
                try WorkbookWriter.write(template: loaded.template, templateFile: loaded.file, context: context, to: out)
            }
            if let csv { try WorkbookWriter.writeAtomically(OverdueCSV.encode(report, format: csvFormat.format), to: csv) }
            let pending = report.overdue.filter { !$0.isFinished }.count
            printInfo(localized(
                "\(formatCount(report.overdue.count)) hồ sơ trễ hạn, quá hạn (\(formatCount(pending)) hồ sơ chưa giải quyết) tính đến \(day.vietnameseDescription).",
                "\(formatCount(report.overdue.count)) dossiers late or overdue (\(formatCount(pending)) still pending) as of \(asOf)."))
            if inputs.rejectedRows > 0 { throw ExitCode(ExitStatus.rejectedRows) }
        }
    }
}

/// `--csv-format` of `motcua overdue` (docs/rules.md#overdue).
enum CSVFormatOption: String, ExpressibleByArgument, CaseIterable {
    case vi, raw

    var format: OverdueCSV.Format { self == .vi ? .vietnamese : .raw }
}
