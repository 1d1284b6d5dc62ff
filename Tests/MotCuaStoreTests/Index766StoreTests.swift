import XCTest
import MotCuaTestSupport
import MotCuaCore
@testable import MotCuaStore

/// The QĐ 766 columns in a real SQLite file (docs/rules.md#index766-columns):
/// unknown stays NULL, yes and no round-trip, and they take part in the
/// digest and in "the newer state wins" (docs/rules.md#import).
final class Index766StoreTests: TemporaryDirectoryTestCase {
    var path: String { dir.appendingPathComponent("test.sqlite").path }
    func at(_ day: Int, _ hour: Int = 8) -> LocalDateTime { LocalDateTime(year: 2020, month: 10, day: day, hour: hour)! }
    func audit(_ n: Int) -> ImportAudit { ImportAudit(fileName: "f.csv", rowsRead: n, rejected: 0, skipped: 0) }

    func stored(_ store: DossierStore) throws -> [Dossier] {
        var out: [Dossier] = []
        try store.forEachDossier(relevantFrom: at(1, 0), to: at(31, 23)) { out.append($0) }
        return out.sorted { $0.code < $1.code }
    }

    func testFlagsRoundTripAndUnknownStaysUnknown() throws {
        let store = try DossierStore(path: path)
        let dossiers = [
            Dossier(code: "A", unitCode: "U", receivedAt: at(1), dueAt: at(5, 17), hasElectronicResult: true,
                    hasDigitisedComponents: false, isDigitised: true, isPaidOnline: false),
            Dossier(code: "B", unitCode: "U", receivedAt: at(2), dueAt: at(6, 17)),
        ]
        _ = try store.importDossiers(dossiers, unitNames: [:], audit: audit(2))
        XCTAssertEqual(try stored(try DossierStore(path: path)), dossiers)
    }

    func testAChangedFlagIsAChangeAndTheNewerStateWins() throws {
        let store = try DossierStore(path: path)
        var d = Dossier(code: "A", unitCode: "U", receivedAt: at(1), dueAt: at(5, 17), finishedAt: at(3), status: .returned,
                        updatedAt: at(3), hasElectronicResult: false)
        _ = try store.importDossiers([d], unitNames: [:], audit: audit(1))
        d.hasElectronicResult = true
        d.updatedAt = at(4)
        let newer = try store.importDossiers([d], unitNames: [:], audit: audit(1))
        XCTAssertEqual([newer.inserted, newer.updated, newer.unchanged], [0, 1, 0], "the digest covers the new columns")
        XCTAssertEqual(try stored(store).first?.hasElectronicResult, true)
        // An older export without the column does not move the dossier back to "unknown".
        var older = d
        older.hasElectronicResult = nil
        older.updatedAt = at(3)
        _ = try store.importDossiers([older], unitNames: [:], audit: audit(1))
        XCTAssertEqual(try stored(store).first?.hasElectronicResult, true)
    }
}
