import Foundation
import MotCuaCore
import XlsxWriter

/// The short data-quality summary of the main workbook: one line per kind
/// of problem with how many cases and units, and an example; the findings
/// one by one are in the companion file it names.
struct QualitySummarySheet {
    let template: SheetTemplate
    let templateFile: String
    let context: ReportContext
    let companion: String

    struct Line: Equatable {
        let problem: String
        let count: Int
        let units: Int
        let example: String
    }

    static func lines(findings: [DataQualityFinding], rejections: [RejectedRow]) -> [Line] {
        var out: [Line] = []
        let byKind = Dictionary(grouping: findings, by: \.kind)
        for kind in byKind.keys.sorted() {
            let list = byKind[kind]!
            out.append(Line(problem: kind.vietnameseName, count: list.count, units: Set(list.map(\.unitCode)).count,
                            example: list.first { !$0.dossierCode.isEmpty }?.dossierCode ?? list[0].detail))
        }
        if let first = rejections.first {
            out.append(Line(problem: "Dòng bị từ chối khi nhập", count: rejections.count, units: 0,
                            example: "\(first.file), dòng \(first.line)"))
        }
        return out
    }

    func write(to workbook: Workbook) throws {
        var t = template
        t.title = [TextLine(text: "TỔNG HỢP KẾT QUẢ KIỂM TRA DỮ LIỆU HỒ SƠ", bold: true, size: 13)] + (template.title ?? []).dropFirst()
        t.header = ["A1": "STT", "B1": "Vấn đề", "C1": "Số trường hợp", "D1": "Số đơn vị", "E1": "Ví dụ"]
        t.headerRowHeights = [30]
        t.columns = [("stt", 5.0), ("problem", 50), ("count", 12), ("units", 10), ("example", 34)]
            .map { ColumnTemplate(figure: $0.0, width: $0.1, format: nil) }
        let lines = Self.lines(findings: context.report.findings, rejections: context.rejections)
        let total = lines.reduce(0) { $0 + $1.count }
        t.footnotes = [TextLine(text: total == 0 ? "Không phát hiện vấn đề nào trong dữ liệu của kỳ."
                                : "Chi tiết từng trường hợp (\(formatCount(total))): tệp \(companion) (ghi cùng thư mục với báo cáo này).",
                                italic: true)] + (template.footnotes ?? [])
        let frame = SheetFrame(template: t, templateFile: templateFile, context: context,
                               sheet: try workbook.addWorksheet(named: template.name))
        let kinds: [CellKind] = [.integer, .text, .integer, .integer, .text]
        let widths = frame.widths(kinds: kinds)
        try frame.setColumnWidths(widths)
        let headerTop = try frame.writeTitle(at: 0)
        let headerRows = try frame.writeHeader(at: headerTop)
        var row = headerTop + headerRows
        for (i, line) in lines.enumerated() {
            let values: [CellValue] = [.number(Double(i + 1)), .text(line.problem), .number(Double(line.count)),
                                       line.units > 0 ? .number(Double(line.units)) : .blank, .text(line.example)]
            for c in values.indices { try frame.write(values[c], kind: kinds[c], row: row, column: c) }
            try frame.fitHeight(of: row, values: values, widths: widths)
            row += 1
        }
        try frame.sheet.merge(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: 1, text: "TỔNG CỘNG",
                              format: frame.base { $0.bold = true; $0.border = true; $0.horizontal = .center })
        try frame.write(.number(Double(total)), kind: .integer, bold: true, row: row, column: 2)
        try frame.write(.blank, kind: .integer, row: row, column: 3)
        try frame.write(.blank, kind: .text, row: row, column: 4)
        row += 1
        row = try frame.writeFootnotes(at: row)
        _ = try frame.writeSignature(at: row)
        try frame.applyPageSetup(headerTop: headerTop, headerRows: headerRows)
    }
}
