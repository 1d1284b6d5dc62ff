import XCTest
@testable import MotCuaCore

/// Packing dossiers for the hand-over between the import's threads loses nothing,
/// and the content digest stored with each dossier does not drift.
final class DossierBatchTests: XCTestCase {
    func dossier(_ i: Int) -> Dossier {
        let t = { (d: Int, h: Int) in LocalDateTime(year: 2024, month: 10, day: d, hour: h)! }
        return Dossier(code: "H\(i)", unitCode: i % 2 == 0 ? "MK" : "TU", procedureCode: i % 3 == 0 ? nil : "P\(i % 5)",
                       procedureName: i % 4 == 0 ? nil : "Đăng ký khai sinh", fieldCode: "HT", fieldName: i % 2 == 0 ? "Hộ tịch" : "",
                       channel: [.direct, .online, .postal][i % 3], declaredLevel: i % 5 == 0 ? nil : .three,
                       receivedAt: t(1, 8), dueAt: t(3, 17), finishedAt: i % 2 == 0 ? t(2, 9) : nil,
                       returnedAt: i % 3 == 0 ? t(4, 10) : nil, status: i % 7 == 0 ? nil : .processed,
                       supplementCount: i % 6 == 0 ? nil : i % 3, supplementRequestedAt: i % 4 == 1 ? t(2, 8) : nil,
                       supplementReceivedAt: nil, apologyCount: i % 2, newDueAt: i % 2 == 1 ? t(5, 17) : nil,
                       applicant: i % 3 == 1 ? nil : "Nguyễn Văn \(i)", officer: "Lò Thị B", updatedAt: i % 5 == 2 ? t(6, 7) : nil,
                       receivingUnitCode: nil)  // last, as the package init has it (the memberwise one, seen here, has it third)
    }

    func testEveryDossierComesBackAsItWent() {
        let dossiers = (0..<200).map(dossier)
        var batch = DossierBatch()
        for (i, d) in dossiers.enumerated() { batch.append(d, line: i + 2) }
        XCTAssertEqual((0..<batch.count).map(batch.dossier), dossiers)
        XCTAssertEqual(batch.lines, Array(2..<202))
        XCTAssertEqual(batch.rowsByUnit, ["MK": 100, "TU": 100])
        XCTAssertEqual(batch.text(5, .fieldName), "", "an empty text is not a blank one")
        XCTAssertNil(batch.text(1, .applicant))
    }

    func testDigestsTellRowsApartAndDoNotDrift() {
        var batch = DossierBatch()
        for i in 0..<200 { batch.append(dossier(i), line: i + 2) }
        XCTAssertEqual(Set(batch.contentHashes).count, 200)
        var again = DossierBatch()
        again.append(dossier(7), line: 99)
        XCTAssertEqual(again.contentHashes[0], batch.contentHashes[7], "the line is not content")
        var moved = dossier(7)
        moved.officer = "Lò Văn C"
        var other = DossierBatch()
        other.append(moved, line: 9)
        XCTAssertNotEqual(other.contentHashes[0], batch.contentHashes[7])
        // Digests are stored: a change to how they are computed must be deliberate.
        XCTAssertEqual(batch.contentHashes[0], 441_739_661_795_007_837)
    }

    /// The digest as it was first written with the QĐ 766 columns, field by
    /// field through `number(_:_:)` (the packed numbers are read in place now):
    /// rows stored since keep matching their exports.
    func testTheDigestIsTheOneStoredBefore() {
        func reference(_ batch: DossierBatch, _ row: Int) -> Int64 {
            var hasher = WordHasher()
            batch.bytes.withUnsafeBufferPointer { buffer in
                for field in DossierBatch.Text.allCases {
                    if field == .receivingUnit && batch.span(row, field) == nil { continue }
                    guard let span = batch.span(row, field) else { hasher.mix(UInt64.max); continue }
                    hasher.mix(UInt64(span.count))
                    hasher.mix(UnsafeBufferPointer(rebasing: buffer[span]))
                }
            }
            let flagFields = DossierBatch.Number.index766Flags
            for field in DossierBatch.Number.allCases where field != .stateMoment && !flagFields.contains(field) {
                hasher.mix(UInt64(bitPattern: batch.number(row, field) ?? DossierBatch.null))
            }
            let flags = flagFields.map { batch.number(row, $0) }
            if flags.contains(where: { $0 != nil }) {
                for f in flags { hasher.mix(UInt64(bitPattern: f ?? DossierBatch.null)) }
            }
            return Int64(bitPattern: hasher.value)
        }
        var random = SplitMix64(seed: 766)
        var batch = DossierBatch()
        for i in 0..<400 {
            var d = dossier(i)
            func flag() -> Bool? { [nil, true, false][random.below(3)] }
            if random.below(2) == 0 {
                d.hasElectronicResult = flag(); d.hasDigitisedComponents = flag(); d.isDigitised = flag(); d.isPaidOnline = flag()
            }
            if random.below(3) == 0 { d.receivingUnitCode = "TN\(i % 4)" }
            batch.append(d, line: i)
        }
        XCTAssertEqual(batch.contentHashes, (0..<batch.count).map { reference(batch, $0) })
    }
}
