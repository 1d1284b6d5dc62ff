import MotCuaCore
import XlsxWriter

/// Writes the "Chấm điểm TT01" sheet (docs/rules.md#tt01): per unit, the average of
/// each enabled indicator, the number of dossiers scored, total points,
/// maximum, percent and band; a total row; then, on a sheet of its own, the rubric itself — each
/// indicator's name, rule in words and data source, and the bands — because
/// the rules come from an editable file and the reader must see which were used.
package enum ScoringSheet {
    package static let defaultName = "Chấm điểm TT01"

    /// Column widths: STT, name, one per indicator, then the five totals.
    static func columnWidths(indicators: Int) -> [Double] {
        [5, 30] + Array(repeating: 7, count: indicators) + [10, 9, 9, 9, 13]
    }

    /// One line of the table: a unit (its subtree's score) and its name.
    package struct Row: Sendable {
        package var unitName: String
        package var score: UnitScore
        package init(unitName: String, score: UnitScore) {
            self.unitName = unitName
            self.score = score
        }
    }

    /// Adds the sheet to `workbook`.
    /// - Parameters:
    ///   - title: the title line, e.g. "KẾT QUẢ CHẤM ĐIỂM ĐÁNH GIÁ VIỆC GIẢI QUYẾT TTHC".
    ///   - period: the period line, e.g. "Tháng 10 năm 2020".
    ///   - issuer: the issuing body, printed above the title when given.
    package static func write(to workbook: Workbook, rows: [Row], total: UnitScore, rubric: Rubric,
                             title: String, period: String, issuer: String? = nil,
                             sheetName: String = defaultName, fontName: String = "Times New Roman",
                             fontSize: Double = 11,
                             heading: ((_ sheet: Worksheet, _ columnCount: Int) throws -> Int)? = nil) throws {
        let layout = ScoringSheetLayout(rubric: rubric, fontName: fontName, fontSize: fontSize)
        try layout.write(to: workbook, sheetName: sheetName, rows: rows, total: total, heading: heading,
                         titleLines: [issuer.map { ($0, false) }, (title, false), (period, true)].compactMap { $0 })
    }
}

/// Column plan and cell writing for ``ScoringSheet``.
private struct ScoringSheetLayout {
    let rubric: Rubric
    let fontName: String
    let fontSize: Double
    let indicators: [RubricIndicator]

    init(rubric: Rubric, fontName: String, fontSize: Double) {
        self.rubric = rubric
        self.fontName = fontName
        self.fontSize = fontSize
        self.indicators = rubric.enabledIndicators
    }

    // Columns: STT, name, one per indicator, then the five totals.
    var firstIndicatorColumn: Int { 2 }
    var scoredColumn: Int { 2 + indicators.count }
    var columnCount: Int { scoredColumn + 5 }
    var widths: [Double] { ScoringSheet.columnWidths(indicators: indicators.count) }

    func format(_ configure: (inout CellFormat) -> Void = { _ in }) -> CellFormat {
        var f = CellFormat()
        f.fontName = fontName
        f.fontSize = fontSize
        configure(&f)
        return f
    }

    func write(to workbook: Workbook, sheetName: String, rows: [ScoringSheet.Row], total: UnitScore,
               heading: ((Worksheet, Int) throws -> Int)?, titleLines: [(text: String, italic: Bool)]) throws {
        let sheet = try workbook.addWorksheet(named: sheetName)
        for (c, w) in widths.enumerated() { try sheet.setColumnWidth(c, width: w) }
        // An official letterhead, when the caller writes one, comes first.
        var row = try heading?(sheet, columnCount) ?? 0
        for (text, italic) in titleLines {
            try sheet.merge(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: columnCount - 1, text: text,
                            format: format { $0.bold = !italic; $0.italic = italic; $0.horizontal = .center })
            row += 1
        }
        row += 1
        let headerTop = row
        try writeHeader(sheet, top: headerTop)
        row += 2
        for (i, r) in rows.enumerated() {
            try writeScoreRow(sheet, row: row, stt: i + 1, name: r.unitName, score: r.score, bold: false)
            row += 1
        }
        try writeScoreRow(sheet, row: row, stt: nil, name: "TỔNG CỘNG", score: total, bold: true)

        sheet.setPrintLayout(landscape: true, fitToWidth: true, margins: (left: 0.5, right: 0.4, top: 0.6, bottom: 0.6))
        try sheet.repeatRows(first: headerTop, last: headerTop + 1)
        try sheet.setFooter("&CTrang &P/&N")

        // The rubric on a sheet of its own: the score table's header, repeated on
        // each of its pages, must not stand over the criteria table.
        let legend = try workbook.addWorksheet(named: Self.legendSheetName(for: sheetName))
        for (c, w) in widths.enumerated() { try legend.setColumnWidth(c, width: w) }
        try writeLegend(legend, top: 0)
        legend.setPrintLayout(landscape: true, fitToWidth: true, margins: (left: 0.5, right: 0.4, top: 0.6, bottom: 0.6))
        try legend.setFooter("&CTrang &P/&N")
    }

    /// "Chấm điểm TT01" → "Chấm điểm TT01 - tiêu chí" (within Excel's 31 characters).
    static func legendSheetName(for sheetName: String) -> String {
        String(sheetName.prefix(20)) + " - tiêu chí"
    }

    private func writeHeader(_ sheet: Worksheet, top: Int) throws {
        let h = format { $0.bold = true; $0.border = true; $0.wrap = true; $0.horizontal = .center; $0.vertical = .center }
        for r in top...top + 1 { for c in 0..<columnCount { try sheet.writeBlank(row: r, column: c, format: h) } }
        func tall(_ c: Int, _ text: String) throws {
            try sheet.merge(firstRow: top, firstColumn: c, lastRow: top + 1, lastColumn: c, text: text, format: h)
        }
        try tall(0, "STT")
        try tall(1, "TÊN ĐƠN VỊ")
        if !indicators.isEmpty {
            try sheet.merge(firstRow: top, firstColumn: firstIndicatorColumn, lastRow: top,
                            lastColumn: scoredColumn - 1, text: "ĐIỂM BÌNH QUÂN THEO CHỈ SỐ", format: h)
            for (i, indicator) in indicators.enumerated() {
                try sheet.write("CS\(indicator.number)", row: top + 1, column: firstIndicatorColumn + i, format: h)
            }
        }
        for (i, text) in ["SỐ HỒ SƠ ĐƯỢC CHẤM", "TỔNG ĐIỂM", "ĐIỂM TỐI ĐA", "TỶ LỆ ĐIỂM %", "XẾP LOẠI"].enumerated() {
            try tall(scoredColumn + i, text)
        }
        try sheet.setRowHeight(top, height: fontSize * 1.35 * 2)
        try sheet.setRowHeight(top + 1, height: fontSize * 1.35 * 2)
    }

    private func writeScoreRow(_ sheet: Worksheet, row: Int, stt: Int?, name: String, score: UnitScore, bold: Bool) throws {
        func cell(_ numberFormat: String?, _ align: CellFormat.HorizontalAlignment = .center) -> CellFormat {
            format { $0.border = true; $0.bold = bold; $0.numberFormat = numberFormat; $0.horizontal = align; $0.wrap = numberFormat == nil }
        }
        if let stt {
            try sheet.write(Double(stt), row: row, column: 0, format: cell("0"))
            try sheet.write(name, row: row, column: 1, format: cell(nil, .left))
        } else {
            try sheet.merge(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: 1, text: name, format: cell(nil))
        }
        for (i, indicator) in indicators.enumerated() {
            if let average = score.average(of: indicator.number) {
                try sheet.write(average, row: row, column: firstIndicatorColumn + i, format: cell("0.00"))
            } else {
                try sheet.writeBlank(row: row, column: firstIndicatorColumn + i, format: cell("0.00"))
            }
        }
        try sheet.write(Double(score.scored), row: row, column: scoredColumn, format: cell("#,##0"))
        try sheet.write(Double(score.points), row: row, column: scoredColumn + 1, format: cell("#,##0"))
        try sheet.write(Double(score.maxPoints), row: row, column: scoredColumn + 2, format: cell("#,##0"))
        try sheet.write(score.percent, row: row, column: scoredColumn + 3, format: cell("0.0"))
        if let band = score.band(in: rubric) {
            try sheet.write(band.name, row: row, column: scoredColumn + 4, format: cell(nil))
        } else {
            try sheet.writeBlank(row: row, column: scoredColumn + 4, format: cell(nil))
        }
        try fitHeight(sheet, row: row, texts: [(name, stt == nil ? widths[0] + widths[1] : widths[1])])
    }

    /// The rubric, on the sheet after the table's: number, name, rule in words
    /// (with the maximum), data source; then the bands and the exclusion rule.
    private func writeLegend(_ sheet: Worksheet, top: Int) throws {
        var row = top
        let left = format { $0.horizontal = .left; $0.wrap = true; $0.vertical = .top }
        try sheet.merge(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: columnCount - 1,
                        text: "CÁC CHỈ SỐ VÀ CÁCH CHẤM ĐIỂM ÁP DỤNG (\(rubric.name))",
                        format: format { $0.bold = true; $0.horizontal = .left })
        row += 1
        // Rule text spans the indicator columns and the first two totals; the source the last three.
        let ruleRange = (2, columnCount - 4)
        let sourceRange = (columnCount - 3, columnCount - 1)
        let head = format { $0.bold = true; $0.border = true; $0.horizontal = .center; $0.wrap = true }
        let body = format { $0.border = true; $0.horizontal = .left; $0.vertical = .top; $0.wrap = true }
        let centre = format { $0.border = true; $0.horizontal = .center; $0.vertical = .top }
        try sheet.write("Chỉ số", row: row, column: 0, format: head)
        try sheet.write("Tên chỉ số", row: row, column: 1, format: head)
        try sheet.merge(firstRow: row, firstColumn: ruleRange.0, lastRow: row, lastColumn: ruleRange.1, text: "Cách chấm điểm", format: head)
        try sheet.merge(firstRow: row, firstColumn: sourceRange.0, lastRow: row, lastColumn: sourceRange.1,
                        text: "Nguồn dữ liệu khi không có phiếu đánh giá", format: head)
        row += 1
        for indicator in indicators {
            let rule = indicator.rule.vietnameseDescription + " Tối đa \(indicator.maxPoints) điểm."
            let source = indicator.source.vietnameseDescription
            try sheet.write("CS\(indicator.number)", row: row, column: 0, format: centre)
            try sheet.write(indicator.name, row: row, column: 1, format: body)
            try sheet.merge(firstRow: row, firstColumn: ruleRange.0, lastRow: row, lastColumn: ruleRange.1, text: rule, format: body)
            try sheet.merge(firstRow: row, firstColumn: sourceRange.0, lastRow: row, lastColumn: sourceRange.1, text: source, format: body)
            try fitHeight(sheet, row: row, texts: [(indicator.name, widths[1]), (rule, span(ruleRange)), (source, span(sourceRange))])
            row += 1
        }
        row += 1
        let notes = [
            "Xếp loại theo tỷ lệ điểm (chưa làm tròn): " + bandsText() + ".",
            "Chỉ chấm hồ sơ đã giải quyết có xét hạn trong kỳ. Điểm trên phiếu đánh giá (CS1…CS9) thay cho điểm tự tính; "
                + "chỉ số không có dữ liệu và không có phiếu đánh giá không tính vào cả tổng điểm lẫn điểm tối đa.",
        ]
        for note in notes {
            try sheet.merge(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: columnCount - 1, text: note, format: left)
            try fitHeight(sheet, row: row, texts: [(note, span((0, columnCount - 1)))])
            row += 1
        }
    }

    /// "Tốt: từ 90 %; Khá: từ 75 % đến dưới 90 %; …; Kém: dưới 50 %".
    func bandsText() -> String {
        var parts: [String] = []
        for (i, band) in rubric.bands.enumerated() {
            let upper = i > 0 ? rubric.bands[i - 1].minimumPercent : nil
            switch (band.minimumPercent > 0, upper) {
            case (true, nil): parts.append("\(band.name): từ \(number(band.minimumPercent)) %")
            case (true, let u?): parts.append("\(band.name): từ \(number(band.minimumPercent)) % đến dưới \(number(u)) %")
            case (false, let u?): parts.append("\(band.name): dưới \(number(u)) %")
            case (false, nil): parts.append("\(band.name): mọi tỷ lệ")
            }
        }
        return parts.joined(separator: "; ")
    }

    /// 90 → "90", 87.5 → "87,5" (Vietnamese decimal comma).
    private func number(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(x).replacingOccurrences(of: ".", with: ",")
    }

    private func span(_ range: (Int, Int)) -> Double { widths[range.0...range.1].reduce(0, +) }

    /// Grows a row so that wrapped text shows whole (neither libxlsxwriter nor
    /// Excel sizes rows to wrapped or merged text); same estimate as the unit tables.
    private func fitHeight(_ sheet: Worksheet, row: Int, texts: [(String, Double)]) throws {
        var lines = 1
        for (text, width) in texts {
            let perLine = max(1, Int(width * 1.2 * 11 / fontSize))
            lines = max(lines, (text.count + perLine - 1) / perLine)
        }
        if lines > 1 { try sheet.setRowHeight(row, height: Double(lines) * fontSize * 1.35) }
    }
}
