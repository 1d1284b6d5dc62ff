import XCTest
@testable import MotCuaCore

/// Biểu 06 (docs/rules.md#bieu-06): for random dossier sets and unit trees of
/// three and of two levels of government, every row of the form adds up —
/// C = D + E + F, G = H + I + J, K = L + M and C = G + K — in every layout
/// the template uses (units in sections, every unit in sections, lĩnh vực),
/// on the subtotal rows and on the total.
final class Bieu06PropertyTests: XCTestCase {
    let catalogue = ProcedureCatalogue([
        Procedure(code: "P2", name: "Cấp bản sao", fieldCode: "HT", fieldName: "Hộ tịch", level: .two),
        Procedure(code: "P4", name: "Cấp phép xây dựng", fieldCode: "XD", fieldName: "Xây dựng", level: .four),
    ])
    /// The figures of columns C to M, in order.
    let columns = ["handled", "received_online", "received_at_desk", "backlog", "finished", "early",
                   "on_time_or_returned", "late", "pending", "pending_not_overdue", "pending_overdue"]

    func randomTree(_ rng: inout SplitMix64, twoLevel: Bool) -> UnitTree {
        var units = [OrgUnit(code: "T", name: "UBND tỉnh", level: "tinh"),
                     OrgUnit(code: "T.TTPVHCC", name: "Trung tâm Phục vụ hành chính công", level: "tinh", parentCode: "T", sortOrder: 0)]
        for i in 0..<Int.random(in: 1...4, using: &rng) {
            units.append(OrgUnit(code: "S\(i)", name: "Sở \(i)", level: "so-nganh", parentCode: "T", sortOrder: 1 + i))
        }
        for i in 0..<Int.random(in: 1...4, using: &rng) {
            if twoLevel {
                units.append(OrgUnit(code: "X\(i)", name: "Xã \(i)", level: "xa", parentCode: "T", sortOrder: 10 + i))
            } else {
                units.append(OrgUnit(code: "H\(i)", name: "Huyện \(i)", level: "huyen", parentCode: "T", sortOrder: 10 + i))
                for j in 0..<Int.random(in: 0...3, using: &rng) {
                    units.append(OrgUnit(code: "H\(i)X\(j)", name: "Xã \(i).\(j)", level: "xa", parentCode: "H\(i)", sortOrder: j))
                }
            }
        }
        return UnitTree(units)
    }

    /// Dossiers of every kind the classification tells apart: backlog and
    /// received, finished early, on time, late, withdrawn, stopped, pending in
    /// time, overdue, waiting for a supplement, never received, not accepted,
    /// received after the cutoff.
    func randomDossiers(_ rng: inout SplitMix64, units: [String], period: ReportPeriod) -> [Dossier] {
        (0..<Int.random(in: 0...250, using: &rng)).map { k in
            let received: LocalDateTime? = Int.random(in: 0...20, using: &rng) == 0 ? nil
                : LocalDateTime(date: period.from.adding(days: Int.random(in: -60...120, using: &rng)),
                                secondOfDay: Int.random(in: 0..<86_400, using: &rng))
            let base = received ?? LocalDateTime(date: period.from)
            let finish: LocalDateTime? = Bool.random(using: &rng) ? base.adding(seconds: Int64.random(in: 0...(50 * 86_400), using: &rng)) : nil
            let requested: LocalDateTime? = Int.random(in: 0...5, using: &rng) == 0 ? base.adding(seconds: Int64.random(in: 0...(20 * 86_400), using: &rng)) : nil
            return Dossier(code: "D\(k)", unitCode: units.randomElement(using: &rng)!,
                           procedureCode: ["P2", "P4", nil].randomElement(using: &rng)!,
                           channel: Channel.allCases.randomElement(using: &rng)!, receivedAt: received,
                           dueAt: Int.random(in: 0...6, using: &rng) == 0 ? nil : base.adding(seconds: Int64.random(in: 0...(25 * 86_400), using: &rng)),
                           finishedAt: finish,
                           status: [nil, .accepted, .processing, .returned, .processed, .withdrawn, .stopped, .notAccepted,
                                    .supplementRequested].randomElement(using: &rng)!,
                           supplementRequestedAt: requested,
                           supplementReceivedAt: requested.flatMap { r in Bool.random(using: &rng) ? r.adding(seconds: 86_400) : nil })
        }
    }

    func value(_ name: String, _ row: ReportRow) -> Int {
        Int(FigureCatalogue.figure(named: name)!.value(row).number!)
    }

    func testEveryRowOfTheFormAddsUp() throws {
        var rng = SplitMix64(seed: 6)
        let periods = [ReportPeriod.parse("2025-Q2")!, ReportPeriod.parse("2025-Q4", cutoffDay: 14)!,
                       ReportPeriod.parse("2026-01", cutoffDay: 28)!, ReportPeriod.parse("2024")!]
        var checkedRows = 0
        for trial in 0..<40 {
            let period = periods[trial % periods.count]
            let tree = randomTree(&rng, twoLevel: trial.isMultiple(of: 2))
            let dossiers = randomDossiers(&rng, units: tree.allInDisplayOrder, period: period)
            var aggregator = PeriodAggregator(period: period, catalogue: catalogue, dimensions: [.field])
            for d in dossiers { aggregator.add(d) }
            let report = aggregator.report(scope: nil, tree: tree)
            let classifier = PeriodClassifier(period: period)
            let counted = dossiers.filter { classifier.classify($0) != nil }.count
            for spec in [TableSpec(rows: .unit, sections: .standard), TableSpec(rows: .unitAll, sections: .standard),
                         TableSpec(rows: .field)] {
                for row in try report.table(spec) + [report.total] {
                    let v = Dictionary(uniqueKeysWithValues: columns.map { ($0, value($0, row)) })
                    let at = "trial \(trial), \(spec.rows.rawValue), row \(row.name)"
                    XCTAssertEqual(v["handled"], v["received_online"]! + v["received_at_desk"]! + v["backlog"]!, "C = D+E+F, \(at)")
                    XCTAssertEqual(v["finished"], v["early"]! + v["on_time_or_returned"]! + v["late"]!, "G = H+I+J, \(at)")
                    XCTAssertEqual(v["pending"], v["pending_not_overdue"]! + v["pending_overdue"]!, "K = L+M, \(at)")
                    XCTAssertEqual(v["handled"], v["finished"]! + v["pending"]!, "C = G+K, \(at)")
                    checkedRows += 1
                }
            }
            // The total counts every dossier the classification keeps, once; the excluded ones nowhere.
            XCTAssertEqual(value("handled", report.total), counted, "trial \(trial)")
            // Sections by the levels of government of the period.
            let labels = try report.table(TableSpec(rows: .unit, sections: .standard)).filter { $0.kind == .section }.map(\.name)
            if period.from >= LevelSections.twoLevelsSince {
                XCTAssertFalse(labels.contains("Cấp huyện"), "trial \(trial): \(labels)")
            }
            XCTAssertTrue(labels.allSatisfy { ["Cấp tỉnh", "Cấp huyện", "Cấp xã", "Khác"].contains($0) }, "\(labels)")
        }
        XCTAssertGreaterThan(checkedRows, 300)
    }

    /// A period from 1 July 2025 has two levels of government; one before it, three.
    func testSectionsFollowTheLevelsOfGovernmentOfThePeriod() {
        XCTAssertEqual(LevelSections.standard.resolved(for: ReportPeriod.parse("2025-Q3")!).sections.map(\.label), ["Cấp tỉnh", "Cấp xã"])
        XCTAssertEqual(LevelSections.standard.resolved(for: ReportPeriod.parse("2025-Q2")!).sections.map(\.label),
                       ["Cấp tỉnh", "Cấp huyện", "Cấp xã"])
        // 2025-07 with cut-off day 14 starts on 15 June: still three levels.
        XCTAssertEqual(LevelSections.standard.resolved(for: ReportPeriod.parse("2025-07", cutoffDay: 14)!).sections.count, 3)
        // A list the template wrote is used as written.
        let own = LevelSections(sections: [.init(label: "Sở, ngành", levels: ["so-nganh"])])
        XCTAssertEqual(own.resolved(for: ReportPeriod.parse("2026-01")!), own)
    }
}
