import GRDB
import XCTest
import MotCuaTestSupport
import MotCuaCore
@testable import MotCuaStore

/// The newest stored state (how recent the data is, and whether a file is
/// older than it) is kept per import instead of read from an index on
/// `state_at`; it must stay MAX(state_at) over the stored rows.
final class NewestStateTests: TemporaryDirectoryTestCase {
    var path: String { dir.appendingPathComponent("test.sqlite").path }

    func moment(_ minutes: Int) -> LocalDateTime {
        LocalDateTime(year: 2024, month: 1, day: 1)!.adding(seconds: Int64(minutes) * 60)
    }

    func maxStateAt(_ store: DossierStore) throws -> LocalDateTime? {
        try store.queue.read { db in
            try Int64.fetchOne(db, sql: "SELECT MAX(state_at) FROM dossier").map(LocalDateTime.init(secondsSinceEpoch:))
        }
    }

    /// Versions of 40 dossiers spread over files imported in a random order:
    /// older versions, repeats, NgayCapNhat ahead of or behind the events.
    func testTheNewestStateIsTheGreatestStoredStateWhateverTheOrderOfTheFiles() throws {
        for seed in 1...12 {
            var random = SplitMix64(seed: UInt64(seed))
            var files: [[Dossier]] = Array(repeating: [], count: 5)
            for n in 0..<40 {
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    let received = moment(Int.random(in: 0...10_000, using: &random))
                    let finished = Bool.random(using: &random) ? received.adding(seconds: Int64.random(in: 60...500_000, using: &random)) : nil
                    let updated = Int.random(in: 0...2, using: &random) == 0 ? moment(Int.random(in: 0...20_000, using: &random)) : nil
                    let d = Dossier(code: "H\(n)", unitCode: "U", procedureCode: "P", receivedAt: received,
                                    finishedAt: finished, status: finished == nil ? .processing : .processed, updatedAt: updated)
                    files[Int.random(in: 0..<files.count, using: &random)].append(d)
                }
            }
            try? FileManager.default.removeItem(atPath: path)
            let store = try DossierStore(path: path)
            XCTAssertNil(try store.newestStateTime(), "an empty store has none")
            for (i, file) in files.shuffled(using: &random).enumerated() {
                _ = try store.importDossiers(file, unitNames: [:],
                                             audit: ImportAudit(fileName: "f\(i).csv", rowsRead: file.count, rejected: 0, skipped: 0))
                XCTAssertEqual(try store.newestStateTime(), try maxStateAt(store), "seed \(seed), after file \(i)")
            }
            try store.queue.close()
        }
    }

    /// A database from before keeps its newest state through the migration,
    /// and loses the index an import had to maintain.
    func testADatabaseFromBeforeKeepsItsNewestStateWithoutTheIndex() throws {
        let older = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(older, upTo: StoreSchema.sourceDigestsMigration)
        try older.write { db in
            for (code, state) in [("A", 1_000), ("B", 5_000), ("C", 3_000)] {
                try db.execute(sql: "INSERT INTO dossier (code, unit_code, channel, state_at) VALUES (?, 'U', 1, ?)",
                               arguments: [code, moment(state).secondsSinceEpoch])
            }
            for id in 1...2 {
                try db.execute(sql: """
                    INSERT INTO import_batch (id, file_name, imported_at, rows_read, inserted, updated, unchanged, rejected, skipped)
                    VALUES (?, 'f.csv', '2024-01-01', 0, 0, 0, 0, 0, 0)
                    """, arguments: [id])
            }
            XCTAssertTrue(try db.indexes(on: "dossier").contains { $0.name == "dossier_on_state_at" })
        }
        try older.close()

        let store = try DossierStore(path: path)
        XCTAssertEqual(try store.newestStateTime(), moment(5_000))
        try store.queue.read { db in
            XCTAssertFalse(try db.indexes(on: "dossier").contains { $0.name == "dossier_on_state_at" })
        }
        let older1 = Dossier(code: "D", unitCode: "U", receivedAt: moment(2_000))
        let counts = try store.importDossiers([older1], unitNames: [:],
                                              audit: ImportAudit(fileName: "g.csv", rowsRead: 1, rejected: 0, skipped: 0))
        XCTAssertEqual(counts.newestStoredBefore, moment(5_000), "an import still knows what was stored before it")
        XCTAssertEqual(try store.newestStateTime(), moment(5_000))
    }
}
