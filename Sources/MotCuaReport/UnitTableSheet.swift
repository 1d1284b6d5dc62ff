import MotCuaCore
import XlsxWriter

/// Writes a per-unit table sheet (the appendix, the on-time table) from a
/// ``SheetTemplate``: one row per unit in display order, the total row, and
/// optionally a native bar chart of one figure per unit on a sheet of its own.
struct UnitTableSheet {
    let template: SheetTemplate
    let templateFile: String
    let context: ReportContext

    func write(to workbook: Workbook) throws {
        let frame = SheetFrame(template: template, templateFile: templateFile, context: context,
                               sheet: try workbook.addWorksheet(named: template.name))
        let figures = template.columns.map { FigureRegistry.figure(for: $0)! }
        let kinds = zip(template.columns, figures).map { CellKind(rawValue: $0.format ?? "") ?? $1.kind }
        let widths = frame.widths(kinds: kinds)
        try frame.setColumnWidths(widths)

        let headerTop = try frame.writeTitle(at: 0)
        let headerRows = try frame.writeHeader(at: headerTop)
        var row = headerTop + headerRows

        let rows = try context.report.table(template.table(for: context.report))
        for (reportRow, number) in zip(rows, Self.numbers(rows)) {
            let values = figures.map { $0.value(reportRow, number) }
            let bold = reportRow.kind == .section
            for c in values.indices {
                let indent = template.columns[c].figure == "unit_name" ? reportRow.depth : 0
                // A change ("tăng 5,2%") reads as a figure: centred like the numbers beside it.
                try frame.write(values[c], kind: kinds[c], bold: bold, indent: indent,
                                centered: template.columns[c].compare != nil, row: row, column: c)
            }
            try frame.fitHeight(of: row, values: values, widths: widths)
            row += 1
        }

        if let total = template.total {
            let span = max(1, min(total.labelColumns ?? 1, frame.columnCount))
            try frame.sheet.merge(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: span - 1,
                                  text: try frame.fill(total.label),
                                  format: frame.base { $0.bold = true; $0.border = true; $0.horizontal = .center })
            let values = figures.map { $0.value(context.report.total, nil) }
            for c in span..<values.count {
                try frame.write(values[c], kind: kinds[c], bold: true, centered: template.columns[c].compare != nil, row: row, column: c)
            }
            try frame.fitHeight(of: row, values: values.enumerated().map { $0.offset < span ? .blank : $0.element }, widths: widths)
            row += 1
        }

        row = try frame.writeFootnotes(at: row)
        _ = try frame.writeSignature(at: row)

        try frame.applyPageSetup(headerTop: headerTop, headerRows: headerRows)

        // The chart on pages of its own, after the table's sheet (docs/rules.md#chart-axis).
        if let chart = template.chart, let figure = FigureRegistry.figure(named: chart.figure) {
            var names = SheetNames()
            let chartName = names.make(String(template.name.prefix(20)) + " - biểu đồ")
            try ChartPages(sheetName: chartName, title: try chart.title.map { try frame.fill($0) },
                           isRate: figure.kind == .rate,
                           bars: ChartPages.bars(rows: rows.filter { $0.kind != .section }, figure: figure),
                           subtitle: chartSubtitle(frame)).write(to: workbook)
        }
    }

    /// What the table's sheet prints under its title without the template
    /// asking (the period's dates under a cut-off day, the attribution), on
    /// one line above each chart; `nil` when there is nothing to say.
    private func chartSubtitle(_ frame: SheetFrame) throws -> String? {
        let lines = try frame.automaticTitleLines.map { try frame.fill($0.text) }
        return lines.isEmpty ? nil : lines.joined(separator: " ")
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
