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
        let f = workbook.format(format)
        try check(worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), Self.fitting(text), f),
                  "\(name)!R\(row + 1)C\(column + 1)")
    }

    /// Writes a number; NaN and infinities (which Excel rejects) are written as blanks.
    package func write(_ number: Double, row: Int, column: Int, format: CellFormat) throws {
        let f = workbook.format(format)
        if number.isFinite {
            try check(worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), number, f),
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
        try check(worksheet_write_blank(handle, lxw_row_t(row), lxw_col_t(column), workbook.format(format)),
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
}
