import XlsxWriter

/// A group of columns under one heading in a two-row header (nhóm cột):
/// the heading across them on the first row, one subheading each on the second.
struct ColumnGroup {
    let firstColumn: Int
    let title: String
    let subheadings: [String]
}

/// The header and row labels of the sheets whose columns the code fixes
/// (Chỉ số 766, Đối chiếu cách tính): written once here, so that they look alike.
extension SheetFrame {
    /// Two header rows: `tall` columns span both rows, each group spans its
    /// columns on the first row with its subheadings on the second.
    func writeTwoRowHeader(top: Int, columnCount: Int, tall: [(column: Int, text: String)], groups: [ColumnGroup],
                           secondRowLines: Double) throws {
        let h = base { $0.bold = true; $0.border = true; $0.wrap = true; $0.horizontal = .center; $0.vertical = .center }
        for r in top...top + 1 { for c in 0..<columnCount { try sheet.writeBlank(row: r, column: c, format: h) } }
        for (c, text) in tall {
            try sheet.merge(firstRow: top, firstColumn: c, lastRow: top + 1, lastColumn: c, text: text, format: h)
        }
        for g in groups {
            try sheet.merge(firstRow: top, firstColumn: g.firstColumn, lastRow: top,
                            lastColumn: g.firstColumn + g.subheadings.count - 1, text: g.title, format: h)
            for (j, text) in g.subheadings.enumerated() {
                try sheet.write(text, row: top + 1, column: g.firstColumn + j, format: h)
            }
        }
        try sheet.setRowHeight(top, height: fontSize * 1.35 * 2)
        try sheet.setRowHeight(top + 1, height: fontSize * 1.35 * secondRowLines)
    }

    /// STT and unit name of a unit row; the total's label merged across both, bold and centred.
    func writeRowLabel(row: Int, stt: Int?, name: String, bold: Bool) throws {
        if let stt {
            try write(.number(Double(stt)), kind: .integer, bold: bold, row: row, column: 0)
            try write(.text(name), kind: .text, bold: bold, row: row, column: 1)
        } else {
            try sheet.merge(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: 1, text: name,
                            format: base { $0.bold = true; $0.border = true; $0.horizontal = .center })
        }
    }

    /// Centred text in a figure cell: "—" (nothing to rate), "không có dữ liệu".
    func centredText(bold: Bool) -> CellFormat {
        var format = cellFormat(.text, bold: bold)
        format.horizontal = .center
        return format
    }
}
