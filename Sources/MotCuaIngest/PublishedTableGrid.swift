import Foundation
import MotCuaCore

/// The cells of a published appendix as an office sends it (bảng phụ lục đã
/// gửi): a CSV file or the first worksheet of an .xlsx, with whatever stands
/// above the table (letterhead, title rows) and a header of one or several
/// rows whose group cells span the columns below them (docs/rules.md#reconciliation).
///
/// `header` flattens the header block into one text per column, chosen among
/// the column's own header texts, from the bottom up, so that it names an
/// appendix column: "HSTN" under "MỨC ĐỘ 2" becomes "MỨC ĐỘ 2 - HSTN", which is
/// a header alias of the figure `received_level2`.
struct PublishedTableGrid {
    struct Row {
        /// The line (CSV) or row number (worksheet), for messages.
        let line: Int
        let cells: [String]
    }

    /// A merged range of a worksheet, rows and columns from 0.
    struct Merge {
        let firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int
    }

    let file: String
    let rows: [Row]
    /// Merged ranges (worksheets only; a CSV has none).
    let merges: [Merge]
    /// Whether `rows` came from a CSV file, whose lines must not hold more cells than the header.
    let isCSV: Bool

    /// Rows searched for the header row (the one naming STT and the unit).
    static let headerSearchRows = 50

    /// The header block: its first and last index in `rows`, and one text per column.
    struct Header {
        let first: Int
        let last: Int
        let texts: [String]
    }

    /// Finds the header row (the first of the first rows naming both the STT and the
    /// unit-name column), extends it down to the row before the first one with
    /// an STT or a unit name, and flattens it; `nil` when no row names both.
    func header<Column: Hashable & Sendable>(names: [(Column, [String])], stt: Column, name: Column) -> Header? {
        guard let first = rows.prefix(Self.headerSearchRows).firstIndex(where: { row in
            let map = HeaderMap(header: row.cells, columns: names)
            return map.index[stt] != nil && map.index[name] != nil
        }) else { return nil }
        let top = HeaderMap(header: rows[first].cells, columns: names)
        let sttColumn = top.index[stt]!, nameColumn = top.index[name]!
        var last = first
        while last + 1 < rows.count, Self.blank(rows[last + 1], sttColumn), Self.blank(rows[last + 1], nameColumn),
              last - first < 8 {
            last += 1
        }
        let block = Array(rows[first...last])
        let width = block.map(\.cells.count).max() ?? 0
        let grid = merges.isEmpty ? Self.spanned(block, width: width) : merged(block, width: width)
        let texts = (0..<width).map { column -> String in
            Self.flatten(Self.chain(grid.map { $0[column] }), names: names)
        }
        return Header(first: first, last: last, texts: texts)
    }

    static func blank(_ row: Row, _ column: Int) -> Bool {
        column >= row.cells.count || row.cells[column].trimmedSpaces.isEmpty
    }

    /// A header cell: its text and the cell it was written in (a merged or
    /// spanned cell has its origin's), so that one tall cell counts once.
    typealias Cell = (text: String, origin: Int?)

    /// The block with each merged range's text in all its cells (merges count
    /// worksheet rows; the block holds only rows with a value, each with its row number).
    private func merged(_ block: [Row], width: Int) -> [[Cell]] {
        var grid = block.enumerated().map { r, row in
            (0..<width).map { c -> Cell in
                let text = c < row.cells.count ? row.cells[c].trimmedSpaces : ""
                return (text, text.isEmpty ? nil : r * width + c)
            }
        }
        for m in merges where m.firstColumn < width {
            guard let origin = block.firstIndex(where: { $0.line == m.firstRow + 1 }) else { continue }
            let cell = grid[origin][m.firstColumn]
            for (r, row) in block.enumerated() where (m.firstRow + 1...m.lastRow + 1).contains(row.line) {
                for c in m.firstColumn...min(width - 1, m.lastColumn) { grid[r][c] = cell }
            }
        }
        return grid
    }

    /// Without merges (a CSV, or a worksheet laid out with "centre across
    /// selection"), a group cell is followed by blanks: a blank takes the text
    /// on its left when the cells above both belong to one group and its own
    /// column has header text below it (so a tall cell such as "HỒ SƠ TỒN" does
    /// not spread into the blanks beneath its neighbour).
    static func spanned(_ block: [Row], width: Int) -> [[Cell]] {
        var grid = block.enumerated().map { r, row in
            (0..<width).map { c -> Cell in
                let text = c < row.cells.count ? row.cells[c].trimmedSpaces : ""
                return (text, text.isEmpty ? nil : r * width + c)
            }
        }
        for r in grid.indices {
            for c in 1..<max(width, 1) where grid[r][c].text.isEmpty && !grid[r][c - 1].text.isEmpty {
                let sameGroup = r == 0 || (grid[r - 1][c].origin != nil && grid[r - 1][c].origin == grid[r - 1][c - 1].origin)
                let textBelow = grid[(r + 1)...].contains { !$0[c].text.isEmpty }
                if sameGroup && textBelow { grid[r][c] = grid[r][c - 1] }
            }
        }
        return grid
    }

    /// A column's header texts from top to bottom, each cell once.
    static func chain(_ column: [Cell]) -> [String] {
        var out: [String] = []
        var lastOrigin: Int?? = .none
        for cell in column where !cell.text.isEmpty {
            if lastOrigin == .some(cell.origin) { continue }
            out.append(cell.text)
            lastOrigin = .some(cell.origin)
        }
        return out
    }

    /// The first of these that names a column: the bottom text alone, then
    /// with each group above it, nearest first, then longer runs of groups,
    /// then the whole chain (kept as written when nothing matches).
    static func flatten<Column: Hashable & Sendable>(_ chain: [String], names: [(Column, [String])]) -> String {
        guard let leaf = chain.last else { return "" }
        var candidates = [leaf]
        let groups = chain.dropLast()
        for g in groups.reversed() { candidates.append("\(g) - \(leaf)") }
        if groups.count > 1 {
            for k in 2...groups.count { candidates.append(chain.suffix(k + 1).joined(separator: " - ")) }
        }
        for candidate in candidates where !HeaderMap(header: [candidate], columns: names).index.isEmpty {
            return candidate
        }
        return chain.joined(separator: " - ")
    }
}

extension PublishedTableGrid {
    /// Every line of a CSV file.
    static func csv(path: String, encoding: TextEncoding?, delimiter: UInt8?) throws -> PublishedTableGrid {
        var csv = try CSVFile(path: path, encoding: encoding, delimiter: delimiter)
        var rows = [Row(line: 1, cells: csv.header)]
        while let record = try csv.reader.next() { rows.append(Row(line: record.line, cells: record.fields)) }
        return PublishedTableGrid(file: csv.fileName, rows: rows, merges: [], isCSV: true)
    }

    /// Published tables are a few dozen rows: more than this is not one.
    static let maximumRows = 100_000

    /// The first worksheet of an .xlsx: its rows with a value, and its merged ranges.
    /// - throws: ``Message`` naming the file when it is damaged.
    static func xlsx(path: String) throws -> PublishedTableGrid {
        let name = (path as NSString).lastPathComponent
        do {
            let archive = try ZipArchive(fileDescriptor: CSVFile.openForReading(path))
            let workbook = try XLSXWorkbook(archive: archive)
            guard let sheet = workbook.sheets.first, let entry = archive.entry(named: sheet.path) else {
                throw XLSXDossierSheet.damaged(name, "no worksheet")
            }
            let reader = XLSXSheetRows(buffer: XMLPullBuffer(stream: try ZipEntryStream(archive: archive, entry: entry)),
                                       strings: workbook.strings, date1904: workbook.date1904)
            var rows: [Row] = []
            while rows.count < maximumRows, try reader.next() {
                rows.append(Row(line: reader.rowNumber, cells: reader.texts()))
            }
            return PublishedTableGrid(file: name, rows: rows, merges: mergedRanges(try archive.contents(of: entry)),
                                      isCSV: false)
        } catch let error as ZipError {
            throw XLSXDossierSheet.damaged(name, error.detail)
        }
    }

    /// `<mergeCell ref="C1:L1"/>` of a worksheet's XML.
    static func mergedRanges(_ xml: [UInt8]) -> [Merge] {
        xml.withUnsafeBufferPointer { buf in
            guard let b = buf.baseAddress else { return [] }
            var merges: [Merge] = []
            var p = 0
            while let lt = XMLScan.find(UInt8(ascii: "<"), b, p, buf.count), let tag = XMLScan.tag(b, at: lt, to: buf.count) {
                p = tag.end
                guard !tag.isSpecial, !tag.isEnd, XMLScan.equals(b, tag.name, "mergeCell"),
                      let ref = XMLScan.attribute(b, tag.attributes, "ref") else { continue }
                let corners = XMLScan.string(b, ref).split(separator: ":").compactMap { cellReference(String($0)) }
                if corners.count == 2 {
                    merges.append(Merge(firstRow: corners[0].row, firstColumn: corners[0].column,
                                        lastRow: corners[1].row, lastColumn: corners[1].column))
                }
            }
            return merges
        }
    }

    /// "AB12" → row 11, column 27 (from 0).
    static func cellReference(_ text: String) -> (row: Int, column: Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for scalar in text.uppercased().unicodeScalars {
            if (65...90).contains(scalar.value), digits == 0 {
                column = column * 26 + Int(scalar.value) - 64; letters += 1
            } else if (48...57).contains(scalar.value) {
                row = row * 10 + Int(scalar.value) - 48; digits += 1
            } else { return nil }
        }
        guard letters > 0, digits > 0, row > 0 else { return nil }
        return (row - 1, column - 1)
    }
}
