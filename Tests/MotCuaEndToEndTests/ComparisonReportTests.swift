import Foundation
import MotCuaTestSupport
import XCTest

/// Kỳ trước and cùng kỳ năm trước from the user's side (docs/rules.md#comparisons):
/// a synthetic province over 2023–2024 in a real database, every comparison
/// block checked against the report of that period made on its own.
final class ComparisonReportTests: TemporaryDirectoryTestCase {
    private var db: String { dir.appendingPathComponent("cmp.sqlite").path }

    override func setUpWithError() throws {
        try super.setUpWithError()
        let gen = dir.appendingPathComponent("gen").path
        let g = try CommandRunner.run(["generate", "--out", gen, "--dossiers", "6000", "--from", "2023-01-01", "--to", "2024-12-31"])
        XCTAssertEqual(g.status, 0, g.stderr)
        let i = try CommandRunner.run(["import", "--db", db, "--units", gen + "/units.csv", "--procedures", gen + "/procedures.csv",
                                       gen + "/dossiers.csv"])
        XCTAssertEqual(i.status, 0, i.stderr)
    }

    private func report(_ period: [String], name: String, extra: [String] = []) throws -> [String: Any] {
        let json = dir.appendingPathComponent("\(name).json").path
        let r = try CommandRunner.run(["report", "--db", db] + period + ["--out", dir.appendingPathComponent("\(name).xlsx").path,
                                                                         "--json", json] + extra)
        XCTAssertEqual(r.status, 0, r.stderr)
        return try validatedReportJSON(at: json)
    }

    /// An entry's figures without what is not a figure of its own period.
    private func figures(_ entry: [String: Any]) -> NSDictionary {
        var e = entry
        for key in ["previous", "year_ago", "tt01", "period", "has_data", "own", "code", "name", "parent", "level", "depth", "kind"] {
            e[key] = nil
        }
        return e as NSDictionary
    }

    /// Every unit (subtree and own), row and the total of `report`'s `kind`
    /// block equals the same entry of `other`, figure by figure.
    private func assertComparison(_ kind: String, of report: [String: Any], equals other: [String: Any], key: String,
                                  file: StaticString = #filePath, line: UInt = #line) {
        let block = (report["comparisons"] as! [String: Any])[kind] as! [String: Any]
        XCTAssertEqual(block["key"] as? String, key, file: file, line: line)
        XCTAssertEqual(block["from"] as? String, (other["period"] as! [String: Any])["from"] as? String, file: file, line: line)
        XCTAssertEqual(block["has_data"] as? Bool, true, file: file, line: line)
        let theirs = Dictionary(uniqueKeysWithValues: (other["units"] as! [[String: Any]]).map { ($0["code"] as! String, $0) })
        var compared = 0
        for unit in report["units"] as! [[String: Any]] {
            let code = unit["code"] as! String
            let then = theirs[code]!
            for (mine, reference) in [(unit, then), (unit["own"] as! [String: Any], then["own"] as! [String: Any])] {
                let c = mine[kind] as! [String: Any]
                XCTAssertEqual((c["period"] as! [String: Any])["key"] as? String, key, file: file, line: line)
                let hasData = (reference["backlog"] as! Int) + (reference["received"] as! Int) > 0
                XCTAssertEqual(c["has_data"] as? Bool, hasData, code, file: file, line: line)
                if hasData {
                    XCTAssertEqual(figures(c), figures(reference), code, file: file, line: line)
                    compared += 1
                } else {
                    XCTAssertNil(c["received"], "no figures without data: \(code)", file: file, line: line)
                }
            }
        }
        XCTAssertGreaterThan(compared, 10, file: file, line: line)
        let rows = report["rows"] as! [[String: Any]], otherRows = other["rows"] as! [[String: Any]]
        XCTAssertEqual(rows.count, otherRows.count, file: file, line: line)
        for (mine, reference) in zip(rows, otherRows) {
            XCTAssertEqual(figures(mine[kind] as! [String: Any]), figures(reference), mine["code"] as! String, file: file, line: line)
        }
        XCTAssertEqual(figures((report["total"] as! [String: Any])[kind] as! [String: Any]), figures(other["total"] as! [String: Any]),
                       file: file, line: line)
    }

    func testYearAgoOfAQuarterIsThatQuarterLastYearAndPreviousOfAMonthIsTheMonthBefore() throws {
        let q2 = try report(["--period", "2024-Q2"], name: "q2")
        let q2Last = try report(["--period", "2023-Q2"], name: "q2-2023")
        assertComparison("year_ago", of: q2, equals: q2Last, key: "2023-Q2")
        let q1 = try report(["--period", "2024-Q1"], name: "q1")
        assertComparison("previous", of: q2, equals: q1, key: "2024-Q1")

        let march = try report(["--period", "2024-03"], name: "m3")
        let february = try report(["--period", "2024-02"], name: "m2")
        assertComparison("previous", of: march, equals: february, key: "2024-02")

        // A custom period: as many days, ending the day before it starts.
        let custom = try report(["--from", "2024-03-01", "--to", "2024-03-10"], name: "c")
        let before = try report(["--from", "2024-02-20", "--to", "2024-02-29"], name: "c0")
        assertComparison("previous", of: custom, equals: before, key: "2024-02-20_2024-02-29")
    }

    func testAQuietComparisonPeriodSaysItHasNoData() throws {
        let json = dir.appendingPathComponent("jan.json").path, out = dir.appendingPathComponent("jan.xlsx").path
        let txt = dir.appendingPathComponent("jan.txt").path
        let r = try CommandRunner.run(["report", "--db", db, "--period", "2023-01", "--out", out, "--json", json, "--summary", txt])
        XCTAssertEqual(r.status, 0, r.stderr)
        let doc = try validatedReportJSON(at: json)
        let yearAgo = (doc["comparisons"] as! [String: Any])["year_ago"] as! [String: Any]
        XCTAssertEqual(yearAgo["key"] as? String, "2022-01")
        XCTAssertEqual(yearAgo["label"] as? String, "tháng 1 năm 2022")
        XCTAssertEqual(yearAgo["has_data"] as? Bool, false)
        let total = (doc["total"] as! [String: Any])["year_ago"] as! [String: Any]
        XCTAssertEqual(total["has_data"] as? Bool, false)
        XCTAssertNil(total["on_time_rate"], "no rate is made up for a period without data")
        for unit in doc["units"] as! [[String: Any]] {
            XCTAssertEqual((unit["year_ago"] as! [String: Any])["has_data"] as? Bool, false)
        }
        // The on-time sheet: "không có số liệu" in both year-ago columns of the total row, never 0 %.
        let sheet = try XLSXWorkbook(path: out)["Đúng hạn"]!
        let totalRow = sheet.row(whereColumn: 0, is: "TỔNG CỘNG")!
        XCTAssertEqual(sheet.text(totalRow, 20), "không có số liệu")
        XCTAssertEqual(sheet.text(totalRow, 21), "không có số liệu")
        XCTAssertTrue(sheet.text(totalRow, 18).hasPrefix("tăng") || sheet.text(totalRow, 18).hasPrefix("giảm")
                      || sheet.text(totalRow, 18) == "không có số liệu", sheet.text(totalRow, 18))
        let summary = try String(contentsOfFile: txt, encoding: .utf8)
        XCTAssertTrue(summary.contains("Cùng kỳ năm trước (tháng 1 năm 2022) không có số liệu để so sánh."), summary)
        XCTAssertFalse(summary.contains("0,0%"), summary)
        // The first month of the data has no backlog: said in words, not "là 0 hồ sơ".
        XCTAssertTrue(summary.contains("không có hồ sơ tồn từ kỳ trước chuyển sang."), summary)
        XCTAssertFalse(summary.contains("chuyển sang là 0 hồ sơ"), summary)
    }

    func testTheOnTimeSheetShowsChangesAsTheJSONGivesThem() throws {
        let doc = try report(["--period", "2024-Q2"], name: "q2s")
        let sheet = try XLSXWorkbook(path: dir.appendingPathComponent("q2s.xlsx").path)["Đúng hạn"]!
        XCTAssertNotNil(sheet.row(whereColumn: 18, is: "SO VỚI KỲ TRƯỚC"))
        let totalRow = sheet.row(whereColumn: 0, is: "TỔNG CỘNG")!
        let total = doc["total"] as! [String: Any]
        for (kind, column) in [("previous", 18), ("year_ago", 20)] {
            let now = total["received"] as! Int, then = (total[kind] as! [String: Any])["received"] as! Int
            let change = Double(now - then) * 100 / Double(then)
            let expected = now == then ? "không thay đổi"
                : (change > 0 ? "tăng " : "giảm ") + String(format: "%.1f", abs(change)).replacingOccurrences(of: ".", with: ",") + "%"
            XCTAssertEqual(sheet.text(totalRow, column), expected, kind)
        }
        let points = (total["on_time_rate"] as! Double) - ((total["previous"] as! [String: Any])["on_time_rate"] as! Double)
        let shown = String(format: "%.1f", abs(points)).replacingOccurrences(of: ".", with: ",")
        XCTAssertTrue(sheet.text(totalRow, 19) == (points > 0 ? "+" : "-") + shown + " điểm %" || shown == "0,0",
                      sheet.text(totalRow, 19))
    }
}
