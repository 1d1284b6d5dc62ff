import Foundation
import GRDB
import XCTest
import MotCuaTestSupport

/// The same dossiers written in the styles offices export (canonical names and
/// ISO dates; Vietnamese headers, dd/MM/yyyy, BOM, semicolons, CRLF, NFD names;
/// UTF-16 tab-delimited) import to identical stored data and identical figures.
final class ExportStylesTests: TemporaryDirectoryTestCase {

    func testEveryStyleGivesTheSameDataAndTheSameReport() throws {
        var reports: [String: Data] = [:]
        var tables: [String: [[String]]] = [:]
        for style in ["canonical", "vietnamese", "utf16"] {
            let out = dir.appendingPathComponent(style)
            let generated = try CommandRunner.run(["generate", "--out", out.path, "--dossiers", "4000", "--from", "2024-07-01",
                                                   "--to", "2024-09-30", "--style", style, "--seed", "7"])
            XCTAssertEqual(generated.status, 0, generated.stderr)
            let db = out.appendingPathComponent("s.sqlite").path
            let imported = try CommandRunner.run(["import", "--db", db, "--units", out.appendingPathComponent("units.csv").path,
                                                  "--procedures", out.appendingPathComponent("procedures.csv").path,
                                                  out.appendingPathComponent("dossiers.csv").path])
            XCTAssertEqual(imported.status, 0, "\(style): \(imported.stderr)")
            XCTAssertTrue(imported.stdout.contains("từ chối 0"), imported.stdout)
            let json = out.appendingPathComponent("q3.json").path
            let report = try CommandRunner.run(["report", "--db", db, "--period", "2024-Q3", "--out",
                                                out.appendingPathComponent("q3.xlsx").path, "--json", json, "--date", "2024-10-05"])
            XCTAssertEqual(report.status, 0, report.stderr)
            reports[style] = try Data(contentsOf: URL(fileURLWithPath: json))
            tables[style] = try DatabaseQueue(path: db).read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM dossier ORDER BY code").map { row in
                    row.columnNames.filter { $0 != "import_id" }.map { "\(row[$0] as DatabaseValue)" }
                }
            }
        }
        XCTAssertGreaterThan(tables["canonical"]!.count, 3000)
        XCTAssertEqual(tables["vietnamese"], tables["canonical"], "Vietnamese headers, BOM, semicolons, NFD")
        XCTAssertEqual(tables["utf16"], tables["canonical"], "UTF-16 LE, tab-delimited")
        XCTAssertEqual(reports["vietnamese"], reports["canonical"])
        XCTAssertEqual(reports["utf16"], reports["canonical"])
    }
}
