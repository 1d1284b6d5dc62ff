import CXlsxWriter

/// A sheet of a ``Workbook``. Rows and columns are zero-based.
package struct Worksheet {
    let handle: UnsafeMutablePointer<lxw_worksheet>
    package let name: String
    unowned let workbook: Workbook

    /// Excel's limit for the text of one cell, in characters.
    package static let maxCellCharacters = 32_767

    /// `text`, cut to Excel's cell limit with "…" at the end. libxlsxwriter
    /// refuses a longer string, and one long officer or unit name would
    /// otherwise fail the whole workbook.
    package static func fitting(_ text: String) -> String {
        guard text.utf8.count > maxCellCharacters, text.unicodeScalars.count > maxCellCharacters else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.prefix(maxCellCharacters - 1))
        scalars.append("…")
        return String(scalars)
    }

    package func write(_ text: String, row: Int, column: Int, format: CellFormat) throws {
        try write(text, row: row, column: column, format: resolved(format))
    }

    /// Writes a number; NaN and infinities (which Excel rejects) are written as blanks.
    package func write(_ number: Double, row: Int, column: Int, format: CellFormat) throws {
        try write(number, row: row, column: column, format: resolved(format))
    }

    /// The workbook's format for `spec`, for a caller that writes many cells
    /// in it: looking a ``CellFormat`` up hashes its every field, a third of
    /// what writing a text cell cost the overdue list (callgrind, BENCHMARKS.md).
    package func resolved(_ spec: CellFormat) -> ResolvedFormat { ResolvedFormat(pointer: workbook.format(spec)) }

    package func write(_ text: String, row: Int, column: Int, format: ResolvedFormat) throws {
        // The string's own bytes, not a copy made for the C call.
        let error = Self.fitting(text).withCString {
            worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), $0, format.pointer)
        }
        try check(error, "\(name)!R\(row + 1)C\(column + 1)")
    }

    /// Writes a number; NaN and infinities (which Excel rejects) are written as blanks.
    package func write(_ number: Double, row: Int, column: Int, format: ResolvedFormat) throws {
        if number.isFinite {
            try check(worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), number, format.pointer),
                      "\(name)!R\(row + 1)C\(column + 1)")
        } else {
            try writeBlank(row: row, column: column, format: format)
        }
    }

    /// Writes UTF-8 text given as bytes (no `String` per cell, for big sheets);
    /// a `nil` format is the workbook's default, with no format lookup.
    package func write(utf8 text: UnsafeBufferPointer<UInt8>, row: Int, column: Int, format: CellFormat? = nil) throws {
        let f = format.map(workbook.format)
        let error = withUnsafeTemporaryAllocation(of: CChar.self, capacity: text.count + 1) { buffer in
            for (i, c) in text.enumerated() { buffer[i] = CChar(bitPattern: c) }
            buffer[text.count] = 0
            return worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), buffer.baseAddress, f)
        }
        try check(error, "\(name)!R\(row + 1)C\(column + 1)")
    }

    /// Writes a number with the default format.
    package func write(_ number: Double, row: Int, column: Int) throws {
        try check(worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), number, nil),
                  "\(name)!R\(row + 1)C\(column + 1)")
    }

    package func writeBlank(row: Int, column: Int, format: CellFormat) throws {
        try writeBlank(row: row, column: column, format: resolved(format))
    }

    package func writeBlank(row: Int, column: Int, format: ResolvedFormat) throws {
        try check(worksheet_write_blank(handle, lxw_row_t(row), lxw_col_t(column), format.pointer),
                  "\(name)!R\(row + 1)C\(column + 1)")
    }

    /// Merges a range and writes `text` in it; the format must set the alignment.
    package func merge(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int,
                      text: String, format: CellFormat) throws {
        if firstRow == lastRow && firstColumn == lastColumn {
            return try write(text, row: firstRow, column: firstColumn, format: format)
        }
        try check(worksheet_merge_range(handle, lxw_row_t(firstRow), lxw_col_t(firstColumn),
                                        lxw_row_t(lastRow), lxw_col_t(lastColumn), Self.fitting(text), workbook.format(format)),
                  "\(name) merge R\(firstRow + 1)C\(firstColumn + 1):R\(lastRow + 1)C\(lastColumn + 1)")
    }

    package func setColumnWidth(_ column: Int, width: Double) throws {
        try check(worksheet_set_column(handle, lxw_col_t(column), lxw_col_t(column), width, nil), "\(name) column width")
    }

    package func setRowHeight(_ row: Int, height: Double) throws {
        try check(worksheet_set_row(handle, lxw_row_t(row), height, nil), "\(name) row height")
    }

    /// A4 (paper 9) landscape or portrait, fitted to one page wide.
    package func setPrintLayout(landscape: Bool, fitToWidth: Bool, margins: (left: Double, right: Double, top: Double, bottom: Double)) {
        worksheet_set_paper(handle, 9)
        if landscape { worksheet_set_landscape(handle) }
        if fitToWidth { worksheet_fit_to_pages(handle, 1, 0) }
        worksheet_set_margins(handle, margins.left, margins.right, margins.top, margins.bottom)
        worksheet_center_horizontally(handle)
    }

    package func repeatRows(first: Int, last: Int) throws {
        try check(worksheet_repeat_rows(handle, lxw_row_t(first), lxw_row_t(last)), "\(name) repeat rows")
    }

    /// Footer in Excel's header/footer syntax: `&C` centre, `&P` page, `&N` pages.
    package func setFooter(_ footer: String) throws {
        try check(worksheet_set_footer(handle, footer), "\(name) footer")
    }

    package func freezePanes(row: Int, column: Int) {
        worksheet_freeze_panes(handle, lxw_row_t(row), lxw_col_t(column))
    }

    package func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws {
        try check(worksheet_autofilter(handle, lxw_row_t(firstRow), lxw_col_t(firstColumn),
                                       lxw_row_t(lastRow), lxw_col_t(lastColumn)), "\(name) autofilter")
    }

    /// Inserts a chart at a cell; `width`/`height` in pixels (default 480 × 288).
    package func insert(_ chart: Chart, row: Int, column: Int, width: Double = 480, height: Double = 288) throws {
        var options = lxw_chart_options()
        options.x_scale = width / 480
        options.y_scale = height / 288
        try check(worksheet_insert_chart_opt(handle, lxw_row_t(row), lxw_col_t(column), chart.handle, &options),
                  "\(name) chart")
    }

    /// The cells printed: nothing outside them (chart data kept beside a chart).
    package func setPrintArea(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws {
        try check(worksheet_print_area(handle, lxw_row_t(firstRow), lxw_col_t(firstColumn),
                                       lxw_row_t(lastRow), lxw_col_t(lastColumn)), "\(name) print area")
    }

    /// Manual page breaks: each row given starts a new printed page.
    package func setPageBreaks(beforeRows rows: [Int]) throws {
        guard !rows.isEmpty else { return }
        var breaks = rows.filter { $0 > 0 }.map { lxw_row_t($0) } + [0]
        try breaks.withUnsafeMutableBufferPointer { buffer in
            try check(worksheet_set_h_pagebreaks(handle, buffer.baseAddress), "\(name) page breaks")
        }
    }

    /// A column `width` (in characters) in pixels as Excel draws it: for
    /// placing drawings within a span of columns.
    package static func pixels(columnWidth width: Double) -> Double {
        width < 1 ? (width * 12 + 0.5).rounded(.down) : (width * 7 + 0.5).rounded(.down) + 5
    }

    /// A short horizontal rule (đường kẻ ngắn) centred across a span of
    /// columns: a picture as wide as the span (`spanWidth` pixels from the
    /// left of `column`), transparent but for its middle `fraction`, which is
    /// black. Cell borders can only span whole columns; a letterhead's rule is
    /// shorter. Spanning the columns, the picture is anchored to both their
    /// edges, so the rule stays centred under text centred across them even
    /// where a spreadsheet program draws the columns a little wider or narrower.
    package func insertRule(row: Int, column: Int, spanWidth: Double, fraction: Double, yOffset: Double,
                            thickness: Double = 1.4) throws {
        let pixels = 200
        let black = max(1, min(pixels, Int((fraction * Double(pixels)).rounded())))
        var options = lxw_image_options()
        options.x_offset = 0
        options.y_offset = Int32(yOffset.rounded())
        options.x_scale = spanWidth / Double(pixels)
        options.y_scale = thickness
        var png = RulePicture.png(width: pixels, black: (pixels - black) / 2..<((pixels - black) / 2 + black))
        try png.withUnsafeMutableBufferPointer { buffer in
            try check(worksheet_insert_image_buffer_opt(handle, lxw_row_t(row), lxw_col_t(column), buffer.baseAddress,
                                                        buffer.count, &options), "\(name) rule")
        }
    }
}

/// A one-pixel-high grey-and-alpha PNG: opaque black over `black`,
/// transparent elsewhere. Stored (uncompressed) deflate: a few hundred bytes.
enum RulePicture {
    static func png(width: Int, black: Range<Int>) -> [UInt8] {
        var scanline: [UInt8] = [0]  // filter: none
        for x in 0..<width { scanline += [0, black.contains(x) ? 255 : 0] }
        var zlib: [UInt8] = [0x78, 0x01, 0x01]
        let n = UInt16(scanline.count)
        zlib += [UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8(~n >> 8)]
        zlib += scanline
        zlib += bigEndian(adler32(scanline))
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        out += chunk("IHDR", bigEndian(UInt32(width)) + bigEndian(1) + [8, 4, 0, 0, 0])
        out += chunk("IDAT", zlib)
        out += chunk("IEND", [])
        return out
    }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
    }

    private static func bigEndian(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        }
        return ~c
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for x in bytes { a = (a + UInt32(x)) % 65521; b = (b + a) % 65521 }
        return b << 16 | a
    }
}

/// A format of the workbook, looked up once (``Worksheet/resolved(_:)``).
package struct ResolvedFormat {
    let pointer: UnsafeMutablePointer<lxw_format>
}
