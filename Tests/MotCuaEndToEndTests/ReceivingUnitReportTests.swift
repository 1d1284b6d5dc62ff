import Foundation
import MotCuaTestSupport
import XCTest

/// The receiving unit from the user's side (docs/rules.md#receiving-unit): an
/// export with a receiving-unit column is imported into a real database, and
/// `report --attribute receiving` counts reception for the receiving unit,
/// results for the handling unit, says so under every title and in the JSON.
final class ReceivingUnitReportTests: SampleDataTestCase {
    /// The sample with a "Nơi tiếp nhận" column: every fifth commune dossier
    /// was received at the district's one-stop desk (written by name).
    func sampleWithReceivingUnit() throws -> String {
        let text = try String(contentsOf: sample.appendingPathComponent("dossiers.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        lines[0] += ",Nơi tiếp nhận"
        for i in 1..<lines.count {
            // The unit code is the second field (the first, MaHoSo, has no comma).
            let unit = lines[i].split(separator: ",", maxSplits: 2)[1]
            let atDesk = unit != "TU.BPMC" && unit.hasPrefix("TU.") && i % 5 == 0
            lines[i] += atDesk ? ",Bộ phận TN&TKQ Huyện Tân Uyên" : ","
        }
        let path = dir.appendingPathComponent("recv.csv").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testReceptionCountsForTheReceivingUnit() throws {
        let file = try sampleWithReceivingUnit()
        let db = dir.appendingPathComponent("m.sqlite").path
        let imported = try CommandRunner.run(["import", "--db", db, "--units", sample.appendingPathComponent("units.csv").path,
                                              "--procedures", sample.appendingPathComponent("procedures.csv").path, file])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        // Imported again: the receiving unit is part of what is stored, and nothing changed.
        let again = try CommandRunner.run(["import", "--db", db, file])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("mới 0, cập nhật 0"), again.stdout)
        func run(_ attribution: String) throws -> (doc: [String: Any], out: String) {
            let out = dir.appendingPathComponent("\(attribution).xlsx").path, json = dir.appendingPathComponent("\(attribution).json").path
            let r = try CommandRunner.run(["report", "--db", db, "--period", "2020-10", "--attribute", attribution,
                                           "--out", out, "--json", json])
            XCTAssertEqual(r.status, 0, r.stderr)
            return (try validatedReportJSON(at: json), out)
        }
        let handling = try run("handling"), receiving = try run("receiving")
        XCTAssertEqual(handling.doc["attribution"] as? String, "handling")
        XCTAssertEqual(receiving.doc["attribution"] as? String, "receiving")
        func unit(_ doc: [String: Any], _ code: String) -> [String: Any] {
            (doc["units"] as! [[String: Any]]).first { $0["code"] as? String == code }!
        }
        let deskBefore = unit(handling.doc, "TU.BPMC"), deskAfter = unit(receiving.doc, "TU.BPMC")
        // What the communes no longer receive, the desk does.
        let communes = (handling.doc["units"] as! [[String: Any]]).map { $0["code"] as! String }.filter { $0.hasPrefix("TU.") && $0 != "TU.BPMC" }
        let moved = communes.map { unit(handling.doc, $0)["received"] as! Int - (unit(receiving.doc, $0)["received"] as! Int) }.reduce(0, +)
        XCTAssertGreaterThan(moved, 250)
        XCTAssertEqual(deskAfter["received"] as! Int - (deskBefore["received"] as! Int), moved)
        // A commune's resolution rate stays over the dossiers it handles: never above 100 %.
        for code in communes {
            XCTAssertEqual(unit(receiving.doc, code)["resolution_rate"] as? Double, unit(handling.doc, code)["resolution_rate"] as? Double, code)
        }
        XCTAssertEqual(deskAfter["finished"] as? Int, deskBefore["finished"] as? Int, "results stay with the handling unit")
        XCTAssertEqual(deskAfter["pending"] as? Int, deskBefore["pending"] as? Int)
        // The district as a whole is unchanged.
        for key in ["received", "finished", "pending", "backlog", "received_online"] {
            XCTAssertEqual((receiving.doc["total"] as! [String: Any])[key] as? Int, (handling.doc["total"] as! [String: Any])[key] as? Int, key)
        }
        let line = "Số hồ sơ tiếp nhận tính cho đơn vị tiếp nhận; số hồ sơ tồn, đã giải quyết, đang giải quyết tính cho đơn vị giải quyết."
        let workbook = try XLSXWorkbook(path: receiving.out)
        for name in ["Phụ lục", "Đúng hạn", "Quá hạn", "Kiểm tra dữ liệu"] {
            XCTAssertNotNil(workbook[name]!.row(whereColumn: 0, is: line), name)
        }
        XCTAssertNil(try XLSXWorkbook(path: handling.out)["Phụ lục"]!.row(whereColumn: 0, is: line))
    }
}
