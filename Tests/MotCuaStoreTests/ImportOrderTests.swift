import GRDB
import XCTest
import MotCuaTestSupport
import MotCuaCore
@testable import MotCuaStore

/// The final state of every dossier is the newest version any export gave
/// of it, whatever the order the exports were imported in (docs/rules.md#import).
final class ImportOrderTests: TemporaryDirectoryTestCase {

    /// One dossier's life: received, perhaps asked for a supplement, perhaps finished and returned.
    struct Timeline {
        let code: String
        let received: LocalDateTime
        let supplementRequested: LocalDateTime?
        let supplementReceived: LocalDateTime?
        let finished: LocalDateTime?
        let returned: LocalDateTime?

        init(code: String, _ random: inout SplitMix64) {
            self.code = code
            received = LocalDateTime(year: 2024, month: 3, day: 1, hour: 8)!.adding(seconds: Int64(random.next() % 10) * 3600)
            var t = received
            func next(_ chance: UInt64) -> LocalDateTime? {
                guard random.next() % 100 < chance else { return nil }
                t = t.adding(seconds: Int64(random.next() % 3 + 1) * 86_400)
                return t
            }
            supplementRequested = next(40)
            supplementReceived = supplementRequested == nil ? nil : next(70)
            finished = next(70)
            returned = finished == nil ? nil : next(80)
        }

        /// What an export made at `moment` says of the dossier, with NgayCapNhat or without.
        func snapshot(at moment: LocalDateTime, stamped: Bool) -> Dossier {
            func seen(_ t: LocalDateTime?) -> LocalDateTime? { t.flatMap { $0 <= moment ? $0 : nil } }
            let finished = seen(self.finished), returned = seen(self.returned)
            let requested = seen(supplementRequested), supplied = seen(supplementReceived)
            let status: DossierStatus = returned != nil ? .returned : finished != nil ? .processed
                : requested != nil && supplied == nil ? .supplementRequested : .processing
            var d = Dossier(code: code, unitCode: "MK", procedureCode: "P1", channel: .direct, receivedAt: received,
                            dueAt: received.adding(seconds: 10 * 86_400), finishedAt: finished, returnedAt: returned,
                            status: status, supplementCount: requested == nil ? 0 : 1,
                            supplementRequestedAt: requested, supplementReceivedAt: supplied,
                            applicant: "Lò Thị \(code)")
            if stamped { d.updatedAt = [received, requested, supplied, finished, returned].compactMap { $0 }.max() }
            return d
        }
    }

    /// Exports made at random moments of random dossiers, some lines repeated
    /// (identically, or an older snapshot of the same export's dossier).
    func randomExports(_ random: inout SplitMix64, count: Int, dossiers: Int) -> [[Dossier]] {
        let timelines = (0..<dossiers).map { Timeline(code: "H\($0)", &random) }
        let start = LocalDateTime(year: 2024, month: 3, day: 1)!
        return (0..<count).map { _ in
            let moment = start.adding(seconds: Int64(random.next() % 20) * 86_400)
            let stamped = random.next() % 2 == 0
            var lines = timelines.filter { _ in random.next() % 4 != 0 }.map { $0.snapshot(at: moment, stamped: stamped) }
            for _ in 0..<Int(random.next() % 4) where !lines.isEmpty {
                lines.append(lines[Int(random.next() % UInt64(lines.count))])
            }
            if random.next() % 2 == 0, let t = timelines.randomElement(using: &random) {
                lines.append(t.snapshot(at: start.adding(seconds: Int64(random.next() % 20) * 86_400), stamped: stamped))
            }
            lines.shuffle(using: &random)
            return lines
        }
    }

    /// Every stored column of every dossier, as SQLite has it; import_id
    /// (which import wrote the row) is the only one left out.
    func table(_ path: String) throws -> [[DatabaseValue]] {
        try DatabaseQueue(path: path).read { db in
            let columns = try db.columns(in: "dossier").map(\.name).filter { $0 != "import_id" }
            return try Row.fetchAll(db, sql: "SELECT \(columns.joined(separator: ", ")) FROM dossier ORDER BY code")
                .map { row in columns.map { row[$0] as DatabaseValue } }
        }
    }

    func importAll(_ exports: [[Dossier]], order: [Int], into path: String) throws -> [ImportCounts] {
        let store = try DossierStore(path: path)
        return try order.map { i in
            try store.importDossiers(exports[i], unitNames: [:],
                                     audit: ImportAudit(fileName: "e\(i).csv", rowsRead: exports[i].count, rejected: 0, skipped: 0))
        }
    }

    func permutations(_ n: Int) -> [[Int]] {
        guard n > 0 else { return [[]] }
        return permutations(n - 1).flatMap { p in (0...p.count).map { i in var q = p; q.insert(n - 1, at: i); return q } }
    }

    /// Issue 14: an older export that repeats a line of itself put a finished
    /// dossier back to "processing" after the newer export had been imported.
    func testAnOlderExportRepeatingALineNeverOverwritesTheNewerState() throws {
        let received = LocalDateTime(year: 2024, month: 3, day: 1, hour: 8)!
        let older = Dossier(code: "H1", unitCode: "MK", procedureCode: "P1", receivedAt: received,
                            dueAt: received.adding(seconds: 5 * 86_400), status: .processing)
        var newer = older
        newer.finishedAt = received.adding(seconds: 86_400)
        newer.status = .processed
        let other = Dossier(code: "H2", unitCode: "MK", receivedAt: received, status: .processing)
        let a = [older, other, older], b = [newer]
        let ab = dir.appendingPathComponent("ab.sqlite").path, ba = dir.appendingPathComponent("ba.sqlite").path
        _ = try importAll([a, b], order: [0, 1], into: ab)
        let counts = try importAll([a, b], order: [1, 0], into: ba)
        XCTAssertEqual(try table(ab), try table(ba))
        XCTAssertEqual(counts[1].olderInFile, 1)
        XCTAssertEqual(counts[1].identicalRepeats, 1, "the repeated older line is a repeat, not a duplicate")
        XCTAssertTrue(counts[1].duplicates.isEmpty)
        let status = try DatabaseQueue(path: ba).read { db in
            try Row.fetchOne(db, sql: "SELECT status, finished_at FROM dossier WHERE code = 'H1'")!
        }
        XCTAssertEqual(status["status"] as Int, DossierStatus.processed.rawValue)
        XCTAssertNotNil(status["finished_at"] as Int64?)
    }

    func testEveryOrderOfImportsGivesTheSameTableAndTheNewestState() throws {
        var random = SplitMix64(seed: 2026)
        for round in 0..<12 {
            let exports = randomExports(&random, count: 2 + round % 3, dossiers: 3 + Int(random.next() % 12))
            var first: [[DatabaseValue]]?
            for (n, order) in permutations(exports.count).enumerated() {
                let path = dir.appendingPathComponent("r\(round)-\(n).sqlite").path
                _ = try importAll(exports, order: order, into: path)
                let stored = try table(path)
                if let first {
                    XCTAssertEqual(stored, first, "round \(round), order \(order)")
                } else {
                    first = stored
                }
            }
            // And that table holds, for each dossier, the events of its most advanced snapshot.
            let store = try DossierStore(path: dir.appendingPathComponent("r\(round)-0.sqlite").path)
            var kept: [String: Dossier] = [:]
            try store.forEachDossier(relevantFrom: LocalDateTime(year: 2000, month: 1, day: 1)!,
                                     to: LocalDateTime(year: 2100, month: 1, day: 1)!) { kept[$0.code] = $0 }
            for (code, versions) in Dictionary(grouping: exports.joined(), by: \.code) {
                let newest = versions.map { $0.latestEvent! }.max()!
                XCTAssertEqual(kept[code]?.latestEvent, newest, "round \(round), \(code)")
            }
        }
    }
}
