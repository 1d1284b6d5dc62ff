import XCTest
import MotCuaCore
@testable import MotCuaGenerator

/// The same arguments give byte-identical files; another seed gives other data.
final class DeterminismTests: XCTestCase {
    var directories: [String] = []
    override func tearDown() {
        for d in directories { try? FileManager.default.removeItem(atPath: d) }
    }
    func directory() -> String { let d = GeneratorFixture.temporaryDirectory(); directories.append(d); return d }

    let options = SyntheticExport.Options(dossiers: 3_000, from: CivilDate(year: 2024, month: 9, day: 1)!,
                                          to: CivilDate(year: 2024, month: 10, day: 31)!, seed: 42)

    func testTwoRunsAreByteIdenticalInEveryStyle() throws {
        for style in ExportStyle.allCases {
            var o = options
            o.style = style
            let a = try SyntheticExport.write(o, to: directory())
            let b = try SyntheticExport.write(o, to: directory())
            for (x, y) in zip(a.files, b.files) {
                XCTAssertEqual(GeneratorFixture.bytes(x.path), GeneratorFixture.bytes(y.path), "\(style) \(x.path)")
                XCTAssertEqual(x.rows, y.rows)
            }
            XCTAssertEqual(a.dossiers.rows, 3_000)
        }
    }

    func testAnotherSeedGivesOtherData() throws {
        var o = options
        let a = try SyntheticExport.write(o, to: directory())
        o.seed = 43
        let b = try SyntheticExport.write(o, to: directory())
        XCTAssertNotEqual(GeneratorFixture.bytes(a.dossiers.path), GeneratorFixture.bytes(b.dossiers.path))
        XCTAssertEqual(b.dossiers.rows, 3_000)
    }

    func testNoTemporaryFilesAreLeft() throws {
        let dir = directory()
        _ = try SyntheticExport.write(options, to: dir)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).sorted(),
                       ["dossiers.csv", "procedures.csv", "units.csv"])
    }

    func testDayVolumesSumToTheTotalAndFavourWorkingDays() {
        let calendar = WorkCalendar()
        let from = CivilDate(year: 2024, month: 1, day: 1)!, to = CivilDate(year: 2024, month: 12, day: 31)!
        for total in [0, 1, 7, 999, 100_000] {
            let days = DayVolumes.allocate(total, from: from, to: to, calendar: calendar)
            XCTAssertEqual(days.count, 366)
            XCTAssertEqual(days.reduce(0) { $0 + $1.count }, total)
        }
        let days = DayVolumes.allocate(100_000, from: from, to: to, calendar: calendar)
        let weekend = days.filter { !calendar.isWorkingDay($0.date) }.reduce(0) { $0 + $1.count }
        XCTAssertGreaterThan(weekend, 0)
        XCTAssertLessThan(weekend, 3_000)
    }

    func testInvalidOptionsAreRefusedWithAMessage() {
        var o = options
        o.to = CivilDate(year: 2024, month: 8, day: 1)!
        XCTAssertThrowsError(try SyntheticExport.write(o, to: directory())) { error in
            XCTAssertTrue((error as? Message)?.vi.contains("--to") ?? false, "\(error)")
        }
    }
}
