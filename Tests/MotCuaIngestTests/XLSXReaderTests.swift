import XCTest
import ZIPFoundation
import XlsxWriter
import MotCuaTestSupport
import MotCuaCore
@testable import MotCuaIngest

/// .xlsx exports read like CSV ones: the header found below title rows, cells
/// placed by their references, shared, inline and rich-text strings, numbers,
/// booleans, date serials of both date systems; damaged and protected files
/// end in a message naming the file.
final class XLSXReaderTests: TemporaryDirectoryTestCase {
    let reference = ReferenceData(units: [OrgUnit(code: "MK", name: "UBND xã Mường Khoa", level: "xa")],
                                  catalogue: ProcedureCatalogue([Procedure(code: "P2", name: "Đăng ký khai sinh", duration: 1)]))

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>
        """
    static let packageRels = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """

    /// A workbook zipped by hand: `sheets` (name, sheetData XML) in order.
    func workbook(_ name: String, sheets: [(String, String)], sharedStrings: [String]? = nil, date1904: Bool = false,
                  method: CompressionMethod = .deflate) throws -> String {
        let url = dir.appendingPathComponent(name)
        let archive = try Archive(url: url, accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: method) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add("[Content_Types].xml", Self.contentTypes)
        try add("_rels/.rels", Self.packageRels)
        var rels = #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        var list = ""
        for (i, sheet) in sheets.enumerated() {
            rels += #"<Relationship Id="rId\#(i + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
            list += #"<sheet name="\#(sheet.0)" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
            try add("xl/worksheets/sheet\(i + 1).xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:H9"/><sheetData>\(sheet.1)</sheetData><mergeCells count="1"><mergeCell ref="A1:H1"/></mergeCells></worksheet>
                """)
        }
        if let sharedStrings {
            rels += #"<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
            try add("xl/sharedStrings.xml", #"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(sharedStrings.count)">"#
                    + sharedStrings.joined() + "</sst>")
        }
        rels += "</Relationships>"
        try add("xl/_rels/workbook.xml.rels", rels)
        try add("xl/workbook.xml", """
            <?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr\(date1904 ? #" date1904="1""# : "")/><sheets>\(list)</sheets></workbook>
            """)
        return url.path
    }

    /// Inline-string cells of one row, from column A on.
    func row(_ r: Int, _ values: [String]) -> String {
        var out = #"<row r="\#(r)">"#
        for (i, v) in values.enumerated() where !v.isEmpty {
            let ref = String(UnicodeScalar(UInt8(65 + i))) + "\(r)"
            out += #"<c r="\#(ref)" t="inlineStr"><is><t>\#(v)</t></is></c>"#
        }
        return out + "</row>"
    }

    let header = ["MaHoSo", "MaDonVi", "MaTTHC", "TenTTHC", "NgayTiepNhan", "NgayHenTra", "TrangThaiHoSo", "ChuHoSo"]

    /// What the reader hands the store: the file's summary and its dossiers, line by line.
    struct Decoded {
        let summary: DossierFileSummary
        let dossiers: [Dossier]
        var rowsRead: Int { summary.rowsRead }
        var rejections: [RowRejection] { summary.rejections }
    }

    /// Decodes a file as the import does. The tests' files repeat no MaHoSo:
    /// what the store keeps of repeats is the store's rules (MotCuaStoreTests).
    func read(_ path: String) throws -> Decoded {
        var dossiers: [Dossier] = []
        let summary = try DossierFileReader.streamBatches(path: path, reference: reference) { batch in
            for k in 0..<batch.count { dossiers.append(batch.dossier(k)) }
        }
        XCTAssertEqual(Set(dossiers.map(\.code)).count, dossiers.count, "no MaHoSo repeated")
        return Decoded(summary: summary, dossiers: dossiers)
    }

    func testInlineStringsBelowTitleRowsWithRejectsOnSheetRows() throws {
        let rows = #"<row r="1"><c r="A1" t="inlineStr"><is><t>DANH SÁCH HỒ SƠ</t></is></c></row>"#
            + #"<row r="2"><c r="A2" t="inlineStr"><is><t>Tháng 10/2020</t></is></c></row>"#
            + row(4, header)
            + row(5, ["H1", "MK", "P2", "Đăng ký khai sinh", "01/10/2020 08:00:00", "05/10/2020 17:00:00", "4", "Nguyễn Văn &amp; Con"])
            + row(6, ["H2", "MK", "P2", "Đăng ký khai sinh", "ngày hôm qua", "05/10/2020", "4", "Lò Thị Minh"])
            + #"<row r="7" spans="1:8"/><row r="8"><c r="A8" s="3"/></row>"#
        let file = try read(try workbook("inline.xlsx", sheets: [("Hồ sơ", rows)]))
        XCTAssertEqual(file.rowsRead, 2, "title rows, the header and empty trailing rows are not records")
        XCTAssertEqual(file.dossiers.map(\.code), ["H1"])
        XCTAssertEqual(file.dossiers.first?.applicant, "Nguyễn Văn & Con")
        XCTAssertEqual(file.dossiers.first?.receivedAt, LocalDateTime(year: 2020, month: 10, day: 1, hour: 8))
        XCTAssertEqual(file.rejections.map(\.line), [6], "the sheet's row number")
        XCTAssertEqual(file.rejections.first?.column, "NgayTiepNhan")
        XCTAssertEqual(file.rejections.first?.value, "ngày hôm qua")
    }

    func testSharedStringsRichTextSparseCellsNumbersAndSerials() throws {
        let strings = ["<si><t>Mã hồ sơ</t></si>", "<si><t>Mã đơn vị</t></si>", "<si><t>Mã TTHC</t></si>",
                       "<si><t>Ngày tiếp nhận</t></si>", "<si><t>Hạn xử lý</t></si>", "<si><t>Trạng thái</t></si>",
                       "<si><t>Chủ hồ sơ</t></si>", "<si><t>MK</t></si>", "<si><t>P2</t></si>",
                       // rich text runs joined; the phonetic run left out
                       #"<si><r><rPr><b/></rPr><t>Nguyễn </t></r><r><t xml:space="preserve">Thị Hoa</t></r><rPh sb="0" eb="1"><t>ア</t></rPh></si>"#,
                       "<si><t>line_x000D_break</t></si>", "<si/>"]
        let rows = #"<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>1</v></c><c r="C3" t="s"><v>2</v></c>"#
            + #"<c r="E3" t="s"><v>3</v></c><c r="F3" t="s"><v>4</v></c><c r="G3" t="s"><v>5</v></c><c r="H3" t="s"><v>6</v></c></row>"#
            // No cell D (sparse); a numeric code in E notation; the status as a number; dates as serials
            + #"<row r="4"><c r="A4"><v>1.23456789012E+11</v></c><c r="B4" t="s"><v>7</v></c><c r="C4" t="s"><v>8</v></c>"#
            + #"<c r="E4" s="2"><v>44105.333333333336</v></c><c r="F4" s="2"><v>44109</v></c><c r="G4"><v>4</v></c><c r="H4" t="s"><v>9</v></c></row>"#
            // cells without references follow the previous one
            + #"<row><c t="inlineStr"><is><t>H3</t></is></c><c t="s"><v>7</v></c><c t="s"><v>8</v></c><c/>"#
            + #"<c t="str"><f>TEXT(A1)</f><v>2020-10-02 09:30:00</v></c><c><v>44110.708333333336</v></c><c t="n"><v>10</v></c><c t="s"><v>10</v></c></row>"#
        let file = try read(try workbook("shared.xlsx", sheets: [("Sheet1", rows)], sharedStrings: strings))
        XCTAssertEqual(file.rejections, [])
        XCTAssertEqual(file.dossiers.count, 2)
        let a = try XCTUnwrap(file.dossiers.first)
        XCTAssertEqual(a.code, "123456789012")
        XCTAssertEqual(a.applicant, "Nguyễn Thị Hoa")
        XCTAssertEqual(a.receivedAt, LocalDateTime(year: 2020, month: 10, day: 1, hour: 8))
        XCTAssertEqual(a.dueAt, LocalDateTime(year: 2020, month: 10, day: 5, hour: 17), "a whole-day serial due date ends the working day")
        let b = try XCTUnwrap(file.dossiers.last)
        XCTAssertEqual(b.code, "H3")
        XCTAssertEqual(b.receivedAt, LocalDateTime(year: 2020, month: 10, day: 2, hour: 9, minute: 30))
        XCTAssertEqual(b.dueAt, LocalDateTime(year: 2020, month: 10, day: 6, hour: 17))
        XCTAssertEqual(b.status, .returned)
        XCTAssertEqual(b.applicant, "line\rbreak")
    }

    func testThe1904DateSystem() throws {
        // 42643.333… in the 1904 system is 1 October 2020, 08:00.
        let rows = row(1, header) + #"<row r="2"><c r="A2" t="inlineStr"><is><t>H1</t></is></c><c r="B2" t="inlineStr"><is><t>MK</t></is></c>"#
            + #"<c r="C2" t="inlineStr"><is><t>P2</t></is></c><c r="E2"><v>42643.333333333336</v></c><c r="F2"><v>42647</v></c>"#
            + #"<c r="G2"><v>4</v></c></row>"#
        let file = try read(try workbook("1904.xlsx", sheets: [("Sheet1", rows)], date1904: true))
        XCTAssertEqual(file.rejections, [])
        XCTAssertEqual(file.dossiers.first?.receivedAt, LocalDateTime(year: 2020, month: 10, day: 1, hour: 8))
        XCTAssertEqual(file.dossiers.first?.dueAt, LocalDateTime(year: 2020, month: 10, day: 5, hour: 17))
    }

    func testTheFirstSheetWithAHeaderIsUsedAndNamed() throws {
        let totals = row(1, ["BÁO CÁO TỔNG HỢP"]) + row(2, ["Tổng số", "2"])
        let data = row(2, header) + row(3, ["H1", "MK", "P2", "", "01/10/2020 08:00", "05/10/2020", "4", "A"])
        let path = try workbook("two.xlsx", sheets: [("Tổng hợp", totals), ("Chi tiết", data)])
        let summary = try DossierFileReader.streamBatches(path: path, reference: reference) { _ in }
        XCTAssertEqual(summary.sheet, "Chi tiết")
        XCTAssertEqual(try read(path).dossiers.map(\.code), ["H1"])
    }

    func testNamespacePrefixesAndStoredEntries() throws {
        // Some generators write <x:row>, <x:c>; some store parts uncompressed.
        let rows = (row(1, header) + row(2, ["H1", "MK", "P2", "", "2020-10-01 08:00:00", "2020-10-05", "4", "A"]))
            .replacingOccurrences(of: "<row", with: "<x:row").replacingOccurrences(of: "</row>", with: "</x:row>")
            .replacingOccurrences(of: "<c ", with: "<x:c ").replacingOccurrences(of: "</c>", with: "</x:c>")
            .replacingOccurrences(of: "<is>", with: "<x:is>").replacingOccurrences(of: "</is>", with: "</x:is>")
            .replacingOccurrences(of: "<t>", with: "<x:t>").replacingOccurrences(of: "</t>", with: "</x:t>")
        let file = try read(try workbook("prefixed.xlsx", sheets: [("S", rows)], method: .none))
        XCTAssertEqual(file.dossiers.map(\.code), ["H1"])
    }

    func testNoHeaderAndMissingColumnsAreNamed() throws {
        let none = try workbook("none.xlsx", sheets: [("Trang 1", row(1, ["a", "b"]))])
        XCTAssertThrowsError(try read(none)) { error in
            let text = (error as? Message)?.text(.vi) ?? "\(error)"
            XCTAssertTrue(text.hasPrefix("none.xlsx: Không tìm thấy dòng tiêu đề"), text)
            XCTAssertTrue(text.contains("\"Trang 1\""), text)
        }
        let partial = try workbook("partial.xlsx", sheets: [("S", row(3, ["MaHoSo", "MaDonVi", "MaTTHC"]))])
        XCTAssertThrowsError(try read(partial)) { error in
            let text = (error as? Message)?.text(.en) ?? "\(error)"
            XCTAssertEqual(text, "partial.xlsx, line 3: Sheet \"S\": missing required columns: NgayTiepNhan (Ngày tiếp nhận).")
        }
    }

    func message(_ path: String, _ language: Language = .vi) -> String {
        do { _ = try read(path); return "" } catch { return (error as? Message)?.text(language) ?? "unexpected \(error)" }
    }

    func testDamagedProtectedAndOldExcelFilesGetClearMessages() throws {
        let good = try Data(contentsOf: URL(fileURLWithPath: try workbook("good.xlsx", sheets: [("S", row(1, header))])))
        // Truncated: the central directory is gone.
        let truncated = dir.appendingPathComponent("cut.xlsx")
        try good.prefix(good.count / 2).write(to: truncated)
        XCTAssertTrue(message(truncated.path).hasPrefix("cut.xlsx: Tệp Excel (.xlsx) bị hỏng"), message(truncated.path))
        XCTAssertTrue(message(truncated.path, .en).hasPrefix("cut.xlsx: The Excel workbook (.xlsx) is damaged"))
        // Damaged data inside an entry (the directory intact).
        var bytes = [UInt8](good)
        for i in 200..<min(bytes.count - 200, 600) { bytes[i] ^= 0x5A }
        let damaged = dir.appendingPathComponent("bad.xlsx")
        try Data(bytes).write(to: damaged)
        XCTAssertTrue(message(damaged.path).hasPrefix("bad.xlsx: Tệp Excel (.xlsx) bị hỏng"), message(damaged.path))
        // Not a ZIP at all, under an .xlsx name.
        let text = dir.appendingPathComponent("text.xlsx")
        try Data("MaHoSo,MaDonVi\n".utf8).write(to: text)
        XCTAssertTrue(message(text.path).hasPrefix("text.xlsx: Tệp Excel (.xlsx) bị hỏng"), message(text.path))

        // An OLE compound file: encrypted workbook, or an old .xls.
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        let encryption = Array("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let protected = dir.appendingPathComponent("mat-khau.xlsx")
        try Data(ole + encryption + [UInt8](repeating: 0, count: 100)).write(to: protected)
        XCTAssertTrue(message(protected.path).hasPrefix("mat-khau.xlsx: Tệp Excel được đặt mật khẩu"), message(protected.path))
        XCTAssertTrue(message(protected.path, .en).hasPrefix("mat-khau.xlsx: The Excel workbook is password-protected"))
        let xls = dir.appendingPathComponent("cu.xls")
        try Data(ole + Array("W\0o\0r\0k\0b\0o\0o\0k\0".utf8)).write(to: xls)
        XCTAssertTrue(message(xls.path).hasPrefix("cu.xls: Đây là tệp Excel 97–2003 (.xls)"), message(xls.path))
        XCTAssertTrue(message(xls.path).contains(".xlsx"))
        XCTAssertTrue(message(xls.path, .en).hasPrefix("cu.xls: This is an Excel 97–2003 workbook (.xls)"))
    }

    /// A deflate stream cut short inside an intact archive ends in a message, not a hang.
    func testATruncatedEntryEndsInAMessage() throws {
        let sheet = row(1, header) + (2..<400).map { row($0, ["H\($0)", "MK", "P2", "", "2020-10-01", "2020-10-05", "4", "A"]) }.joined()
        let path = try workbook("long.xlsx", sheets: [("S", sheet)])
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // Shrink the sheet entry's compressed size in the central directory.
        let archive = try ZipArchive(bytes: bytes)
        let entry = try XCTUnwrap(archive.entry(named: "xl/worksheets/sheet1.xml"))
        let directory = bytes.indices.dropLast(4).first { i in
            bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 1 && bytes[i + 3] == 2
                && String(decoding: bytes[(i + 46)..<min(bytes.count, i + 46 + 24)], as: UTF8.self) == "xl/worksheets/sheet1.xml"
        }!
        let smaller = UInt32(entry.compressedSize / 2)
        for k in 0..<4 { bytes[directory + 20 + k] = UInt8(truncatingIfNeeded: smaller >> (8 * UInt32(k))) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        XCTAssertTrue(message(path).hasPrefix("long.xlsx: Tệp Excel (.xlsx) bị hỏng"), message(path))
    }

    /// A workbook written by libxlsxwriter (shared strings, number formats,
    /// a merged title) decodes to the same dossiers as the CSV of the same rows.
    func testAWorkbookFromLibxlsxwriterDecodesLikeTheCSV() throws {
        let lines = [header] + (0..<3000).map { i in
            ["MK-\(i)", "MK", "P2", "Đăng ký khai sinh", "2020-10-\(String(format: "%02d", 1 + i % 28)) 08:\(String(format: "%02d", i % 60)):00",
             "2020-11-\(String(format: "%02d", 1 + i % 28)) 00:00:00", "\([2, 4, 10][i % 3])", "Nguyễn Văn \(i % 97)"]
        }
        let csv = dir.appendingPathComponent("same.csv")
        try lines.map { $0.joined(separator: ",") }.joined(separator: "\n").write(to: csv, atomically: true, encoding: .utf8)
        let xlsx = dir.appendingPathComponent("same.xlsx").path
        let wb = try Workbook(path: xlsx)
        let ws = try wb.addWorksheet(named: "Hồ sơ")
        try ws.merge(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 7, text: "DANH SÁCH", format: CellFormat { $0.horizontal = .center })
        let date = CellFormat { $0.numberFormat = "dd/mm/yyyy hh:mm" }
        let epoch = LocalDateTime(year: 1899, month: 12, day: 30)!.secondsSinceEpoch
        for (r, line) in lines.enumerated() {
            for (c, v) in line.enumerated() {
                if r > 0 && (c == 4 || c == 5), case .value(let t) = TimestampParser().parse(v, .startOfDay) {
                    try ws.write(Double(t.secondsSinceEpoch - epoch) / 86_400, row: r + 2, column: c, format: date)
                } else if r > 0 && c == 6 {
                    try ws.write(Double(v)!, row: r + 2, column: c)
                } else {
                    try ws.write(v, row: r + 2, column: c, format: CellFormat())
                }
            }
        }
        try wb.close()
        let a = try read(csv.path), b = try read(xlsx)
        XCTAssertEqual(b.rejections, [])
        XCTAssertEqual(b.rowsRead, 3000)
        XCTAssertEqual(a.dossiers, b.dossiers)
    }

    /// libxlsxwriter's ZIP entries go through motcua's interposer at deflate
    /// level 4 (Sources/MotCuaZipLevel), and the workbook still reads back whole.
    func testWorkbooksAreDeflatedAtLevelFourAndReadBack() throws {
        let xlsx = dir.appendingPathComponent("level.xlsx").path
        let wb = try Workbook(path: xlsx)
        let ws = try wb.addWorksheet(named: "Hồ sơ")
        for r in 0..<2_000 { try ws.write("Hồ sơ \(r % 37) của UBND xã Làng Đồng", row: r, column: 0, format: CellFormat()) }
        try wb.close()
        XCTAssertEqual(Workbook.deflateLevelOfLastEntry, 4, "the interposer did not take libxlsxwriter's calls")
        let archive = try Archive(url: URL(fileURLWithPath: xlsx), accessMode: .read)
        var sheet = Data()
        _ = try archive.extract(archive["xl/worksheets/sheet1.xml"]!) { sheet.append($0) }
        XCTAssertTrue(String(decoding: sheet, as: UTF8.self).contains("<row r=\"2000\""))
        XCTAssertEqual(archive["xl/worksheets/sheet1.xml"]!.type, .file)
    }

    func testRunPicksUpExcelFiles() {
        for name in ["a.csv", "b.TXT", "c.tsv", "d.xlsx", "e.XLSX", "f.xlsm", "g.xls"] {
            XCTAssertTrue(DossierFileKind.importable(name), name)
        }
        for name in [".hidden.csv", "~$d.xlsx", "notes.pdf", "x.zip", "csv"] {
            XCTAssertFalse(DossierFileKind.importable(name), name)
        }
    }
}
