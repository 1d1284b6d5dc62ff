import Foundation
import MotCuaTestSupport
import XCTest

/// Biểu 06 from the user's side (docs/rules.md#bieu-06): the workbook the
/// binary writes, read back — its title lines, the column-letter row, and
/// every row adding up — by unit in sections, by lĩnh vực for one unit, and
/// for a generated two-level province; and the actual dates of a cut-off
/// period on every sheet (docs/rules.md#cutoff-day).
final class Bieu06ReportTests: SampleDataTestCase {
    /// Rows below the A…M letter row down to the total row: (STT, name, C…M).
    func formRows(_ sheet: XLSXWorkbook.Sheet) throws -> [(stt: String, name: String, v: [Double])] {
        let letters = try XCTUnwrap(sheet.row(whereColumn: 12, is: "M"))
        XCTAssertEqual((0...12).map { sheet.text(letters, $0) }, "ABCDEFGHIJKLM".map(String.init))
        let total = try XCTUnwrap(sheet.row(whereColumn: 0, is: "TỔNG SỐ"))
        return ((letters + 1)...total).map { r in
            (sheet.text(r, 0), sheet.text(r, 1), (2...12).map { sheet.cell(r, $0)?.number ?? -1 })
        }
    }

    /// C = D+E+F, G = H+I+J, K = L+M, C = G+K on one row (v[0] is column C).
    func assertAddsUp(_ v: [Double], _ at: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(v[0], v[1] + v[2] + v[3], "C = D+E+F, \(at)", file: file, line: line)
        XCTAssertEqual(v[4], v[5] + v[6] + v[7], "G = H+I+J, \(at)", file: file, line: line)
        XCTAssertEqual(v[8], v[9] + v[10], "K = L+M, \(at)", file: file, line: line)
        XCTAssertEqual(v[0], v[4] + v[8], "C = G+K, \(at)", file: file, line: line)
    }

    func testByUnitInSectionsOfThreeLevels() throws {
        let out = dir.appendingPathComponent("b6.xlsx").path, json = dir.appendingPathComponent("b6.json").path
        let r = try CommandRunner.run(["report"] + inputs + ["--period", "2020-10", "--template", "bieu-06",
                                                             "--out", out, "--json", json, "--date", "2020-11-05"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let sheet = try XCTUnwrap(try XLSXWorkbook(path: out)["Biểu 06"])
        XCTAssertNotNil(sheet.row(whereColumn: 0, is: "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC"))
        XCTAssertNotNil(sheet.row(whereColumn: 0, is: "Kỳ báo cáo: từ ngày 01/10/2020 đến ngày 31/10/2020"))
        XCTAssertNotNil(sheet.row(whereColumn: 0, is: "Đơn vị tính: Số hồ sơ TTHC"))
        XCTAssertNotNil(sheet.row(whereColumn: 2, is: "Số hồ sơ nhận giải quyết"))
        XCTAssertTrue(sheet.merges.contains(where: { $0.hasPrefix("C") && $0.contains(":F") }), "C…F grouped: \(sheet.merges)")
        let rows = try formRows(sheet)
        for row in rows { assertAddsUp(row.v, "\(row.stt) \(row.name)") }
        // A period before 1 July 2025: sections by three levels (this district has no province units).
        XCTAssertEqual(rows.filter { ["I", "II", "III"].contains($0.stt) }.map(\.name), ["Cấp huyện", "Cấp xã", "Khác"])
        // Hand-checked against the appendix: 6 carried over + 1.907 received.
        let total = rows.last!.v
        XCTAssertEqual(total[0], 1913)
        XCTAssertEqual(total[3], 6)
        // The subtotal rows add up to the total.
        let sections = rows.filter { ["I", "II", "III"].contains($0.stt) }
        for c in 0..<11 { XCTAssertEqual(sections.map { $0.v[c] }.reduce(0, +), total[c], "column \(c)") }
        let doc = try validatedReportJSON(at: json)
        XCTAssertEqual((doc["rows"] as! [[String: Any]]).filter { $0["kind"] as? String == "section" }.count, 3)
    }

    func testOneUnitIsByLinhVuc() throws {
        let out = dir.appendingPathComponent("xa.xlsx").path, json = dir.appendingPathComponent("xa.json").path
        let r = try CommandRunner.run(["report"] + inputs + ["--period", "2020-10", "--template", "bieu-06", "--unit", "TU.THANTHUOC",
                                                             "--out", out, "--json", json])
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = try formRows(try XCTUnwrap(try XLSXWorkbook(path: out)["Biểu 06"]))
        XCTAssertTrue(rows.contains { $0.name == "Hộ tịch" }, "\(rows.map(\.name))")
        XCTAssertFalse(rows.contains { $0.stt == "I" }, "no sections for one unit")
        for row in rows { assertAddsUp(row.v, row.name) }
        let body = rows.dropLast()
        for c in 0..<11 { XCTAssertEqual(body.map { $0.v[c] }.reduce(0, +), rows.last!.v[c], "column \(c)") }
        let doc = try validatedReportJSON(at: json)
        XCTAssertEqual(Set((doc["rows"] as! [[String: Any]]).map { $0["kind"] as! String }), ["group"])
        XCTAssertEqual((doc["total"] as! [String: Any])["received"] as? Int, 582)
    }

    /// A generated two-level province (tỉnh → xã, with the public-administration
    /// service centre) for 2025-Q4: two sections in Biểu 06, and every default sheet writes.
    func testTwoLevelProvinceInTheFourthQuarterOf2025() throws {
        let gen = dir.appendingPathComponent("gen")
        let g = try CommandRunner.run(["generate", "--out", gen.path, "--dossiers", "3000", "--from", "2025-07-01",
                                       "--to", "2025-12-31", "--two-level", "--seed", "118"])
        XCTAssertEqual(g.status, 0, g.stderr)
        let files = ["--input", gen.appendingPathComponent("dossiers.csv").path,
                     "--units", gen.appendingPathComponent("units.csv").path,
                     "--procedures", gen.appendingPathComponent("procedures.csv").path]
        let out = dir.appendingPathComponent("q4.xlsx").path
        let r = try CommandRunner.run(["report"] + files + ["--period", "2025-Q4", "--template", "bieu-06", "--out", out,
                                                            "--json", dir.appendingPathComponent("q4.json").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = try formRows(try XCTUnwrap(try XLSXWorkbook(path: out)["Biểu 06"]))
        XCTAssertEqual(rows.filter { ["I", "II", "III"].contains($0.stt) }.map(\.name), ["Cấp tỉnh", "Cấp xã"])
        XCTAssertTrue(rows.contains { $0.name.hasPrefix("Trung tâm Phục vụ hành chính công") })
        for row in rows { assertAddsUp(row.v, row.name) }
        XCTAssertGreaterThan(rows.last!.v[0], 500)
        let all = dir.appendingPathComponent("all.xlsx").path
        let full = try CommandRunner.run(["report"] + files + ["--period", "2025-Q4", "--cutoff-day", "14", "--out", all,
                                                               "--json", dir.appendingPathComponent("all.json").path])
        XCTAssertEqual(full.status, 0, full.stderr)
        XCTAssertEqual(try XLSXWorkbook(path: all).sheets.count, 8)
    }

    /// Under a cut-off day every sheet says the actual dates, and the JSON too.
    func testCutoffDayDatesOnEverySheetAndInTheJSON() throws {
        let out = dir.appendingPathComponent("c.xlsx").path, json = dir.appendingPathComponent("c.json").path
        let r = try CommandRunner.run(["report"] + inputs + ["--period", "2020-10", "--cutoff-day", "14", "--out", out, "--json", json])
        XCTAssertEqual(r.status, 0, r.stderr)
        let workbook = try XLSXWorkbook(path: out)
        XCTAssertEqual(workbook.sheets.map(\.name), ["Phụ lục", "Đúng hạn", "Đúng hạn - biểu đồ", "Tóm tắt", "Quá hạn",
                                                     "Chấm điểm TT01", "Chấm điểm TT01 - tiêu chí", "Kiểm tra dữ liệu"])
        // The TT01 criteria are the rubric's, the same for every period: that sheet has no dates.
        for sheet in workbook.sheets where !sheet.name.hasSuffix("tiêu chí") {
            XCTAssertTrue(sheet.cells.values.contains { $0.description.contains("từ ngày 15/09/2020 đến ngày 14/10/2020") },
                          "\(sheet.name) does not print the period's dates")
        }
        let period = try validatedReportJSON(at: json)["period"] as! [String: Any]
        XCTAssertEqual(period["from"] as? String, "2020-09-15")
        XCTAssertEqual(period["to"] as? String, "2020-10-14")
        XCTAssertEqual(period["cutoff"] as? String, "2020-10-14T23:59:59+07:00")
        XCTAssertEqual(period["cutoff_day"] as? Int, 14)
        XCTAssertEqual(period["label"] as? String, "2020-10")
        // Without a cut-off day nothing is added and cutoff_day is absent (period stays all text).
        let plain = dir.appendingPathComponent("p.json").path
        XCTAssertEqual(try CommandRunner.run(["report"] + inputs + ["--period", "2020-10", "--out", dir.appendingPathComponent("p.xlsx").path,
                                                                   "--json", plain]).status, 0)
        XCTAssertNil((try validatedReportJSON(at: plain)["period"] as? [String: String])?["cutoff_day"])
        XCTAssertNotNil(try validatedReportJSON(at: plain)["period"] as? [String: String])
        // Out of range, or with --from/--to: a usage error.
        for bad in [["--period", "2020-10", "--cutoff-day", "29"], ["--from", "2020-10-01", "--to", "2020-10-31", "--cutoff-day", "14"]] {
            let e = try CommandRunner.run(["report"] + inputs + bad + ["--out", dir.appendingPathComponent("x.xlsx").path])
            XCTAssertNotEqual(e.status, 0, "\(bad)")
        }
    }

    /// `overdue --cutoff-day`: the list starts on the first day of the reporting month.
    func testOverdueListStartsWithTheReportingMonth() throws {
        let csv = dir.appendingPathComponent("o.csv").path, plain = dir.appendingPathComponent("o2.csv").path
        let cut = try CommandRunner.run(["overdue"] + inputs + ["--as-of", "2020-10-20", "--cutoff-day", "14", "--csv", csv])
        XCTAssertEqual(cut.status, 0, cut.stderr)
        let explicit = try CommandRunner.run(["overdue"] + inputs + ["--as-of", "2020-10-20", "--from", "2020-10-15", "--csv", plain])
        XCTAssertEqual(explicit.status, 0, explicit.stderr)
        XCTAssertEqual(try String(contentsOfFile: csv, encoding: .utf8), try String(contentsOfFile: plain, encoding: .utf8))
    }
}
