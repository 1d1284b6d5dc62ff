import XCTest
@testable import MotCuaCore

/// Roll-up over unit trees of any depth (docs/rules.md#rollup): a parent's figures
/// are the sums over its subtree; the total counts every dossier once.
final class RollUpPropertyTests: XCTestCase {
    func testTotalsEqualSumsAtEveryLevel() {
        var rng = SplitMix64(seed: 2020)  // deterministic, so failures reproduce
        let catalogue = ProcedureCatalogue([
            Procedure(code: "P2", name: "a", level: .two), Procedure(code: "P3", name: "b", level: .three),
            Procedure(code: "P4", name: "c", level: .four), Procedure(code: "P0", name: "d"),
        ])
        let base = october2020.from
        for trial in 0..<60 {
            // A random forest: each unit's parent is an earlier unit or none.
            let unitCount = Int.random(in: 1...25, using: &rng)
            var units: [OrgUnit] = []
            for i in 0..<unitCount {
                let parent = i == 0 || Bool.random(using: &rng) && i > 0 && Int.random(in: 0...3, using: &rng) == 0
                    ? nil : "U\(Int.random(in: 0..<i, using: &rng))"
                units.append(OrgUnit(code: "U\(i)", name: "Đơn vị \(i)", level: ["huyen", "xa"].randomElement(using: &rng)!,
                                     parentCode: i == 0 ? nil : parent, sortOrder: Int.random(in: 0...5, using: &rng)))
            }
            let tree = UnitTree(units)
            var aggregator = PeriodAggregator(period: october2020, catalogue: catalogue)
            var expectedInScope = 0
            for k in 0..<Int.random(in: 0...400, using: &rng) {
                let received = LocalDateTime(date: base.adding(days: Int.random(in: -40...35, using: &rng)),
                                             secondOfDay: Int.random(in: 0..<86_400, using: &rng))
                let finish: LocalDateTime? = Bool.random(using: &rng)
                    ? received.adding(seconds: Int64.random(in: 0...(30 * 86_400), using: &rng)) : nil
                let d = Dossier(code: "H\(k)", unitCode: "U\(Int.random(in: 0..<unitCount, using: &rng))",
                                procedureCode: ["P2", "P3", "P4", "P0", "PX"].randomElement(using: &rng),
                                channel: Channel.allCases.randomElement(using: &rng)!, receivedAt: received,
                                dueAt: received.adding(seconds: Int64.random(in: 0...(20 * 86_400), using: &rng)),
                                finishedAt: finish,
                                status: [.processing, .returned, .withdrawn, .notAccepted].randomElement(using: &rng))
                if aggregator.classifier.classify(d) != nil { expectedInScope += 1 }
                aggregator.add(d)
            }
            let whole = aggregator.report(scope: nil, tree: tree)
            XCTAssertEqual(whole.total.figures.backlog + whole.total.figures.received, expectedInScope, "trial \(trial)")
            // Every unit: subtree figures = own + children's subtree figures.
            for code in tree.allInDisplayOrder {
                var sum = aggregator.ownFigures[code] ?? UnitFigures()
                for child in tree.children(of: code) { sum += aggregator.subtreeFigures(of: child, in: tree) }
                XCTAssertEqual(sum, aggregator.subtreeFigures(of: code, in: tree), "trial \(trial) unit \(code)")
                // A report scoped to the unit: its rows add up to its total, which is its subtree.
                let scoped = aggregator.report(scope: code, tree: tree)
                var rows = UnitFigures()
                for r in scoped.rows { rows += r.figures }
                XCTAssertEqual(rows, scoped.total.figures)
                XCTAssertEqual(scoped.total.figures, aggregator.subtreeFigures(of: code, in: tree))
            }
            // Internal consistency of every row.
            for r in whole.rows + [whole.total] {
                let f = r.figures
                XCTAssertEqual(f.pending, f.backlog + f.received - f.finished)
                XCTAssertEqual(f.received, f.receivedDirect + f.receivedOnline + f.receivedPostal)
                XCTAssertEqual(f.received, f.receivedByLevel.total)
                XCTAssertEqual(f.finished, f.finishedByLevel.total)
                XCTAssertEqual(f.finished, f.early + f.onTime + f.late + f.unclassified)
                XCTAssertEqual(f.pending, f.pendingInTime + f.pendingOverdue + f.pendingSupplement)
                XCTAssertTrue((0...100).contains(f.resolutionRate))
            }
        }
    }

    func testRatesAreRecomputedFromSumsNotAveraged() {
        var a = UnitFigures(); a.received = 1; a.finished = 1        // 100 %
        var b = UnitFigures(); b.received = 3; b.finished = 0        // 0 %
        var sum = a; sum += b
        XCTAssertEqual(sum.resolutionRate, 25, accuracy: 1e-9)       // not 50
        XCTAssertEqual(UnitFigures().resolutionRate, 0, "empty denominator gives 0, not NaN")
    }

    func testRootWithOwnDossiersGetsItsOwnRow() {
        let tree = UnitTree([OrgUnit(code: "R", name: "Root"), OrgUnit(code: "C", name: "Child", parentCode: "R")])
        var agg = PeriodAggregator(period: october2020, catalogue: ProcedureCatalogue([]))
        agg.add(dossier("1", unit: "R", received: "2020-10-02 08:00"))
        agg.add(dossier("2", unit: "C", received: "2020-10-02 08:00"))
        let report = agg.report(scope: nil, tree: tree)
        XCTAssertEqual(report.rows.map(\.unit.code), ["R", "C"])
        XCTAssertEqual(report.rows.map(\.figures.received), [1, 1])
        XCTAssertEqual(report.total.figures.received, 2)
    }
}
