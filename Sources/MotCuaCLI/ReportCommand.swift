import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaIngest
import MotCuaReport
import MotCuaStore

/// `motcua report`: the workbook (and JSON) for one period.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Lập báo cáo Excel (và JSON) cho một kỳ.",
        discussion: """
        Kỳ báo cáo: --period 2020-10 (tháng), 2020-Q3 (quý), 2020-H1 (6 tháng), 2020-9T (9 tháng), \
        2020 (năm), hoặc --from/--to. Số liệu tính đến 23:59:59 của ngày cuối kỳ.
        Ví dụ: motcua report --input SampleData/tan-uyen-2020-10/dossiers.csv \
        --units SampleData/tan-uyen-2020-10/units.csv --procedures SampleData/tan-uyen-2020-10/procedures.csv \
        --period 2020-10 --out phu-luc-2020-10.xlsx
        """)

    @OptionGroup var common: CommonOptions
    @Option(help: "Kỳ báo cáo: 2020-10, 2020-Q3, 2020-H1, 2020-9T hoặc 2020.") var period: String?
    @Option(help: "Ngày đầu kỳ (yyyy-MM-dd), dùng cùng --to.") var from: String?
    @Option(help: "Ngày cuối kỳ (yyyy-MM-dd), dùng cùng --from.") var to: String?
    @Option(help: "Chỉ báo cáo đơn vị này và các đơn vị cấp dưới (mã đơn vị).") var unit: String?
    @Option(help: "Mẫu báo cáo: tên trong Templates/ (phu-luc) hoặc đường dẫn tệp .yaml.") var template: String = "phu-luc"
    @Option(help: "Tệp Excel cần ghi (.xlsx).") var out: String
    @Option(help: "Ghi thêm số liệu dạng JSON vào tệp này.") var json: String?
    @Option(help: "Tên cơ quan báo cáo (mặc định: tên đơn vị gốc).") var issuer: String?
    @Option(help: "Ngày lập báo cáo (yyyy-MM-dd; mặc định: hôm nay).") var date: String?
    @Option(help: "Tệp hồ sơ CSV dùng trực tiếp (cơ sở dữ liệu tạm, không ghi vào --db).") var input: [String] = []
    @Option(help: "Tệp đơn vị, dùng với --input.") var units: String?
    @Option(help: "Tệp danh mục TTHC, dùng với --input.") var procedures: String?
    @OptionGroup var inputOptions: InputOptions

    func validate() throws {
        if period == nil && (from == nil || to == nil) {
            throw ValidationError("Cần --period, hoặc cả --from và --to.")
        }
        if period != nil && (from != nil || to != nil) {
            throw ValidationError("Dùng --period hoặc --from/--to, không dùng cả hai.")
        }
        if let period, ReportPeriod.parse(period) == nil {
            throw ValidationError("Kỳ báo cáo không hợp lệ: \"\(period)\" (ví dụ 2020-10, 2020-Q3, 2020-H1, 2020-9T, 2020).")
        }
        for d in [from, to, date].compactMap({ $0 }) where parseISODate(d) == nil {
            throw ValidationError("Ngày không hợp lệ: \"\(d)\" (dạng yyyy-MM-dd).")
        }
        if let from, let to, let a = parseISODate(from), let b = parseISODate(to), b < a {
            throw ValidationError("--to phải không trước --from.")
        }
        if input.isEmpty && (units != nil || procedures != nil) {
            throw ValidationError("--units và --procedures ở đây chỉ dùng với --input; để nạp vào cơ sở dữ liệu, dùng motcua import.")
        }
    }

    func run() throws {
        try reportingErrors(english: common.english) {
            let reportPeriod = period.flatMap(ReportPeriod.parse)
                ?? ReportPeriod(from: parseISODate(from!)!, to: parseISODate(to!)!)
            let templateFile = try resolveTemplate(template)
            let (mapping, resolvedMapping, mappingDir) = try inputOptions.loadMapping()
            let calendar = try inputOptions.loadCalendar(mapping: mapping, relativeTo: mappingDir)
            let reportTemplate = try ReportTemplate.load(path: templateFile)

            var tempDir: URL? = nil
            defer { if let tempDir { try? FileManager.default.removeItem(at: tempDir) } }
            var rejected = 0
            let store: DossierStore
            if input.isEmpty {
                guard FileManager.default.fileExists(atPath: common.database) else {
                    throw CLIError(vi: "\(common.database): chưa có cơ sở dữ liệu. Hãy chạy motcua import trước, hoặc dùng --input.",
                                   en: "\(common.database): no database yet. Run motcua import first, or use --input.")
                }
                store = try DossierStore(path: common.database)
            } else {
                let dir = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                tempDir = dir
                store = try DossierStore(path: dir.appendingPathComponent("report.sqlite").path)
                var importer = Importer(store: store, english: common.english, mapping: resolvedMapping, calendar: calendar)
                importer.quiet = true
                // Beside the report: the temporary database is deleted after the run.
                importer.rejectsPath = (out.hasSuffix(".xlsx") ? String(out.dropLast(5)) : out) + ".rejects.csv"
                rejected = try importer.run(units: units, procedures: procedures, dossierFiles: input).rejectedRows
            }

            let tree = UnitTree(try store.units())
            if let unit, tree[unit] == nil {
                throw CLIError(vi: "Không có đơn vị mã \"\(unit)\" trong cơ sở dữ liệu.",
                               en: "No unit with code \"\(unit)\" in the database.")
            }
            var aggregator = PeriodAggregator(period: reportPeriod, catalogue: ProcedureCatalogue(try store.procedures()))
            try store.forEachDossier(relevantFrom: reportPeriod.start, to: reportPeriod.cutoff) { aggregator.add($0) }
            let report = aggregator.report(scope: unit, tree: tree)
            if report.dossiersUsed == 0 {
                printError(common.english
                    ? "Warning: no dossiers in \(reportPeriod.label); the report shows zeros."
                    : "Cảnh báo: không có hồ sơ nào trong kỳ \(reportPeriod.label); báo cáo toàn số 0.")
            }
            let context = ReportContext(
                report: report, issuer: issuer ?? report.root?.name ?? "",
                place: placeName(report.root?.name ?? ""), reportDate: date.flatMap(parseISODate) ?? today())
            try WorkbookWriter.write(template: reportTemplate, templateFile: templateFile, context: context, to: out)
            if let json { try WorkbookWriter.writeAtomically(try ReportJSON.encode(report), to: json) }
            printInfo(common.english
                ? "Wrote \(out) (\(report.rows.count) units, \(formatCount(report.dossiersUsed)) dossiers, period \(reportPeriod.label))."
                : "Đã ghi \(out) (\(report.rows.count) đơn vị, \(formatCount(report.dossiersUsed)) hồ sơ, kỳ \(reportPeriod.label)).")
            if rejected > 0 { throw ExitCode(ExitStatus.rejectedRows) }
        }
    }

    /// A template name in `Templates/` or a path to a template file.
    private func resolveTemplate(_ nameOrPath: String) throws -> String {
        if nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") || nameOrPath.contains("/") {
            guard FileManager.default.fileExists(atPath: nameOrPath) else {
                throw CLIError(vi: "\(nameOrPath): không tìm thấy tệp mẫu báo cáo.", en: "\(nameOrPath): template file not found.")
            }
            return nameOrPath
        }
        guard let dir = TemplateLocator.templatesDirectory() else {
            throw CLIError(vi: "Không tìm thấy thư mục Templates/ (đặt biến MOTCUA_TEMPLATES).",
                           en: "The Templates/ folder was not found (set MOTCUA_TEMPLATES).")
        }
        let file = dir.appendingPathComponent(nameOrPath + ".yaml").path
        guard FileManager.default.fileExists(atPath: file) else {
            let available = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
                .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
            throw CLIError(vi: "Không có mẫu báo cáo \"\(nameOrPath)\". Các mẫu có: \(available.joined(separator: ", ")).",
                           en: "No template named \"\(nameOrPath)\". Available: \(available.joined(separator: ", ")).")
        }
        return file
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
