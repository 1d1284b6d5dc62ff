import XCTest
@testable import MotCuaCore

/// docs/rules.md#index766: the portal's progress rule at its boundaries, the
/// points formulas, indicators without data, and the roll-up from sums.
final class Index766Tests: XCTestCase {
    let catalogue = ProcedureCatalogue([Procedure(code: "P2", name: "a", level: .two, duration: 5, durationUnit: .workingDays)])

    func verdict(_ d: Dossier) -> Index766Verdict? {
        let classifier = PeriodClassifier(period: october2020)
        guard let state = classifier.classify(d) else { return nil }
        let rule = Index766Rule(period: october2020,
                                dueDates: DueDateCalculator(catalogue: catalogue, calendar: WorkCalendar()))
        return rule.judge(d, state: state)
    }

    func testEndingExactlyAtTheDueMomentIsOnTimeOneSecondLaterIsNot() {
        XCTAssertEqual(verdict(dossier(received: "2020-10-05 08:00", due: "2020-10-20 17:00", finished: "2020-10-20 17:00",
                                       status: .returned))?.miss, nil)
        XCTAssertEqual(verdict(dossier(received: "2020-10-05 08:00", due: "2020-10-20 17:00", finished: "2020-10-20 17:00:01",
                                       status: .returned))?.miss, .finishedLate)
    }

    func testWithdrawnAndStoppedDossiersAreJudgedToo() {
        // The appendix gives them no on-time class; the portal compares their end with the due time.
        XCTAssertEqual(verdict(dossier(received: "2020-10-05 08:00", due: "2020-10-10 17:00", finished: "2020-10-12 09:00",
                                       status: .withdrawn))?.miss, .finishedLate)
        XCTAssertEqual(verdict(dossier(received: "2020-10-05 08:00", due: "2020-10-20 17:00", finished: "2020-10-12 09:00",
                                       status: .stopped))?.miss, nil)
    }

    func testAWaitingDossierEndsAtItsSupplementRequest() {
        // Requested before the due time, still waiting at the cutoff: on time, though the due time passed.
        let before = verdict(dossier(received: "2020-10-05 08:00", due: "2020-10-10 17:00", status: .supplementRequested,
                                     supplementRequested: "2020-10-09 10:00"))
        XCTAssertEqual(before?.end, t("2020-10-09 10:00"))
        XCTAssertEqual(before?.miss, nil)
        let after = verdict(dossier(received: "2020-10-05 08:00", due: "2020-10-10 17:00", status: .supplementRequested,
                                    supplementRequested: "2020-10-12 10:00"))
        XCTAssertEqual(after?.miss, .supplementRequestedLate)
        // The supplement arrived before the cutoff: no longer waiting, so it runs to the cutoff.
        let arrived = verdict(dossier(received: "2020-10-05 08:00", due: "2020-10-10 17:00", status: .processing,
                                      supplementRequested: "2020-10-09 10:00", supplementReceived: "2020-10-15 10:00"))
        XCTAssertEqual(arrived?.end, october2020.cutoff)
        XCTAssertEqual(arrived?.miss, .pendingPastDue)
    }

    func testTwoSupplementRequestsAreNeverOnTime() {
        var d = dossier(received: "2020-10-05 08:00", due: "2020-10-20 17:00", finished: "2020-10-06 09:00", status: .returned)
        d.supplementCount = 2
        XCTAssertEqual(verdict(d)?.miss, .repeatedSupplements)
        d.supplementCount = 1
        XCTAssertEqual(verdict(d)?.miss, nil)
    }

    func testWithoutADueDateTheRecomputedDueMomentDecides() {
        // 5 working days from Monday 5/10 08:00 is Monday 12/10 08:00 (7.5 h days).
        let quick = verdict(dossier(received: "2020-10-05 08:00", due: nil, finished: "2020-10-12 08:00", status: .returned))
        XCTAssertEqual(quick?.due, t("2020-10-12 08:00"))
        XCTAssertEqual(quick?.dueRecomputed, true)
        XCTAssertEqual(quick?.miss, nil)
        let slow = verdict(dossier(received: "2020-10-05 08:00", due: nil, finished: "2020-10-13 08:00", status: .returned))
        XCTAssertEqual(slow?.miss, .noDueDate)
    }

    func testBacklogAndAFinishAfterTheCutoffRunToTheCutoff() {
        // Received in September, due in September, finished in November: pending at the cutoff.
        let backlog = verdict(dossier(received: "2020-09-20 08:00", due: "2020-09-30 17:00", finished: "2020-11-03 09:00",
                                      status: .returned))
        XCTAssertEqual(backlog?.end, october2020.cutoff)
        XCTAssertEqual(backlog?.miss, .pendingPastDue)
        // Due exactly at the cutoff and unfinished: on time.
        XCTAssertEqual(verdict(dossier(received: "2020-10-20 08:00", due: "2020-10-31 23:59:59"))?.miss, nil)
        // Ended before the period: out of scope.
        XCTAssertNil(verdict(dossier(received: "2020-09-20 08:00", finished: "2020-09-30 10:00", status: .returned)))
    }

    func testPointsFormulasAndDash() {
        var c = Index766Counts()
        c.progressInScope = 8; c.progressOnTime = 6
        let index = Index766(counts: c, received: 8, receivedOnline: 2)
        XCTAssertEqual(index[.progress]?.rate, 75)
        XCTAssertEqual(index[.progress]?.points, 15)
        // 25 % online: 6 × 0.25 / 0.5 = 3; 60 % is capped at 6.
        XCTAssertEqual(index[.online]?.points, 3)
        XCTAssertEqual(Index766(counts: c, received: 10, receivedOnline: 6)[.online]?.points, 6)
        XCTAssertNil(index[.electronicResult], "no column: không có dữ liệu")
        XCTAssertEqual(index.points, 18)
        XCTAssertEqual(index.max, 26)
        // Nothing in scope: "—", and its maximum leaves the unit's.
        let empty = Index766(counts: Index766Counts(), received: 0, receivedOnline: 0)
        XCTAssertNotNil(empty[.progress])
        XCTAssertNil(empty[.progress]?.rate)
        XCTAssertNil(empty[.progress]?.points)
        XCTAssertEqual(empty.max, 0)
    }

    func testColumnIndicatorsCountReceivedDossiersOnly() {
        var aggregator = PeriodAggregator(period: october2020, catalogue: catalogue)
        func add(_ code: String, received: String, result: Bool?, paid: Bool?) {
            var d = dossier(code, received: received, due: "2020-11-20 17:00")
            d.hasElectronicResult = result; d.isPaidOnline = paid
            aggregator.add(d)
        }
        add("A", received: "2020-10-02 08:00", result: true, paid: nil)
        add("B", received: "2020-10-03 08:00", result: false, paid: nil)
        add("C", received: "2020-10-04 08:00", result: nil, paid: nil)   // an older export without the column
        add("D", received: "2020-09-04 08:00", result: true, paid: true)  // backlog: not in these rates
        let index = aggregator.report(scope: nil, tree: UnitTree([OrgUnit(code: "U", name: "U")])).total.figures.index766
        // 1 of the 2 received with the column (C is unknown, not "no"); 8 × 0.5 / 0.8 = 5.
        XCTAssertEqual(index[.electronicResult]?.numerator, 1)
        XCTAssertEqual(index[.electronicResult]?.denominator, 2)
        XCTAssertEqual(index[.electronicResult]?.points ?? 0, 5, accuracy: 1e-9)
        XCTAssertNil(index[.onlinePayment], "only the backlog dossier says: no data among the received")
        XCTAssertNil(index[.digitisation])
    }

    /// The digest tells the QĐ 766 columns apart, yet a row without them keeps the
    /// digest it had before they existed (DossierBatchTests pins that value).
    func testTheDigestCoversTheColumnsOnlyWhenARowHasThem() {
        var d = dossier(received: "2020-10-02 08:00")
        let without = DossierBatch.contentHash(of: d)
        d.isPaidOnline = false
        let no = DossierBatch.contentHash(of: d)
        d.isPaidOnline = true
        let yes = DossierBatch.contentHash(of: d)
        d.isPaidOnline = nil; d.hasElectronicResult = false
        XCTAssertEqual(Set([without, no, yes, DossierBatch.contentHash(of: d)]).count, 4)
    }

    func testDigitisationTakesEitherColumn() {
        var d = dossier(received: "2020-10-02 08:00")
        XCTAssertNil(d.digitisation)
        d.isDigitised = false
        XCTAssertEqual(d.digitisation, false)
        d.hasDigitisedComponents = true
        XCTAssertEqual(d.digitisation, true)
    }

    /// The index rolls up: a unit's numerators and denominators are the sums
    /// of its own and its children's; points are recomputed, not summed.
    func testIndexRollsUpFromSums() {
        var rng = SplitMix64(seed: 766)
        let base = october2020.from
        for trial in 0..<40 {
            let unitCount = Int.random(in: 1...12, using: &rng)
            let units = (0..<unitCount).map { i in
                OrgUnit(code: "U\(i)", name: "Đơn vị \(i)", level: "xa",
                        parentCode: i == 0 ? nil : "U\(Int.random(in: 0..<i, using: &rng))", sortOrder: i)
            }
            let tree = UnitTree(units)
            var aggregator = PeriodAggregator(period: october2020, catalogue: catalogue)
            for k in 0..<Int.random(in: 0...200, using: &rng) {
                let received = LocalDateTime(date: base.adding(days: Int.random(in: -30...30, using: &rng)),
                                             secondOfDay: Int.random(in: 0..<86_400, using: &rng))
                var d = Dossier(code: "H\(k)", unitCode: "U\(Int.random(in: 0..<unitCount, using: &rng))", procedureCode: "P2",
                                channel: Channel.allCases.randomElement(using: &rng)!, receivedAt: received,
                                dueAt: received.adding(seconds: Int64.random(in: 0...(15 * 86_400), using: &rng)),
                                finishedAt: Bool.random(using: &rng) ? received.adding(seconds: Int64.random(in: 0...(20 * 86_400), using: &rng)) : nil,
                                status: [.processing, .returned, .withdrawn, .supplementRequested].randomElement(using: &rng),
                                supplementCount: Int.random(in: 0...2, using: &rng))
                d.hasElectronicResult = [nil, true, false].randomElement(using: &rng)!
                aggregator.add(d)
            }
            for code in tree.allInDisplayOrder {
                let parent = aggregator.subtreeFigures(of: code, in: tree)
                var sum = aggregator.ownFigures[code] ?? UnitFigures()
                for child in tree.children(of: code) { sum += aggregator.subtreeFigures(of: child, in: tree) }
                let index = parent.index766
                for (kind, indicator) in index.indicators {
                    let parts = [aggregator.ownFigures[code] ?? UnitFigures()] + tree.children(of: code).map { aggregator.subtreeFigures(of: $0, in: tree) }
                    let values = parts.compactMap { $0.index766[kind] }
                    XCTAssertEqual(indicator?.numerator ?? 0, values.reduce(0) { $0 + $1.numerator }, "trial \(trial) \(code) \(kind)")
                    XCTAssertEqual(indicator?.denominator ?? 0, values.reduce(0) { $0 + $1.denominator }, "trial \(trial) \(code) \(kind)")
                    if let i = indicator, let rate = i.rate {
                        XCTAssertEqual(rate, Double(i.numerator) * 100 / Double(i.denominator), accuracy: 1e-9)
                    }
                }
                XCTAssertEqual(sum.index766, index)
                XCTAssertEqual(index.points, index.rated.reduce(0) { $0 + $1.points! }, accuracy: 1e-9)
                XCTAssertLessThanOrEqual(index.points, index.max + 1e-9)
            }
        }
    }
}
