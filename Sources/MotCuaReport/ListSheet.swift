import MotCuaCore
import XlsxWriter

/// A column of a per-dossier list: its kind and how to get its value.
struct ListFigure<Entry>: Sendable {
    let kind: CellKind
    let value: @Sendable (_ entry: Entry, _ index: Int, _ tree: UnitTree) -> CellValue
}

/// Writes a list sheet (the overdue list, the data-quality findings): one
/// row per entry, all of one height, a frozen, filterable header, a line
/// saying the list is empty when it is.
struct ListSheet<Entry> {
    let template: SheetTemplate
    let templateFile: String
    let context: ReportContext
    let entries: [Entry]
    let figures: [ListFigure<Entry>]
    let emptyText: String

    func write(to workbook: Workbook) throws {
        let frame = SheetFrame(template: template, templateFile: templateFile, context: context,
                               sheet: try workbook.addWorksheet(named: template.name))
        let kinds = zip(template.columns, figures).map { CellKind(rawValue: $0.format ?? "") ?? $1.kind }
        let widths = frame.widths(kinds: kinds)
        try frame.setColumnWidths(widths)

        let headerTop = try frame.writeTitle(at: 0)
        let headerRows = try frame.writeHeader(at: headerTop)
        var row = headerTop + headerRows
        let tree = context.report.tree
        // Every row as tall as the tallest: a list of even rows reads and prints as a ledger.
        let lines = entries.enumerated().reduce(1) { most, item in
            frame.lineCount(values: figures.map { $0.value(item.element, item.offset + 1, tree) }, widths: widths, atLeast: most)
        }
        let formats = kinds.map { frame.format($0) }
        for (i, entry) in entries.enumerated() {
            let values = figures.map { $0.value(entry, i + 1, tree) }
            for c in values.indices { try frame.write(values[c], format: formats[c], row: row, column: c) }
            try frame.setHeight(of: row, lines: lines)
            row += 1
        }
        if entries.isEmpty {
            try frame.sheet.merge(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: frame.columnCount - 1,
                                  text: emptyText,
                                  format: frame.base { $0.italic = true; $0.border = true; $0.horizontal = .center })
            row += 1
        }
        let lastRow = row - 1
        row = try frame.writeFootnotes(at: row)
        row = try frame.writeSignature(at: row)

        if template.filter ?? true, headerRows > 0 {
            frame.sheet.freezePanes(row: headerTop + headerRows, column: 0)
            try frame.sheet.autofilter(firstRow: headerTop + headerRows - 1, firstColumn: 0,
                                       lastRow: max(lastRow, headerTop + headerRows - 1), lastColumn: frame.columnCount - 1)
        }
        try frame.applyPageSetup(headerTop: headerTop, headerRows: headerRows)
    }
}
