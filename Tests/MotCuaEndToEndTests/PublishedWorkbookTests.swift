import Foundation
import XCTest
import XlsxWriter

/// `motcua check --published` on the appendix as an office sends it
/// (docs/rules.md#reconciliation): an .xlsx with letterhead and title rows, a
/// header of several rows with merged group cells, the rows, the footnote and
/// the signature; motcua's own appendix workbook; and that workbook saved as CSV.
final class PublishedWorkbookTests: SampleDataTestCase {
    var reference: URL { sample.appendingPathComponent("published-phu-luc-2020-10.csv") }

    func check(_ published: String, _ extra: [String] = ["--period", "2020-10"]) throws -> CommandRunner.Result {
        try CommandRunner.run(["check", "--published", published] + extra + (extra.isEmpty ? [] : inputs))
    }

    /// The lines under a heading of the check's output.
    func group(_ heading: String, in output: String) -> [String] {
        let lines = output.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix(heading) }) else { return ["(no \(heading))"] }
        return Array(lines[(start + 1)...].prefix { $0.hasPrefix("  ") }).map { String($0.dropFirst(2)) }
    }

    static let noDifference = "Khác với số liệu tính từ hồ sơ, kỳ 2020-10 (0)"

    func testMotcuasOwnWorkbookAgreesWithItself() throws {
        let own = dir.appendingPathComponent("bao-cao-2020-10.xlsx").path
        let report = try CommandRunner.run(["report"] + inputs + ["--period", "2020-10", "--out", own])
        XCTAssertEqual(report.status, 0, report.stderr)
        let result = try check(own)
        XCTAssertEqual(result.stderr, "")
        XCTAssertTrue(result.stdout.hasPrefix("Đối chiếu bảng công bố bao-cao-2020-10.xlsx: 12 dòng (11 đơn vị và dòng tổng cộng).\n"),
                      result.stdout)
        XCTAssertEqual(group(Self.noDifference, in: result.stdout), ["không có."], result.stdout)
        // Every figure column of the 21 was found under its merged headers: 18 figures × 12 rows.
        XCTAssertTrue(result.stdout.contains("(đã so sánh 216 ô của 12 dòng), 0 dòng chỉ có ở một bên."), result.stdout)
        // Row 5's level gap is in the data itself, so it stays (as for the published CSV).
        XCTAssertEqual(group("Dòng tự mâu thuẫn", in: result.stdout).count, 2)
    }

    /// Made once with LibreOffice from motcua's workbook of the sample
    /// (`soffice --headless --convert-to csv bao-cao.xlsx`): the letterhead,
    /// the four header rows with blanks where cells were merged, "1,907".
    func testMotcuasWorkbookSavedAsCSVReadsTheSame() throws {
        let saved = CommandRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/phu-luc-tan-uyen-2020-10-saved-as-csv.csv").path
        let result = try check(saved)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(group(Self.noDifference, in: result.stdout), ["không có."], result.stdout)
        XCTAssertTrue(result.stdout.contains("(đã so sánh 216 ô của 12 dòng), 0 dòng chỉ có ở một bên."), result.stdout)
    }

    func testThePublishedTableAsAMultiRowWorkbookReadsLikeItsCSV() throws {
        let workbook = try publishedWorkbook(changing: [:])
        let result = try check(workbook)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(group(Self.noDifference, in: result.stdout), ["không có."], result.stdout)
        // The same cells as the CSV (CheckCommandTests.testSampleDossiersReproduceEveryPublishedCell).
        XCTAssertTrue(result.stdout.contains("(đã so sánh 215 ô của 12 dòng), 0 dòng chỉ có ở một bên."), result.stdout)
        let csv = try check(reference.path)
        XCTAssertEqual(group("Dòng tự mâu thuẫn", in: result.stdout), group("Dòng tự mâu thuẫn", in: csv.stdout))
    }

    func testAModifiedCellIsReportedWithItsRowAndColumn() throws {
        // Mường Khoa (STT 2) TTHC mức độ 2: 348 in the letter, 340 here.
        let workbook = try publishedWorkbook(changing: [Cell(row: 2, column: "tthc_md2"): 340])
        let result = try check(workbook)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(group("Khác với số liệu tính từ hồ sơ, kỳ 2020-10 (1)", in: result.stdout),
                       ["STT 2 – UBND xã Mường Khoa: TTHC mức độ 2 (tthc_md2): công bố 340, tính từ hồ sơ 348."], result.stdout)
    }

    func testATextInAFigureCellNamesTheSheetRowAndTheFlattenedHeader() throws {
        let workbook = try publishedWorkbook(changing: [:], text: (Cell(row: 3, column: "ho_so_ton"), "n/a"))
        let result = try check(workbook, [])
        XCTAssertEqual(result.status, 1)
        // Data starts on sheet row 9 (letterhead 1–2, title 4–5, header 6–8): STT 3 is row 11.
        XCTAssertEqual(result.stderr, "Lỗi: dong-bo.xlsx, dòng 11, cột Hồ sơ tồn kỳ trước: \"n/a\" không phải một số nguyên không âm.\n")
    }

    struct Cell: Hashable { let row: Int; let column: String }

    /// The published CSV as the office's workbook: a letterhead, the title,
    /// a three-row header with merged group cells (not motcua's layout: other
    /// groups and wording), the rows with numbers, the total row merged over
    /// STT and name, a footnote and the signature.
    func publishedWorkbook(changing changes: [Cell: Double], text: (Cell, String)? = nil) throws -> String {
        let lines = try String(contentsOf: reference, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let names = lines[0]
        let path = dir.appendingPathComponent("dong-bo.xlsx").path
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(named: "Phụ lục 1")
        let centre = CellFormat { $0.horizontal = .center }
        try sheet.write("UBND HUYỆN TÂN UYÊN", row: 0, column: 0, format: CellFormat())
        try sheet.write("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", row: 0, column: 10, format: CellFormat())
        try sheet.write("Số: 1980/UBND-VP", row: 1, column: 0, format: CellFormat())
        try sheet.merge(firstRow: 3, firstColumn: 0, lastRow: 3, lastColumn: 19, text: "PHỤ LỤC TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THÁNG 10/2020", format: centre)
        try sheet.merge(firstRow: 4, firstColumn: 0, lastRow: 4, lastColumn: 19, text: "(Kèm theo Công văn số 1980/UBND-VP)", format: centre)
        // Header rows 6–8 (0-based 5–7).
        let merges: [(Int, Int, Int, Int, String)] = [
            (5, 0, 7, 0, "STT"), (5, 1, 7, 1, "Tên đơn vị"),
            (5, 2, 6, 3, "Tổng số"), (7, 2, 7, 2, "HSTN"), (7, 3, 7, 3, "TTHC"),
            (5, 4, 6, 5, "Mức độ 2"), (7, 4, 7, 4, "HSTN"), (7, 5, 7, 5, "TTHC"),
            (5, 6, 6, 8, "Mức độ 3"), (7, 6, 7, 6, "HSTN trực tiếp"), (7, 7, 7, 7, "HSTN trực tuyến"), (7, 8, 7, 8, "TTHC"),
            (5, 9, 6, 11, "Mức độ 4"), (7, 9, 7, 9, "HSTN trực tiếp"), (7, 10, 7, 10, "HSTN trực tuyến"), (7, 11, 7, 11, "TTHC"),
            (5, 12, 7, 12, "Hồ sơ tồn kỳ trước"),
            (5, 13, 5, 17, "Tình hình giải quyết"),
            (6, 13, 6, 14, "Tiếp nhận"), (7, 13, 7, 13, "MCĐT"), (7, 14, 7, 14, "Trực tuyến"),
            (6, 15, 6, 17, "Đã giải quyết"), (7, 15, 7, 15, "Mức độ 2"), (7, 16, 7, 16, "Mức độ 3"), (7, 17, 7, 17, "Mức độ 4"),
            (5, 18, 7, 18, "Chưa giải quyết"), (5, 19, 7, 19, "Tỷ lệ giải quyết (%)"),
        ]
        for (r1, c1, r2, c2, label) in merges {
            try sheet.merge(firstRow: r1, firstColumn: c1, lastRow: r2, lastColumn: c2, text: label, format: centre)
        }
        var row = 8
        for line in lines.dropFirst() where line.count == names.count {
            let stt = line[0]
            if Int(stt) == nil {
                try sheet.merge(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: 1, text: stt, format: centre)
            } else {
                try sheet.write(Double(stt)!, row: row, column: 0)
                try sheet.write(line[1], row: row, column: 1, format: CellFormat())
            }
            for c in 2..<names.count {
                let key = Cell(row: Int(stt) ?? 0, column: names[c])
                if let text, text.0 == key {
                    try sheet.write(text.1, row: row, column: c, format: CellFormat())
                } else if let value = changes[key] ?? Double(line[c]) {
                    try sheet.write(value, row: row, column: c)
                }
            }
            row += 1
        }
        try sheet.write("Ghi chú: số liệu tính đến ngày 31/10/2020.", row: row, column: 0, format: CellFormat())
        try sheet.write("CHỦ TỊCH", row: row + 2, column: 15, format: CellFormat())
        try sheet.write("Bùi Huy Phương", row: row + 5, column: 15, format: CellFormat())
        try workbook.close()
        return path
    }
}
