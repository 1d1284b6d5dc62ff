import GRDB
import XCTest
import MotCuaTestSupport
import MotCuaCore
@testable import MotCuaStore

/// The period query over a real SQLite file: what the windows of a report
/// reach, once each, in the order stored, found through the finish index.
final class PeriodWindowTests: TemporaryDirectoryTestCase {
    var path: String { dir.appendingPathComponent("windows.sqlite").path }
    let base = LocalDateTime(year: 2023, month: 1, day: 1)!
    let day: Int64 = 86_400

    func randomWindow(_ random: inout SplitMix64) -> RelevanceWindow {
        let start = base.adding(seconds: Int64(random.below(800)) * day - 30 * day)
        return RelevanceWindow(start: start, cutoff: start.adding(seconds: Int64(random.int(in: 0...120)) * day + day - 1))
    }

    func testTheStoreHandsOverExactlyWhatTheWindowsReachOnceEachInStoredOrder() throws {
        var random = SplitMix64(seed: 18)
        let dossiers = StoredDossierSamples.spreadOverTwoYears(&random, count: 3_000, from: base)
        let store = try DossierStore(path: path)
        _ = try store.importDossiers(dossiers, unitNames: [:],
                                     audit: ImportAudit(fileName: "f.csv", rowsRead: dossiers.count, rejected: 0, skipped: 0))
        for _ in 0..<40 {
            let windows = (0..<random.int(in: 1...3)).map { _ in randomWindow(&random) }
            var got: [String] = []
            try store.forEachDossier(relevantTo: windows) { got.append($0.code) }
            let expected = dossiers.filter { d in windows.contains { $0.reaches(d) } }.map(\.code)
            XCTAssertEqual(got, expected, "windows \(windows)")
        }
        var none: [String] = []
        try store.forEachDossier(relevantTo: []) { none.append($0.code) }
        XCTAssertEqual(none, [])
    }

    /// `report --input`'s scratch store has no finish index and reads a period
    /// in one scan: the same dossiers in the same order as the database's
    /// two-part query, and as the windows' own rule.
    func testAScratchStoreHandsOverWhatTheDatabaseDoes() throws {
        var random = SplitMix64(seed: 1818)
        let dossiers = StoredDossierSamples.spreadOverTwoYears(&random, count: 3_000, from: base)
        let audit = ImportAudit(fileName: "f.csv", rowsRead: dossiers.count, rejected: 0, skipped: 0)
        let store = try DossierStore(path: path)
        let scratch = try DossierStore(scratchAt: dir.appendingPathComponent("scratch.sqlite").path)
        for s in [store, scratch] { _ = try s.importDossiers(dossiers, unitNames: [:], audit: audit) }
        try scratch.queue.read { db in
            XCTAssertFalse(try db.indexes(on: "dossier").contains { $0.name == StoreSchema.periodIndex })
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA journal_mode"), "memory")
            XCTAssertEqual(try Int.fetchOne(db, sql: "PRAGMA synchronous"), 0)
            let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + PeriodQuery.scan(3),
                                        arguments: StatementArguments(Array(repeating: 0, count: 15))).map { $0["detail"] as String }
            XCTAssertEqual(plan, ["SEARCH dossier USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)"],
                           "one pass over a stretch in rowid order, no sort")
        }
        for _ in 0..<40 {
            let windows = (0..<random.int(in: 1...3)).map { _ in randomWindow(&random) }
            var fromStore: [Dossier] = [], fromScratch: [Dossier] = []
            try store.forEachDossier(relevantTo: windows) { fromStore.append($0) }
            try scratch.forEachDossier(relevantTo: windows) { fromScratch.append($0) }
            XCTAssertEqual(fromScratch, fromStore, "windows \(windows)")
            XCTAssertEqual(fromScratch.map(\.code), dossiers.filter { d in windows.contains { $0.reaches(d) } }.map(\.code))
        }
    }

    func testTheBoundariesOfAWindow() throws {
        let start = LocalDateTime(year: 2024, month: 10, day: 1)!
        let cutoff = LocalDateTime.endOfDay(CivilDate(year: 2024, month: 12, day: 31)!)
        let before = start.adding(seconds: -1)
        let dossiers = [
            Dossier(code: "received-at-cutoff", unitCode: "U", receivedAt: cutoff),
            Dossier(code: "received-after-cutoff", unitCode: "U", receivedAt: cutoff.adding(seconds: 1)),
            Dossier(code: "finished-at-start", unitCode: "U", receivedAt: before, finishedAt: start),
            Dossier(code: "finished-just-before", unitCode: "U", receivedAt: before, finishedAt: before),
            Dossier(code: "returned-at-start", unitCode: "U", receivedAt: before, returnedAt: start),
            Dossier(code: "finished-before-returned-after", unitCode: "U", receivedAt: before, finishedAt: before, returnedAt: start),
            Dossier(code: "never-finished-from-2020", unitCode: "U", receivedAt: LocalDateTime(year: 2020, month: 1, day: 1)!),
            Dossier(code: "never-received", unitCode: "U", receivedAt: nil),
        ]
        for store in [try DossierStore(path: path), try DossierStore(scratchAt: path + ".scratch")] {
            _ = try store.importDossiers(dossiers, unitNames: [:],
                                         audit: ImportAudit(fileName: "f.csv", rowsRead: dossiers.count, rejected: 0, skipped: 0))
            var got: [String] = []
            try store.forEachDossier(relevantTo: [RelevanceWindow(start: start, cutoff: cutoff)]) { got.append($0.code) }
            XCTAssertEqual(got, ["received-at-cutoff", "finished-at-start", "returned-at-start", "never-finished-from-2020"],
                           store.path)
        }
    }

    /// A database made before the finish index gets it on its next open, and
    /// the period query then reads no table row outside the reached stretch.
    func testAnOlderDatabaseGetsThePeriodIndexAndTheQueryUsesIt() throws {
        let older = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(older, upTo: StoreSchema.index766Migration)
        try older.read { db in XCTAssertFalse(try db.indexes(on: "dossier").contains { $0.name == "dossier_on_finish" }) }
        try older.close()

        let store = try DossierStore(path: path)
        try store.queue.read { db in
            XCTAssertTrue(try db.indexes(on: "dossier").contains { $0.name == "dossier_on_finish" })
            func plan(_ sql: String, _ arguments: Int) throws -> [String] {
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql,
                                 arguments: StatementArguments(Array(repeating: 0, count: arguments))).map { $0["detail"] }
            }
            let bounds = try plan(PeriodQuery.finishedBounds(3), 7)
            XCTAssertEqual(bounds, ["SEARCH dossier USING COVERING INDEX dossier_on_finish (finished_at>?)"], "one pass, no table row")
            let unfinished = try plan(PeriodQuery.unfinished(3), 15)
            XCTAssertFalse(unfinished.contains { $0.hasPrefix("SCAN") }, "\(unfinished)")
            XCTAssertEqual(unfinished.filter { $0.contains("COVERING INDEX dossier_on_finish") }.count, 4, "\(unfinished)")
            let finished = try plan(PeriodQuery.finished(3), 8)
            XCTAssertTrue(finished.contains { $0.contains("INTEGER PRIMARY KEY (rowid>? AND rowid<?)") }, "\(finished)")
        }
    }
}
