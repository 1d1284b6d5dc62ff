import XCTest
import MotCuaCore
import MotCuaIngest
@testable import MotCuaGenerator

/// The generated data is a plausible export: a well-formed unit tree,
/// procedures consistent with the units that use them, due dates exactly as
/// the core computes them, statuses matching the timestamps at export time,
/// and the mix of situations a report must handle.
final class RealismTests: XCTestCase {
    var directories: [String] = []
    override func tearDown() {
        for d in directories { try? FileManager.default.removeItem(atPath: d) }
    }

    func imported(twoLevel: Bool = false, dossiers: Int = 5_000) throws -> ImportedExport {
        let dir = GeneratorFixture.temporaryDirectory()
        directories.append(dir)
        let options = SyntheticExport.Options(dossiers: dossiers, from: CivilDate(year: 2024, month: 4, day: 1)!,
                                              to: CivilDate(year: 2024, month: 6, day: 30)!, seed: 5,
                                              twoLevel: twoLevel)
        return try GeneratorFixture.generateAndImport(options, in: dir)
    }

    // MARK: - Units

    func assertWellFormedTree(_ units: [OrgUnit], file: StaticString = #filePath, line: UInt = #line) {
        let byCode = Dictionary(units.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(byCode.count, units.count, "unique codes", file: file, line: line)
        XCTAssertEqual(Set(units.map(\.name)).count, units.count, "unique names", file: file, line: line)
        XCTAssertEqual(Set(units.map(\.sortOrder)).count, units.count, "unique ThuTu", file: file, line: line)
        let roots = units.filter { $0.parentCode == nil }
        XCTAssertEqual(roots.map(\.code), ["LC"], file: file, line: line)
        for u in units {
            var seen: Set<String> = [u.code]
            var parent = u.parentCode
            while let p = parent {
                XCTAssertNotNil(byCode[p], "\(u.code): parent \(p) exists", file: file, line: line)
                XCTAssertTrue(seen.insert(p).inserted, "\(u.code): no cycle", file: file, line: line)
                parent = byCode[p]?.parentCode
            }
        }
        XCTAssertEqual(UnitTree(units).allInDisplayOrder.count, units.count, file: file, line: line)
    }

    func testThreeLevelProvince() throws {
        let e = try imported(dossiers: 100)
        assertWellFormedTree(e.units)
        let districts = e.units.filter { $0.level == "huyen" && $0.parentCode == "LC" }
        XCTAssertEqual(districts.count, 8)
        for d in districts {
            let children = e.units.filter { $0.parentCode == d.code }
            XCTAssertEqual(children.filter { $0.level == "huyen" }.count, 1, "\(d.name): one one-stop desk")
            XCTAssertTrue((8...15).contains(children.filter { $0.level == "xa" }.count), "\(d.name)")
        }
        XCTAssertGreaterThanOrEqual(e.units.filter { $0.level == "so-nganh" }.count, 5)
        XCTAssertTrue(e.units.contains { $0.name == "UBND tỉnh Lai Châu" && $0.level == "tinh" })
        XCTAssertGreaterThan(e.units.filter { $0.level == "xa" }.count, 80)
    }

    func testTwoLevelProvinceHasNoDistricts() throws {
        let e = try imported(twoLevel: true, dossiers: 2_000)
        assertWellFormedTree(e.units)
        XCTAssertFalse(e.units.contains { $0.level == "huyen" })
        let communes = e.units.filter { $0.level == "xa" }
        XCTAssertGreaterThan(communes.count, 30)
        XCTAssertTrue(communes.allSatisfy { $0.parentCode == "LC" })
        XCTAssertFalse(e.procedures.contains { $0.applicableLevels.contains("huyen") })
        let units = e.unitsByCode
        XCTAssertTrue(e.file.dossiers.allSatisfy { ["xa", "tinh", "so-nganh"].contains(units[$0.unitCode]!.level) })
    }

    // MARK: - Procedures

    func testCatalogueHasSeveralHundredRealisticProcedures() throws {
        let e = try imported(dossiers: 10)
        let p = e.procedures
        XCTAssertGreaterThanOrEqual(p.count, 250)
        XCTAssertEqual(Set(p.map(\.code)).count, p.count)
        XCTAssertEqual(Set(p.compactMap(\.level)), [.two, .three, .four])
        XCTAssertTrue(p.allSatisfy { ($0.duration ?? 0) >= 0.5 && ($0.duration ?? 0) <= 45 })
        XCTAssertEqual(Set(p.map(\.durationUnit)), Set(DurationUnit.allCases))
        XCTAssertTrue(p.contains { $0.applicableLevels.isEmpty }, "some blank CapThucHien")
        for cap in ["tinh", "so-nganh", "huyen", "xa"] {
            XCTAssertTrue(p.contains { $0.applicableLevels.contains(cap) }, cap)
        }
    }

    // MARK: - Dossiers

    func testDossiersAreConsistentWithTheCalendarAndTheirStatus() throws {
        let e = try imported()
        let units = e.unitsByCode
        let catalogue = ProcedureCatalogue(e.procedures)
        let calendar = WorkCalendar()
        let due = DueDateCalculator(catalogue: catalogue, calendar: calendar)
        let export = e.summary.exportedAt
        let dossiers = e.file.dossiers

        for d in dossiers {
            let unit = try XCTUnwrap(units[d.unitCode], d.code)
            let p = try XCTUnwrap(catalogue[d.procedureCode ?? ""], d.code)
            XCTAssertTrue(p.applies(toUnitLevel: unit.level), "\(d.code): \(p.name) at \(unit.level)")
            let times = [d.receivedAt, d.finishedAt, d.returnedAt, d.supplementRequestedAt, d.supplementReceivedAt]
            XCTAssertTrue(times.allSatisfy { ($0 ?? export) <= export }, "\(d.code): nothing after the export")
            if let f = d.finish { XCTAssertGreaterThanOrEqual(f, d.receivedAt!, d.code) }
            if let r = d.returnedAt, let f = d.finishedAt { XCTAssertGreaterThanOrEqual(r, f, d.code) }

            switch d.status {
            case .notAccepted?:
                XCTAssertNil(d.dueAt, d.code)
            case .returned?:
                XCTAssertNotNil(d.returnedAt, d.code)
            case .processed?:
                XCTAssertNotNil(d.finishedAt, d.code); XCTAssertNil(d.returnedAt, d.code)
            case .withdrawn?, .stopped?:
                XCTAssertNotNil(d.finishedAt, d.code)
            case .supplementRequested?:
                XCTAssertNotNil(d.supplementRequestedAt, d.code); XCTAssertNil(d.supplementReceivedAt, d.code)
                XCTAssertNil(d.finish, d.code)
            case .accepted?, .processing?, .financialObligation?:
                XCTAssertNil(d.finish, d.code)
            default:
                XCTFail("\(d.code): unexpected status \(String(describing: d.status))")
            }
            if d.status != .notAccepted {
                XCTAssertEqual(d.dueAt, due.computedDue(for: d), "\(d.code): exported due = computed due")
            }
            XCTAssertEqual(d.supplementCount ?? 0 > 0, d.supplementRequestedAt != nil, d.code)
            XCTAssertEqual(d.apologyCount > 0, d.newDueAt != nil, d.code)
            if let declared = d.declaredLevel { XCTAssertEqual(declared, p.level, d.code) }
        }

        // The mix of situations a report must handle.
        func count(_ f: (Dossier) -> Bool) -> Int { dossiers.filter(f).count }
        let finished = count { $0.finish != nil && $0.status != .withdrawn && $0.status != .stopped }
        let late = count { d in d.finish.map { $0 > d.dueAt! } ?? false && d.status != .withdrawn && d.status != .stopped }
        XCTAssertGreaterThan(finished, dossiers.count * 8 / 10)
        XCTAssertGreaterThan(late, 0)
        XCTAssertLessThan(Double(late) / Double(finished), 0.12, "mostly on time")
        XCTAssertGreaterThan(count { $0.apologyCount > 0 }, 0)
        XCTAssertGreaterThan(count { $0.supplementReceivedAt != nil }, 0)
        for status: DossierStatus in [.notAccepted, .processing, .withdrawn, .processed, .returned, .supplementRequested] {
            XCTAssertGreaterThan(count { $0.status == status }, 0, "\(status)")
        }
        XCTAssertGreaterThan(e.file.skipped, 0, "status 1 without receipt")
        let online = count { $0.channel == .online }, postal = count { $0.channel == .postal }
        XCTAssertGreaterThan(online, dossiers.count / 20)
        XCTAssertLessThan(online, dossiers.count / 2)
        XCTAssertGreaterThan(postal, 0)
        let outsideHours = count { d in
            let s = d.receivedAt!.secondOfDay
            return !calendar.isWorkingDay(d.receivedAt!.date) || s < 27_000 || s >= 61_200 || (s >= 41_400 && s < 48_600)
        }
        XCTAssertGreaterThan(outsideHours, 0)
        XCTAssertTrue(dossiers.filter { $0.channel != .online }.allSatisfy { calendar.isWorkingDay($0.receivedAt!.date) },
                      "desk and post only on working days")
        XCTAssertTrue(dossiers.allSatisfy { $0.applicant != nil && $0.officer != nil })
        XCTAssertTrue(dossiers.contains { $0.applicant!.contains("\n") } || dossiers.count < 5_000,
                      "a multi-line applicant cell")
    }

    func testCodesAreUniqueAndReadable() throws {
        let e = try imported(dossiers: 3_000)
        XCTAssertEqual(Set(e.file.dossiers.map(\.code)).count, e.file.dossiers.count)
        let first = try XCTUnwrap(e.file.dossiers.first?.code)
        XCTAssertNotNil(first.range(of: #"^H29\.[0-9A-Z.]+-24\d{4}-\d{4}$"#, options: .regularExpression), first)
    }
}
