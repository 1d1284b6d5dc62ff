import XCTest
@testable import MotCuaCore

/// Tables by dimension (docs/rules.md#dimensions): for random dossier sets,
/// the groups of every dimension add up to the total for every additive
/// figure, and each group's row equals the figures of just its dossiers.
final class DimensionPropertyTests: XCTestCase {
    let catalogue = ProcedureCatalogue([
        Procedure(code: "P2", name: "Cấp bản sao", fieldCode: "HT", fieldName: "Hộ tịch", level: .two),
        Procedure(code: "P3", name: "Đăng ký khai sinh", fieldCode: "HT", fieldName: "Hộ tịch", level: .three),
        Procedure(code: "P4", name: "Cấp phép xây dựng", fieldCode: "XD", fieldName: "Xây dựng", level: .four),
        Procedure(code: "P0", name: "Thủ tục khác", level: nil),
    ])
    let quarter = ReportPeriod.parse("2020-Q4")!
    /// A custom period that starts and ends mid-month: its months are clipped.
    let custom = ReportPeriod(from: CivilDate(year: 2020, month: 10, day: 12)!, to: CivilDate(year: 2020, month: 12, day: 3)!)

    /// Two levels under a root; some units have their own dossiers at every level.
    func randomTree(_ rng: inout SplitMix64) -> UnitTree {
        var units = [OrgUnit(code: "R", name: "UBND tỉnh", level: "tinh")]
        for i in 0..<Int.random(in: 1...5, using: &rng) {
            units.append(OrgUnit(code: "D\(i)", name: "Huyện \(i)", level: ["huyen", "so-nganh"].randomElement(using: &rng)!,
                                 parentCode: "R", sortOrder: i))
            for j in 0..<Int.random(in: 0...4, using: &rng) {
                units.append(OrgUnit(code: "D\(i)X\(j)", name: "Xã \(i).\(j)", level: ["xa", "ban-ql"].randomElement(using: &rng)!,
                                     parentCode: "D\(i)", sortOrder: j))
            }
        }
        return UnitTree(units)
    }

    func randomDossiers(_ rng: inout SplitMix64, units: [String], period: ReportPeriod) -> [Dossier] {
        (0..<Int.random(in: 0...300, using: &rng)).map { k in
            let received = LocalDateTime(date: period.from.adding(days: Int.random(in: -45...100, using: &rng)),
                                         secondOfDay: Int.random(in: 0..<86_400, using: &rng))
            let finish: LocalDateTime? = Bool.random(using: &rng)
                ? received.adding(seconds: Int64.random(in: 0...(40 * 86_400), using: &rng)) : nil
            let field: (String, String)? = Int.random(in: 0...3, using: &rng) == 0 ? ("DD", "Đất đai") : nil
            return Dossier(code: "H\(k)", unitCode: units.randomElement(using: &rng)!,
                           procedureCode: ["P2", "P3", "P4", "P0", "PX", nil].randomElement(using: &rng)!,
                           fieldCode: field?.0, fieldName: field?.1,
                           channel: Channel.allCases.randomElement(using: &rng)!, receivedAt: received,
                           dueAt: Bool.random(using: &rng) ? received.adding(seconds: Int64.random(in: 0...(20 * 86_400), using: &rng)) : nil,
                           finishedAt: finish,
                           status: [.processing, .returned, .withdrawn, .notAccepted, .supplementRequested].randomElement(using: &rng))
        }
    }

    /// The group key of a dossier, worked out here independently of the product.
    func key(_ d: Dossier, _ dimension: ReportDimension) -> String {
        let procedure = d.procedureCode.flatMap { catalogue[$0] }
        switch dimension {
        case .field: return d.fieldCode ?? procedure?.fieldCode ?? ""
        case .procedure: return d.procedureCode ?? ""
        case .channel: return String(d.channel.rawValue)
        case .level: return (d.declaredLevel ?? procedure?.level)?.bucket.key ?? "other"
        default: fatalError()
        }
    }

    func total(of dossiers: [Dossier], period: ReportPeriod, tree: UnitTree, scope: String?) -> UnitFigures {
        var a = PeriodAggregator(period: period, catalogue: catalogue)
        for d in dossiers { a.add(d) }
        return a.report(scope: scope, tree: tree).total.figures
    }

    func sum(_ rows: [ReportRow]) -> UnitFigures {
        var s = UnitFigures()
        for r in rows { s += r.figures }
        return s
    }

    func testGroupsOfEveryDimensionAddUpAndEqualTheirOwnDossiers() throws {
        var rng = SplitMix64(seed: 118)
        let additive = FigureCatalogue.all.filter(\.aggregation.isAdditive)
        XCTAssertGreaterThan(additive.count, 20)
        for trial in 0..<30 {
            let period = trial.isMultiple(of: 2) ? quarter : custom
            let tree = randomTree(&rng)
            let dossiers = randomDossiers(&rng, units: tree.allInDisplayOrder, period: period)
            var aggregator = PeriodAggregator(period: period, catalogue: catalogue, dimensions: Set(ReportDimension.allCases))
            for d in dossiers { aggregator.add(d) }
            let scope: String? = trial % 3 == 0 ? tree.children(of: "R").first : "R"
            let report = aggregator.report(scope: scope, tree: tree)
            let inScope = Set(scope.map { tree.subtree(of: $0) } ?? tree.allInDisplayOrder)
            let scoped = dossiers.filter { inScope.contains($0.unitCode) }
            XCTAssertEqual(report.total.figures, total(of: scoped, period: period, tree: tree, scope: scope), "trial \(trial)")

            for dimension in [ReportDimension.field, .procedure, .channel, .level] {
                let rows = try report.table(TableSpec(rows: dimension))
                XCTAssertEqual(Set(rows.map(\.key)).count, rows.count, "one row per key")
                for figure in additive {
                    XCTAssertEqual(rows.map { figure.value($0).number! }.reduce(0, +), figure.value(report.total).number!,
                                   "trial \(trial) \(dimension.rawValue) \(figure.name)")
                }
                for row in rows {
                    let mine = scoped.filter { key($0, dimension) == row.key }
                    XCTAssertEqual(row.figures, total(of: mine, period: period, tree: tree, scope: scope),
                                   "trial \(trial) \(dimension.rawValue) \(row.key)")
                }
            }

            // Months: flows add up, the backlog is the first month's, pending the last month's.
            let months = try report.table(TableSpec(rows: .month))
            XCTAssertEqual(months.map(\.key), period.months.map(\.key))
            for figure in additive {
                let values = months.map { figure.value($0).number! }
                let whole = figure.value(report.total).number!
                switch figure.aggregation {
                case .sum(time: .flow): XCTAssertEqual(values.reduce(0, +), whole, "trial \(trial) thang \(figure.name)")
                case .sum(time: .openingStock): XCTAssertEqual(values.first, whole, "trial \(trial) thang \(figure.name)")
                case .sum(time: .closingStock): XCTAssertEqual(values.last, whole, "trial \(trial) thang \(figure.name)")
                case .sum(time: .mixed): break
                default: XCTFail()
                }
            }
            for (row, month) in zip(months, period.months) {
                XCTAssertEqual(row.figures, total(of: scoped, period: month.period, tree: tree, scope: scope),
                               "trial \(trial) \(row.key)")
            }

            // Unit rows with level sections: each subtotal is its units' sum, the subtotals the total.
            for spec in [TableSpec(rows: .unit, sections: .standard), TableSpec(rows: .unitAll, sections: .standard)] {
                let rows = try report.table(spec)
                let sections = rows.filter { $0.kind == .section }
                XCTAssertEqual(sum(sections), report.total.figures, "trial \(trial) \(spec.rows.rawValue) sections")
                XCTAssertEqual(sum(rows.filter { $0.kind != .section }), report.total.figures)
                var current: [ReportRow] = []
                for r in rows.reversed() {
                    if r.kind == .section { XCTAssertEqual(r.figures, sum(current)); current = [] } else { current.append(r) }
                }
                XCTAssertTrue(current.isEmpty, "every unit row is under a section")
            }
            // unit-all: every unit of the scope, each with its whole subtree, indented by depth.
            let all = try report.table(TableSpec(rows: .unitAll))
            XCTAssertEqual(all.map(\.key), Array(inScope.isEmpty ? [] : (scope.map { tree.subtree(of: $0) } ?? tree.allInDisplayOrder)))
            for row in all {
                let mine = scoped.filter { tree.subtree(of: row.key).contains($0.unitCode) }
                XCTAssertEqual(row.figures, total(of: mine, period: period, tree: tree, scope: scope), "trial \(trial) \(row.key)")
            }
            XCTAssertEqual(all.first?.depth, 0)
        }
    }

    func testMonthsOfAPeriodAreClipped() {
        XCTAssertEqual(custom.months.map(\.key), ["2020-10", "2020-11", "2020-12"])
        XCTAssertEqual(custom.months.first?.period.from, custom.from)
        XCTAssertEqual(custom.months.last?.period.to, custom.to)
        XCTAssertEqual(ReportPeriod.parse("2020")!.months.count, 12)
        XCTAssertEqual(ReportPeriod(from: day("2020-12-20 00:00"), to: day("2021-01-05 00:00")).months.map(\.key),
                       ["2020-12", "2021-01"])
    }

    func testGroupNamesAndOrder() throws {
        let tree = UnitTree([OrgUnit(code: "U", name: "Xã")])
        var a = PeriodAggregator(period: october2020, catalogue: catalogue, dimensions: [.field, .level, .channel])
        a.add(dossier("1", unit: "U", procedure: "P4", received: "2020-10-02 08:00"))
        a.add(dossier("2", unit: "U", procedure: "PX", received: "2020-10-02 08:00"))
        a.add(dossier("3", unit: "U", procedure: "P2", channel: .online, received: "2020-10-03 08:00"))
        let report = a.report(scope: nil, tree: tree)
        let fields = try report.table(TableSpec(rows: .field))
        XCTAssertEqual(fields.map(\.key), ["HT", "XD", ""])
        XCTAssertEqual(fields.map(\.name), ["Hộ tịch", "Xây dựng", "Chưa xác định lĩnh vực"])
        XCTAssertEqual(fields.map(\.procedures.total), [2, 1, 1], "the catalogue's procedures of each field")
        XCTAssertEqual(try report.table(TableSpec(rows: .level)).map(\.name), ["Mức độ 2", "Mức độ 4", "Chưa xác định mức độ"])
        XCTAssertEqual(try report.table(TableSpec(rows: .channel)).map(\.name), ["Trực tiếp", "Trực tuyến"])
    }
}
