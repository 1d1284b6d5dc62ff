import Foundation
import XCTest
import MotCuaTestSupport

/// The product's spine: the appendix the Tân Uyên district published on
/// 30/10/2020, recomputed from the dossiers in SampleData and read back from
/// the written workbook, cell by cell.
final class TanUyenAppendixTests: SampleDataTestCase {


    /// The published table: `stt,ten_co_quan,hstn_tong,…,ty_le_giai_quyet`.
    func publishedTable() throws -> (header: [String], rows: [[String]]) {
        let text = try String(contentsOf: sample.appendingPathComponent("published-phu-luc-2020-10.csv"), encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (lines[0], Array(lines.dropFirst()))
    }


    func testReportReproducesEveryCellOfThePublishedAppendix() throws {
        let out = dir.appendingPathComponent("phu-luc.xlsx").path
        let json = dir.appendingPathComponent("phu-luc.json").path
        let result = try CommandRunner.run(["report"] + inputs + ["--period", "2020-10", "--out", out, "--json", json])
        XCTAssertEqual(result.status, 0, result.stderr)

        let sheet = try XCTUnwrap(try XLSXWorkbook(path: out)["Phụ lục"])
        let (header, rows) = try publishedTable()
        XCTAssertEqual(rows.count, 12, "11 units and TỔNG CỘNG")
        let firstDataRow = try XCTUnwrap(sheet.row(whereColumn: 0, is: "1"))
        for (i, published) in rows.enumerated() {
            let r = firstDataRow + i
            XCTAssertEqual(sheet.text(r, 0), published[0], "row \(i + 1) STT")
            if published[0] != "TỔNG CỘNG" {
                XCTAssertEqual(sheet.text(r, 1), published[1], "row \(i + 1) unit name, in the published order")
            }
            for c in 2..<header.count {
                let cell = sheet.cell(r, c)
                XCTAssertNotNil(cell?.number, "\(published[0]) \(header[c]) must be a number")
                let value = cell?.number ?? .nan
                if header[c] == "ty_le_giai_quyet" {
                    if published[c].isEmpty {
                        // The published total row leaves the rate blank; docs/rules.md#appendix: it is computed.
                        XCTAssertEqual(published[0], "TỔNG CỘNG")
                        XCTAssertEqual(value, 1868.0 / 1913.0 * 100, accuracy: 1e-9)
                    } else {
                        XCTAssertEqual((value * 10).rounded() / 10, Double(published[c])!, accuracy: 1e-9,
                                       "\(published[1]) \(header[c])")
                    }
                } else {
                    XCTAssertEqual(value, Double(published[c]), "\(published[0]) \(published[1]) \(header[c])")
                }
            }
        }
        XCTAssertEqual(sheet.text(firstDataRow + 12, 0), "* Số liệu tính đến ngày 31 tháng 10 năm 2020")
        // Row 5 (Trung Đồng): 68 received, 57 + 8 by level; the note says why.
        XCTAssertEqual(sheet.text(firstDataRow + 4, 20), "3 HS tiếp nhận chưa xác định mức độ")

        // The JSON carries the same figures, unrounded, under the names of docs/rules.md#figures.
        let doc = try validatedReportJSON(at: json)
        XCTAssertEqual(doc["schema_version"] as? Int, 2)
        let jsonRows = doc["rows"] as! [[String: Any]]
        XCTAssertEqual(jsonRows.count, 11)
        // The district received nothing itself, so the jsonRows are its 11 units.
        XCTAssertEqual(jsonRows[0]["code"] as? String, "TU.BPMC")
        XCTAssertEqual(jsonRows[0]["own"] as? Bool, false)
        // `units`: every unit of the subtree, the root first, with its subtree and own figures.
        let units = doc["units"] as! [[String: Any]]
        XCTAssertEqual(units.count, 12)
        XCTAssertEqual(units[0]["code"] as? String, "TU")
        XCTAssertTrue(units[0]["parent"] is NSNull)
        XCTAssertEqual(units[0]["depth"] as? Int, 0)
        XCTAssertEqual(units[0]["level"] as? String, "huyen")
        XCTAssertEqual(units[0]["received"] as? Int, 1907)
        XCTAssertEqual((units[0]["own"] as! [String: Any])["received"] as? Int, 0)
        XCTAssertEqual(units[5]["name"] as? String, "UBND xã Trung Đồng")
        XCTAssertEqual(units[5]["parent"] as? String, "TU")
        XCTAssertEqual(units[5]["depth"] as? Int, 1)
        XCTAssertEqual((units[5]["own"] as! [String: Any])["received"] as? Int, 68)
        let trungDong = jsonRows[4]
        XCTAssertEqual(trungDong["name"] as? String, "UBND xã Trung Đồng")
        XCTAssertEqual(trungDong["received"] as? Int, 68)
        XCTAssertEqual(trungDong["received_level"] as? [String: Int], ["2": 57, "3": 8, "4": 0, "other": 3])
        XCTAssertEqual(trungDong["finished_level"] as? [String: Int], ["2": 57, "3": 8, "4": 0, "other": 0])
        XCTAssertEqual(trungDong["pending"] as? Int, 3)
        XCTAssertEqual(trungDong["resolution_rate"] as! Double, 65.0 / 68.0 * 100, accuracy: 1e-9)
        let total = doc["total"] as! [String: Any]
        for (key, expected) in [("received", 1907), ("backlog", 6), ("received_online", 6), ("finished", 1868), ("pending", 45)] {
            XCTAssertEqual(total[key] as? Int, expected, key)
        }
        XCTAssertEqual((total["received_direct"] as! Int) + (total["received_postal"] as! Int), 1901)
        XCTAssertEqual(total["tthc"] as? [String: Int], ["total": 364, "2": 348, "3": 12, "4": 4])
        XCTAssertEqual(total["received_level3_online"] as? Int, 3)
        XCTAssertEqual(total["received_level4_online"] as? Int, 3)
        XCTAssertEqual((doc["period"] as! [String: String])["cutoff"], "2020-10-31T23:59:59+07:00")
    }

    func testImportThenReportFromTheDatabaseGivesTheSameFigures() throws {
        let db = dir.appendingPathComponent("motcua.sqlite").path
        let imported = try CommandRunner.run(["import", "--db", db,
                                              "--units", sample.appendingPathComponent("units.csv").path,
                                              "--procedures", sample.appendingPathComponent("procedures.csv").path,
                                              sample.appendingPathComponent("dossiers.csv").path])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("364 thủ tục"), imported.stdout)
        let again = try CommandRunner.run(["import", "--db", db, sample.appendingPathComponent("dossiers.csv").path])
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stdout.contains("mới 0, cập nhật 0"), again.stdout)
        XCTAssertTrue(again.stdout.contains("đã được nhập trước đó"), again.stdout)

        let fromDB = dir.appendingPathComponent("db.json").path
        let direct = dir.appendingPathComponent("direct.json").path
        XCTAssertEqual(try CommandRunner.run(["report", "--db", db, "--period", "2020-10", "--out",
                                              dir.appendingPathComponent("a.xlsx").path, "--json", fromDB]).status, 0)
        XCTAssertEqual(try CommandRunner.run(["report"] + inputs + ["--period", "2020-10", "--out",
                                              dir.appendingPathComponent("b.xlsx").path, "--json", direct]).status, 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: fromDB)), try Data(contentsOf: URL(fileURLWithPath: direct)))
    }

    func testCommandLineErrorsAreClearAndUseTheSpecExitCodes() throws {
        let out = dir.appendingPathComponent("x.xlsx").path
        let badPeriod = try CommandRunner.run(["report"] + inputs + ["--period", "2020-13", "--out", out])
        XCTAssertEqual(badPeriod.status, 2, "bad usage")
        let missing = try CommandRunner.run(["report", "--input", "/no/such.csv", "--period", "2020-10", "--out", out])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("/no/such.csv: Không tìm thấy tệp."), missing.stderr)
        XCTAssertFalse(missing.stderr.contains("Fatal"), missing.stderr)
        let english = try CommandRunner.run(["report", "--lang", "en", "--db", dir.appendingPathComponent("none.sqlite").path,
                                             "--period", "2020-10", "--out", out])
        XCTAssertEqual(english.status, 1)
        XCTAssertTrue(english.stderr.contains("no database yet"), english.stderr)
        let unknownUnit = try CommandRunner.run(["report"] + inputs + ["--period", "2020-10", "--unit", "XYZ", "--out", out])
        XCTAssertEqual(unknownUnit.status, 1)
        XCTAssertTrue(unknownUnit.stderr.contains("XYZ"), unknownUnit.stderr)
        let emptyPeriod = try CommandRunner.run(["report"] + inputs + ["--period", "2019-01", "--out", out])
        XCTAssertEqual(emptyPeriod.status, 0, "a quiet month still gets its report")
        XCTAssertTrue(emptyPeriod.stderr.contains("không có hồ sơ"), emptyPeriod.stderr)
        let unwritable = try CommandRunner.run(["report"] + inputs + ["--period", "2020-10", "--out", "/proc/motcua/x.xlsx"])
        XCTAssertEqual(unwritable.status, 1)
        XCTAssertTrue(unwritable.stderr.hasPrefix("Lỗi: /proc/motcua/x.xlsx"), unwritable.stderr)
    }
}
