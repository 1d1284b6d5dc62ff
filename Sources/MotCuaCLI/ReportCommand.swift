import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaIngest
import MotCuaReport

/// `motcua report`: the workbook (and JSON) for one period.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Lập báo cáo Excel (và JSON) cho một kỳ.",
        discussion: """
        Kỳ báo cáo: --period 2020-10 (tháng), 2020-Q3 (quý), 2020-H1 (6 tháng đầu năm), 2020-H2 (6 tháng cuối năm), 2020-9T (9 tháng), \
        2020 (năm), hoặc --from/--to. Số liệu tính đến 23:59:59 của ngày cuối kỳ.
        Ví dụ: motcua report --input SampleData/tan-uyen-2020-10/dossiers.csv \
        --units SampleData/tan-uyen-2020-10/units.csv --procedures SampleData/tan-uyen-2020-10/procedures.csv \
        --period 2020-10 --out phu-luc-2020-10.xlsx
        """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var periodOptions: PeriodOptions
    @Option(help: "Chỉ báo cáo đơn vị này và các đơn vị cấp dưới (mã đơn vị).") var unit: String?
    @Option(help: "Mẫu báo cáo: tên mẫu có sẵn (bao-cao, phu-luc, dung-han, qua-han, chi-so-766, theo-linh-vuc, theo-thang; xem motcua templates list) hoặc đường dẫn tệp .yaml.")
    var template: String = "bao-cao"
    @Option(help: "Tệp Excel cần ghi (.xlsx). Danh sách quá hạn và kết quả kiểm tra dữ liệu đầy đủ ghi vào các tệp kèm theo cùng thư mục: TÊN-qua-han.xlsx, TÊN-kiem-tra-du-lieu.xlsx (trừ khi mẫu ghi inline_list: true).") var out: String
    @Option(help: "Ghi thêm số liệu dạng JSON vào tệp này.") var json: String?
    @Option(name: .customLong("cost-points-csv"),
            help: ArgumentHelp("Ghi danh sách hồ sơ bị trừ điểm tiến độ theo QĐ 766 (kèm lý do) vào tệp CSV này.", valueName: "tệp"))
    var costPointsCSV: String?

    @Option(help: "Ghi các đoạn văn tóm tắt (UTF-8) vào tệp này, theo trang tóm tắt của mẫu, hoặc mẫu tom-tat có sẵn.")
    var summary: String?
    @Option(help: ArgumentHelp("Thêm vào JSON số liệu theo chiều: unit, unit-all, linh-vuc, thu-tuc, kenh, muc-do, thang (mục groups).",
                               valueName: "chiều"))
    var by: ReportDimension?
    @Option(help: ArgumentHelp("Tính số tiếp nhận cho đơn vị nào: handling (đơn vị giải quyết, mặc định) hoặc receiving (đơn vị tiếp nhận, cột MaDonViTiepNhan; kết quả giải quyết vẫn tính cho đơn vị giải quyết).",
                               valueName: "đơn-vị"))
    var attribute: Attribution = .handling
    @OptionGroup var heading: HeadingOptions
    @Option(help: "Tệp hồ sơ (CSV hoặc .xlsx) dùng trực tiếp (cơ sở dữ liệu tạm, không ghi vào --db).") var input: [String] = []
    @Option(help: "Tệp đơn vị, dùng với --input.") var units: String?
    @Option(help: "Tệp danh mục TTHC, dùng với --input.") var procedures: String?
    @Option(help: "Tệp điểm đánh giá TT01 (MaHoSo, CS1…CS9), dùng với --input.") var evaluations: String?
    @Option(help: "Bộ tiêu chí chấm điểm TT01 (YAML; mặc định rubric-tt01 có sẵn).") var rubric: String?
    @OptionGroup var inputOptions: InputOptions

    func validate() throws {
        if by != nil && json == nil {
            throw usageError("--by ghi số liệu theo chiều vào JSON; cần thêm --json TỆP.", "--by writes figures by dimension into the JSON; add --json FILE.")
        }
        if periodOptions.resolved == nil { throw usageError("Cần --period, hoặc cả --from và --to.", "Give --period, or both --from and --to.") }
        if input.isEmpty && (units != nil || procedures != nil || evaluations != nil) {
            throw usageError("--units và --procedures ở đây chỉ dùng với --input; để nạp vào cơ sở dữ liệu, dùng motcua import.",
                             "--units and --procedures go with --input here; to load them into the database, use motcua import.")
        }
    }

    func run() throws {
        try reportingErrors {
            // docs/rules.md#outputs: the workbook's name ends in .xlsx, checked before any work.
            try WorkbookName.require(out, option: "--out")
            let reportPeriod = periodOptions.resolved!
            let library = try inputOptions.library()
            let loaded = try library.report(template)
            let (mapping, resolvedMapping, mappingDir) = try inputOptions.loadMapping()
            let calendar = try inputOptions.loadCalendar(mapping: mapping, relativeTo: mappingDir, library: library)
            let scoringRubric = try library.rubric(rubric)
            var inputs = try ReportInputs(database: common.database, inputs: input, units: units, procedures: procedures,
                                          evaluations: evaluations, mapping: resolvedMapping,
                                          calendar: calendar, rejectsBeside: out)
            defer { inputs.close() }
            let report = try inputs.aggregate(period: reportPeriod, calendar: calendar, unit: unit, rubric: scoringRubric,
                                              dimensions: loaded.template.dimensions.union(by.map { [$0] } ?? []),
                                              attribution: attribute)
            for w in report.scoringWarnings.prefix(20) { printError(w.message.labelled()) }
            if report.dossiersUsed == 0 {
                printError(Message("report.no-dossiers", vi: "không có hồ sơ nào trong kỳ \(reportPeriod.label); báo cáo toàn số 0.",
                                   en: "no dossiers in \(reportPeriod.label); the report shows zeros.", severity: .warning).labelled())
            }
            let context = heading.context(for: report, rejections: inputs.rejections)
            // The long lists go beside --out (docs/rules.md#companion-files), so that the report prints short.
            var (files, companions) = WorkbookWriter.files(template: loaded.template, templateFile: loaded.file, context: context,
                                                           to: out, companions: true)
            if let json {
                let rows = loaded.template.firstTable(for: report) ?? TableSpec(), groups = by
                files.add(json) { try ReportJSON.encode(report, rows: rows, groups: groups) }
            }
            if let costPointsCSV {
                files.add(costPointsCSV) { Index766CostCSV.encode(report.index766Misses, tree: report.tree) }
            }
            if let summary {
                let text = try summarySource(template: loaded, library: library)
                files.add(summary) { try SummaryText.document(text.template.summaryParagraphs ?? [], context: context, file: text.file) }
            }
            // All at once, on both cores; put in place in this order (docs/rules.md#outputs).
            try files.write()
            printInfo(localized(
                "Đã ghi \(out) (\(formatCount(report.rows.count)) đơn vị, \(formatCount(report.dossiersUsed)) hồ sơ, kỳ \(reportPeriod.label)).",
                "Wrote \(out) (\(formatCount(report.rows.count)) units, \(formatCount(report.dossiersUsed)) dossiers, period \(reportPeriod.label))."))
            for file in companions {
                printInfo(localized("Đã ghi tệp kèm theo \(file).", "Wrote the companion file \(file)."))
            }
            if inputs.rejectedRows > 0 { throw ExitCode(ExitStatus.rejectedRows) }
        }
    }
}

extension ReportCommand {
    /// The template whose summary sheet gives the summary's paragraphs
    /// (docs/rules.md#summary), one blank line apart: the report template's, else the built-in `tom-tat`.
    func summarySource(template loaded: LoadedTemplate, library: TemplateLibrary) throws -> LoadedTemplate {
        loaded.template.summaryParagraphs != nil ? loaded : try library.report("tom-tat")
    }
}

/// `yyyy-MM-dd` → date.
func parseISODate(_ s: String) -> CivilDate? {
    let p = s.split(separator: "-")
    guard p.count == 3, p[0].count == 4, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]) else { return nil }
    return CivilDate(year: y, month: m, day: d)
}

/// Today in Vietnam (UTC+7).
func today() -> CivilDate {
    let seconds = Int64(Date().timeIntervalSince1970) + 7 * 3600
    return LocalDateTime(secondsSinceEpoch: seconds).date
}

/// "UBND huyện Tân Uyên" → "Tân Uyên", for "Tân Uyên, ngày … tháng … năm …".
func placeName(_ unitName: String) -> String {
    let prefixes = ["ủy ban nhân dân", "uỷ ban nhân dân", "ubnd", "tỉnh", "huyện", "thị xã", "thành phố", "quận", "xã", "phường", "thị trấn"]
    var words = unitName.split(separator: " ").map(String.init)
    var changed = true
    while changed, !words.isEmpty {
        changed = false
        for p in prefixes {
            let n = p.split(separator: " ").count
            if words.count > n, words.prefix(n).joined(separator: " ").lowercased() == p {
                words.removeFirst(n); changed = true
            }
        }
    }
    return words.joined(separator: " ")
}

extension ReportDimension: ExpressibleByArgument {}
extension Attribution: ExpressibleByArgument {}
