import Foundation
import MotCuaCore
import XlsxWriter

/// The short overdue summary of the main workbook (tổng hợp hồ sơ trễ hạn,
/// quá hạn theo đơn vị): per top-level unit the dossiers finished late,
/// those pending past due, the total, those without an apology letter and
/// the oldest one; the full list is in the companion file it names.
struct OverdueSummarySheet {
    let template: SheetTemplate
    let templateFile: String
    let context: ReportContext
    /// The companion's file name, printed in the footnote.
    let companion: String

    /// One line of the summary, also what the tests add up.
    struct Line: Equatable {
        let name: String
        let late: Int
        let overdue: Int
        let withoutApology: Int
        /// Most working days overdue, and that dossier's code.
        let oldestDays: Int
        let oldestCode: String
        var total: Int { late + overdue }

        init(name: String, entries: [OverdueEntry]) {
            self.name = name
            late = entries.filter(\.isFinished).count
            overdue = entries.count - late
            withoutApology = entries.filter(\.lacksApology).count
            let oldest = entries.max { ($0.daysOverdue, $1.dossier.code) < ($1.daysOverdue, $0.dossier.code) }
            oldestDays = oldest?.daysOverdue ?? 0
            oldestCode = oldest?.dossier.code ?? ""
        }
    }

    static func lines(_ report: PeriodReport) -> [Line] {
        OverdueGroup.groups(report.overdue, tree: report.tree, root: report.root).map { Line(name: $0.name, entries: $0.entries) }
    }

    func write(to workbook: Workbook) throws {
        var t = template
        t.kind = .unitTable
        t.title = [TextLine(text: "TỔNG HỢP HỒ SƠ TRỄ HẠN, QUÁ HẠN THEO ĐƠN VỊ", bold: true, size: 13)] + (template.title ?? []).dropFirst()
        t.header = ["A1": "STT", "B1": "Đơn vị", "C1": "Đã giải quyết, trễ hạn", "D1": "Chưa giải quyết, quá hạn",
                    "E1": "Tổng số", "F1": "Không có phiếu xin lỗi", "G1": "Quá hạn lâu nhất (ngày làm việc)",
                    "H1": "Mã hồ sơ quá hạn lâu nhất"]
        t.headerRowHeights = [45]
        t.columns = [("stt", 5.0), ("unit_name", 34), ("late", 12), ("overdue", 12), ("total", 10), ("no_apology", 12),
                     ("oldest_days", 13), ("oldest_code", 24)].map { ColumnTemplate(figure: $0.0, width: $0.1, format: nil) }
        let all = context.report.overdue
        let fileNote = all.isEmpty ? "Không có hồ sơ trễ hạn hay quá hạn trong kỳ."
            : "Danh sách đầy đủ \(formatCount(all.count)) hồ sơ, mỗi đơn vị một trang tính: tệp \(companion) (ghi cùng thư mục với báo cáo này)."
        t.footnotes = [TextLine(text: fileNote, italic: true)]
            + [TextLine(text: "Đơn vị không có trong bảng là đơn vị không có hồ sơ trễ hạn, quá hạn.", italic: true)]
            + (template.footnotes ?? [])
        let frame = SheetFrame(template: t, templateFile: templateFile, context: context,
                               sheet: try workbook.addWorksheet(named: template.name))
        let kinds: [CellKind] = [.integer, .text, .integer, .integer, .integer, .integer, .integer, .text]
        let widths = frame.widths(kinds: kinds)
        try frame.setColumnWidths(widths)
        let headerTop = try frame.writeTitle(at: 0)
        let headerRows = try frame.writeHeader(at: headerTop)
        var row = headerTop + headerRows
        let lines = Self.lines(context.report)
        for (i, line) in lines.enumerated() {
            let values: [CellValue] = [.number(Double(i + 1)), .text(line.name), .number(Double(line.late)),
                                       .number(Double(line.overdue)), .number(Double(line.total)),
                                       .number(Double(line.withoutApology)), .number(Double(line.oldestDays)), .text(line.oldestCode)]
            for c in values.indices { try frame.write(values[c], kind: kinds[c], row: row, column: c) }
            try frame.fitHeight(of: row, values: values, widths: widths)
            row += 1
        }
        let whole = Line(name: "", entries: all)
        try frame.sheet.merge(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: 1, text: "TỔNG CỘNG",
                              format: frame.base { $0.bold = true; $0.border = true; $0.horizontal = .center })
        let totals: [CellValue] = [.number(Double(whole.late)), .number(Double(whole.overdue)), .number(Double(whole.total)),
                                   .number(Double(whole.withoutApology)), .number(Double(whole.oldestDays)),
                                   whole.oldestCode.isEmpty ? .blank : .text(whole.oldestCode)]
        for (k, v) in totals.enumerated() { try frame.write(v, kind: kinds[k + 2], bold: true, row: row, column: k + 2) }
        row += 1
        row = try frame.writeFootnotes(at: row)
        _ = try frame.writeSignature(at: row)
        try frame.applyPageSetup(headerTop: headerTop, headerRows: headerRows)
    }
}
