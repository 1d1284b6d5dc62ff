import XCTest
@testable import MotCuaCore

/// The catalogue itself (docs/rules.md#figures): names and JSON paths are
/// unique, every published appendix column is a figure, and the figures of
/// the national form (Biểu 06) add up as the form requires.
final class FigureCatalogueTests: XCTestCase {
    func testNamesAndJSONPathsAreUnique() {
        let names = FigureCatalogue.all.map(\.name)
        XCTAssertEqual(Set(names).count, names.count)
        let paths = FigureCatalogue.all.compactMap { $0.json?.joined(separator: ".") }
        XCTAssertEqual(Set(paths).count, paths.count)
        for figure in FigureCatalogue.all {
            XCTAssertFalse(figure.vi.isEmpty || figure.en.isEmpty, figure.name)
            XCTAssertEqual(FigureCatalogue.figure(named: figure.name)?.name, figure.name)
        }
        for column in AppendixColumn.allCases { XCTAssertNotNil(FigureCatalogue.figure(named: column.figure.name)) }
    }

    func value(_ name: String, _ row: ReportRow) -> Double { FigureCatalogue.figure(named: name)!.value(row).number! }

    /// C = D + E + F, G = H + I + J, K = L + M, C = G + K on random rows.
    func testTheNationalFormFiguresAddUp() {
        var rng = SplitMix64(seed: 6)
        for _ in 0..<500 {
            var f = UnitFigures()
            for _ in 0..<Int.random(in: 0...60, using: &rng) {
                let finish: FinishClass? = [nil, .early, .onTime, .late, .unclassified].randomElement(using: &rng)!
                let state = PeriodState(isBacklog: Bool.random(using: &rng), finish: finish,
                                        pending: finish != nil ? nil : [.inTime, .overdue, .waitingSupplement].randomElement(using: &rng)!)
                f.add(state, channel: Channel.allCases.randomElement(using: &rng)!, level: .two)
            }
            let row = ReportRow(unit: OrgUnit(code: "U", name: "U"), figures: f, procedures: ProcedureCounts(), workingDayLength: 27_000)
            let c = value("handled", row), g = value("finished", row), k = value("pending", row)
            XCTAssertEqual(c, value("received_online", row) + value("received_at_desk", row) + value("backlog", row))
            XCTAssertEqual(g, value("early", row) + value("on_time_or_returned", row) + value("late", row))
            XCTAssertEqual(k, value("pending_not_overdue", row) + value("pending_overdue", row))
            XCTAssertEqual(c, g + k)
        }
    }
}
