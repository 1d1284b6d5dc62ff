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

    func randomDossiers(_ random: inout SplitMix64, count: Int) -> [Dossier] {
        (0..<count).map { i in
            let received = random.chance(0.03) ? nil : base.adding(seconds: Int64(random.below(730)) * day + Int64(random.below(86_400)))
            func later() -> LocalDateTime? {
                guard let received, random.chance(0.8) else { return nil }
                return received.adding(seconds: Int64(random.below(200)) * day + Int64(random.below(86_400)))
            }
            let finished = later()
            let returned = finished == nil && random.chance(0.3) ? later() : finished.flatMap { random.chance(0.5) ? $0 : nil }
            return Dossier(code: "D\(random.below(1_000_000_000))-\(i)", unitCode: random.pick(["U1", "U2", "Ủy ban xã"]),
                           procedureCode: random.pick(["P1", "P2", nil]), procedureName: random.pick(["Cấp bản sao", nil]),
                           fieldCode: random.pick(["HT", nil]), fieldName: random.pick(["Hộ tịch", nil]),
                           channel: random.pick(Channel.allCases), receivedAt: received, dueAt: later(),
                           finishedAt: finished, returnedAt: returned, status: random.pick([nil, .processing, .withdrawn]),
                           supplementCount: random.pick([nil, 1]), apologyCount: random.pick([0, 1]),
                           applicant: "Trần Thị \(i)", officer: random.pick(["Cán bộ \(i % 7)", nil]),
                           hasElectronicResult: random.pick([nil, true]), receivingUnitCode: random.pick([nil, "U2"]))
        }
    }

    func testOnlyTheRowsTheDetailedWindowDoesNotReachComeWithoutTheirTexts() throws {
        var random = SplitMix64(seed: 1818)
        let dossiers = randomDossiers(&random, count: 3_000)
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
