import XCTest
import MotCuaCore
@testable import MotCuaGenerator

/// `generate --two-level --units N`: a province of N units for the printable-report
/// checks (a 60-unit and a 126-unit province), leaving the default untouched.
final class ProvinceSizeTests: XCTestCase {
    var directories: [String] = []
    override func tearDown() {
        for d in directories { try? FileManager.default.removeItem(atPath: d) }
    }
    func directory() -> String { let d = GeneratorFixture.temporaryDirectory(); directories.append(d); return d }

    func options(units: Int?) -> SyntheticExport.Options {
        SyntheticExport.Options(dossiers: 500, from: CivilDate(year: 2024, month: 9, day: 1)!,
                                to: CivilDate(year: 2024, month: 9, day: 30)!, seed: 7, twoLevel: true, units: units)
    }

    func testUnitsGivesThatManyUnitsAllCommunesAddedUnderTheProvince() throws {
        for n in [60, 126] {
            let summary = try SyntheticExport.write(options(units: n), to: directory())
            XCTAssertEqual(summary.units.rows, n)
            let rows = try String(contentsOfFile: summary.units.path, encoding: .utf8).split(separator: "\n").dropFirst()
            let codes = rows.map { $0.split(separator: ",")[0] }
            XCTAssertEqual(Set(codes).count, n, "unique unit codes")
            XCTAssertEqual(rows.filter { $0.contains(",xa,") }.count, n - SyntheticExport.Options.twoLevelFixedUnits)
        }
    }

    func testTheDefaultTwoLevelProvinceIsUnchanged() throws {
        // 38 communes, as before the option: the same bytes with units = 50 would need the
        // same random draws, which it does; without the option the count is 50.
        let plain = try SyntheticExport.write(options(units: nil), to: directory())
        XCTAssertEqual(plain.units.rows, 50)
        let fifty = try SyntheticExport.write(options(units: 50), to: directory())
        XCTAssertEqual(GeneratorFixture.bytes(plain.units.path), GeneratorFixture.bytes(fifty.units.path))
        XCTAssertEqual(GeneratorFixture.bytes(plain.dossiers.path), GeneratorFixture.bytes(fifty.dossiers.path))
    }

    func testUnitsOutsideTheirRangeOrWithoutTwoLevelAreRefused() {
        var o = options(units: 60)
        o.twoLevel = false
        XCTAssertThrowsError(try SyntheticExport.write(o, to: directory())) {
            XCTAssertEqual(($0 as? Message)?.code, "generate.units-need-two-level")
        }
        for n in [SyntheticExport.Options.twoLevelFixedUnits + 1, SyntheticExport.Options.maximumUnits + 1] {
            XCTAssertThrowsError(try SyntheticExport.write(options(units: n), to: directory())) {
                XCTAssertEqual(($0 as? Message)?.code, "generate.units-out-of-range")
            }
        }
    }
}
