import XCTest
import MotCuaTestSupport
import MotCuaCore
import GRDB
import Foundation
@testable import MotCuaStore

/// A report reads its comparison periods' dossiers without their code,
/// applicant and officer (``DossierRepository/forEachDossier(relevantTo:detailedIn:_:)``):
/// the store leaves those out exactly for the rows the report's own window
/// does not reach, and hands over every other field as stored.
final class DetailedWindowTests: TemporaryDirectoryTestCase {
    var path: String { dir.appendingPathComponent("detailed.sqlite").path }
    let base = LocalDateTime(year: 2023, month: 1, day: 1)!
    let day: Int64 = 86_400

    func testOnlyTheRowsTheDetailedWindowDoesNotReachComeWithoutTheirTexts() throws {
        var random = SplitMix64(seed: 1818)
        let dossiers = StoredDossierSamples.spreadOverTwoYears(&random, count: 3_000, from: base, detailed: true)
        let store = try storing(dossiers)
        var stripped = 0
        for _ in 0..<30 {
            let windows = (0..<random.int(in: 1...3)).map { _ in
                let start = base.adding(seconds: Int64(random.below(800)) * day - 30 * day)
                return RelevanceWindow(start: start, cutoff: start.adding(seconds: Int64(random.int(in: 0...120)) * day + day - 1))
            }
            var full: [Dossier] = [], light: [Dossier] = []
            try store.forEachDossier(relevantTo: windows) { full.append($0) }
            try store.forEachDossier(relevantTo: windows, detailedIn: windows[0]) { light.append($0) }
            let expected = full.map { d -> Dossier in
                guard !windows[0].reaches(d) else { return d }
                var d = d
                d.code = ""; d.applicant = nil; d.officer = nil
                return d
            }
            XCTAssertEqual(light, expected, "windows \(windows)")
            stripped += light.filter(\.code.isEmpty).count
            var all: [Dossier] = []
            try store.forEachDossier(relevantTo: windows, detailedIn: nil) { all.append($0) }
            XCTAssertEqual(all, full)
        }
        XCTAssertGreaterThan(stripped, 0, "some rows reached by the other windows only")
    }

    /// What a tally collects: the dossiers in the order counted, and the
    /// threads that counted them.
    struct Collected: Sendable {
        var dossiers: [Dossier] = []
        var threads: Set<UInt> = []
        var merges = 0

        static func tally(_ store: DossierStore, _ windows: [RelevanceWindow], detailedIn detailed: RelevanceWindow?,
                          threads: Int, leastPiece: Int64) throws -> Collected {
            try store.tally(relevantTo: windows, detailedIn: detailed, into: Collected(), threads: threads, leastPiece: leastPiece,
                            add: { $0.dossiers.append($1); $0.threads.insert(UInt(pthread_self())) },
                            merge: { $0.dossiers += $1.dossiers; $0.threads.formUnion($1.threads); $0.merges += 1 })
        }
    }

    /// A database at `path` holding `dossiers`, imported as one file.
    func storing(_ dossiers: [Dossier]) throws -> DossierStore {
        let store = try DossierStore(path: path)
        _ = try store.importDossiers(dossiers, unitNames: [:],
                                     audit: ImportAudit(fileName: "f.csv", rowsRead: dossiers.count, rejected: 0, skipped: 0))
        return store
    }

    /// A report counts its period on several connections at once, in
    /// stretches of rowid merged in order (``DossierStore/tally(relevantTo:detailedIn:into:add:merge:)``):
    /// the same dossiers, in the same order, as the store hands over on one
    /// connection, from the database and from a scratch store, the export
    /// imported in time order (the stretches below and above the span of the
    /// finished rows hold some) or shuffled, with empty and missing texts
    /// among them.
    func testStretchesCountedOnSeveralConnectionsGiveTheDossiersInOrder() throws {
        var random = SplitMix64(seed: 2412)
        var dossiers = StoredDossierSamples.spreadOverTwoYears(&random, count: 6_000, from: base, detailed: true)
        for k in stride(from: 0, to: dossiers.count, by: 7) {
            switch random.below(4) {
            case 0: dossiers[k].procedureName = ""; dossiers[k].officer = ""
            case 1: dossiers[k].procedureName = nil; dossiers[k].fieldCode = nil; dossiers[k].applicant = nil
            case 2: dossiers[k].fieldName = "Lĩnh vực \(random.below(3_000))"; dossiers[k].receivingUnitCode = ""
            default: dossiers[k].supplementCount = 0; dossiers[k].isPaidOnline = false
            }
        }
        let inTimeOrder = dossiers.sorted { ($0.receivedAt?.secondsSinceEpoch ?? 0) < ($1.receivedAt?.secondsSinceEpoch ?? 0) }
        let audit = ImportAudit(fileName: "f.csv", rowsRead: dossiers.count, rejected: 0, skipped: 0)
        var stretched = 0, helped = 0
        for (n, export) in [dossiers, inTimeOrder].enumerated() {
            let stores = [try DossierStore(path: dir.appendingPathComponent("db\(n).sqlite").path),
                          try DossierStore(scratchAt: dir.appendingPathComponent("scratch\(n).sqlite").path)]
            for store in stores {
                _ = try store.importDossiers(export, unitNames: [:], audit: audit)
                for round in 0..<12 {
                    var windows = (0..<random.int(in: 1...3)).map { _ in
                        let start = base.adding(seconds: Int64(random.below(800)) * day - 30 * day)
                        return RelevanceWindow(start: start, cutoff: start.adding(seconds: Int64(random.int(in: 0...120)) * day + day - 1))
                    }
                    if round == 0 { windows.append(RelevanceWindow(start: base.adding(seconds: -400 * day), cutoff: base.adding(seconds: 900 * day))) }
                    for detailed in [windows[0], nil] {
                        var direct: [Dossier] = []
                        try store.forEachDossier(relevantTo: windows, detailedIn: detailed) { direct.append($0) }
                        let threads = random.int(in: 1...4)
                        let got = try Collected.tally(store, windows, detailedIn: detailed, threads: threads,
                                                      leastPiece: Int64(random.int(in: 1...400)))
                        XCTAssertEqual(got.dossiers, direct, "windows \(windows), detailed \(String(describing: detailed)), \(threads) threads")
                        XCTAssertLessThanOrEqual(got.threads.count, threads)
                        if got.merges > 1 { stretched += 1 }
                        if got.threads.count > 1 { helped += 1 }
                    }
                }
            }
        }
        XCTAssertGreaterThan(stretched, 40, "most reads are cut into several stretches")
        XCTAssertGreaterThan(helped, 0, "the other connections count some of the stretches")
    }

    /// In WAL mode a write can commit between two connections' first reads,
    /// so they could see different data: such a database is read on the
    /// report's own connection only, with the same dossiers.
    func testADatabaseInWALModeIsReadOnOneConnection() throws {
        var random = SplitMix64(seed: 77)
        let dossiers = StoredDossierSamples.spreadOverTwoYears(&random, count: 3_000, from: base, detailed: true)
        let store = try storing(dossiers)
        let windows = [RelevanceWindow(start: base.adding(seconds: 100 * day), cutoff: base.adding(seconds: 500 * day))]
        func tally() throws -> Collected {
            try Collected.tally(store, windows, detailedIn: nil, threads: 4, leastPiece: 50)
        }
        var direct: [Dossier] = []
        try store.forEachDossier(relevantTo: windows) { direct.append($0) }
        var helped = false
        for _ in 0..<5 { helped = try tally().threads.count > 1 || helped }
        XCTAssertTrue(helped, "in the default journal mode the other connections help")
        try DatabaseQueue(path: path).writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        for _ in 0..<5 {
            let got = try tally()
            XCTAssertEqual(got.dossiers, direct)
            XCTAssertEqual(got.threads.count, 1)
            XCTAssertGreaterThan(got.merges, 1, "still in stretches")
        }
    }

    /// A damaged page among a period's rows fails the read, whichever
    /// connection meets it: a stretch is never left out of the figures.
    func testADamagedPageInAStretchFailsTheWholeTally() throws {
        var random = SplitMix64(seed: 404)
        let dossiers = StoredDossierSamples.spreadOverTwoYears(&random, count: 20_000, from: base, detailed: true)
            .sorted { ($0.receivedAt?.secondsSinceEpoch ?? 0) < ($1.receivedAt?.secondsSinceEpoch ?? 0) }
        let store = try storing(dossiers)
        let windows = [RelevanceWindow(start: base.adding(seconds: -400 * day), cutoff: base.adding(seconds: 900 * day))]
        let whole = try store.tally(relevantTo: windows, detailedIn: nil, into: 0, threads: 2, leastPiece: 500,
                                    add: { n, _ in n += 1 }, merge: { $0 += $1 })
        XCTAssertEqual(whole, dossiers.filter { windows[0].reaches($0) }.count)
        // A leaf page of the table, well inside it, overwritten.
        let rootPage = try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'dossier'")!
        }
        let pages = try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT MAX(pageno) FROM dbstat WHERE name = 'dossier' AND pagetype = 'leaf'")
        }
        let victim = try XCTUnwrap(pages) * 2 / 3
        XCTAssertNotEqual(victim, rootPage)
        let file = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try file.seek(toOffset: UInt64((victim - 1) * 4096))
        try file.write(contentsOf: Data(repeating: 0xA5, count: 4096))
        try file.close()
        for threads in [1, 2, 4] {
            XCTAssertThrowsError(try store.tally(relevantTo: windows, detailedIn: nil, into: 0, threads: threads, leastPiece: 500,
                                                 add: { n, _ in n += 1 }, merge: { $0 += $1 }), "\(threads) threads") {
                XCTAssertEqual(($0 as? Message)?.code, "store.corrupt", "\($0)")
            }
        }
    }

    func testTheTextMemoGivesTheStringOfTheBytesAndStopsSharingAtItsLimit() {
        var memo = TextMemo(limit: 50)
        var random = SplitMix64(seed: 7)
        for _ in 0..<5_000 {
            let text = random.pick(["", "a", "Ủy ban nhân dân xã Pú Lum", "\u{FF}\u{FE}"]) + String(random.below(120))
            var bytes = Array(text.utf8)
            if random.chance(0.1) { bytes.append(0xC3) }  // invalid UTF-8, repaired the same way every time
            let got = bytes.withUnsafeBufferPointer { memo.string($0) }
            XCTAssertEqual(got, String(decoding: bytes, as: UTF8.self))
        }
    }
}
