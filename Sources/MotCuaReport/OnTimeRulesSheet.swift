import MotCuaCore
import XlsxWriter

/// The "Đối chiếu cách tính" sheet from a template of kind `on-time-rules`
/// (docs/rules.md#on-time-rules): per unit row, the dossiers counted, those on
/// time and the on-time rate under the appendix's rule, the portal's (QĐ 766)
/// and the day-level rule, and how many dossiers the rules place differently.
struct OnTimeRulesSheet {
    let template: SheetTemplate
    let templateFile: String
    let context: ReportContext

    private let widths: [Double] = [5, 28] + OnTimeRule.allCases.flatMap { _ in [9.0, 9, 8] } + [10]
    private var columnCount: Int { widths.count }

    func write(to workbook: Workbook) throws {
        let sheet = try workbook.addWorksheet(named: template.name)
        let frame = SheetFrame(template: template, templateFile: templateFile, context: context, sheet: sheet,
                               columnCount: columnCount)
        try frame.setColumnWidths(widths)
        let headerTop = try frame.writeTitle(at: 0)
        try writeHeader(frame, top: headerTop)
        var row = headerTop + 2
        for (i, r) in context.report.rows.enumerated() {
            try writeRow(frame, row: row, stt: i + 1, name: r.name, counts: r.figures.onTimeRules, bold: false)
            row += 1
        }
        try writeRow(frame, row: row, stt: nil, name: "TỔNG CỘNG", counts: context.report.total.figures.onTimeRules, bold: true)
        row = try frame.writeFootnotes(at: row + 2)
        _ = try frame.writeSignature(at: row)
        try frame.applyPageSetup(headerTop: headerTop, headerRows: 2)
    }

    private func writeHeader(_ frame: SheetFrame, top: Int) throws {
        let sheet = frame.sheet
        let h = frame.base { $0.bold = true; $0.border = true; $0.wrap = true; $0.horizontal = .center; $0.vertical = .center }
        for r in top...top + 1 { for c in 0..<columnCount { try sheet.writeBlank(row: r, column: c, format: h) } }
        func tall(_ c: Int, _ text: String) throws {
            try sheet.merge(firstRow: top, firstColumn: c, lastRow: top + 1, lastColumn: c, text: text, format: h)
        }
        try tall(0, "STT")
        try tall(1, "Đơn vị")
        let titles = ["Theo phụ lục (đã giải quyết có xét hạn)", "Theo Cổng DVC quốc gia (QĐ 766)",
                      "Theo ngày (kết thúc không sau ngày hẹn)"]
        for (i, title) in titles.enumerated() {
            let c = 2 + i * 3
            try sheet.merge(firstRow: top, firstColumn: c, lastRow: top, lastColumn: c + 2, text: title, format: h)
            for (j, text) in ["Được xét", "Đúng hạn", "Tỷ lệ %"].enumerated() {
                try sheet.write(text, row: top + 1, column: c + j, format: h)
            }
        }
        try tall(columnCount - 1, "Số hồ sơ xếp khác nhau")
        try sheet.setRowHeight(top, height: frame.fontSize * 1.35 * 2)
        try sheet.setRowHeight(top + 1, height: frame.fontSize * 1.35 * 2)
    }

    private func writeRow(_ frame: SheetFrame, row: Int, stt: Int?, name: String, counts: OnTimeRuleCounts, bold: Bool) throws {
        let sheet = frame.sheet
        func put(_ value: CellValue, _ kind: CellKind, _ column: Int) throws {
            try frame.write(value, kind: kind, bold: bold, row: row, column: column)
        }
        if let stt {
            try put(.number(Double(stt)), .integer, 0)
            try put(.text(name), .text, 1)
        } else {
            try sheet.merge(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: 1, text: name,
                            format: frame.base { $0.bold = true; $0.border = true; $0.horizontal = .center })
        }
        var centred = frame.cellFormat(.text, bold: bold)
        centred.horizontal = .center
        for (i, rule) in OnTimeRule.allCases.enumerated() {
            let c = 2 + i * 3
            try put(.number(Double(counts.counted(rule))), .integer, c)
            try put(.number(Double(counts.onTime(rule))), .integer, c + 1)
            if let rate = counts.rate(rule) { try put(.number(rate), .rate, c + 2) } else { try sheet.write("—", row: row, column: c + 2, format: centred) }
        }
        try put(.number(Double(counts.differing)), .integer, columnCount - 1)
        try frame.fitHeight(of: row, values: [.blank, .text(name)], widths: widths)
    }
}
