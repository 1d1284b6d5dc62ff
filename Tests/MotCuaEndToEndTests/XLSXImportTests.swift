import Foundation
import GRDB
import XCTest
import MotCuaTestSupport

/// Issue 14: the .xlsx of "Xuất Excel" imports like the CSV of the same
/// dossiers — in `import`, `report --input` and `run`'s inbox — and Excel
/// files motcua cannot read get a message saying what to do.
final class XLSXImportTests: TemporaryDirectoryTestCase {

    func generate(_ out: URL, dossiers: Int, format: String) throws {
        let generated = try CommandRunner.run(["generate", "--out", out.path, "--dossiers", "\(dossiers)", "--from", "2024-07-01",
                                               "--to", "2024-09-30", "--style", "vietnamese", "--seed", "14", "--format", format])
        XCTAssertEqual(generated.status, 0, generated.stderr)
    }

    func table(_ db: String) throws -> [[String]] {
        try DatabaseQueue(path: db).read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM dossier ORDER BY code").map { row in
                row.columnNames.filter { $0 != "import_id" }.map { "\(row[$0] as DatabaseValue)" }
            }
        }
    }

    /// 50,000 dossiers as CSV and as an .xlsx with two title rows (the first
    /// merged) above the header and dates as Excel serials: the same stored
    /// rows and the same report, imported first or read with `report --input`.
    func testFiftyThousandDossiersAsCSVAndAsXLSXGiveTheSameRowsAndReport() throws {
        var tables: [String: [[String]]] = [:]
        var reports: [String: Data] = [:]
        for format in ["csv", "xlsx"] {
            let out = dir.appendingPathComponent(format)
            try generate(out, dossiers: 50_000, format: format)
            let export = out.appendingPathComponent("dossiers.\(format)").path
            let units = out.appendingPathComponent("units.csv").path, procedures = out.appendingPathComponent("procedures.csv").path
            let db = out.appendingPathComponent("s.sqlite").path
            let imported = try CommandRunner.run(["import", "--db", db, "--units", units, "--procedures", procedures, export])
            XCTAssertEqual(imported.status, 0, "\(format): \(imported.stderr)")
            XCTAssertTrue(imported.stdout.contains("từ chối 0"), imported.stdout)
            if format == "xlsx" {
                XCTAssertTrue(imported.stdout.contains("dossiers.xlsx (trang tính \"Danh sách hồ sơ\"): đọc 50.000 dòng"), imported.stdout)
            }
            tables[format] = try table(db)
            let json = out.appendingPathComponent("q3.json").path
            let report = try CommandRunner.run(["report", "--db", db, "--period", "2024-Q3", "--out",
                                                out.appendingPathComponent("q3.xlsx").path, "--json", json, "--date", "2024-10-05"])
            XCTAssertEqual(report.status, 0, report.stderr)
            reports[format] = try Data(contentsOf: URL(fileURLWithPath: json))
            let direct = out.appendingPathComponent("direct.json").path
            let input = try CommandRunner.run(["report", "--input", export, "--units", units, "--procedures", procedures,
                                               "--period", "2024-Q3", "--out", out.appendingPathComponent("direct.xlsx").path,
                                               "--json", direct, "--date", "2024-10-05"])
            XCTAssertEqual(input.status, 0, input.stderr)
            reports[format + "-input"] = try Data(contentsOf: URL(fileURLWithPath: direct))
        }
        XCTAssertGreaterThan(tables["csv"]!.count, 45_000)
        XCTAssertEqual(tables["xlsx"]!.count, tables["csv"]!.count)
        for (a, b) in zip(tables["xlsx"]!, tables["csv"]!) where a != b { return XCTFail("first difference\n\(a)\n\(b)") }
        XCTAssertEqual(reports["xlsx"], reports["csv"])
        XCTAssertEqual(reports["xlsx-input"], reports["csv-input"])
        XCTAssertEqual(reports["csv-input"], reports["csv"])
    }

    /// The generated workbook looks like "Xuất Excel": titles above the header, serial dates.
    func testTheGeneratedWorkbookHasTitleRowsAndSerialDates() throws {
        let out = dir.appendingPathComponent("small")
        try generate(out, dossiers: 40, format: "xlsx")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("dossiers.csv").path))
        let workbook = try XLSXWorkbook(path: out.appendingPathComponent("dossiers.xlsx").path)
        let sheet = try XCTUnwrap(workbook["Danh sách hồ sơ"])
        XCTAssertEqual(sheet.merges.first, "A1:U1")
        XCTAssertTrue(sheet.text(0, 0).hasPrefix("DANH SÁCH HỒ SƠ"))
        XCTAssertTrue(sheet.text(1, 0).hasPrefix("Từ ngày 01/07/2024"))
        XCTAssertEqual(sheet.text(2, 0), "Mã hồ sơ")
        XCTAssertEqual(sheet.text(2, 9), "Ngày tiếp nhận")
        let received = try XCTUnwrap(sheet.cell(3, 9)?.number, "a date serial")
        XCTAssertTrue((45474.0...45570.0).contains(received), "\(received)")
        XCTAssertEqual(sheet.rowCount, 43)
    }

    func testExcelFilesThatCannotBeReadAreExplained() throws {
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        let cases: [(String, [UInt8], String, String)] = [
            ("ho-so.xls", ole, "Đây là tệp Excel 97–2003 (.xls)", "This is an Excel 97–2003 workbook (.xls)"),
            ("mat-khau.xlsx", ole + Array("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
             "Tệp Excel được đặt mật khẩu", "The Excel workbook is password-protected"),
            ("hong.xlsx", [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 7, count: 300), "Tệp Excel (.xlsx) bị hỏng",
             "The Excel workbook (.xlsx) is damaged"),
        ]
        for (name, bytes, vi, en) in cases {
            let path = dir.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let db = dir.appendingPathComponent("m.sqlite").path
            let a = try CommandRunner.run(["import", "--db", db, path])
            XCTAssertEqual(a.status, 1, name)
            XCTAssertTrue(a.stderr.contains("\(name): \(vi)"), a.stderr)
            let b = try CommandRunner.run(["import", "--db", db, "--lang", "en", path])
            XCTAssertTrue(b.stderr.contains("\(name): \(en)"), b.stderr)
        }
    }

    func testAnXLSXInRunsInboxIsImportedAndArchived() throws {
        let out = dir.appendingPathComponent("gen")
        try generate(out, dossiers: 500, format: "xlsx")
        let inbox = dir.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: out.appendingPathComponent("dossiers.xlsx"), to: inbox.appendingPathComponent("2024-10-03.xlsx"))
        // Copied in two minutes ago: settled, so tonight's run takes it.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -120)],
                                              ofItemAtPath: inbox.appendingPathComponent("2024-10-03.xlsx").path)
        try """
            database: data.sqlite
            inbox: inbox/
            archive: archive/
            units: gen/units.csv
            procedures: gen/procedures.csv
            log: motcua.log
            reports:
              - period: 2024-Q3
                out: out/{period}.xlsx
                json: out/{period}.json
            """.write(to: dir.appendingPathComponent("motcua.yaml"), atomically: true, encoding: .utf8)
        let run = try CommandRunner.run(["run", "--config", dir.appendingPathComponent("motcua.yaml").path, "--today", "2024-10-05"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let log = try String(contentsOf: dir.appendingPathComponent("motcua.log"), encoding: .utf8)
        XCTAssertTrue(log.contains("2024-10-03.xlsx (trang tính \"Danh sách hồ sơ\"): đọc 500 dòng"), log)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("archive/2024-10-03.xlsx").path))
        let count = try DatabaseQueue(path: dir.appendingPathComponent("data.sqlite").path).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dossier")
        }
        XCTAssertGreaterThan(count ?? 0, 400)
    }
}
