import XCTest
import MotCuaCore
import MotCuaTestSupport
@testable import MotCuaReport

/// The appendix sheet written from `Templates/phu-luc.yaml`, read back from the file.
final class AppendixWorkbookTests: TemporaryDirectoryTestCase {
    static let templatesDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates")

    /// Two units: a district desk with a level-3 online dossier and a commune
    /// with one dossier of unknown level.
    static func sampleReport() -> PeriodReport {
        let period = ReportPeriod.parse("2020-10")!
        let catalogue = ProcedureCatalogue([
            Procedure(code: "P2", name: "a", level: .two), Procedure(code: "P3", name: "b", level: .three),
        ])
        let tree = UnitTree([
            OrgUnit(code: "TU", name: "UBND huyện Tân Uyên", level: "huyen"),
            OrgUnit(code: "BP", name: "Bộ phận TN&TKQ", level: "huyen", parentCode: "TU", sortOrder: 1),
            OrgUnit(code: "MK", name: "UBND xã Mường Khoa", level: "xa", parentCode: "TU", sortOrder: 2),
        ])
        // Every dimension counted, so that any built-in template can be written from it.
        var agg = PeriodAggregator(period: period, catalogue: catalogue, dimensions: Set(ReportDimension.allCases))
        func at(_ d: Int, _ h: Int = 8) -> LocalDateTime { LocalDateTime(year: 2020, month: 10, day: d, hour: h)! }
        agg.add(Dossier(code: "1", unitCode: "BP", procedureCode: "P3", channel: .online, receivedAt: at(1), dueAt: at(5, 17), finishedAt: at(2)))
        agg.add(Dossier(code: "2", unitCode: "BP", procedureCode: "P2", receivedAt: at(1), dueAt: at(5, 17)))
        agg.add(Dossier(code: "3", unitCode: "MK", procedureCode: "PX", receivedAt: at(3), dueAt: at(9, 17), finishedAt: at(4)))
        agg.add(Dossier(code: "4", unitCode: "MK", procedureCode: "P2",
                        receivedAt: LocalDateTime(year: 2020, month: 9, day: 28, hour: 9)!, dueAt: at(2, 17), finishedAt: at(2)))
        return agg.report(scope: nil, tree: tree)
    }

    func write(_ report: PeriodReport, template path: String? = nil) throws -> XLSXWorkbook {
        let file = path ?? Self.templatesDir.appendingPathComponent("phu-luc.yaml").path
        let template = try ReportTemplate.load(path: file)
        let out = dir.appendingPathComponent("out.xlsx").path
        let context = ReportContext(report: report, issuer: "UBND huyện Tân Uyên", place: "Tân Uyên",
                                    reportDate: CivilDate(year: 2020, month: 10, day: 30)!)
        try WorkbookWriter.write(template: template, templateFile: file, context: context, to: out)
        return try XLSXWorkbook(path: out)
    }

    func testAppendixLayoutNumbersAndPrintSetup() throws {
        let book = try write(Self.sampleReport())
        let sheet = try XCTUnwrap(book["Phụ lục"])
        // Letterhead (Nghị định 30/2020): issuer left, national name and motto right, place and date.
        XCTAssertEqual(sheet.text(0, 0), "ỦY BAN NHÂN DÂN HUYỆN TÂN UYÊN")
        XCTAssertEqual(sheet.text(1, 0), "Số:        /BC-")
        XCTAssertEqual(sheet.text(0, 8), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        XCTAssertEqual(sheet.text(1, 10), "Độc lập - Tự do - Hạnh phúc")
        XCTAssertEqual(sheet.text(2, 8), "Tân Uyên, ngày 30 tháng 10 năm 2020")
        let styles = book.stylesXML
        XCTAssertTrue(styles.contains("Times New Roman"))
        // Then the title, one blank row, and the 4-row header block.
        XCTAssertEqual(sheet.text(4, 0), "PHỤ LỤC")
        XCTAssertEqual(sheet.text(5, 0), "TÌNH HÌNH TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH THÁNG 10 NĂM 2020")
        XCTAssertEqual(sheet.text(8, 0), "STT")
        XCTAssertEqual(sheet.text(8, 2), "TÌNH HÌNH TRIỂN KHAI")
        XCTAssertEqual(sheet.text(11, 6), "HSTN trực tiếp")
        for merge in ["A9:A12", "B9:B12", "C9:L9", "M9:T9", "U9:U12", "C10:D11", "E10:L10", "G11:I11", "N10:O11", "P10:R10", "T10:T12"] {
            XCTAssertTrue(sheet.merges.contains(merge), "missing merged header \(merge); have \(sheet.merges)")
        }
        // Data rows 8 and 9, total row 10.
        XCTAssertEqual(sheet.text(12, 1), "Bộ phận TN&TKQ")
        XCTAssertEqual(sheet.cell(12, 0)?.number, 1)
        XCTAssertEqual(sheet.cell(12, 2)?.number, 2, "HSTN total is a number")
        XCTAssertEqual(sheet.cell(12, 7)?.number, 1, "level 3 online")
        XCTAssertEqual(sheet.cell(12, 18)?.number, 1, "pending")
        XCTAssertEqual(sheet.cell(12, 19)?.number, 50, "resolution rate 1/2")
        XCTAssertEqual(book.numberFormats[sheet.cell(12, 19)!.styleIndex], "0.0")
        XCTAssertEqual(sheet.text(13, 1), "UBND xã Mường Khoa")
        XCTAssertEqual(sheet.cell(13, 2)?.number, 1, "received counts the unknown-level dossier")
        XCTAssertEqual(sheet.cell(13, 4)?.number, 0, "but no level column does")
        XCTAssertEqual(sheet.cell(13, 12)?.number, 1, "September backlog")
        XCTAssertEqual(sheet.text(13, 20), "1 HS tiếp nhận, 1 HS đã giải quyết chưa xác định mức độ")
        XCTAssertEqual(sheet.text(14, 0), "TỔNG CỘNG")
        XCTAssertTrue(sheet.merges.contains("A15:B15"))
        XCTAssertEqual(sheet.cell(14, 2)?.number, 3)
        XCTAssertEqual(sheet.cell(14, 3)?.number, 2, "TTHC total is the catalogue count, not a sum of rows")
        XCTAssertEqual(sheet.cell(14, 19)?.number ?? 0, 75, accuracy: 1e-9, "3 of 4: rate recomputed")
        XCTAssertEqual(sheet.text(15, 0), "* Số liệu tính đến ngày 31 tháng 10 năm 2020")
        // A4 landscape, one page wide, page numbers in the footer.
        XCTAssertTrue(sheet.xml.contains("paperSize=\"9\""))
        XCTAssertTrue(sheet.xml.contains("orientation=\"landscape\""))
        XCTAssertTrue(sheet.xml.contains("fitToHeight=\"0\""))
        XCTAssertTrue(sheet.xml.contains("<oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter>"))
    }

    func testHeaderRowsRepeatOnEveryPage() throws {
        _ = try write(Self.sampleReport())
        let archive = dir.appendingPathComponent("out.xlsx").path
        let book = try XLSXWorkbook(path: archive)
        XCTAssertNotNil(book["Phụ lục"])
        // Print titles are a defined name in workbook.xml; read the zip directly.
        let workbookXML = try XLSXWorkbook.entry("xl/workbook.xml", in: archive)
        XCTAssertTrue(workbookXML.contains("_xlnm.Print_Titles"), workbookXML)
        XCTAssertTrue(workbookXML.contains("$9:$12"), workbookXML)
    }

    func testEditingTheTemplateChangesTheWorkbookWithoutRecompiling() throws {
        var text = try String(contentsOf: Self.templatesDir.appendingPathComponent("phu-luc.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "- { figure: resolution_rate, width: 9 }", with: "- { figure: online_rate, width: 9 }")
        text = text.replacingOccurrences(of: "T2:T4: TỶ LỆ GIẢI QUYẾT %", with: "T2:T4: TỶ LỆ TRỰC TUYẾN %")
        let path = dir.appendingPathComponent("custom.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let sheet = try XCTUnwrap(try write(Self.sampleReport(), template: path)["Phụ lục"])
        XCTAssertEqual(sheet.text(9, 19), "TỶ LỆ TRỰC TUYẾN %")
        XCTAssertEqual(sheet.cell(12, 19)?.number, 50, "1 of 2 received online")
        XCTAssertEqual(sheet.cell(13, 19)?.number, 0)
    }

    func testBrokenTemplatesNameTheFileAndTheProblem() throws {
        func error(_ yaml: String) -> String {
            let path = dir.appendingPathComponent("bad.yaml").path
            try? yaml.write(toFile: path, atomically: true, encoding: .utf8)
            do { _ = try ReportTemplate.load(path: path); return "" } catch { return "\(error)" }
        }
        let valid = "name: x\nsheets:\n  - name: S\n    header: { A1: STT }\n    columns:\n      - { figure: stt }\n"
        XCTAssertEqual(error(valid), "")
        XCTAssertTrue(error(valid.replacingOccurrences(of: "figure: stt", with: "figure: so_ho_so")).contains("không có chỉ tiêu \"so_ho_so\""))
        XCTAssertTrue(error(valid.replacingOccurrences(of: "A1: STT", with: "C1: STT")).contains("\"C1\""))
        XCTAssertTrue(error(valid.replacingOccurrences(of: "name: S", with: "name: \"A/B\"")).contains("tên trang tính"))
        XCTAssertTrue(error("name: x\nsheets: [\n").contains("YAML"))
        XCTAssertTrue(error("name: x\n").contains("thiếu khóa \"sheets\""))
        XCTAssertTrue(error(valid).isEmpty)
        XCTAssertTrue(error("name: x\nsheets: [\n").hasPrefix(dir.appendingPathComponent("bad.yaml").path))
    }

    /// A template that includes itself, or two that include each other, is a
    /// message naming the loop — it used to recurse until the stack overflowed.
    func testIncludeLoopsAreTemplateErrors() throws {
        func write(_ name: String, _ text: String) throws {
            try text.write(toFile: dir.appendingPathComponent(name + ".yaml").path, atomically: true, encoding: .utf8)
        }
        func error(_ name: String) -> String {
            do { _ = try ReportTemplate.load(path: dir.appendingPathComponent(name + ".yaml").path); return "" } catch { return "\(error)" }
        }
        try write("self", "name: self\nsheets:\n  - include: self\n")
        XCTAssertTrue(error("self").contains("vòng"), error("self"))
        try write("a", "name: a\nsheets:\n  - include: b\n")
        try write("b", "name: b\nsheets:\n  - include: a\n")
        XCTAssertTrue(error("a").contains("a.yaml → ") && error("a").contains("b.yaml → "), error("a"))
        // Including the same template twice, side by side, is not a loop, but
        // gives two sheets of one name, which Excel refuses: said as such.
        try write("leaf", "name: leaf\nsheets:\n  - name: S\n    header: { A1: STT }\n    columns: [{ figure: stt }]\n")
        try write("twice", "name: twice\nsheets:\n  - include: leaf\n  - include: leaf\n")
        XCTAssertFalse(error("twice").contains("vòng"), error("twice"))
        XCTAssertTrue(error("twice").contains("hai trang tính cùng tên \"S\""), error("twice"))
    }

    func testUnknownPlaceholderIsATemplateError() throws {
        let path = dir.appendingPathComponent("ph.yaml").path
        try "name: x\nsheets:\n  - name: S\n    title: [{ text: \"Báo cáo {ky_bao_cao}\" }]\n    header: { A1: STT }\n    columns: [{ figure: stt }]\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try write(Self.sampleReport(), template: path)) { error in
            XCTAssertTrue("\(error)".contains("{ky_bao_cao}"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.xlsx").path),
                       "no half-written workbook is left behind")
    }
}

/// The CSV files motcua writes never hand Excel a formula (issue 14).
final class CSVFieldTests: XCTestCase {
    func testFormulasGetAnApostropheAndNumbersStayNumbers() {
        XCTAssertEqual(CSVField.text("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0")
        XCTAssertEqual(CSVField.text("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
        XCTAssertEqual(CSVField.text("@SUM(1)"), "'@SUM(1)")
        XCTAssertEqual(CSVField.text("+1+1"), "'+1+1")
        XCTAssertEqual(CSVField.text("-2+3"), "'-2+3")
        XCTAssertEqual(CSVField.text("\tx"), "'\tx")
        XCTAssertEqual(CSVField.text("\rx"), "\"'\rx\"")
        XCTAssertEqual(CSVField.text("-5"), "-5")
        XCTAssertEqual(CSVField.text("+3,5"), "\"+3,5\"")
        XCTAssertEqual(CSVField.text("Nguyễn Văn A"), "Nguyễn Văn A")
        XCTAssertEqual(CSVField.text("a=b"), "a=b")
        XCTAssertEqual(CSVField.number(-3), "-3")
    }

    /// Template cells beyond Excel's sheet, or too long for an Int, are
    /// messages (C99999999999999999999999 trapped with an overflow).
    func testHugeCellReferencesAreTemplateErrors() throws {
        for range in ["C99999999999999999999999", "A1048577", "XFE1", "A1:C99999999999999999999"] {
            let yaml = "name: x\nsheets:\n  - name: S\n    header: { \(range): STT }\n    columns:\n      - { figure: stt }\n"
            XCTAssertThrowsError(try ReportTemplate.parse(yaml, file: "t.yaml") { _ in nil }, range) { error in
                XCTAssertTrue("\(error)".contains(range), "\(error)")
            }
        }
    }
}
