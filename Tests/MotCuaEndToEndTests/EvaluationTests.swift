import Foundation
import MotCuaTestSupport
import XCTest

/// Thông tư 01 scoring with assessor evaluations (docs/rules.md#evaluations, docs/rules.md#tt01).
final class EvaluationTests: SampleDataTestCase {


    func tt01(_ json: String, unit index: Int) throws -> [String: Any] {
        let doc = try validatedReportJSON(at: json)
        return (doc["rows"] as! [[String: Any]])[index]["tt01"] as! [String: Any]
    }

    func testEvaluationsOverrideDerivedPointsAndAssessMoreIndicators() throws {
        let db = dir.appendingPathComponent("e.sqlite").path
        let s = sample
        XCTAssertEqual(try CommandRunner.run(["import", "--db", db, "--units", s.appendingPathComponent("units.csv").path,
                                              "--procedures", s.appendingPathComponent("procedures.csv").path,
                                              s.appendingPathComponent("dossiers.csv").path]).status, 0)
        let before = dir.appendingPathComponent("before.json").path
        XCTAssertEqual(try CommandRunner.run(["report", "--db", db, "--period", "2020-10", "--out",
                                              dir.appendingPathComponent("a.xlsx").path, "--json", before]).status, 0)
        // Two finished Trung Đồng dossiers: the citizen rated officers' attitude (CS7),
        // one value is out of range and must be ignored with a warning.
        let export = try String(contentsOf: s.appendingPathComponent("dossiers.csv"), encoding: .utf8)
        // Received in the first days of October (codes carry the date: …-201005-…) and returned.
        let codes = export.split(separator: "\n").filter { $0.contains(",TU.TRUNGDONG,") && $0.contains("-20100") && $0.contains(",10,") }
            .prefix(2).map { String($0.split(separator: ",")[0]) }
        XCTAssertEqual(codes.count, 2)
        let evaluations = dir.appendingPathComponent("danh-gia.csv").path
        try "MaHoSo,CS7,CS1\n\(codes[0]),2,\n\(codes[1]),1,5\n".write(toFile: evaluations, atomically: true, encoding: .utf8)
        let imported = try CommandRunner.run(["import", "--db", db, "--evaluations", evaluations])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("2 hồ sơ được đánh giá"), imported.stdout)

        let after = dir.appendingPathComponent("after.json").path
        let report = try CommandRunner.run(["report", "--db", db, "--period", "2020-10", "--out",
                                            dir.appendingPathComponent("b.xlsx").path, "--json", after])
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertTrue(report.stderr.contains(codes[1]), "the out-of-range value is named in a warning: \(report.stderr)")
        let a = try tt01(before, unit: 4), b = try tt01(after, unit: 4)
        XCTAssertEqual(b["max"] as! Int, (a["max"] as! Int) + 4, "CS7 is assessed for two dossiers: +2 maximum each")
        XCTAssertEqual(b["points"] as! Int, (a["points"] as! Int) + 3, "2 + 1 points; the CS1 value 5 is ignored")
        XCTAssertEqual((b["indicators"] as! [String: Double])["7"], 1.5)
    }
}
