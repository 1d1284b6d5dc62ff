import MotCuaCore
import XlsxWriter

/// What every sheet of a template shares: fonts, the title lines, the merged
/// header block, footnotes, row heights for wrapped text, print setup, and
/// the cell formats by kind.
struct SheetFrame {
    let template: SheetTemplate
    let templateFile: String
    let context: ReportContext
    let sheet: Worksheet
    /// Columns the title block spans: the template's, or those of a sheet whose
    /// columns come from elsewhere (the TT01 sheet's follow the rubric).
    let columnCount: Int
    /// Widths of those columns (characters), for placing the letterhead's rules;
    /// by default the template's.
    let columnWidths: [Double]

    init(template: SheetTemplate, templateFile: String, context: ReportContext, sheet: Worksheet, columnCount: Int? = nil,
         columnWidths: [Double]? = nil) {
        self.template = template; self.templateFile = templateFile; self.context = context; self.sheet = sheet
        self.columnCount = columnCount ?? template.columns.count
        self.columnWidths = columnWidths ?? template.columns.map { $0.width ?? 8.43 }
    }
    var fontName: String { template.font?.name ?? "Times New Roman" }
    var fontSize: Double { template.font?.size ?? 11 }

    func base(_ configure: (inout CellFormat) -> Void = { _ in }) -> CellFormat {
        var f = CellFormat()
        f.fontName = fontName
        f.fontSize = fontSize
        configure(&f)
        return f
    }

    func fill(_ text: String) throws -> String { try context.fill(text, file: templateFile) }

    /// Title lines merged across the table, then one blank row. Returns the next row.
    /// With `letterhead`, the official heading comes first.
    func writeTitle(at start: Int) throws -> Int {
        var row = template.letterhead == true ? try writeLetterhead(at: start) : start
        let lines = (template.title ?? []) + automaticTitleLines
        for line in lines {
            try sheet.merge(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: columnCount - 1,
                            text: try fill(line.text), format: lineFormat(line))
            row += 1
        }
        return lines.isEmpty ? row : row + 1
    }

    /// Lines every sheet prints under its title that its template did not
    /// write: under a reporting cut-off day, the period's actual dates, since
    /// "tháng 1 năm 2026" no longer says them (docs/rules.md#cutoff-day); and
    /// when reception counts for the receiving unit, a line that says so.
    var automaticTitleLines: [TextLine] {
        let title = template.title ?? []
        var lines: [TextLine] = []
        if context.report.period.cutoffDay != nil, !title.contains(where: { $0.text.contains("{from}") }) {
            lines.append(TextLine(text: "Kỳ báo cáo: từ ngày {from} đến ngày {to}", italic: true))
        }
        // Which unit the reception figures count for (docs/rules.md#receiving-unit).
        if context.report.attribution == .receiving {
            lines.append(TextLine(text: "Số hồ sơ tiếp nhận tính cho đơn vị tiếp nhận; số hồ sơ tồn, đã giải quyết, đang giải quyết tính cho đơn vị giải quyết.",
                                  italic: true))
        }
        return lines
    }

    /// The header block: merged, bordered, centred, wrapped. Returns its row count.
    func writeHeader(at top: Int) throws -> Int {
        let format = base { $0.bold = true; $0.border = true; $0.wrap = true; $0.horizontal = .center; $0.vertical = .center }
        let ranges = template.header.compactMap { key, text in CellRange(key).map { ($0, text) } }
            .sorted { ($0.0.firstRow, $0.0.firstColumn) < ($1.0.firstRow, $1.0.firstColumn) }
        let rows = (ranges.map(\.0.lastRow).max() ?? -1) + 1
        // Blank bordered cells first so that every header cell has a border, merged or not.
        for r in 0..<rows { for c in 0..<columnCount { try sheet.writeBlank(row: top + r, column: c, format: format) } }
        for (range, text) in ranges {
            try sheet.merge(firstRow: top + range.firstRow, firstColumn: range.firstColumn,
                            lastRow: top + range.lastRow, lastColumn: range.lastColumn, text: try fill(text), format: format)
        }
        for (i, h) in (template.headerRowHeights ?? []).enumerated() where i < rows {
            try sheet.setRowHeight(top + i, height: h)
        }
        return rows
    }

    func setColumnWidths(_ widths: [Double]) throws {
        for (c, width) in widths.enumerated() { try sheet.setColumnWidth(c, width: width) }
    }

    func widths(kinds: [CellKind]) -> [Double] {
        template.columns.enumerated().map { c, column in
            column.width ?? (kinds[c] == .text ? 24 : kinds[c] == .date ? 16 : 8)
        }
    }

    func writeFootnotes(at start: Int) throws -> Int {
        var row = start
        for line in template.footnotes ?? [] {
            try sheet.merge(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: columnCount - 1,
                            text: try fill(line.text), format: lineFormat(line, defaultAlign: .left))
            row += 1
        }
        return row
    }

    /// The heading of Nghị định 30/2020/NĐ-CP, Phụ lục I: on the left the
    /// governing body (regular capitals) and the issuing body (bold capitals)
    /// with a short rule under it, then the document number; on the right the
    /// national name (bold capitals), the motto (bold, a rule under it as long
    /// as the motto) and the place and date in italics. Times New Roman, as
    /// the decree prescribes. The rules are short centred lines, not cell
    /// borders: a border spans whole columns, the decree's lines do not.
    func writeLetterhead(at start: Int) throws -> Int {
        let n = columnCount
        let leftEnd = max(0, n * 2 / 5 - 1)
        let rightStart = min(n - 1, leftEnd + 1)
        func f(_ configure: (inout CellFormat) -> Void) -> CellFormat {
            var format = CellFormat()
            format.fontName = "Times New Roman"
            format.fontSize = 12
            format.horizontal = .center
            format.vertical = .center
            configure(&format)
            return format
        }
        var left: [(String, CellFormat)] = []
        if let parent = context.parentIssuer, !parent.isEmpty { left.append((parent.uppercased(), f { _ in })) }
        left.append((context.issuerHeading, f { $0.bold = true; $0.wrap = true }))
        let issuerRow = left.count - 1
        left.append(((context.documentNumber.map { "Số: \($0)" } ?? "Số:        /BC-"), f { $0.fontSize = 12 }))
        let motto = "Độc lập - Tự do - Hạnh phúc"
        let right: [(String, CellFormat)] = [
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f { $0.bold = true }),
            (motto, f { $0.bold = true; $0.fontSize = 13 }),
            ("\(context.place), ngày \(context.reportDate.day) tháng \(context.reportDate.month) năm \(context.reportDate.year)",
             f { $0.italic = true; $0.fontSize = 13 }),
        ]
        let heights = (0..<max(left.count, right.count)).map { i -> Double in
            // The issuing body usually takes two lines ("ỦY BAN NHÂN DÂN / HUYỆN TÂN UYÊN");
            // the motto's row leaves room for its rule under the letters.
            i == issuerRow ? 33 : i == 1 ? 22 : 18
        }
        // The motto in a narrower block, as before the rules were pictures (its cells stay where they were).
        let mottoInset = max(0, (n - 1 - rightStart) / 5)
        for i in 0..<max(left.count, right.count) {
            let row = start + i
            if i < left.count {
                try sheet.merge(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: leftEnd, text: left[i].0, format: left[i].1)
            }
            if i < right.count {
                let inset = i == 1 ? mottoInset : 0
                try sheet.merge(firstRow: row, firstColumn: rightStart + inset, lastRow: row, lastColumn: n - 1 - inset,
                                text: right[i].0, format: right[i].1)
            }
            try sheet.setRowHeight(row, height: heights[i])
        }
        // Under the issuing body a rule of about a third of its name; under the
        // motto one as long as the motto (Times New Roman 13 bold: about 0.35 em a character).
        let mottoWidth = Double(motto.count) * 13 * 0.35 * 96 / 72
        try rule(row: start + issuerRow, rowHeight: heights[issuerRow], columns: 0...leftEnd, length: { min(100, $0 * 0.4) })
        if rightStart <= n - 1 {
            try rule(row: start + 1, rowHeight: heights[1], columns: (rightStart + mottoInset)...(n - 1 - mottoInset),
                     length: { min(mottoWidth, $0 * 0.9) })
        }
        return start + max(left.count, right.count) + 1
    }

    /// A short rule centred under the text of `row` across `columns`.
    private func rule(row: Int, rowHeight: Double, columns: ClosedRange<Int>, length: (Double) -> Double) throws {
        let span = columns.reduce(0.0) { $0 + Worksheet.pixels(columnWidth: $1 < columnWidths.count ? columnWidths[$1] : 8.43) }
        guard span > 0 else { return }
        // Just under the text: the row's height in pixels less a small margin.
        try sheet.insertRule(row: row, column: columns.lowerBound, spanWidth: span, fraction: length(span) / span,
                             yOffset: rowHeight * 96 / 72 - 2)
    }

    /// The signature block (Nghị định 30/2020): authority and title in bold
    /// capitals, room to sign, then the signer's name in bold.
    func writeSignature(at start: Int) throws -> Int {
        guard template.signature == true else { return start }
        let n = columnCount
        let first = n / 2
        func line(_ text: String, bold: Bool = true, italic: Bool = false, row: Int) throws {
            var f = CellFormat()
            f.fontName = "Times New Roman"; f.fontSize = 13; f.bold = bold; f.italic = italic; f.horizontal = .center
            try sheet.merge(firstRow: row, firstColumn: first, lastRow: row, lastColumn: n - 1, text: text, format: f)
        }
        var row = start + 1
        let titles = context.signerTitle.isEmpty ? ["THỦ TRƯỞNG CƠ QUAN"] : context.signerTitle
        for t in titles { try line(t.uppercased(), row: row); row += 1 }
        try line("(Ký, ghi rõ họ tên, đóng dấu)", bold: false, italic: true, row: row)
        row += 5
        if let name = context.signerName, !name.isEmpty { try line(name, row: row); row += 1 }
        return row
    }

    /// A4, landscape unless the template says portrait, one page wide, header rows repeated.
    func applyPageSetup(headerTop: Int, headerRows: Int) throws {
        let page = template.page
        sheet.setPrintLayout(landscape: page?.orientation != "portrait", fitToWidth: page?.fitWidth ?? true,
                             margins: (left: 0.5, right: 0.4, top: 0.6, bottom: 0.6))
        if page?.repeatHeader ?? true, headerRows > 0 {
            try sheet.repeatRows(first: headerTop, last: headerTop + headerRows - 1)
        }
        try sheet.setFooter(page?.footer ?? "&CTrang &P/&N")
    }

    func cellFormat(_ kind: CellKind, bold: Bool = false) -> CellFormat {
        base {
            $0.border = true
            $0.bold = bold
            switch kind {
            case .integer: $0.numberFormat = "#,##0"; $0.horizontal = .center
            case .rate: $0.numberFormat = "0.0"; $0.horizontal = .center
            case .decimal: $0.numberFormat = "0.00"; $0.horizontal = .center
            case .date: $0.numberFormat = "dd/mm/yyyy hh:mm"; $0.horizontal = .center
            case .text: $0.horizontal = .left; $0.wrap = true
            }
        }
    }

    func write(_ value: CellValue, kind: CellKind, bold: Bool = false, indent: Int = 0, centered: Bool = false,
               row: Int, column: Int) throws {
        try write(value, format: format(kind, bold: bold, indent: indent, centered: centered), row: row, column: column)
    }

    /// The format ``write(_:kind:bold:indent:centered:row:column:)`` gives a cell, looked up once for many.
    func format(_ kind: CellKind, bold: Bool = false, indent: Int = 0, centered: Bool = false) -> ResolvedFormat {
        var format = cellFormat(kind, bold: bold)
        format.indent = kind == .text ? indent : 0
        if centered { format.horizontal = .center }
        return sheet.resolved(format)
    }

    func write(_ value: CellValue, format: ResolvedFormat, row: Int, column: Int) throws {
        switch value {
        case .number(let n): try sheet.write(n, row: row, column: column, format: format)
        case .text(let t): try sheet.write(t, row: row, column: column, format: format)
        case .blank: try sheet.writeBlank(row: row, column: column, format: format)
        }
    }

    /// Grows a row so that wrapped text shows whole: neither libxlsxwriter nor
    /// Excel sizes rows to wrapped text when a file is opened.
    func fitHeight(of row: Int, values: [CellValue], widths: [Double]) throws {
        let lines = lineCount(values: values, widths: widths)
        if lines > 1 { try setHeight(of: row, lines: lines) }
    }

    /// Sets a row to the height of `lines` lines of text.
    func setHeight(of row: Int, lines: Int) throws {
        try sheet.setRowHeight(row, height: Double(lines) * fontSize * 1.35)
    }

    /// The lines the longest wrapped text of a row takes, or `atLeast` when more.
    func lineCount(values: [CellValue], widths: [Double], atLeast: Int = 1) -> Int {
        var lines = atLeast
        for (c, v) in values.enumerated() {
            guard case .text(let t) = v else { continue }
            // Width is in Calibri-11 digit widths; Times New Roman 11 fits about
            // 1.2 average Vietnamese characters per unit (checked on rendered pages).
            let perLine = max(1, Int(widths[c] * 1.2 * 11 / fontSize))
            // A text has no more characters than bytes: one whose bytes fit the lines
            // already counted cannot add one, and its characters (grapheme breaking,
            // a tenth of writing the overdue list) need no counting.
            guard (t.utf8.count + perLine - 1) / perLine > lines else { continue }
            lines = max(lines, (t.count + perLine - 1) / perLine)
        }
        return lines
    }

    func lineFormat(_ line: TextLine, defaultAlign: CellFormat.HorizontalAlignment = .center) -> CellFormat {
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
