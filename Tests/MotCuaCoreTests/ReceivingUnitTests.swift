import XCTest
@testable import MotCuaCore

/// Receiving unit and handling unit (docs/rules.md#receiving-unit): with
/// `.receiving`, reception figures count for the unit that received the
/// dossier and results for the unit that handles it.
final class ReceivingUnitTests: XCTestCase {
    /// Tỉnh → Trung tâm Phục vụ hành chính công, two communes (two-level government).
    let tree = UnitTree([
        OrgUnit(code: "T", name: "UBND tỉnh", level: "tinh"),
        OrgUnit(code: "T.TTPVHCC", name: "Trung tâm Phục vụ hành chính công", level: "tinh", parentCode: "T", sortOrder: 0),
        OrgUnit(code: "X1", name: "UBND xã Một", level: "xa", parentCode: "T", sortOrder: 1),
        OrgUnit(code: "X2", name: "UBND xã Hai", level: "xa", parentCode: "T", sortOrder: 2),
    ])
    let catalogue = ProcedureCatalogue([Procedure(code: "P2", name: "Cấp bản sao", fieldCode: "HT", fieldName: "Hộ tịch", level: .two)])
    let quarter = ReportPeriod.parse("2025-Q4")!

    /// Received online at the centre on 06/10/2025, handled by commune X1, finished early on 08/10.
    var atCentre: Dossier {
        var d = dossier("H1", unit: "X1", channel: .online, received: "2025-10-06 09:00", due: "2025-10-10 17:00",
                        finished: "2025-10-08 10:00", status: .returned)
        d.receivingUnitCode = "T.TTPVHCC"
        return d
    }

    func report(_ dossiers: [Dossier], _ attribution: Attribution, scope: String? = nil,
                dimensions: Set<ReportDimension> = []) -> PeriodReport {
        var a = PeriodAggregator(period: quarter, catalogue: catalogue, dimensions: dimensions, attribution: attribution,
                                 knownUnits: Set(tree.allInDisplayOrder))
        for d in dossiers { a.add(d) }
        return a.report(scope: scope, tree: tree)
    }

    func row(_ r: PeriodReport, _ code: String) -> UnitFigures { r.rows.first { $0.unit.code == code }!.figures }

    /// Every count a report can print, for a row.
    func printed(_ row: ReportRow) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: FigureCatalogue.all.filter(\.aggregation.isAdditive).map { ($0.name, $0.value(row).number!) })
    }

    func testADossierReceivedAtTheCentreAndHandledByACommune() {
        // Handling (the default): everything for the commune.
        let handling = report([atCentre], .handling)
        XCTAssertEqual(row(handling, "X1").received, 1)
        XCTAssertEqual(row(handling, "X1").early, 1)
        XCTAssertEqual(row(handling, "T.TTPVHCC").received, 0)
        XCTAssertEqual(handling.attribution, .handling)
        // Receiving: the centre received it (online), the commune finished it early.
        let receiving = report([atCentre], .receiving)
        let centre = row(receiving, "T.TTPVHCC"), commune = row(receiving, "X1")
        XCTAssertEqual([centre.received, centre.receivedOnline, centre.receivedByLevel.level2, centre.finished, centre.backlog],
                       [1, 1, 1, 0, 0])
        XCTAssertEqual([commune.received, commune.finished, commune.early, commune.finishedByLevel.level2, commune.pending],
                       [0, 1, 1, 1, 0])
        XCTAssertGreaterThan(commune.processingWorkSeconds, 0, "processing time goes with the result")
        XCTAssertEqual(centre.processingWorkSeconds, 0)
        // The total counts the dossier once either way.
        XCTAssertEqual(printed(receiving.total), printed(handling.total))
        // Biểu 06 column C is the commune's: it takes the dossier to handle.
        XCTAssertEqual(FigureCatalogue.figure(named: "handled")!.value(receiving.rows.first { $0.unit.code == "X1" }!), .count(1))
        XCTAssertEqual(FigureCatalogue.figure(named: "handled")!.value(receiving.rows.first { $0.unit.code == "T.TTPVHCC" }!), .count(0))
        XCTAssertEqual(receiving.rows.first { $0.unit.code == "X1" }!.figures.resolutionRate, 100)
        XCTAssertEqual(receiving.attribution, .receiving)
        // Reported for the commune alone: it finished a dossier it did not receive.
        let communeOnly = report([atCentre], .receiving, scope: "X1")
        XCTAssertEqual(communeOnly.total.figures.received, 0)
        XCTAssertEqual(communeOnly.total.figures.finished, 1)
    }

    func testBacklogAndPendingStayWithTheHandlingUnit() {
        // Received at the centre in September, still pending at the end of the quarter and overdue.
        var d = dossier("H2", unit: "X2", received: "2025-09-29 08:00", due: "2025-10-03 17:00")
        d.receivingUnitCode = "T.TTPVHCC"
        let r = report([d], .receiving)
        XCTAssertEqual(row(r, "X2").backlog, 1)
        XCTAssertEqual(row(r, "X2").pendingOverdue, 1)
        XCTAssertEqual(printed(r.rows.first { $0.unit.code == "T.TTPVHCC" }!).values.reduce(0, +), 0)
    }

    func testWithoutAKnownReceivingUnitTheHandlingUnitReceives() {
        var unknown = atCentre
        unknown.receivingUnitCode = "NOT.A.UNIT"
        var blank = atCentre
        blank.code = "H3"; blank.receivingUnitCode = nil
        var same = atCentre
        same.code = "H4"; same.receivingUnitCode = "X1"
        let r = report([unknown, blank, same], .receiving)
        XCTAssertEqual(row(r, "X1").received, 3)
        XCTAssertEqual(row(r, "T.TTPVHCC").received, 0)
    }

    /// Groups by lĩnh vực and by month split the same way, and add up to the total.
    func testGroupsSplitReceptionAndResults() throws {
        let r = report([atCentre], .receiving, scope: "T", dimensions: [.field, .month])
        let field = try r.groups(by: .field)
        XCTAssertEqual(field.map(\.figures.received), [1])
        XCTAssertEqual(field.map(\.figures.finished), [1])
        let months = try r.groups(by: .month)
        XCTAssertEqual(months.map(\.figures.received), [1, 0, 0])
    }

    /// For random dossiers, the total of every additive figure is the same
    /// under both attributions, and the unit rows add up to it; reception
    /// moves between rows, results never do; every row's dossiers to handle
    /// are finished or pending, so rates stay within 100 %.
    func testAttributionMovesReceptionOnly() {
        var rng = SplitMix64(seed: 766)
        let codes = tree.allInDisplayOrder
        for _ in 0..<40 {
            let dossiers: [Dossier] = (0..<Int.random(in: 0...120, using: &rng)).map { k in
                let received = LocalDateTime(date: quarter.from.adding(days: Int.random(in: -40...95, using: &rng)),
                                             secondOfDay: Int.random(in: 0..<86_400, using: &rng))
                var d = Dossier(code: "D\(k)", unitCode: codes.randomElement(using: &rng)!, procedureCode: "P2",
                                channel: Channel.allCases.randomElement(using: &rng)!, receivedAt: received,
                                dueAt: received.adding(seconds: Int64.random(in: 0...(15 * 86_400), using: &rng)),
                                finishedAt: Bool.random(using: &rng) ? received.adding(seconds: Int64.random(in: 0...(30 * 86_400), using: &rng)) : nil,
                                status: [.processing, .returned, .withdrawn].randomElement(using: &rng)!)
                d.receivingUnitCode = [nil, "T.TTPVHCC", "X1", "ZZ"].randomElement(using: &rng)!
                return d
            }
            let h = report(dossiers, .handling), r = report(dossiers, .receiving)
            XCTAssertEqual(printed(h.total), printed(r.total))
            var sum = UnitFigures()
            for row in r.rows { sum += row.figures }
            XCTAssertEqual(sum, r.total.figures)
            // Column C = G + K of Biểu 06 on every row: a unit's dossiers to handle are finished or pending.
            for row in r.rows {
                let v = printed(row)
                XCTAssertEqual(v["handled"], v["finished"]! + v["pending"]!, row.unit.code)
                XCTAssertLessThanOrEqual(row.figures.resolutionRate, 100)
            }
            for (a, b) in zip(h.rows, r.rows) {
                XCTAssertEqual([a.figures.backlog, a.figures.finished, a.figures.early, a.figures.late, a.figures.pending],
                               [b.figures.backlog, b.figures.finished, b.figures.early, b.figures.late, b.figures.pending], a.unit.code)
            }
        }
    }

    /// The QĐ 766 index and the three on-time rules judge how a dossier was
    /// handled: under either attribution they count for the handling unit,
    /// by unit and by group (docs/rules.md#receiving-unit).
    func testTheIndex766AndOnTimeRulesStayWithTheHandlingUnit() throws {
        var late = dossier("H3", unit: "X2", channel: .online, received: "2025-10-06 09:00", due: "2025-10-08 17:00",
                           finished: "2025-10-10 10:00", status: .returned)
        late.receivingUnitCode = "T.TTPVHCC"
        let dossiers = [atCentre, late]
        let handling = report(dossiers, .handling, dimensions: [.field, .month])
        let receiving = report(dossiers, .receiving, dimensions: [.field, .month])
        for code in ["T.TTPVHCC", "X1", "X2"] {
            XCTAssertEqual(row(receiving, code).portal, row(handling, code).portal, code)
            XCTAssertEqual(row(receiving, code).onTimeRules, row(handling, code).onTimeRules, code)
        }
        XCTAssertEqual(row(receiving, "X2").portal.progressInScope, 1)
        XCTAssertEqual(row(receiving, "T.TTPVHCC").portal, Index766Counts())
        XCTAssertEqual(receiving.total.figures.portal, handling.total.figures.portal)
        // By group, a report on one unit: the commune's groups carry the index, the centre's nothing.
        for dimension in [ReportDimension.field, .month] {
            let spec = TableSpec(rows: dimension)
            let commune = try report(dossiers, .receiving, scope: "X2", dimensions: [dimension]).table(spec)
            XCTAssertEqual(commune.map(\.figures.portal.progressInScope).reduce(0, +), 1, "\(dimension)")
            let centre = try report(dossiers, .receiving, scope: "T.TTPVHCC", dimensions: [dimension]).table(spec)
            XCTAssertEqual(centre.map(\.figures.portal.progressInScope).reduce(0, +), 0, "\(dimension)")
            XCTAssertGreaterThan(centre.map(\.figures.received).reduce(0, +), 0, "the centre's groups do receive")
        }
    }
}
