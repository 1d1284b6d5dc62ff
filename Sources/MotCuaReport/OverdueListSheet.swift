import MotCuaCore
import XlsxWriter

/// Writes the overdue list (Quá hạn): one row per late or overdue dossier,
/// sorted by unit then days overdue, with a frozen, filterable header.
struct OverdueListSheet {
    let template: SheetTemplate
    let templateFile: String
    let context: ReportContext

    func write(to workbook: Workbook) throws {
        let frame = SheetFrame(template: template, templateFile: templateFile, context: context,
                               sheet: try workbook.addWorksheet(named: template.name))
        let figures = template.columns.map { OverdueFigures.figure(named: $0.figure)! }
        let kinds = zip(template.columns, figures).map { CellKind(rawValue: $0.format ?? "") ?? $1.kind }
        let widths = frame.widths(kinds: kinds)
        try frame.setColumnWidths(kinds: kinds)

        let headerTop = try frame.writeTitle(at: 0)
        let headerRows = try frame.writeHeader(at: headerTop)
        var row = headerTop + headerRows
        let tree = context.report.tree
        for (i, entry) in context.report.overdue.enumerated() {
            let values = figures.map { $0.value(entry, i + 1, tree) }
            for c in values.indices { try frame.write(values[c], kind: kinds[c], row: row, column: c) }
            try frame.fitHeight(of: row, values: values, widths: widths)
            row += 1
        }
        if context.report.overdue.isEmpty {
            try frame.sheet.merge(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: frame.columnCount - 1,
                                  text: "Không có hồ sơ trễ hạn hay quá hạn trong kỳ.",
                                  format: frame.base { $0.italic = true; $0.border = true; $0.horizontal = .center })
            row += 1
        }
        let lastRow = row - 1
        row = try frame.writeFootnotes(at: row)

        if template.filter ?? true, headerRows > 0 {
            frame.sheet.freezePanes(row: headerTop + headerRows, column: 0)
            try frame.sheet.autofilter(firstRow: headerTop + headerRows - 1, firstColumn: 0,
                                       lastRow: max(lastRow, headerTop + headerRows - 1), lastColumn: frame.columnCount - 1)
        }
        try frame.applyPageSetup(headerTop: headerTop, headerRows: headerRows)
    }
}
