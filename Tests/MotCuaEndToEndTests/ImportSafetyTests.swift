import Foundation
import GRDB
import XCTest
import MotCuaTestSupport

/// `motcua import` as a clerk runs it: mapping files for other systems,
/// newer exports updating older ones and never the reverse, the audit row.
final class ImportSafetyTests: TemporaryDirectoryTestCase {
    let sample = CommandRunner.repositoryRoot.appendingPathComponent("SampleData/tan-uyen-2020-10")

    func write(_ name: String, _ text: String) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    var db: String { dir.appendingPathComponent("m.sqlite").path }

    func reference() -> [String] {
        ["--units", sample.appendingPathComponent("units.csv").path,
         "--procedures", sample.appendingPathComponent("procedures.csv").path]
    }

    func testMappingFileTeachesAnotherSystemsHeadersWordsAndDateOrder() throws {
        let export = try write("other.csv", """
            So HS DT|Don vi|Thu tuc|Kenh|Nhan luc|Han|Xong luc|Tinh trang
            X1|TU.MUONGKHOA|1.000656.000.00.00.H29|Cổng DVC|10/05/2020 08:00|10/07/2020|10/06/2020 09:00|Hoàn tất
            X2|TU.MUONGKHOA|1.000656.000.00.00.H29|Quầy|10/05/2020 09:00|10/07/2020||Đang làm

            """.replacingOccurrences(of: "|", with: ";"))
        let mapping = try write("he-thong-khac.yaml", """
            # A system that writes US-style dates and its own words.
            delimiter: semicolon
            date_format: MM/dd/yyyy
            columns:
              MaHoSo: [So HS DT]
              MaDonVi: [Don vi]
              MaTTHC: [Thu tuc]
              KenhThucHien: [Kenh]
              NgayTiepNhan: [Nhan luc]
              NgayHenTra: [Han]
              NgayKetThucXuLy: [Xong luc]
              TrangThaiHoSo: [Tinh trang]
            values:
              KenhThucHien: { "Cổng DVC": 2, "Quầy": 1 }
              TrangThaiHoSo: { "Hoàn tất": 10, "Đang làm": 4 }
            units: \(sample.appendingPathComponent("units.csv").path)
            procedures: \(sample.appendingPathComponent("procedures.csv").path)
            """)
        let result = try CommandRunner.run(["import", "--db", db, "--mapping", mapping, export])
        XCTAssertEqual(result.status, 0, result.stderr + result.stdout)
        XCTAssertTrue(result.stdout.contains("mới 2"), result.stdout)
        let rows = try DatabaseQueue(path: db).read { db in
            try Row.fetchAll(db, sql: "SELECT code, channel, status, received_at, due_at, finished_at FROM dossier ORDER BY code")
        }
        XCTAssertEqual(rows.map { $0["channel"] as Int }, [2, 1])
        XCTAssertEqual(rows.map { $0["status"] as Int }, [10, 4])
        // 10/05/2020 read month first: 5 October 2020, 08:00.
        let oct5 = Int64(18_540) * 86_400 + 8 * 3600
        XCTAssertEqual(rows[0]["received_at"] as Int64, oct5)
        XCTAssertEqual(rows[0]["due_at"] as Int64, Int64(18_542) * 86_400 + 17 * 3600, "date-only due: 17:00 of 7 October")

        let bad = try write("bad.yaml", "columns:\n  SoHoSoSai: [x]\n")
        let failed = try CommandRunner.run(["import", "--db", db, "--mapping", bad, export])
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.stderr.contains("SoHoSoSai") && failed.stderr.contains("không phải tên cột chuẩn"), failed.stderr)
    }

    func testNewerExportUpdatesAnOlderOneNeverRevertsAndTheAuditRecordsTheHash() throws {
        let header = "MaHoSo,MaDonVi,MaTTHC,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo\n"
        let november = try write("nov.csv", header + """
            A,TU.NAMSO,1.000656.000.00.00.H29,05/10/2020 08:00,09/10/2020,08/10/2020 10:00,10
            B,TU.NAMSO,1.000656.000.00.00.H29,05/10/2020 09:00,09/10/2020,,4

            """)
        let october = try write("oct.csv", header + """
            A,TU.NAMSO,1.000656.000.00.00.H29,05/10/2020 08:00,09/10/2020,,4
            C,TU.NAMSO,1.000656.000.00.00.H29,06/10/2020 09:00,09/10/2020,,4

            """)
        XCTAssertEqual(try CommandRunner.run(["import", "--db", db] + reference() + [november]).status, 0)
        let older = try CommandRunner.run(["import", "--db", db, october])
        XCTAssertEqual(older.status, 0, older.stderr)
        XCTAssertTrue(older.stdout.contains("mới 1, cập nhật 0"), older.stdout)
        XCTAssertTrue(older.stderr.contains("1 hồ sơ trong tệp cũ hơn dữ liệu đã có"), older.stderr)
        let finishedA = try DatabaseQueue(path: db).read { db in
            try Int64.fetchOne(db, sql: "SELECT finished_at FROM dossier WHERE code = 'A'")
        }
        XCTAssertNotNil(finishedA, "the older export did not move A back to pending")

        let audits = try DatabaseQueue(path: db).read { db in
            try Row.fetchAll(db, sql: "SELECT file_name, sha256, rows_read, inserted FROM import_batch ORDER BY id")
        }
        XCTAssertEqual(audits.count, 2)
        XCTAssertEqual((audits[0]["sha256"] as String).count, 64)
        XCTAssertEqual(audits[0]["sha256"] as String, try sha256sum(november))
        XCTAssertEqual(audits.map { $0["rows_read"] as Int }, [2, 2])
    }

    /// Issue 14: an older export that repeats a line of itself, imported after a
    /// newer one, put a finished dossier back to status 4 while saying the newer
    /// state was kept. Both orders must leave the same table, field for field.
    func testTheOrderOfTwoExportsDoesNotChangeAnyStoredField() throws {
        let header = "MaHoSo,MaDonVi,MaTTHC,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,TrangThaiHoSo,NgayCapNhat\n"
        let a = try write("a-older.csv", header + """
            A,TU.NAMSO,1.000656.000.00.00.H29,05/10/2020 08:00,09/10/2020,,,4,05/10/2020 08:00
            B,TU.NAMSO,1.000656.000.00.00.H29,05/10/2020 09:00,09/10/2020,,,4,05/10/2020 09:00
            A,TU.NAMSO,1.000656.000.00.00.H29,05/10/2020 08:00,09/10/2020,,,4,05/10/2020 08:00
            C,TU.NAMSO,1.000656.000.00.00.H29,06/10/2020 09:00,09/10/2020,,,4,06/10/2020 09:00
            C,TU.NAMSO,1.000656.000.00.00.H29,06/10/2020 09:00,09/10/2020,,,4,06/10/2020 09:00

            """)
        let b = try write("b-newer.csv", header + """
            A,TU.NAMSO,1.000656.000.00.00.H29,05/10/2020 08:00,09/10/2020,07/10/2020 10:00,08/10/2020 09:00,10,08/10/2020 09:00
            B,TU.NAMSO,1.000656.000.00.00.H29,05/10/2020 09:00,09/10/2020,,,4,05/10/2020 09:00
            C,TU.NAMSO,1.000656.000.00.00.H29,06/10/2020 09:00,09/10/2020,08/10/2020 15:00,,9,08/10/2020 15:00

            """)
        func table(_ files: [String], _ name: String) throws -> (rows: [[DatabaseValue]], last: CommandRunner.Result) {
            let path = dir.appendingPathComponent(name).path
            var last: CommandRunner.Result?
            for file in files {
                last = try CommandRunner.run(["import", "--db", path] + reference() + [file])
                XCTAssertEqual(last!.status, 0, last!.stderr)
            }
            let rows = try DatabaseQueue(path: path).read { db in
                let columns = try db.columns(in: "dossier").map(\.name).filter { $0 != "import_id" }
                return try Row.fetchAll(db, sql: "SELECT \(columns.joined(separator: ", ")) FROM dossier ORDER BY code")
                    .map { row in columns.map { row[$0] as DatabaseValue } }
            }
            return (rows, last!)
        }
        let forward = try table([a, b], "ab.sqlite"), backward = try table([b, a], "ba.sqlite")
        XCTAssertEqual(forward.rows, backward.rows)
        XCTAssertEqual(forward.rows.count, 3)
        XCTAssertTrue(backward.last.stderr.contains("2 hồ sơ trong tệp cũ hơn dữ liệu đã có"), backward.last.stderr)
        XCTAssertTrue(backward.last.stdout.contains("lặp y hệt 2") && !backward.last.stdout.contains("trùng mã"),
                      backward.last.stdout)
        let a10 = try DatabaseQueue(path: dir.appendingPathComponent("ba.sqlite").path).read { db in
            try Row.fetchOne(db, sql: "SELECT status, finished_at FROM dossier WHERE code = 'A'")!
        }
        XCTAssertEqual(a10["status"] as Int, 10)
        XCTAssertNotNil(a10["finished_at"] as Int64?, "A stays finished")
    }

    /// A record cut short reaches the clerk and the rejects CSV like any rejected row, in both languages.
    func testARecordWithTheWrongFieldCountIsRejectedWithItsLineInBothLanguages() throws {
        let export = try write("cut.csv", """
            MaHoSo,MaDonVi,MaTTHC,NgayTiepNhan,NgayHenTra,TrangThaiHoSo
            A,TU.NAMSO,1.000656.000.00.00.H29,05/10/2020 08:00,09/10/2020,4
            B,TU.NAMSO,1.000656.000.00.00.H29
            C,TU.NAMSO,1.000656.000.00.00.H29,06/10/2020 09:00,09/10/2020,4

            """)
        let result = try CommandRunner.run(["import", "--lang", "en", "--db", db] + reference() + [export])
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertTrue(result.stdout.contains("new 2"), result.stdout)
        XCTAssertTrue(result.stderr.contains("cut.csv, line 3: The record has 3 fields but the header has 6; the record is skipped."),
                      result.stderr)
        let rejects = try String(contentsOfFile: db + ".rejects.csv", encoding: .utf8)
        XCTAssertTrue(rejects.contains("cut.csv,3,,B,\"Bản ghi có 3 trường nhưng dòng tiêu đề có 6 trường; bản ghi bị bỏ qua.\""),
                      rejects)
    }

    /// The system's own `sha256sum`, as an independent check of the audit hash.
    func sha256sum(_ path: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        p.arguments = [path]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return String(out.prefix(64))
    }

    func testMissingDueDateIsRecomputedFromTheCatalogueAndCalendar() throws {
        // Sample procedure 1.000656…: look its duration up instead of assuming it.
        let procedures = try String(contentsOf: sample.appendingPathComponent("procedures.csv"), encoding: .utf8)
        XCTAssertTrue(procedures.contains("1.000656.000.00.00.H29"))
        let export = try write("nodue.csv", """
            MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,TrangThaiHoSo
            D1,TU.NAMSO,1.000656.000.00.00.H29,1,01/09/2020 16:00,4

            """)
        let result = try CommandRunner.run(["import", "--db", db] + reference() + [export])
        XCTAssertEqual(result.status, 0, result.stderr)
        let due = try DatabaseQueue(path: db).read { db in try Int64.fetchOne(db, sql: "SELECT due_at FROM dossier") }
        // Received 01/09 (Tue) after 15:00 → counting starts 03/09 07:30 (02/09 is Quốc khánh).
        XCTAssertNotNil(due)
        XCTAssertGreaterThanOrEqual(due!, Int64(18_508) * 86_400 + 7 * 3600 + 30 * 60, "counted from Thursday 03/09/2020")
    }

    func testSameCodeTwiceInOneFileLaterLineWinsIdenticalRepeatCountedOnce() throws {
        let export = try write("dup.csv", """
            MaHoSo,MaDonVi,MaTTHC,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo
            A,TU.NAMSO,1.000656.000.00.00.H29,05/10/2020 08:00,09/10/2020,,4
            B,TU.NAMSO,1.000656.000.00.00.H29,05/10/2020 09:00,09/10/2020,,4
            A,TU.NAMSO,1.000656.000.00.00.H29,05/10/2020 08:00,09/10/2020,07/10/2020 10:00,10
            B,TU.NAMSO,1.000656.000.00.00.H29,05/10/2020 09:00,09/10/2020,,4

            """)
        let result = try CommandRunner.run(["import", "--db", db] + reference() + [export])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("mới 2") && result.stdout.contains("trùng mã 1") && result.stdout.contains("lặp y hệt 1"),
                      result.stdout)
        XCTAssertTrue(result.stderr.contains("dup.csv, dòng 4, cột MaHoSo: Mã hồ sơ trùng với dòng 2"), result.stderr)
        let finished = try DatabaseQueue(path: db).read { db in
            try Int64.fetchOne(db, sql: "SELECT finished_at FROM dossier WHERE code = 'A'")
        }
        XCTAssertNotNil(finished, "the later line of A is the one kept")
    }
}
