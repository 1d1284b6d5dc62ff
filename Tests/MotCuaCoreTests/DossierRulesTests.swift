import XCTest
import MotCuaCore

/// The two rules of docs/rules.md#import, as pure functions, without a store: hồ sơ
/// trùng trong một tệp (``DuplicateRule``) and trạng thái mới hơn thắng
/// (``DossierVersion/newer(stored:incoming:)``).
final class DossierRulesTests: XCTestCase {
    let received = LocalDateTime(year: 2024, month: 3, day: 1, hour: 8)!

    func at(day: Int, hour: Int = 9) -> LocalDateTime { LocalDateTime(year: 2024, month: 3, day: day, hour: hour)! }

    var processing: Dossier {
        Dossier(code: "H1", unitCode: "MK", procedureCode: "P1", channel: .online, receivedAt: received,
                dueAt: at(day: 8, hour: 17), status: .processing, applicant: "Lò Thị Minh")
    }

    var finished: Dossier {
        var d = processing
        d.finishedAt = at(day: 4)
        d.status = .processed
        return d
    }

    func newer(_ stored: Dossier, _ incoming: Dossier) -> Bool {
        DossierVersion.newer(stored: DossierVersion(stored), incoming: DossierVersion(incoming))
    }

    /// The kept state after `lines`, each settled against the state kept so far.
    func kept(_ lines: [Dossier]) -> Dossier {
        lines.dropFirst().reduce(lines[0]) { kept, line in newer(kept, line) ? line : kept }
    }

    // MARK: Hồ sơ trùng trong một tệp

    func testAnIdenticalRepeatIsARepeat() {
        XCTAssertEqual(DuplicateRule.resolve(earlier: processing, later: processing), .repeat)
        let copy = Dossier(code: "H1", unitCode: "MK", procedureCode: "P1", channel: .online, receivedAt: received,
                           dueAt: at(day: 8, hour: 17), status: .processing, applicant: "Lò Thị Minh")
        XCTAssertEqual(DuplicateRule.resolve(earlier: processing, later: copy), .repeat, "the same content, built again")
        let digest = DossierBatch.contentHash(of: finished)
        XCTAssertEqual(DuplicateRule.resolve(earlier: digest, later: digest), .repeat)
    }

    func testALaterLineWithOtherContentSupersedes() {
        XCTAssertEqual(DuplicateRule.resolve(earlier: processing, later: finished), .supersedes, "a newer state")
        XCTAssertEqual(DuplicateRule.resolve(earlier: finished, later: processing), .supersedes,
                       "an older state too: which is stored is the other rule's call")
        var renamed = processing
        renamed.applicant = "Lò Thị Mính"
        XCTAssertEqual(DuplicateRule.resolve(earlier: processing, later: renamed), .supersedes, "one letter of a name")
        var blank = processing
        blank.applicant = ""
        var none = processing
        none.applicant = nil
        XCTAssertEqual(DuplicateRule.resolve(earlier: blank, later: none), .supersedes, "an empty text is not a blank one")
        XCTAssertEqual(DuplicateRule.resolve(earlier: DossierBatch.contentHash(of: processing),
                                             later: DossierBatch.contentHash(of: finished)), .supersedes)
    }

    // MARK: Trạng thái mới hơn thắng

    func testTheNewerStateWinsAndTheOlderNeverMovesItBack() {
        XCTAssertTrue(newer(processing, finished))
        XCTAssertFalse(newer(finished, processing))
        XCTAssertFalse(newer(finished, finished), "the same content again changes nothing")
        XCTAssertEqual(kept([processing, finished, processing]), finished)
        XCTAssertEqual(kept([finished, processing, processing]), finished)
    }

    func testTheUpdateTimeComesBeforeTheEvents() {
        // Stamped later, though it knows of fewer events: the export says it is newer.
        var stamped = processing
        stamped.updatedAt = at(day: 5)
        var moreEvents = finished
        moreEvents.finishedAt = at(day: 4, hour: 16)
        XCTAssertTrue(newer(moreEvents, stamped))
        XCTAssertFalse(newer(stamped, moreEvents))
    }

    func testTheLatestEventBreaksATieOfUpdateTimes() {
        // Two exports stamped with the same NgayCapNhat, one further on.
        var a = processing, b = finished
        a.updatedAt = at(day: 6)
        b.updatedAt = at(day: 6)
        XCTAssertTrue(newer(a, b))
        XCTAssertFalse(newer(b, a))
    }

    func testTiesOfMomentsAreBrokenByTheDigest() {
        var a = processing, b = processing
        a.officer = "Lò Văn A"
        b.officer = "Lò Văn B"
        let va = DossierVersion(a), vb = DossierVersion(b)
        XCTAssertEqual(va.moment, vb.moment)
        XCTAssertEqual(va.latestEvent, vb.latestEvent)
        XCTAssertNotEqual(va.digest, vb.digest)
        XCTAssertNotEqual(newer(a, b), newer(b, a), "exactly one of the two wins")
        XCTAssertEqual(newer(a, b), vb.digest > va.digest)
        XCTAssertEqual(kept([a, b]), kept([b, a]))
    }

    // MARK: Properties over random versions of one dossier

    /// A version of one dossier drawn from few values per field, so that the
    /// update time, the latest event and the moments all tie often.
    func randomVersion(_ random: inout SplitMix64) -> Dossier {
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        var d = processing
        d.supplementRequestedAt = pick([nil, at(day: 2)])
        d.supplementReceivedAt = d.supplementRequestedAt == nil ? nil : pick([nil, at(day: 3)])
        d.finishedAt = pick([nil, at(day: 3), at(day: 4)])
        d.returnedAt = d.finishedAt == nil ? nil : pick([nil, at(day: 5)])
        d.status = d.returnedAt != nil ? .returned : d.finishedAt != nil ? .processed : .processing
        d.updatedAt = pick([nil, nil, at(day: 4), at(day: 6)])
        d.officer = pick([nil, "Lò Văn A", "Lò Văn B"])
        return d
    }

    func testTheFinalStateIsTheSameForEveryOrder() {
        var random = SplitMix64(seed: 1014)
        for round in 0..<300 {
            // Repeats included: an export may carry the same version twice.
            let versions = (0..<(2 + Int(random.next() % 6))).map { _ in randomVersion(&random) }
            let greatest = versions.max { DossierVersion($0) < DossierVersion($1) }!
            for _ in 0..<12 {
                let order = versions.shuffled(using: &random)
                XCTAssertEqual(kept(order), greatest, "round \(round): \(order.map { DossierVersion($0) })")
            }
        }
    }

    func testNewerIsAStrictTotalOrderOnContents() {
        var random = SplitMix64(seed: 2026)
        for _ in 0..<2_000 {
            let a = randomVersion(&random), b = randomVersion(&random), c = randomVersion(&random)
            let va = DossierVersion(a), vb = DossierVersion(b), vc = DossierVersion(c)
            XCTAssertFalse(DossierVersion.newer(stored: va, incoming: va), "irreflexive")
            // Exactly one of: b replaces a, a replaces b, the same content.
            let outcomes = [DossierVersion.newer(stored: va, incoming: vb), DossierVersion.newer(stored: vb, incoming: va),
                            a == b]
            XCTAssertEqual(outcomes.filter { $0 }.count, 1, "\(a)\n\(b)")
            XCTAssertEqual(va == vb, a == b, "equal versions are equal contents")
            XCTAssertEqual(DuplicateRule.resolve(earlier: a, later: b) == .repeat, a == b)
            if DossierVersion.newer(stored: va, incoming: vb) && DossierVersion.newer(stored: vb, incoming: vc) {
                XCTAssertTrue(DossierVersion.newer(stored: va, incoming: vc), "transitive")
            }
        }
    }
}
