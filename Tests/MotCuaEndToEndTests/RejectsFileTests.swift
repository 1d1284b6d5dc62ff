import Foundation
import XCTest
import MotCuaTestSupport

/// The rejects CSV beside a database (or a report) always belongs to the
/// latest import: a clean import removes the one an earlier import left (issue 14).
final class RejectsFileTests: SampleDataTestCase {
    var db: String { dir.appendingPathComponent("m.sqlite").path }
    var reference: [String] {
        ["--units", sample.appendingPathComponent("units.csv").path,
         "--procedures", sample.appendingPathComponent("procedures.csv").path]
    }

    func testACleanImportRemovesTheRejectsFileAnEarlierImportLeft() throws {
        let header = "MaHoSo,MaDonVi,MaTTHC,NgayTiepNhan,NgayHenTra,TrangThaiHoSo\n"
        let bad = dir.appendingPathComponent("bad.csv").path, good = dir.appendingPathComponent("good.csv").path
        try (header + "A,TU.NAMSO,1.000656.000.00.00.H29,05/10/2020 08:00,09/10/2020,4\nB,TU.NAMSO,x\n")
            .write(toFile: bad, atomically: true, encoding: .utf8)
        try (header + "A,TU.NAMSO,1.000656.000.00.00.H29,05/10/2020 08:00,09/10/2020,4\n")
            .write(toFile: good, atomically: true, encoding: .utf8)
        let rejects = db + ".rejects.csv"
        XCTAssertEqual(try CommandRunner.run(["import", "--db", db] + reference + [bad]).status, 3)
        XCTAssertTrue(try String(contentsOfFile: rejects, encoding: .utf8).contains("bad.csv"))
        XCTAssertEqual(try CommandRunner.run(["import", "--db", db, good]).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: rejects), "no rejects file from the earlier import")

        // report --input: beside the workbook.
        let out = dir.appendingPathComponent("bao-cao.xlsx").path, besideOut = dir.appendingPathComponent("bao-cao.rejects.csv").path
        let withRejects = try CommandRunner.run(["report", "--input", bad] + reference + ["--period", "2020-10", "--out", out])
        XCTAssertTrue(FileManager.default.fileExists(atPath: besideOut), withRejects.stderr)
        let clean = try CommandRunner.run(["report", "--input", good] + reference + ["--period", "2020-10", "--out", out])
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: besideOut))
    }
}
