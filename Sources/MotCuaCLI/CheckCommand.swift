import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaIngest

/// `motcua check --published`: đối chiếu a published appendix table — the
/// rows whose own columns do not add up, and (with a period) the cells that
/// differ from the figures computed from the dossiers.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Đối chiếu bảng phụ lục đã công bố: dòng tự mâu thuẫn, ô khác số liệu tính từ hồ sơ.",
        discussion: """
        Bảng công bố là tệp CSV có các cột stt, ten_co_quan, hstn_tong, tthc_tong, hstn_md2, tthc_md2, \
        hstn_md3_truc_tiep, hstn_md3_truc_tuyen, tthc_md3, hstn_md4_truc_tiep, hstn_md4_truc_tuyen, tthc_md4, \
        ho_so_ton, tiep_nhan_mcdt, tiep_nhan_truc_tuyen, da_giai_quyet_md2, da_giai_quyet_md3, \
        da_giai_quyet_md4, chua_giai_quyet, ty_le_giai_quyet (hoặc tiêu đề tiếng Việt của phụ lục); \
        dòng có STT không phải số (TỔNG CỘNG) là dòng tổng.
        Không có kỳ báo cáo: chỉ kiểm tra từng dòng có tự khớp không (tổng số = các cột mức độ = MCĐT + \
        trực tuyến; chưa giải quyết = tồn + tiếp nhận − đã giải quyết; tỷ lệ giải quyết; dòng tổng = tổng các dòng). \
        Có --period (hoặc --from/--to): so sánh thêm từng ô với số liệu tính từ cơ sở dữ liệu (--db) \
        hoặc từ tệp hồ sơ (--input).
        Mã thoát: 0 bảng khớp hoàn toàn; 1 có phát hiện (dòng tự mâu thuẫn, ô khác, dòng chỉ có ở một bên) \
        hoặc lỗi (thông báo ở stderr); 2 sai cách dùng; 3 bảng khớp nhưng có dòng hồ sơ bị từ chối khi đọc --input.
        Ví dụ: motcua check --published SampleData/tan-uyen-2020-10/published-phu-luc-2020-10.csv \
        --input SampleData/tan-uyen-2020-10/dossiers.csv --units SampleData/tan-uyen-2020-10/units.csv \
        --procedures SampleData/tan-uyen-2020-10/procedures.csv --period 2020-10
        """)

    @OptionGroup var common: CommonOptions
    @Option(help: "Bảng phụ lục đã công bố (CSV hoặc .xlsx, kể cả tiêu đề nhiều dòng có ô gộp) cần đối chiếu.") var published: String?
    /// The table's period, to compare it with the figures computed from the dossiers.
    @OptionGroup var periodOptions: PeriodOptions
    @Option(help: "Bảng công bố là của đơn vị này (mã đơn vị): các dòng là các đơn vị cấp dưới.") var unit: String?
    @Option(help: "Tệp hồ sơ (CSV hoặc .xlsx) dùng trực tiếp (cơ sở dữ liệu tạm, không ghi vào --db).") var input: [String] = []
    @Option(help: "Tệp đơn vị, dùng với --input.") var units: String?
    @Option(help: "Tệp danh mục TTHC, dùng với --input.") var procedures: String?
    @OptionGroup var inputOptions: InputOptions

    func validate() throws {
        guard published != nil || reportPeriod != nil else {
            throw usageError("Cần --published FILE (.csv hoặc .xlsx, đối chiếu bảng đã công bố), hoặc --period để kiểm tra dữ liệu của một kỳ.",
                             "Give --published FILE (.csv or .xlsx, check a published table), or --period to check the data of a period.")
        }
        if reportPeriod == nil && (!input.isEmpty || unit != nil) {
            throw usageError("--input và --unit dùng để so sánh với số liệu của một kỳ: thêm --period (hoặc --from/--to).",
                             "--input and --unit compare with the figures of a period: add --period (or --from/--to).")
        }
        if input.isEmpty && (units != nil || procedures != nil) {
            throw usageError("--units và --procedures chỉ dùng với --input.", "--units and --procedures go with --input only.")
        }
    }

    /// The period to compare with; `nil` checks the table on its own.
    var reportPeriod: ReportPeriod? { periodOptions.resolved }

    func run() throws {
        var rejectedRows = 0
        var agrees = false
        try reportingErrors {
            guard let path = published else {
                rejectedRows = try listDataQuality()
                agrees = true
                return
            }
            let table = try PublishedTableFile.read(path: path, encoding: inputOptions.encoding,
                                                    delimiter: inputOptions.delimiter?.byte)
            warnAboutMissingColumns(table)
            var computed: ComputedTable? = nil
            if let reportPeriod {
                let (mapping, resolvedMapping, mappingDir) = try inputOptions.loadMapping()
                let calendar = try inputOptions.loadCalendar(mapping: mapping, relativeTo: mappingDir, library: try inputOptions.library())
                // Rejected rows of --input go beside the first export, as `report` puts them beside its output.
                var inputs = try ReportInputs(database: common.database, inputs: input, units: units, procedures: procedures,
                                              mapping: resolvedMapping, calendar: calendar,
                                              rejectsBeside: input.first ?? path)
                defer { inputs.close() }
                let report = try inputs.aggregate(period: reportPeriod, calendar: calendar, unit: unit)
                rejectedRows = inputs.rejectedRows
                if report.dossiersUsed == 0 {
                    printError(Message("check.no-dossiers",
                                       vi: "không có hồ sơ nào trong kỳ \(reportPeriod.label); số liệu tính được toàn số 0.",
                                       en: "no dossiers in \(reportPeriod.label); the computed figures are zeros.",
                                       severity: .warning).labelled())
                }
                computed = ComputedTable(report)
            }
            let result = Reconciliation.reconcile(table, computed: computed, nameKey: PublishedTableFile.nameKey)
            let text = CheckReport(file: (path as NSString).lastPathComponent, table: table, result: result,
                                   period: reportPeriod?.label).text
            printInfo(text)
            agrees = result.agrees
        }
        if !agrees { throw ExitCode(ExitStatus.failure) }
        if rejectedRows > 0 { throw ExitCode(ExitStatus.rejectedRows) }
    }

    /// Without `--published`: the data-quality findings of the period, one
    /// line each, grouped by kind (the same as the "Kiểm tra dữ liệu" sheet).
    /// Findings are information, not failure: the exit code stays 0.
    private func listDataQuality() throws -> Int {
        let reportPeriod = self.reportPeriod!
        let (mapping, resolvedMapping, mappingDir) = try inputOptions.loadMapping()
        let calendar = try inputOptions.loadCalendar(mapping: mapping, relativeTo: mappingDir, library: try inputOptions.library())
        var inputs = try ReportInputs(database: common.database, inputs: input, units: units, procedures: procedures,
                                      mapping: resolvedMapping, calendar: calendar,
                                      rejectsBeside: input.first ?? common.database)
        defer { inputs.close() }
        let report = try inputs.aggregate(period: reportPeriod, calendar: calendar, unit: unit)
        var lines = [localized("Kiểm tra dữ liệu kỳ \(reportPeriod.label): \(formatCount(report.dossiersUsed)) hồ sơ.",
                               "Data check, period \(reportPeriod.label): \(formatCount(report.dossiersUsed)) dossiers.")]
        for kind in DataQualityFinding.Kind.allCases {
            let found = report.findings.filter { $0.kind == kind }
            guard !found.isEmpty else { continue }
            lines.append("\n\(kind.name()) (\(formatCount(found.count))):")
            for f in found.prefix(200) {
                let unit = report.tree[f.unitCode]?.name ?? f.unitCode
                lines.append("  \(unit)\(f.dossierCode.isEmpty ? "" : ", \(f.dossierCode)"): \(f.detail)")
            }
            if found.count > 200 {
                lines.append(localized("  … và \(formatCount(found.count - 200)) hồ sơ khác (xem trang Kiểm tra dữ liệu của báo cáo).",
                                       "  … and \(formatCount(found.count - 200)) more dossiers (see the report's data check sheet)."))
            }
        }
        lines.append(report.findings.isEmpty ? localized("\nKhông phát hiện vấn đề nào.", "\nNo problems found.")
                     : localized("\nTổng cộng \(formatCount(report.findings.count)) phát hiện.",
                                 "\n\(formatCount(report.findings.count)) findings in all."))
        printInfo(lines.joined(separator: "\n"))
        return inputs.rejectedRows
    }

    /// Rules that need a missing column are skipped; the clerk should know.
    private func warnAboutMissingColumns(_ table: PublishedTable) {
        let missing = AppendixColumn.allCases.filter { !table.columns.contains($0) }
        guard !missing.isEmpty else { return }
        let names = missing.map(\.rawValue).joined(separator: ", ")
        printError(Message("check.missing-columns", file: published,
                           vi: "bảng công bố không có cột \(names); các phép kiểm tra cần cột đó được bỏ qua.",
                           en: "the published table has no column \(names); the checks that need it are skipped.",
                           severity: .warning).labelled())
    }
}

/// The text `motcua check` prints: the findings grouped, one per line, and a
/// last line with the counts (kept apart from the command so it reads as the output).
struct CheckReport {
    let file: String
    let table: PublishedTable
    let result: ReconciliationResult
    let period: String?
    var language: Language = .current

    var text: String {
        let l = language
        var lines: [String] = []
        let units = table.unitRows.count
        let totalNote = table.totalRow == nil ? "" : l.pick(" và dòng tổng cộng", " and the total row")
        lines.append(l.pick("Đối chiếu bảng công bố \(file): \(n(table.rows.count)) dòng (\(n(units)) đơn vị\(totalNote)).",
                            "Checking the published table \(file): \(n(table.rows.count)) rows (\(n(units)) units\(totalNote))."))
        lines.append("")
        lines.append(l.pick("Dòng tự mâu thuẫn", "Rows that do not add up") + " (\(n(result.consistency.count))):")
        lines += group(result.consistency)
        if let comparison = result.comparison, let period {
            lines.append("")
            lines.append(l.pick("Khác với số liệu tính từ hồ sơ, kỳ \(period)",
                                "Different from the figures computed from the dossiers, \(period)") + " (\(n(comparison.count))):")
            lines += group(comparison)
        }
        lines.append("")
        lines.append(summary)
        return lines.joined(separator: "\n")
    }

    private func n(_ count: Int) -> String { formatCount(count, language) }

    private func group(_ findings: [ReconciliationFinding]) -> [String] {
        findings.isEmpty ? [language.pick("  không có.", "  none.")] : findings.map { "  " + $0.text(language) + "." }
    }

    private var summary: String {
        let r = result, l = language
        let own = l.pick("\(n(r.consistency.count)) phát hiện ở \(n(r.inconsistentRowCount)) dòng tự mâu thuẫn",
                         "\(n(r.consistency.count)) findings in \(n(r.inconsistentRowCount)) rows that do not add up")
        guard r.wasCompared, let period else {
            return l.pick("Kết quả: \(own); chưa so sánh với số liệu tính từ hồ sơ (thêm --period để so sánh).",
                          "Result: \(own); not compared with the dossiers (give --period to compare).")
        }
        let verdict = r.agrees ? l.pick(" Bảng khớp hoàn toàn.", " The table agrees.") : ""
        return l.pick("Kết quả: \(own); \(n(r.differingCellCount)) ô khác số liệu tính từ hồ sơ kỳ \(period) "
                        + "(đã so sánh \(n(r.cellsCompared)) ô của \(n(r.rowsCompared)) dòng), \(n(r.unmatchedRowCount)) dòng chỉ có ở một bên.\(verdict)",
                      "Result: \(own); \(n(r.differingCellCount)) cells differ from the figures computed for \(period) "
                        + "(\(n(r.cellsCompared)) cells of \(n(r.rowsCompared)) rows compared), \(n(r.unmatchedRowCount)) rows on one side only.\(verdict)")
    }
}
