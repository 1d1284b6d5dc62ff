import GRDB
import XCTest
import MotCuaTestSupport
import MotCuaCore
@testable import MotCuaStore

/// SQLite's failures reach the clerk as a plain sentence naming the database,
/// never SQLite's English with the SQL that failed (issue 14).
final class DatabaseFailureTests: TemporaryDirectoryTestCase {
    var path: String { dir.appendingPathComponent("small.sqlite").path }

    func dossiers(_ n: Int) -> [Dossier] {
        let at = LocalDateTime(year: 2024, month: 3, day: 1, hour: 8)!
        return (0..<n).map { Dossier(code: "H\($0)", unitCode: "MK", procedureCode: "P1", receivedAt: at,
                                     applicant: String(repeating: "Nguyễn Văn \($0) ", count: 8)) }
    }

    /// A full disk, reached through the page limit of the store's own connection:
    /// SQLite answers SQLITE_FULL as it does when the disk has no room left.
    func testADiskFullIsAPlainMessageAndTheImportIsRolledBack() throws {
        let store = try DossierStore(path: path)
        _ = try store.importDossiers(dossiers(10), unitNames: [:], audit: ImportAudit(fileName: "a.csv", rowsRead: 10, rejected: 0, skipped: 0))
        let pages = try store.queue.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count")! }
        try store.queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = \(pages + 2)") }
        XCTAssertThrowsError(try store.importDossiers(dossiers(5_000), unitNames: [:],
                                                      audit: ImportAudit(fileName: "b.csv", rowsRead: 5_000, rejected: 0, skipped: 0))) { error in
            let e = error as? Message
            XCTAssertEqual(e?.code, "store.disk-full")
            XCTAssertEqual(e?.text(.vi).hasPrefix("\(self.path): ổ đĩa đã đầy"), true, "\(error)")
            XCTAssertEqual(e?.text(.en).hasPrefix("\(self.path): the disk is full"), true, "\(error)")
            XCTAssertFalse("\(error)".contains("INSERT") || "\(error)".contains("SQLite error"), "\(error)")
        }
        XCTAssertEqual(try store.dossierCount(), 10, "the failed import left nothing behind")
    }

    func testBusyAndReadOnlyDatabasesSayWhatToDo() throws {
        let store = try DossierStore(path: path)
        // Another program holds the lock (the store waits 5 s, then gives up).
        var holding = Configuration()
        holding.allowsUnsafeTransactions = true  // the lock stays across accesses
        let other = try DatabaseQueue(path: path, configuration: holding)
        try other.inDatabase { db in try db.execute(sql: "BEGIN EXCLUSIVE") }
        XCTAssertThrowsError(try store.saveUnits([OrgUnit(code: "MK", name: "Mường Khoa", level: "xa")])) { error in
            XCTAssertEqual((error as? Message)?.code, "store.busy")
            XCTAssertTrue((error as? Message)?.vi.contains("một chương trình khác đang dùng cơ sở dữ liệu") == true, "\(error)")
        }
        try other.inDatabase { db in try db.execute(sql: "ROLLBACK") }

        // A read-only file (root ignores file modes: open it read-only instead).
        XCTAssertEqual(Message(DatabaseError(resultCode: .SQLITE_READONLY, message: "attempt to write a readonly database",
                                             sql: "INSERT INTO unit VALUES (?)"), path: path).text(.en),
                       "\(path): cannot open the database or cannot write to it. Check that the folder exists and the read/write permissions of the file and its folder.")
    }
}
