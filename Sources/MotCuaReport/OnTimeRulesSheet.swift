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
        let titles = ["Theo phụ lục (đã giải quyết có xét hạn)", "Theo Cổng DVC quốc gia (QĐ 766)",
                      "Theo ngày (kết thúc không sau ngày hẹn)"]
        let groups = titles.enumerated().map { i, title in
            ColumnGroup(firstColumn: 2 + i * 3, title: title, subheadings: ["Được xét", "Đúng hạn", "Tỷ lệ %"])
        }
        try frame.writeTwoRowHeader(top: top, columnCount: columnCount,
                                    tall: [(0, "STT"), (1, "Đơn vị"), (columnCount - 1, "Số hồ sơ xếp khác nhau")],
                                    groups: groups, secondRowLines: 2)
    }

    private func writeRow(_ frame: SheetFrame, row: Int, stt: Int?, name: String, counts: OnTimeRuleCounts, bold: Bool) throws {
        let sheet = frame.sheet
        func put(_ value: CellValue, _ kind: CellKind, _ column: Int) throws {
            try frame.write(value, kind: kind, bold: bold, row: row, column: column)
        }
        try frame.writeRowLabel(row: row, stt: stt, name: name, bold: bold)
        let centred = frame.centredText(bold: bold)
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
