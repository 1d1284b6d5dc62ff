import Foundation
import MotCuaTestSupport
import XCTest

/// Tables by dimension from the user's side (docs/rules.md#dimensions): the
/// example templates and `report --by` on the Tân Uyên sample, read back
/// from the workbook and the JSON the binary writes.
final class DimensionReportTests: SampleDataTestCase {
    /// The rows between the header and the total row, as (name, counts of columns 2...).
    func table(_ sheet: XLSXWorkbook.Sheet, firstColumn: Int, totalLabel: String) -> (rows: [[Double]], total: [Double], names: [String]) {
        let total = sheet.row(whereColumn: 0, is: totalLabel)!
        var first = total
        while first > 0, sheet.cell(first - 1, 0)?.number != nil { first -= 1 }
        let columns = (firstColumn..<100).prefix { sheet.cell(total, $0) != nil }
        let rows = (first..<total).map { r in columns.map { sheet.cell(r, $0)?.number ?? 0 } }
        return (rows, columns.map { sheet.cell(total, $0)?.number ?? 0 }, (first..<total).map { sheet.text($0, 1) })
    }

    func testFieldTemplateRowsAddUpToTheTotalAndMatchTheJSON() throws {
        let out = dir.appendingPathComponent("lv.xlsx").path, json = dir.appendingPathComponent("lv.json").path
        let r = try CommandRunner.run(["report"] + inputs + ["--period", "2020-10", "--template", "theo-linh-vuc",
                                                             "--out", out, "--json", json])
        XCTAssertEqual(r.status, 0, r.stderr)
        let sheet = try XLSXWorkbook(path: out)["Theo lĩnh vực"]!
        let t = table(sheet, firstColumn: 3, totalLabel: "TỔNG CỘNG")
        XCTAssertGreaterThan(t.rows.count, 3, "the sample has several lĩnh vực: \(t.names)")
        // Every count column (all but the last, a rate) adds up to the total row.
        for c in 0..<(t.total.count - 1) {
            XCTAssertEqual(t.rows.map { $0[c] }.reduce(0, +), t.total[c], "column \(c + 3)")
        }
        XCTAssertEqual(t.total[1], 1907)
        let doc = try validatedReportJSON(at: json)
        let groups = doc["groups"] as! [String: Any]
        XCTAssertEqual(groups["by"] as? String, "linh-vuc")
        let items = groups["items"] as! [[String: Any]]
        XCTAssertEqual(items.map { $0["name"] as! String }, t.names)
        XCTAssertEqual(items.map { Double($0["received"] as! Int) }, t.rows.map { $0[1] })
        XCTAssertEqual((doc["rows"] as! [[String: Any]]).map { $0["kind"] as! String }, Array(repeating: "group", count: items.count))
    }

    func testMonthTemplateCountsEachEventInItsMonth() throws {
        let out = dir.appendingPathComponent("m.xlsx").path, json = dir.appendingPathComponent("m.json").path
        let r = try CommandRunner.run(["report"] + inputs + ["--from", "2020-09-01", "--to", "2020-10-31",
                                                             "--template", "theo-thang", "--out", out, "--json", json])
        XCTAssertEqual(r.status, 0, r.stderr)
        let sheet = try XLSXWorkbook(path: out)["Theo tháng"]!
        let t = table(sheet, firstColumn: 2, totalLabel: "CẢ KỲ")
        XCTAssertEqual(t.names, ["Tháng 9/2020", "Tháng 10/2020"])
        // Columns: backlog, received, desk, online, finished, early, on time, late, pending, in time, overdue, rates.
        for flow in 1...7 { XCTAssertEqual(t.rows[0][flow] + t.rows[1][flow], t.total[flow], "flow column \(flow)") }
        XCTAssertEqual(t.rows[0][0], t.total[0], "the period's backlog is September's opening backlog")
        XCTAssertEqual(t.rows[1][8], t.total[8], "the period's pending is October's closing pending")
        // October's opening backlog is September's closing pending.
        XCTAssertEqual(t.rows[1][0], t.rows[0][8])
        let october = try validatedReportJSON(at: json)
        XCTAssertEqual((october["groups"] as! [String: Any])["by"] as? String, "thang")
    }

    func testByEveryDimensionTheGroupsAddUp() throws {
        for dimension in ["unit", "unit-all", "linh-vuc", "thu-tuc", "kenh", "muc-do", "thang"] {
            let json = dir.appendingPathComponent("\(dimension).json").path
            let r = try CommandRunner.run(["report"] + inputs + ["--period", "2020-10", "--template", "phu-luc", "--by", dimension,
                                                                 "--out", dir.appendingPathComponent("p.xlsx").path, "--json", json])
            XCTAssertEqual(r.status, 0, r.stderr)
            let doc = try validatedReportJSON(at: json)
            let groups = doc["groups"] as! [String: Any]
            XCTAssertEqual(groups["by"] as? String, dimension)
            let items = groups["items"] as! [[String: Any]]
            let total = doc["total"] as! [String: Any]
            if dimension == "unit-all" {
                XCTAssertEqual(items.count, 12, "every unit of the district")
                XCTAssertEqual(items.first?["received"] as? Int, 1907, "the root row holds its whole subtree")
                continue
            }
            for key in ["received", "finished", "early", "on_time", "late", "received_online"] {
                XCTAssertEqual(items.map { $0[key] as! Int }.reduce(0, +), total[key] as? Int, "\(dimension) \(key)")
            }
            if dimension != "thang" {
                XCTAssertEqual(items.map { $0["pending"] as! Int }.reduce(0, +), total["pending"] as? Int, "\(dimension) pending")
            }
        }
        // The sheets are unchanged by --by: the appendix still has one row per unit.
        let book = try XLSXWorkbook(path: dir.appendingPathComponent("p.xlsx").path)
        XCTAssertNotNil(book["Phụ lục"]?.row(whereColumn: 1, is: "UBND xã Trung Đồng"))
    }

    func testLevelSectionsWithSubtotals() throws {
        let template = dir.appendingPathComponent("cap.yaml").path
        try """
        name: theo-cap
        sheets:
          - name: Theo cấp
            rows: unit-all
            sections: level
            header: { A1: STT, B1: Đơn vị, C1: Tiếp nhận, D1: Đã giải quyết }
            columns:
              - { figure: stt }
              - { figure: unit_name }
              - { figure: received }
              - { figure: finished }
            total: { label: TỔNG CỘNG, label_columns: 2 }
        """.write(toFile: template, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("cap.xlsx").path, json = dir.appendingPathComponent("cap.json").path
        let r = try CommandRunner.run(["report"] + inputs + ["--period", "2020-10", "--template", template, "--out", out, "--json", json])
        XCTAssertEqual(r.status, 0, r.stderr)
        let sheet = try XLSXWorkbook(path: out)["Theo cấp"]!
        let sections = ["I", "II", "III"].compactMap { sheet.row(whereColumn: 0, is: $0) }
        XCTAssertEqual(sections.map { sheet.text($0, 1) }, ["Cấp huyện", "Cấp xã", "Khác"])
        let total = sheet.row(whereColumn: 0, is: "TỔNG CỘNG")!
        XCTAssertEqual(sections.map { sheet.cell($0, 2)!.number! }.reduce(0, +), sheet.cell(total, 2)!.number!)
        // Each subtotal is the sum of the units under it.
        for (i, s) in sections.enumerated() {
            let end = i + 1 < sections.count ? sections[i + 1] : total
            XCTAssertEqual(((s + 1)..<end).map { sheet.cell($0, 2)!.number! }.reduce(0, +), sheet.cell(s, 2)!.number!)
            XCTAssertEqual(sheet.cell(s + 1, 0)?.number, 1, "units are numbered from 1 in each section")
        }
        let rows = try validatedReportJSON(at: json)["rows"] as! [[String: Any]]
        XCTAssertEqual(rows.filter { $0["kind"] as? String == "section" }.map { $0["name"] as! String }, ["Cấp huyện", "Cấp xã", "Khác"])
    }

    func testABadDimensionIsNamed() throws {
        let r = try CommandRunner.run(["report"] + inputs + ["--period", "2020-10", "--by", "huyen",
                                                             "--out", dir.appendingPathComponent("x.xlsx").path, "--json", "x.json"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("huyen"), r.stderr)
        let template = dir.appendingPathComponent("bad.yaml").path
        try "name: x\nsheets:\n  - name: A\n    rows: linh-vuc\n    sections: level\n    header: { A1: x }\n    columns: [{ figure: received }]\n"
            .write(toFile: template, atomically: true, encoding: .utf8)
        let bad = try CommandRunner.run(["report"] + inputs + ["--period", "2020-10", "--template", template,
                                                               "--out", dir.appendingPathComponent("y.xlsx").path])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("sections"), bad.stderr)
    }
}
