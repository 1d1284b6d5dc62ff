import Foundation
import GRDB
import XCTest
import MotCuaTestSupport

/// The database file itself (issue 14): a damaged one is not written to, and
/// another program's database is refused untouched.
final class DatabaseSafetyTests: SampleDataTestCase {
    var db: String { dir.appendingPathComponent("m.sqlite").path }
    var dossiers: String { sample.appendingPathComponent("dossiers.csv").path }
    var reference: [String] {
        ["--units", sample.appendingPathComponent("units.csv").path,
         "--procedures", sample.appendingPathComponent("procedures.csv").path]
    }

    func testADatabaseWithCorruptPagesStopsTheImportAndIsLeftAsItIs() throws {
        let first = try CommandRunner.run(["import", "--db", db] + reference + [dossiers])
        XCTAssertEqual(first.status, 0, first.stderr)
        // Overwrite two pages in the middle of the file, as a failing disk or a broken copy would.
        let pageSize = try DatabaseQueue(path: db).read { db in try Int.fetchOne(db, sql: "PRAGMA page_size")! }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: db))
        let pages = bytes.count / pageSize
        XCTAssertGreaterThan(pages, 20)
        let start = (pages / 2) * pageSize
        bytes.replaceSubrange(start..<start + 2 * pageSize, with: (0..<2 * pageSize).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) })
        try bytes.write(to: URL(fileURLWithPath: db))

        // A small new export: it touches only the table's last pages, so before
        // the check it was stored with exit 0 and the damage stayed hidden.
        let newer = dir.appendingPathComponent("moi.csv").path
        try """
            MaHoSo,MaDonVi,MaTTHC,NgayTiepNhan,NgayHenTra,TrangThaiHoSo
            ZZ-MOI-1,TU.NAMSO,1.000656.000.00.00.H29,05/11/2020 08:00,09/11/2020,4

            """.write(toFile: newer, atomically: true, encoding: .utf8)
        let vi = try CommandRunner.run(["import", "--db", db] + reference + [newer])
        XCTAssertEqual(vi.status, 1, vi.stdout + vi.stderr)
        XCTAssertTrue(vi.stderr.contains("\(db): cơ sở dữ liệu bị hỏng") && vi.stderr.contains("bản sao lưu"), vi.stderr)
        XCTAssertFalse(vi.stderr.contains("SQLite error") || vi.stderr.contains("SELECT"), vi.stderr)
        let en = try CommandRunner.run(["import", "--lang", "en", "--db", db, newer])
        XCTAssertEqual(en.status, 1)
        XCTAssertTrue(en.stderr.contains("the database is corrupt") && en.stderr.contains("backup"), en.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), bytes, "the damaged file is not written to")
    }

    func testAnotherProgramsDatabaseIsRefusedAndLeftUnchanged() throws {
        let foreign = dir.appendingPathComponent("ke-toan.sqlite").path
        try DatabaseQueue(path: foreign).write { db in
            try db.execute(sql: "CREATE TABLE so_cai (id INTEGER PRIMARY KEY, so_tien INTEGER)")
            try db.execute(sql: "INSERT INTO so_cai (so_tien) VALUES (1000)")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: foreign))
        let result = try CommandRunner.run(["import", "--db", foreign] + reference + [dossiers])
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("\(foreign): đây là cơ sở dữ liệu của một chương trình khác"), result.stderr)
        let en = try CommandRunner.run(["report", "--lang", "en", "--db", foreign, "--period", "2020-10",
                                        "--out", dir.appendingPathComponent("r.xlsx").path])
        XCTAssertTrue(en.stderr.contains("\(foreign): this is another program's database"), en.stderr)
        let tables = try DatabaseQueue(path: foreign).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master ORDER BY name")
        }
        XCTAssertEqual(tables, ["so_cai"])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: foreign)), before)

        // Not a database at all (a CSV given as --db): the same plain kind of message.
        let notADatabase = dir.appendingPathComponent("dossiers.csv").path
        try FileManager.default.copyItem(atPath: dossiers, toPath: notADatabase)
        let csv = try CommandRunner.run(["import", "--db", notADatabase, dossiers])
        XCTAssertEqual(csv.status, 1)
        XCTAssertTrue(csv.stderr.contains("không phải tệp cơ sở dữ liệu"), csv.stderr)
    }
}
