import MotCuaCore
import XlsxWriter

/// Writes a per-unit table sheet (the appendix, the on-time table) from a
/// ``SheetTemplate``: one row per unit in display order, the total row, and
/// optionally a native bar chart of one figure per unit.
struct UnitTableSheet {
    let template: SheetTemplate
    let templateFile: String
    let context: ReportContext

    func write(to workbook: Workbook) throws {
        let frame = SheetFrame(template: template, templateFile: templateFile, context: context,
                               sheet: try workbook.addWorksheet(named: template.name))
        let figures = template.columns.map { FigureRegistry.figure(named: $0.figure)! }
        let kinds = zip(template.columns, figures).map { CellKind(rawValue: $0.format ?? "") ?? $1.kind }
        let widths = frame.widths(kinds: kinds)
        try frame.setColumnWidths(widths)

        let headerTop = try frame.writeTitle(at: 0)
        let headerRows = try frame.writeHeader(at: headerTop)
        var row = headerTop + headerRows
        let firstDataRow = row

        let rows = try context.report.table(template.table(for: context.report))
        for (reportRow, number) in zip(rows, Self.numbers(rows)) {
            let values = figures.map { $0.value(reportRow, number) }
            let bold = reportRow.kind == .section
            for c in values.indices {
                let indent = template.columns[c].figure == "unit_name" ? reportRow.depth : 0
                try frame.write(values[c], kind: kinds[c], bold: bold, indent: indent, row: row, column: c)
            }
            try frame.fitHeight(of: row, values: values, widths: widths)
            row += 1
        }
        let lastDataRow = row - 1

        if let total = template.total {
            let span = max(1, min(total.labelColumns ?? 1, frame.columnCount))
            try frame.sheet.merge(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: span - 1,
                                  text: try frame.fill(total.label),
                                  format: frame.base { $0.bold = true; $0.border = true; $0.horizontal = .center })
            let values = figures.map { $0.value(context.report.total, nil) }
            for c in span..<values.count { try frame.write(values[c], kind: kinds[c], bold: true, row: row, column: c) }
            try frame.fitHeight(of: row, values: values.enumerated().map { $0.offset < span ? .blank : $0.element }, widths: widths)
            row += 1
        }

        row = try frame.writeFootnotes(at: row)
        row = try frame.writeSignature(at: row)

        if let chart = template.chart, lastDataRow >= firstDataRow,
           let valueColumn = template.columns.firstIndex(where: { $0.figure == chart.figure }),
           let nameColumn = template.columns.firstIndex(where: { $0.figure == "unit_name" }) {
            let c = workbook.addChart(.bar)
            c.addSeries(sheet: template.name, categories: (firstDataRow, lastDataRow, nameColumn),
                        values: (firstDataRow, lastDataRow, valueColumn), numberFormat: "0.0")
            if let title = chart.title { c.setTitle(try frame.fill(title)) }
            c.hideLegend()
            if figures[valueColumn].kind == .rate { c.setValueAxis(min: 0, max: 100) }
            c.reverseCategories()
            try frame.sheet.insert(c, row: row + 1, column: 1, width: 720,
                                   height: max(288, 20 * Double(lastDataRow - firstDataRow + 1) + 80))
        }

        try frame.applyPageSetup(headerTop: headerTop, headerRows: headerRows)
    }

    /// The STT of each row: 1, 2, 3…; with sections, I, II, III… on the
    /// subtotal rows and the units numbered again from 1 in each section.
    static func numbers(_ rows: [ReportRow]) -> [String] {
        var section = 0, n = 0
        return rows.map { r in
            if r.kind == .section {
                section += 1; n = 0
                return romanNumeral(section)
            }
            n += 1
            return String(n)
        }
    }
}

/// I, II, III, IV… as Vietnamese forms number their parts.
func romanNumeral(_ n: Int) -> String {
    let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                  (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    var rest = n, out = ""
    for (value, letters) in table { while rest >= value { out += letters; rest -= value } }
    return out
}
