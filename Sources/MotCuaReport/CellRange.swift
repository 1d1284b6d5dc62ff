/// A rectangular range in A1 notation (`C2:D3`, or a single cell `C4`), zero-based.
struct CellRange: Hashable, Sendable {
    let firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int

    init?(_ text: String) {
        let parts = text.uppercased().split(separator: ":").map(String.init)
        guard (1...2).contains(parts.count), let a = CellRange.cell(parts[0]) else { return nil }
        let b = parts.count == 2 ? CellRange.cell(parts[1]) : a
        guard let b, b.row >= a.row, b.column >= a.column else { return nil }
        (firstRow, firstColumn, lastRow, lastColumn) = (a.row, a.column, b.row, b.column)
    }

    /// Excel's limits: rows 1…1,048,576, columns A…XFD.
    static let maxRows = 1_048_576, maxColumns = 16_384

    private static func cell(_ s: String) -> (row: Int, column: Int)? {
        var column = 0, row = 0, letters = 0
        var digits = false
        for ch in s.unicodeScalars {
            switch ch.value {
            case 65...90 where !digits:
                column = column * 26 + Int(ch.value - 64); letters += 1
            case 48...57:
                // Excel has 1,048,576 rows: anything longer is not a cell, and
                // would overflow Int (C99999999999999999999999 trapped before).
                guard row <= maxRows else { return nil }
                row = row * 10 + Int(ch.value - 48); digits = true
            default: return nil
            }
        }
        guard letters > 0, letters <= 3, column <= maxColumns, digits, (1...maxRows).contains(row) else { return nil }
        return (row - 1, column - 1)
    }

    /// Column letters for a zero-based index: 0 → A, 26 → AA.
    static func letters(_ index: Int) -> String {
        var n = index + 1, s = ""
        while n > 0 { let r = (n - 1) % 26; s = String(UnicodeScalar(UInt8(65 + r))) + s; n = (n - 1) / 26 }
        return s
    }
}
