import XCTest
import MotCuaTestSupport
import MotCuaCore
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
        let store = try DossierStore(path: path)
        _ = try store.importDossiers(dossiers, unitNames: [:],
                                     audit: ImportAudit(fileName: "f.csv", rowsRead: dossiers.count, rejected: 0, skipped: 0))
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

    /// A report hands the rows to its aggregating thread as copied values
    /// (``StoredRowBatch``) built into dossiers there: the same dossiers, in
    /// the same order, as the store builds itself, from the database and from
    /// a scratch store, with empty and missing texts among them.
    func testTheBatchesDecodeToTheDossiersTheStoreHandsOver() throws {
        var random = SplitMix64(seed: 2412)
        var dossiers = StoredDossierSamples.spreadOverTwoYears(&random, count: 5_000, from: base, detailed: true)
        for k in stride(from: 0, to: dossiers.count, by: 7) {
            switch random.below(4) {
            case 0: dossiers[k].procedureName = ""; dossiers[k].officer = ""
            case 1: dossiers[k].procedureName = nil; dossiers[k].fieldCode = nil; dossiers[k].applicant = nil
            case 2: dossiers[k].fieldName = "Lĩnh vực \(random.below(3_000))"; dossiers[k].receivingUnitCode = ""
            default: dossiers[k].supplementCount = 0; dossiers[k].isPaidOnline = false
            }
        }
        let audit = ImportAudit(fileName: "f.csv", rowsRead: dossiers.count, rejected: 0, skipped: 0)
        let stores = [try DossierStore(path: path), try DossierStore(scratchAt: dir.appendingPathComponent("scratch.sqlite").path)]
        var batches = 0
        for store in stores {
            _ = try store.importDossiers(dossiers, unitNames: [:], audit: audit)
            for round in 0..<20 {
                var windows = (0..<random.int(in: 1...3)).map { _ in
                    let start = base.adding(seconds: Int64(random.below(800)) * day - 30 * day)
                    return RelevanceWindow(start: start, cutoff: start.adding(seconds: Int64(random.int(in: 0...120)) * day + day - 1))
                }
                if round == 0 { windows.append(RelevanceWindow(start: base.adding(seconds: -400 * day), cutoff: base.adding(seconds: 900 * day))) }
                for detailed in [windows[0], nil] {
                    var direct: [Dossier] = [], decoded: [Dossier] = []
                    try store.forEachDossier(relevantTo: windows, detailedIn: detailed) { direct.append($0) }
                    try store.forEachDossierBatch(relevantTo: windows, detailedIn: detailed) { rows in
                        XCTAssertTrue(rows is StoredRowBatch)
                        var count = 0
                        rows.decode { decoded.append($0); count += 1 }
                        XCTAssertTrue((1...DecodedDossiers.batchSize).contains(count))
                        batches += 1
                    }
                    XCTAssertEqual(decoded, direct, "windows \(windows), detailed \(String(describing: detailed))")
                }
            }
        }
        XCTAssertGreaterThan(batches, 4 * stores.count, "more than one batch for the widest windows")
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
