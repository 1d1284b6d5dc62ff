import XCTest
@testable import MotCuaCore

/// The comparison periods count figures only (docs/rules.md#comparisons), so
/// a store may hand over the dossiers only they reach without code, applicant
/// and officer (``DossierRepository/forEachDossier(relevantTo:detailedIn:_:)``):
/// on random dossiers of every kind, the report with those left out is the
/// report of the full dossiers, rows, comparisons, lists and findings alike.
final class FiguresOnlyPropertyTests: XCTestCase {
    let catalogue = ProcedureCatalogue([
        Procedure(code: "P2", name: "Cấp bản sao", fieldCode: "HT", fieldName: "Hộ tịch", level: .two),
        Procedure(code: "P4", name: "Cấp phép xây dựng", fieldCode: "XD", fieldName: "Xây dựng", level: .four),
    ])
    let tree = UnitTree([OrgUnit(code: "T", name: "Tỉnh", level: "tinh"),
                         OrgUnit(code: "A", name: "A", level: "xa", parentCode: "T", sortOrder: 1),
                         OrgUnit(code: "B", name: "B", level: "xa", parentCode: "T", sortOrder: 2),
                         OrgUnit(code: "C", name: "C", level: "huyen", parentCode: "T", sortOrder: 3)])

    /// Dossiers of 2023–2024 of every class, with the texts a report's own period reads.
    func randomDossiers(_ rng: inout SplitMix64, count: Int) -> [Dossier] {
        let start = LocalDateTime(year: 2023, month: 1, day: 1)!
        return (0..<count).map { k in
            let received: LocalDateTime? = rng.chance(0.03) ? nil : start.adding(seconds: Int64(rng.below(2 * 365 * 86_400)))
            let base = received ?? start
            func later(_ days: Int) -> LocalDateTime { base.adding(seconds: Int64(rng.below(days * 86_400))) }
            let finished: LocalDateTime? = rng.chance(0.75) ? later(60) : nil
            let requested: LocalDateTime? = rng.chance(0.15) ? later(20) : nil
            return Dossier(code: "D\(k)", unitCode: rng.pick(["A", "B", "C", "T", "X"]),
                           procedureCode: rng.pick(["P2", "P4", "P9", nil]), procedureName: rng.pick(["Thủ tục", nil]),
                           fieldCode: rng.pick(["HT", nil]), fieldName: rng.pick(["Hộ tịch", nil]),
                           channel: rng.pick(Channel.allCases), declaredLevel: rng.pick([nil, nil, .three, .four]),
                           receivedAt: received, dueAt: rng.chance(0.1) ? nil : later(25), finishedAt: finished,
                           returnedAt: finished == nil && rng.chance(0.2) ? later(60) : nil,
                           status: rng.pick([nil, .accepted, .processing, .returned, .processed, .withdrawn, .stopped,
                                             .notAccepted, .supplementRequested]),
                           supplementCount: rng.pick([nil, 0, 1, 2]), supplementRequestedAt: requested,
                           supplementReceivedAt: requested.flatMap { r in rng.chance(0.5) ? r.adding(seconds: 86_400) : nil },
                           apologyCount: rng.pick([0, 0, 1, 2]), applicant: "Nguyễn Văn \(k)", officer: rng.pick(["Cán bộ 1", nil]),
                           hasElectronicResult: rng.pick([nil, true, false]), hasDigitisedComponents: rng.pick([nil, true, false]),
                           isDigitised: rng.pick([nil, true, false]), isPaidOnline: rng.pick([nil, true, false]),
                           receivingUnitCode: rng.pick([nil, nil, "A", "B", "Z"]))
        }
    }

    /// What a store without the texts hands over for a dossier the report's own window does not reach.
    func stripped(_ d: Dossier) -> Dossier {
        var d = d
        d.code = ""; d.applicant = nil; d.officer = nil
        return d
    }

    func testDossiersOnlyTheComparisonPeriodsReachNeedNoCodeApplicantOrOfficer() throws {
        var rng = SplitMix64(seed: 2024)
        let rubric = tt01TestRubric()
        for trial in 0..<24 {
            let dossiers = randomDossiers(&rng, count: 1_500)
            let period = ReportPeriod.parse(["2024-Q4", "2024-Q2", "2024", "2024-11", "2024-9T", "2024-06"][trial % 6])!
            let dimensions: Set<ReportDimension> = trial.isMultiple(of: 2) ? [] : Set(ReportDimension.allCases)
            let attribution: Attribution = trial % 3 == 0 ? .receiving : .handling
            func make(_ p: ReportPeriod, _ figuresOnly: Bool) -> PeriodAggregator {
                PeriodAggregator(period: p, catalogue: catalogue, rubric: rubric, dimensions: dimensions,
                                 attribution: attribution, knownUnits: ["T", "A", "B", "C"], figuresOnly: figuresOnly)
            }
            var full = ComparingAggregator(period: period, make: make)
            var light = ComparingAggregator(period: period, make: make)
            let own = light.detailedWindow
            for d in dossiers where full.windows.contains(where: { $0.reaches(d) }) {
                full.add(d)
                light.add(own.reaches(d) ? d : stripped(d))
            }
            let a = full.report(scope: nil, tree: tree), b = light.report(scope: nil, tree: tree)
            XCTAssertEqual(a.rows, b.rows, "trial \(trial)")
            XCTAssertEqual(a.total, b.total, "trial \(trial)")
            XCTAssertEqual(a.overdue, b.overdue, "trial \(trial)")
            XCTAssertEqual(a.findings, b.findings, "trial \(trial)")
            XCTAssertEqual(a.index766Misses, b.index766Misses, "trial \(trial)")
            XCTAssertEqual(a.onTimeDifferences, b.onTimeDifferences, "trial \(trial)")
            XCTAssertEqual(try a.table(TableSpec(rows: .unitAll)), try b.table(TableSpec(rows: .unitAll)), "trial \(trial)")
            for dimension in dimensions where !dimension.isUnitDimension {
                XCTAssertEqual(try a.table(TableSpec(rows: dimension)), try b.table(TableSpec(rows: dimension)),
                               "trial \(trial) \(dimension)")
            }
            XCTAssertEqual(a.units.map { [$0.own, $0.subtree] }, b.units.map { [$0.own, $0.subtree] }, "trial \(trial)")
        }
    }

    /// `report --input` counts each parsed batch on the thread that read it
    /// (``BatchTally``: the rows a store would hand back, stripped as above)
    /// and merges the batches in file order (``ComparingAggregator/merge(_:)``).
    /// Wherever the cuts fall, even batches of one row or none, that is the
    /// report of one aggregator fed every dossier: rows, comparisons, lists,
    /// findings, scores, evaluation warnings and tables by dimension alike.
    func testBatchesCountedApartAndMergedInOrderGiveOneAggregatorsReport() throws {
        var rng = SplitMix64(seed: 766)
        let rubric = tt01TestRubric()
        for trial in 0..<24 {
            let dossiers = randomDossiers(&rng, count: 1_200)
            // Assessor points for some dossiers, some out of the rubric's range (warnings).
            var evaluations: [String: [Int: Int]] = [:]
            for d in dossiers where rng.chance(0.2) {
                var points: [Int: Int] = [:]
                for _ in 0..<2 { points[rng.pick([4, 5, 7, 8])] = rng.pick([0, 1, 2, 5]) }
                evaluations[d.code] = points
            }
            let period = ReportPeriod.parse(["2024-Q4", "2024-Q2", "2024", "2024-11", "2024-9T", "2024-06"][trial % 6])!
            let dimensions: Set<ReportDimension> = trial % 4 == 1 ? [] : Set(ReportDimension.allCases)
            let attribution: Attribution = trial % 3 == 0 ? .receiving : .handling
            func make(_ p: ReportPeriod, _ figuresOnly: Bool) -> PeriodAggregator {
                PeriodAggregator(period: p, catalogue: catalogue, rubric: rubric, evaluations: evaluations,
                                 dimensions: dimensions, attribution: attribution, knownUnits: ["T", "A", "B", "C"],
                                 figuresOnly: figuresOnly)
            }
            var one = ComparingAggregator(period: period, make: make)
            for d in dossiers { one.add(d) }
            var merged = ComparingAggregator(period: period, make: make)
            let empty = BatchTally(merged)
            var start = 0, hashes = 0
            while start < dossiers.count {
                let end = min(dossiers.count, start + rng.pick([0, 1, 2, 7, 64, 300, 2_000]))
                var tally = empty
                for d in dossiers[start..<end] { tally.add(d) }
                hashes += tally.codeHashes.count
                merged.merge(tally.aggregator)
                start = end
            }
            XCTAssertEqual(hashes, dossiers.count, "every row's MaHoSo is hashed, reached or not")
            let a = one.report(scope: nil, tree: tree), b = merged.report(scope: nil, tree: tree)
            XCTAssertGreaterThan(a.dossiersUsed, 0)
            XCTAssertEqual(a.dossiersUsed, b.dossiersUsed, "trial \(trial)")
            XCTAssertEqual(a.rows, b.rows, "trial \(trial)")
            XCTAssertEqual(a.total, b.total, "trial \(trial)")
            XCTAssertEqual(a.overdue, b.overdue, "trial \(trial)")
            XCTAssertEqual(a.findings, b.findings, "trial \(trial)")
            XCTAssertEqual(a.scoringWarnings, b.scoringWarnings, "trial \(trial)")
            XCTAssertEqual(a.index766Misses, b.index766Misses, "trial \(trial)")
            XCTAssertEqual(a.onTimeDifferences, b.onTimeDifferences, "trial \(trial)")
            XCTAssertEqual(a.units.map { [$0.own, $0.subtree] }, b.units.map { [$0.own, $0.subtree] }, "trial \(trial)")
            XCTAssertEqual(try a.table(TableSpec(rows: .unitAll)), try b.table(TableSpec(rows: .unitAll)), "trial \(trial)")
            for dimension in dimensions where !dimension.isUnitDimension {
                XCTAssertEqual(try a.table(TableSpec(rows: dimension)), try b.table(TableSpec(rows: dimension)),
                               "trial \(trial) \(dimension)")
            }
        }
    }
}
