import GRDB
import XCTest
import MotCuaTestSupport
import MotCuaCore
@testable import MotCuaStore

/// Imports into a real SQLite file: idempotent, updating by MaHoSo, never
/// deleting, one transaction per import.
final class DossierStoreTests: TemporaryDirectoryTestCase {
    var path: String { dir.appendingPathComponent("test.sqlite").path }

    func at(_ day: Int, _ hour: Int = 8) -> LocalDateTime { LocalDateTime(year: 2020, month: 10, day: day, hour: hour)! }

    func sample() -> [Dossier] {
        [
            Dossier(code: "H1", unitCode: "MK", procedureCode: "P2", channel: .online, declaredLevel: .three,
                    receivedAt: at(1), dueAt: at(5, 17), finishedAt: at(2), status: .returned, supplementCount: 1,
                    apologyCount: 1, newDueAt: at(6, 17), applicant: "Nguyễn Văn A", officer: "Lò Thị B"),
            Dossier(code: "H2", unitCode: "MK", procedureCode: nil, receivedAt: at(3), dueAt: at(9, 17)),
            Dossier(code: "H3", unitCode: "NEW", procedureCode: "P3", channel: .postal, receivedAt: at(4), dueAt: at(9, 17)),
        ]
    }

    func audit(_ n: Int) -> ImportAudit { ImportAudit(fileName: "f.csv", rowsRead: n, rejected: 0, skipped: 0) }

    func testRoundTripIdempotenceUpdateAndNoDeletion() throws {
        let store = try DossierStore(path: path)
        try store.saveUnits([OrgUnit(code: "MK", name: "UBND xã Mường Khoa", level: "xa", sortOrder: 1)])
        let first = try store.importDossiers(sample(), unitNames: ["NEW": "UBND xã Mới"], audit: audit(3))
        XCTAssertEqual([first.inserted, first.updated, first.unchanged], [3, 0, 0])
        XCTAssertEqual(first.implicitUnits, ["NEW"])

        // Reopen from disk: same dossiers, field for field.
        let reopened = try DossierStore(path: path)
        var stored: [Dossier] = []
        try reopened.forEachDossier(relevantFrom: at(1, 0), to: at(31, 23)) { stored.append($0) }
        XCTAssertEqual(stored.sorted { $0.code < $1.code }, sample())
        XCTAssertEqual(try reopened.units().first { $0.code == "NEW" }?.name, "UBND xã Mới")
        XCTAssertEqual(try reopened.units().first { $0.code == "NEW" }?.isImplicit, true)

        let again = try reopened.importDossiers(sample(), unitNames: [:], audit: audit(3))
        XCTAssertEqual([again.inserted, again.updated, again.unchanged], [0, 0, 3], "the same file again changes nothing")

        var newer = sample()[1]
        newer.finishedAt = at(8)
        newer.status = .processed
        let update = try reopened.importDossiers([newer], unitNames: [:], audit: audit(1))
        XCTAssertEqual([update.inserted, update.updated, update.unchanged], [0, 1, 0])
        XCTAssertEqual(try reopened.dossierCount(), 3, "dossiers omitted by a later export stay")

        let audits = try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT inserted, updated, unchanged FROM import_batch ORDER BY id")
                .map { [$0[0], $0[1], $0[2]] as [Int] }
        }
        XCTAssertEqual(audits, [[3, 0, 0], [0, 0, 3], [0, 1, 0]])
    }

    func testAnUnchangedRowIsKnownByItsDigestAndRowsStoredBeforeDigestsGetOne() throws {
        let store = try DossierStore(path: path)
        _ = try store.importDossiers(sample(), unitNames: [:], audit: audit(3))
        let digests = { try DatabaseQueue(path: self.path).read { db in
            try Int64?.fetchAll(db, sql: "SELECT content_hash FROM dossier ORDER BY code") } }
        let first = try digests()
        XCTAssertEqual(first.compactMap { $0 }.count, 3)
        XCTAssertEqual(Set(first).count, 3, "different dossiers, different digests")

        // A database from before digests: the next import compares in full and keeps them.
        try DatabaseQueue(path: path).write { try $0.execute(sql: "UPDATE dossier SET content_hash = NULL") }
        let again = try store.importDossiers(sample(), unitNames: [:], audit: audit(3))
        XCTAssertEqual([again.inserted, again.updated, again.unchanged], [0, 0, 3])
        XCTAssertEqual(try digests(), first)

        // One field changed, in a later export (NgayCapNhat): a new digest, and the row is updated.
        var changed = sample()
        changed[2].officer = "Lò Văn C"
        changed[2].updatedAt = at(20)
        let update = try store.importDossiers(changed, unitNames: [:], audit: audit(3))
        XCTAssertEqual([update.inserted, update.updated, update.unchanged], [0, 1, 2])
        XCTAssertNotEqual(try digests()[2], first[2])
    }

    func testAFailureMidImportLeavesTheDatabaseAsItWas() throws {
        let store = try DossierStore(path: path)
        _ = try store.importDossiers(Array(sample().prefix(1)), unitNames: [:], audit: audit(1))
        // Make the third insert fail inside the transaction.
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                CREATE TRIGGER fail_on_h3 BEFORE INSERT ON dossier WHEN NEW.code = 'H3'
                BEGIN SELECT RAISE(ABORT, 'simulated failure'); END
                """)
        }
        var changed = sample()
        changed[0].officer = "Someone else"
        XCTAssertThrowsError(try store.importDossiers(changed, unitNames: [:], audit: audit(3)))
        XCTAssertEqual(try store.dossierCount(), 1, "H2 inserted before the failure was rolled back")
        var stored: [Dossier] = []
        try store.forEachDossier(relevantFrom: at(1, 0), to: at(31, 23)) { stored.append($0) }
        XCTAssertEqual(stored, [sample()[0]], "the update of H1 was rolled back too")
        let batches = try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM import_batch") }
        XCTAssertEqual(batches, 1, "no audit row for the failed import")
    }

    func testRelevantDossiersForAPeriod() throws {
        let store = try DossierStore(path: path)
        let sept = LocalDateTime(year: 2020, month: 9, day: 10, hour: 8)!
        _ = try store.importDossiers([
            Dossier(code: "finished-in-september", unitCode: "U", receivedAt: sept, finishedAt: sept.adding(seconds: 3600)),
            Dossier(code: "backlog", unitCode: "U", receivedAt: sept),
            Dossier(code: "backlog-returned-in-october", unitCode: "U", receivedAt: sept, returnedAt: at(2)),
            Dossier(code: "november", unitCode: "U", receivedAt: LocalDateTime(year: 2020, month: 11, day: 2)!),
            Dossier(code: "october", unitCode: "U", receivedAt: at(5)),
        ], unitNames: [:], audit: audit(5))
        var codes: [String] = []
        try store.forEachDossier(relevantFrom: at(1, 0), to: .endOfDay(CivilDate(year: 2020, month: 10, day: 31)!)) {
            codes.append($0.code)
        }
        XCTAssertEqual(Set(codes), ["backlog", "backlog-returned-in-october", "october"])
    }

    func testReferenceDataRoundTrips() throws {
        let store = try DossierStore(path: path)
        let p = Procedure(code: "1.001", name: "Đăng ký khai sinh", fieldCode: "HT", fieldName: "Hộ tịch", level: .two,
                          duration: 0.5, durationUnit: .workingDays, applicableLevels: ["huyen", "xa"], disclosure: 2)
        try store.saveProcedures([p])
        try store.saveProcedures([p])
        XCTAssertEqual(try store.procedures(), [p])
        let u = OrgUnit(code: "TU", name: "UBND huyện Tân Uyên", level: "huyen", parentCode: nil, sortOrder: 0)
        try store.saveUnits([u, OrgUnit(code: "MK", name: "Mường Khoa", level: "xa", parentCode: "TU", sortOrder: 2)])
        XCTAssertEqual(try store.units().sorted { $0.code > $1.code }.first, u)
    }

    func testUnopenableDatabaseIsAClearError() {
        XCTAssertThrowsError(try DossierStore(path: "/nonexistent-dir/x.sqlite")) { error in
            XCTAssertTrue("\(error)".contains("không mở được cơ sở dữ liệu"), "\(error)")
        }
    }
}
