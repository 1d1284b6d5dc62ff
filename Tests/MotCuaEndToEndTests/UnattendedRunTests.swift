import Foundation
import GRDB
import XCTest
import MotCuaTestSupport

/// `motcua run --config` as cron runs it: night after night, overlapping runs,
/// and runs killed at any moment (issue 8).
final class UnattendedRunTests: UnattendedRunTestCase {
    func testTwoNightsInARow() throws {
        let export = try String(contentsOf: sample.appendingPathComponent("dossiers.csv"), encoding: .utf8)
        try export.write(to: inbox.appendingPathComponent("2020-11-05.csv"), atomically: true, encoding: .utf8)
        try settle("2020-11-05.csv")
        let first = try run(today: "2020-11-06")
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(try json("out/TU/2020-10.json")["received"] as? Int, 1907)
        XCTAssertTrue(try FileManager.default.contentsOfDirectory(atPath: inbox.path).isEmpty, "imported files are archived")
        let log = try String(contentsOf: dir.appendingPathComponent("motcua.log"), encoding: .utf8)
        XCTAssertTrue(log.contains("báo cáo 2020-10 (TU)"), log)
        XCTAssertNotNil(log.range(of: #"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} "#, options: .regularExpression), "timestamped lines")

        // Second night, early December: a newer export in which five dossiers still
        // open on 5 November were finished on 20 November, and the same old file again.
        var lines = export.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var updated: [String] = []
        for i in 1..<lines.count where updated.count < 5 {
            var f = lines[i].components(separatedBy: ",")
            guard f.count == 21, f[13] == "4", f[11].isEmpty, f[12].isEmpty, f[9].hasSuffix("/10/2020") || f[9].contains("/11/2020") else { continue }
            f[11] = "20/11/2020 10:00:00"; f[12] = "20/11/2020 15:00:00"; f[13] = "10"
            lines[i] = f.joined(separator: ",")
            updated.append(f[0])
        }
        XCTAssertEqual(updated.count, 5)
        try lines.joined(separator: "\n").write(to: inbox.appendingPathComponent("2020-12-01.csv"), atomically: true, encoding: .utf8)
        try export.write(to: inbox.appendingPathComponent("2020-11-05-again.csv"), atomically: true, encoding: .utf8)
        try settle("2020-12-01.csv")
        try settle("2020-11-05-again.csv")

        let before = dir.appendingPathComponent("before.json").path
        XCTAssertEqual(try CommandRunner.run(["report", "--db", database, "--period", "2020-11", "--out",
                                              dir.appendingPathComponent("b.xlsx").path, "--json", before]).status, 0)
        let second = try run(today: "2020-12-02")
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.contains("2020-11-05-again.csv: đã nhập trước đó"), second.stdout)
        XCTAssertTrue(second.stdout.contains("cập nhật 5"), second.stdout)
        let november = try json("out/TU/2020-11.json")
        let earlier = (try validatedReportJSON(at: before))["total"] as! [String: Any]
        XCTAssertEqual(november["finished"] as! Int, (earlier["finished"] as! Int) + 5)
        XCTAssertEqual(november["received"] as? Int, earlier["received"] as? Int)
        XCTAssertEqual(try json("out/TU/2020-10.json")["received"] as? Int, 1907, "the first night's report is still there")
        let book = try XLSXWorkbook(path: dir.appendingPathComponent("out/TU/2020-11.xlsx").path)
        XCTAssertEqual(book.sheets.first?.name, "Phụ lục")
    }

    /// A run killed after SQLite created the database file but before the schema
    /// committed leaves an empty file (CI saw it once): the next night must carry on.
    func testADatabaseFileLeftEmptyByAKilledRunIsCompletedByTheNextRun() throws {
        FileManager.default.createFile(atPath: database, contents: Data())
        let export = try String(contentsOf: sample.appendingPathComponent("dossiers.csv"), encoding: .utf8)
        try export.write(to: inbox.appendingPathComponent("2020-11-05.csv"), atomically: true, encoding: .utf8)
        try settle("2020-11-05.csv")
        let result = try run(today: "2020-11-06")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try json("out/TU/2020-10.json")["received"] as? Int, 1907)

    }

    func testASecondRunWhileOneHoldsTheLockStopsCleanly() throws {
        // Hold the lock the way a running motcua does (flock on <database>.lock).
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [database + ".lock", "sleep", "3"]
        try holder.run()
        defer { holder.terminate(); holder.waitUntilExit() }
        Thread.sleep(forTimeInterval: 0.5)
        try "x".write(to: inbox.appendingPathComponent("a.csv"), atomically: true, encoding: .utf8)
        let result = try run(today: "2020-11-06")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("Một lần chạy khác đang chạy"), result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: inbox.appendingPathComponent("a.csv").path), "nothing was touched")
        // cron mails stderr to no one: the log says it too, and how the run ended.
        let log = try String(contentsOf: dir.appendingPathComponent("motcua.log"), encoding: .utf8)
        XCTAssertTrue(log.contains("! Một lần chạy khác đang chạy"), log)
        XCTAssertTrue(log.split(separator: "\n").last?.contains("kết thúc: thất bại — ") == true, log)
    }

    func testKilledAtAnyMomentTheDatabaseStaysConsistentAndTheNextRunCompletes() throws {
        // A bigger export (20 copies of the sample under other codes) so that a kill lands inside the work.
        let export = try String(contentsOf: sample.appendingPathComponent("dossiers.csv"), encoding: .utf8)
        let rows = export.split(separator: "\n").dropFirst()
        var big = String(export.split(separator: "\n").first!) + "\n"
        for copy in 0..<20 { for row in rows { big += "K\(copy)-" + row + "\n" } }
        try big.write(to: inbox.appendingPathComponent("big.csv"), atomically: true, encoding: .utf8)
        try settle("big.csv")
        // A previous night's report that must survive every killed run intact.
        let previous = dir.appendingPathComponent("out/TU/2020-10.xlsx")
        try FileManager.default.createDirectory(at: previous.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("previous report".utf8).write(to: previous)

        var rng = SystemRandomNumberGenerator()
        for attempt in 0..<6 {
            let p = Process()
            p.executableURL = CommandRunner.executable
            p.arguments = ["run", "--config", dir.appendingPathComponent("motcua.yaml").path, "--today", "2020-11-06"]
            p.environment = [:]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: Double.random(in: 0.05...1.5, using: &rng))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()

            if FileManager.default.fileExists(atPath: database) {
                // A kill between SQLite creating the file and the schema's transaction
                // committing leaves a valid, empty database: no table yet means no dossier.
                let (integrity, count) = try DatabaseQueue(path: database).read { db in
                    (try String.fetchOne(db, sql: "PRAGMA integrity_check"),
                     try db.tableExists("dossier") ? (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dossier") ?? -1) : 0)
                }
                XCTAssertEqual(integrity, "ok", "attempt \(attempt)")
                XCTAssertTrue(count == 0 || count == 20 * 3318, "attempt \(attempt): all of the file or none, not \(count)")
            }
            let report = try Data(contentsOf: previous)
            XCTAssertTrue(report == Data("previous report".utf8) || report.starts(with: [0x50, 0x4B, 0x03, 0x04]),
                          "attempt \(attempt): the previous report is intact or wholly replaced")
        }
        let final = try run(today: "2020-11-06")
        XCTAssertEqual(final.status, 0, final.stderr)
        let count = try DatabaseQueue(path: database).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dossier") }
        XCTAssertEqual(count, 20 * 3318)
        XCTAssertEqual(try json("out/TU/2020-10.json")["received"] as? Int, 20 * 1907)
        XCTAssertNoThrow(try XLSXWorkbook(path: previous.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: previous.deletingLastPathComponent().path)
            .filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [], "temporary files of killed runs are swept by the next complete write")
    }
}
