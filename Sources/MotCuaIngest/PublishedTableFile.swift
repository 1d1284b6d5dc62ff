import Foundation
import MotCuaCore

/// Reads a published appendix table (Phụ lục) for `motcua check`, from CSV
/// or .xlsx: the reference format `stt,ten_co_quan,hstn_tong,…,ty_le_giai_quyet`;
/// the same columns under the appendix's Vietnamese headers flattened to one
/// line ("Tổng số HSTN", "HSTN mức độ 3 trực tuyến", "Tỷ lệ giải quyết %"…);
/// or the workbook as the office sent it — letterhead and title rows, a header
/// of several rows with merged group cells, the rows, then footnotes and the
/// signature — also when saved as CSV (``PublishedTableGrid``).
///
/// Numbers are read as offices type them: "1.907" or "1,907" for a count,
/// "95,5" or "95.5" (optionally "%") for the rate; a blank cell, "-" or "–"
/// is blank. Anything else stops the read with the file, line and column, as
/// a table with a cell that is not a number cannot be reconciled.
package enum PublishedTableFile {
    enum Column: Hashable, Sendable {
        case stt, name
        case value(AppendixColumn)
    }

    /// Accepted headers, folded like dossier headers (accents, case, spaces
    /// and punctuation ignored). The figure names of the report templates
    /// (`received`, `backlog`, …) are accepted too.
    static let headers: [(Column, [String])] = [
        (.stt, ["stt", "Số thứ tự", "TT"]),
        (.name, ["ten_co_quan", "Tên cơ quan", "Tên đơn vị", "Cơ quan", "Đơn vị", "unit_name"]),
    ] + AppendixColumn.allCases.map { c in
        (.value(c), [c.rawValue, c.figure.vi, c.figure.name] + c.figure.headers)
    }

    /// - throws: ``Message`` naming the file (and line and column) when
    ///   the file cannot be read, lacks the STT or unit-name column or every
    ///   figure column, holds a cell that is not a number, or has more than
    ///   one total row.
    package static func read(path: String, encoding: TextEncoding? = nil, delimiter: UInt8? = nil) throws -> PublishedTable {
        let grid: PublishedTableGrid
        switch try DossierFileKind.of(path) {
        case .xlsx: grid = try PublishedTableGrid.xlsx(path: path)
        case .compound: throw XLSXDossierSheet.compoundFileError(path: path)
        case .text: grid = try PublishedTableGrid.csv(path: path, encoding: encoding, delimiter: delimiter)
        }
        guard let header = grid.header(names: headers, stt: Column.stt, name: Column.name) else {
            throw Message.input("published-header", file: grid.file, line: grid.rows.first?.line ?? 1,
                                 "Bảng công bố cần cột stt, ten_co_quan và các cột số liệu (hstn_tong, …, ty_le_giai_quyet) ở dòng tiêu đề (trong \(PublishedTableGrid.headerSearchRows) dòng đầu).",
                                 "The published table needs stt, ten_co_quan and the figure columns (hstn_tong, …, ty_le_giai_quyet) in its header (within the first \(PublishedTableGrid.headerSearchRows) rows).")
        }
        let map = HeaderMap<Column>(header: header.texts, columns: headers)
        let present = AppendixColumn.allCases.filter { map.index[.value($0)] != nil }
        guard !present.isEmpty else {
            throw Message.input("published-header", file: grid.file, line: grid.rows[header.first].line,
                                 "Bảng công bố cần cột stt, ten_co_quan và các cột số liệu (hstn_tong, …, ty_le_giai_quyet) ở dòng tiêu đề.",
                                 "The published table needs stt, ten_co_quan and the figure columns (hstn_tong, …, ty_le_giai_quyet) in its header.")
        }
        let width = grid.rows[header.first...header.last].map(\.cells.count).max() ?? 0
        var rows: [PublishedTable.Row] = []
        for record in grid.rows[(header.last + 1)...] {
            // "95,5" unquoted in a comma-separated file splits into two cells and shifts the row.
            if grid.isCSV, record.cells.count > width,
               record.cells[width...].contains(where: { !$0.trimmedSpaces.isEmpty }) {
                throw Message.input("published-too-many-cells", file: grid.file, line: record.line,
                                     "dòng có \(record.cells.count) ô, nhiều hơn \(width) cột của tiêu đề "
                                     + "(số thập phân có dấu phẩy như 95,5 cần đặt trong ngoặc kép, hoặc dùng dấu chấm phẩy để phân cách cột).",
                                     "the line has \(record.cells.count) cells, more than the \(width) columns of the header "
                                     + "(a decimal comma such as 95,5 must be quoted, or separate the columns with semicolons).")
            }
            var row = PublishedTable.Row(stt: TextFolding.nfc(map.value(.stt, in: record.cells)),
                                         unitName: TextFolding.nfc(map.value(.name, in: record.cells)),
                                         line: record.line)
            // The table ends where the text below it starts: after its rows, a line
            // without a figure and without a row number is a footnote or the signature
            // block of the sent workbook ("* Số liệu tính đến…", "THỦ TRƯỞNG CƠ QUAN").
            let hasFigure = present.contains { if case .value = cell(map.value(.value($0), in: record.cells), rate: $0.isRate) { return true } else { return false } }
            if !rows.isEmpty, !hasFigure, Int(row.stt) == nil,
               record.cells.contains(where: { !$0.trimmedSpaces.isEmpty }) { break }
            for c in present {
                let text = map.value(.value(c), in: record.cells)
                switch cell(text, rate: c.isRate) {
                case .blank: continue
                case .value(let v): row[c] = v
                case .invalid:
                    let expected = c.isRate ? "một số (ví dụ 95,5)" : "một số nguyên không âm"
                    let expectedEn = c.isRate ? "a number (e.g. 95.5)" : "a whole number, not negative"
                    throw Message.input("published-not-a-number", file: grid.file, line: record.line,
                                        column: map.header(of: .value(c)),
                                        "\"\(text)\" không phải \(expected).", "\"\(text)\" is not \(expectedEn).")
                }
            }
            // A line with no STT, no name and no figure (a heading, a note) is not a row.
            if row.stt.isEmpty && row.unitName.isEmpty && row.values.isEmpty { continue }
            rows.append(row)
        }
        let totals = rows.filter(\.isTotal)
        if totals.count > 1 {
            let lines = totals.compactMap(\.line).map(String.init).joined(separator: ", ")
            throw Message.input("published-several-totals", file: grid.file,
                                 "có nhiều dòng không có STT là số (dòng \(lines)); chỉ dòng TỔNG CỘNG được để STT không phải số.",
                                 "several rows have an STT that is not a number (lines \(lines)); only the total row may.")
        }
        return PublishedTable(rows: rows, columns: Set(present))
    }

    /// A unit name folded for matching: accents, case, spaces and punctuation
    /// removed, đ → d ("UBND xã Trung Đồng" = "ubnd xa trung dong").
    package static func nameKey(_ name: String) -> String { TextFolding.key(name) }

    enum Cell: Equatable { case blank, value(Double), invalid }

    /// One cell. Counts take "." "," or a space as thousands separators
    /// ("1.907"); the rate takes "," or "." as its decimal mark ("95,5").
    static func cell(_ raw: String, rate: Bool) -> Cell {
        var text = raw.filter { !$0.isWhitespace }
        if text.isEmpty || ["-", "–", "—"].contains(text) { return .blank }
        if rate, text.hasSuffix("%") { text.removeLast() }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }),
              text.first!.isNumber, text.last!.isNumber else { return .invalid }
        if !rate, let whole = groupedInteger(text) { return .value(Double(whole)) }
        // A decimal: the last mark is the decimal point, any earlier one groups thousands.
        var normalised = text
        if let last = text.lastIndex(where: { $0 == "." || $0 == "," }) {
            normalised = String(text[..<last].filter(\.isNumber)) + "." + String(text[text.index(after: last)...])
        }
        guard let v = Double(normalised), v.isFinite else { return .invalid }
        // A count written "12,0" is still whole; "12,5" is not a count.
        if !rate && v.rounded() != v { return .invalid }
        return .value(v)
    }

    /// "1907", "1.907", "1,907", "1.234.567": digits in groups of three after
    /// the first, one kind of separator. `nil` for anything else.
    static func groupedInteger(_ text: String) -> Int? {
        let separators = Set(text.filter { !$0.isNumber })
        if separators.isEmpty { return Int(text) }
        guard separators.count == 1, let mark = separators.first else { return nil }
        let groups = text.split(separator: mark, omittingEmptySubsequences: false)
        guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        return Int(groups.joined())
    }
}
