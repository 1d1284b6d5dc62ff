import MotCuaCore
import XlsxWriter

/// Writes a per-unit table sheet (the appendix, the on-time table) from a
/// ``SheetTemplate``: title lines, the merged header block, one row per unit
/// in display order, the total row, footnotes, and print setup.
struct UnitTableSheet {
    let template: SheetTemplate
    let templateFile: String
    let context: ReportContext

    private var fontName: String { template.font?.name ?? "Times New Roman" }
    private var fontSize: Double { template.font?.size ?? 11 }

    private func base(_ configure: (inout CellFormat) -> Void = { _ in }) -> CellFormat {
        var f = CellFormat()
        f.fontName = fontName
        f.fontSize = fontSize
        configure(&f)
        return f
    }

    func write(to workbook: Workbook) throws {
        let sheet = try workbook.addWorksheet(named: template.name)
        let columnCount = template.columns.count
        var row = 0

        for line in template.title ?? [] {
            let text = try context.fill(line.text, file: templateFile)
            try sheet.merge(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: columnCount - 1, text: text,
                            format: lineFormat(line))
            row += 1
        }
        if template.title?.isEmpty == false { row += 1 }

        // Header block: merged cells from the template, bordered, centred, wrapped.
        let headerTop = row
        let headerFormat = base { $0.bold = true; $0.border = true; $0.wrap = true; $0.horizontal = .center; $0.vertical = .center }
        let ranges = template.header.compactMap { key, text in CellRange(key).map { ($0, text) } }
        let headerRows = (ranges.map(\.0.lastRow).max() ?? -1) + 1
        // Blank bordered cells first so that every header cell has a border, merged or not.
        for r in 0..<headerRows { for c in 0..<columnCount { try sheet.writeBlank(row: headerTop + r, column: c, format: headerFormat) } }
        for (range, text) in ranges.sorted(by: { ($0.0.firstRow, $0.0.firstColumn) < ($1.0.firstRow, $1.0.firstColumn) }) {
            try sheet.merge(firstRow: headerTop + range.firstRow, firstColumn: range.firstColumn,
                            lastRow: headerTop + range.lastRow, lastColumn: range.lastColumn,
                            text: try context.fill(text, file: templateFile), format: headerFormat)
        }
        for (i, h) in (template.headerRowHeights ?? []).enumerated() where i < headerRows {
            try sheet.setRowHeight(headerTop + i, height: h)
        }
        row = headerTop + headerRows

        let figures = template.columns.map { FigureRegistry.figure(named: $0.figure)! }
        let kinds = zip(template.columns, figures).map { CellKind(rawValue: $0.format ?? "") ?? $1.kind }
        for (c, column) in template.columns.enumerated() {
            try sheet.setColumnWidth(c, width: column.width ?? (kinds[c] == .text ? 24 : 8))
        }

        let widths = template.columns.enumerated().map { c, column in column.width ?? (kinds[c] == .text ? 24 : 8) }
        for (i, reportRow) in context.report.rows.enumerated() {
            let values = (0..<columnCount).map { figures[$0].value(reportRow, i + 1) }
            for c in 0..<columnCount {
                try writeCell(values[c], kind: kinds[c], bold: false, sheet: sheet, row: row, column: c)
            }
            try fitHeight(of: row, values: values, widths: widths, sheet: sheet)
            row += 1
        }

        if let total = template.total {
            let span = max(1, min(total.labelColumns ?? 1, columnCount))
            try sheet.merge(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: span - 1,
                            text: try context.fill(total.label, file: templateFile),
                            format: base { $0.bold = true; $0.border = true; $0.horizontal = .center })
            let values = (0..<columnCount).map { figures[$0].value(context.report.total, nil) }
            for c in span..<columnCount {
                try writeCell(values[c], kind: kinds[c], bold: true, sheet: sheet, row: row, column: c)
            }
            try fitHeight(of: row, values: values.enumerated().map { $0.offset < span ? .blank : $0.element },
                          widths: widths, sheet: sheet)
            row += 1
        }

        for line in template.footnotes ?? [] {
            try sheet.merge(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: columnCount - 1,
                            text: try context.fill(line.text, file: templateFile), format: lineFormat(line, defaultAlign: .left))
            row += 1
        }

        let page = template.page
        sheet.setPrintLayout(landscape: page?.orientation != "portrait", fitToWidth: page?.fitWidth ?? true,
                             margins: (left: 0.5, right: 0.4, top: 0.6, bottom: 0.6))
        if page?.repeatHeader ?? true, headerRows > 0 {
            try sheet.repeatRows(first: headerTop, last: headerTop + headerRows - 1)
        }
        try sheet.setFooter(page?.footer ?? "&CTrang &P/&N")
    }

    /// Grows a row so that wrapped text shows whole: neither libxlsxwriter nor
    /// Excel sizes rows to wrapped text when a file is opened.
    private func fitHeight(of row: Int, values: [CellValue], widths: [Double], sheet: Worksheet) throws {
        var lines = 1
        for (c, v) in values.enumerated() {
            guard case .text(let t) = v else { continue }
            // Width is in Calibri-11 digit widths; Times New Roman 11 fits about
            // 1.2 average Vietnamese characters per unit (checked on rendered pages).
            let perLine = max(1, Int(widths[c] * 1.2 * 11 / fontSize))
            lines = max(lines, (t.count + perLine - 1) / perLine)
        }
        if lines > 1 { try sheet.setRowHeight(row, height: Double(lines) * fontSize * 1.35) }
    }

    private func writeCell(_ value: CellValue, kind: CellKind, bold: Bool, sheet: Worksheet, row: Int, column: Int) throws {
        let format = base {
            $0.border = true
            $0.bold = bold
            switch kind {
            case .integer: $0.numberFormat = "#,##0"; $0.horizontal = .center
            case .rate: $0.numberFormat = "0.0"; $0.horizontal = .center
            case .text: $0.horizontal = .left; $0.wrap = true
            }
        }
        switch value {
        case .number(let n): try sheet.write(n, row: row, column: column, format: format)
        case .text(let t): try sheet.write(t, row: row, column: column, format: format)
        case .blank: try sheet.writeBlank(row: row, column: column, format: format)
        }
    }

    private func lineFormat(_ line: TextLine, defaultAlign: CellFormat.HorizontalAlignment = .center) -> CellFormat {
        base {
            $0.bold = line.bold ?? false
            $0.italic = line.italic ?? false
            if let s = line.size { $0.fontSize = s }
            switch line.align {
            case "left": $0.horizontal = .left
            case "right": $0.horizontal = .right
            case "center": $0.horizontal = .center
            default: $0.horizontal = defaultAlign
            }
        }
    }
}
