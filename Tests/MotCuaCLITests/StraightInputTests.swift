import Foundation
import MotCuaCore
import MotCuaGenerator
import MotCuaIngest
import MotCuaReport
import MotCuaTestSupport
import XCTest
@testable import MotCuaCLI

/// `report --input` reads dossier files straight into the report when no
/// MaHoSo repeats (docs/rules.md#scratch-store): the report, its lists and
/// its rejected rows must be those of the same files stored first, for every
/// export style, period and set of files; a repeated MaHoSo, or reception
/// counted for the receiving unit, stores them first.
final class StraightInputTests: TemporaryDirectoryTestCase {
    /// Generated exports of every style, two files over consecutive months, a
    /// units file that lacks some of their units and a row that is rejected.
    func testReadStraightGivesTheFiguresListsAndRejectionsOfTheStoredFiles() throws {
        let rubric = try TemplateLibrary.builtIn.rubric(nil)
        for (k, style) in ExportStyle.allCases.enumerated() {
            let first = try export("a\(k)", style: style, seed: UInt64(11 + k), dossiers: 3_000, from: "2024-01-01", to: "2024-05-31")
            let second = try export("b\(k)", style: style, seed: UInt64(23 + k), dossiers: 3_000, from: "2024-06-01", to: "2024-09-30")
            let units = try dropUnits(from: first.units, keepingEvery: 3)
            try appendRejectedRow(to: second.dossiers, style: style)
            let files = [first.dossiers, second.dossiers]
            for period in ["2024-Q2", "2024-08", "2024"] {
                let p = ReportPeriod.parse(period)!
                let dimensions: Set<ReportDimension> = k == 0 ? Set(ReportDimension.allCases) : []
                let (straight, stored) = try bothWays(files, units: units, procedures: first.procedures, period: p,
                                                      rubric: rubric, dimensions: dimensions)
                XCTAssertTrue(straight.readStraight, "\(style) \(period)")
                XCTAssertFalse(stored.readStraight)
                XCTAssertEqual(straight.json, stored.json, "\(style) \(period)")
                XCTAssertTrue(straight.lists == stored.lists,
                              "\(style) \(period): the lists differ (\(straight.lists.count) and \(stored.lists.count) entries)")
                XCTAssertEqual(straight.rejections, stored.rejections)
                XCTAssertEqual(straight.rejections.count, 1)
                XCTAssertEqual(straight.rejectsFile, stored.rejectsFile)
                XCTAssertTrue(straight.units.contains { $0.isImplicit }, "some units come from the files")
                XCTAssertEqual(straight.units, stored.units)
                XCTAssertGreaterThan(straight.dossiersUsed, 300)
            }
        }
    }

    /// A MaHoSo in both files: only a store knows which state wins, so the
    /// files are stored, and the report is that of the stored files.
    func testARepeatedCodeHasTheFilesStoredFirst() throws {
        let first = try export("a", style: .vietnamese, seed: 5, dossiers: 2_000, from: "2024-01-01", to: "2024-06-30")
        let second = try export("b", style: .vietnamese, seed: 5, dossiers: 4_000, from: "2024-01-01", to: "2024-12-31")
        let p = ReportPeriod.parse("2024-Q2")!
        let (straight, stored) = try bothWays([first.dossiers, second.dossiers], units: first.units,
                                              procedures: first.procedures, period: p, rubric: nil, dimensions: [])
        XCTAssertFalse(straight.readStraight)
        XCTAssertEqual(straight.json, stored.json)
        XCTAssertTrue(straight.lists == stored.lists, "the lists differ")
    }

    /// A second period asked of the same inputs (no command does yet) is
    /// counted from the files too, not from an empty temporary database.
    func testASecondPeriodOfTheSameInputsCountsTheFilesAgain() throws {
        let e = try export("a", style: .vietnamese, seed: 4, dossiers: 2_000, from: "2024-01-01", to: "2024-06-30")
        func inputs(straight: Bool) throws -> ReportInputs {
            try ReportInputs(database: "", inputs: [e.dossiers], units: e.units, procedures: e.procedures,
                             mapping: ResolvedMapping(), calendar: WorkCalendar(),
                             rejectsBeside: dir.appendingPathComponent("\(straight).xlsx").path, straight: straight)
        }
        var twice = try inputs(straight: true), stored = try inputs(straight: false)
        defer { twice.close(); stored.close() }
        _ = try twice.aggregate(period: ReportPeriod.parse("2024-Q1")!, calendar: WorkCalendar(), unit: nil)
        XCTAssertTrue(twice.readStraight)
        let q2 = ReportPeriod.parse("2024-Q2")!
        let again = try twice.aggregate(period: q2, calendar: WorkCalendar(), unit: nil)
        XCTAssertGreaterThan(again.dossiersUsed, 500)
        XCTAssertEqual(try ReportJSON.encode(again),
                       try ReportJSON.encode(try stored.aggregate(period: q2, calendar: WorkCalendar(), unit: nil)))
    }

    func testReceptionByReceivingUnitHasTheFilesStoredFirst() throws {
        let e = try export("a", style: .canonical, seed: 9, dossiers: 1_000, from: "2024-01-01", to: "2024-03-31")
        var inputs = try ReportInputs(database: "", inputs: [e.dossiers], units: e.units, procedures: e.procedures,
                                      mapping: ResolvedMapping(), calendar: WorkCalendar(),
                                      rejectsBeside: dir.appendingPathComponent("r.xlsx").path, straight: true)
        defer { inputs.close() }
        let report = try inputs.aggregate(period: ReportPeriod.parse("2024-Q1")!, calendar: WorkCalendar(), unit: nil,
                                          attribution: .receiving)
        XCTAssertFalse(inputs.readStraight)
        XCTAssertGreaterThan(report.dossiersUsed, 100)
    }

    // MARK: Helpers

    private struct Outcome {
        var readStraight: Bool
        var json: Data
        /// The report's lists, by dossier code.
        var lists: [String]
        var rejections: [String]
        var rejectsFile: String?
        var units: [OrgUnit]
        var dossiersUsed: Int
    }

    private func bothWays(_ files: [String], units: String, procedures: String, period: ReportPeriod, rubric: Rubric?,
                          dimensions: Set<ReportDimension>) throws -> (straight: Outcome, stored: Outcome) {
        func run(straight: Bool) throws -> Outcome {
            let out = dir.appendingPathComponent(straight ? "straight.xlsx" : "stored.xlsx").path
            var inputs = try ReportInputs(database: "", inputs: files, units: units, procedures: procedures,
                                          mapping: ResolvedMapping(), calendar: WorkCalendar(), rejectsBeside: out,
                                          straight: straight)
            defer { inputs.close() }
            let report = try inputs.aggregate(period: period, calendar: WorkCalendar(), unit: nil, rubric: rubric,
                                              dimensions: dimensions)
            let rejects = out.replacingOccurrences(of: ".xlsx", with: ".rejects.csv")
            return Outcome(
                readStraight: inputs.readStraight,
                json: try ReportJSON.encode(report),
                lists: report.overdue.map { "overdue \($0.dossier.code) \($0.daysOverdue)" }
                    + report.findings.map { "finding \($0.kind) \($0.dossierCode) \($0.detail)" }
                    + report.index766Misses.map { "766 \($0.dossier.code)" }
                    + report.onTimeDifferences.map { "rules \($0.dossier.code)" },
                rejections: inputs.rejections.map { "\($0.line) \($0.column) \($0.value) \($0.reason)" },
                rejectsFile: try? String(contentsOfFile: rejects, encoding: .utf8),
                units: try inputs.store.units().sorted { $0.code < $1.code },
                dossiersUsed: report.dossiersUsed)
        }
        return (try run(straight: true), try run(straight: false))
    }

    private struct Export { var dossiers: String, units: String, procedures: String }

    private func export(_ name: String, style: ExportStyle, seed: UInt64, dossiers: Int, from: String, to: String) throws -> Export {
        let out = dir.appendingPathComponent(name).path
        let options = SyntheticExport.Options(dossiers: dossiers, from: parseISODate(from)!, to: parseISODate(to)!,
                                              style: style, seed: seed)
        let summary = try SyntheticExport.write(options, to: out)
        return Export(dossiers: summary.dossiers.path, units: out + "/units.csv", procedures: out + "/procedures.csv")
    }

    /// A copy of a units file without two of every `n` lower units: the files then name units it lacks.
    private func dropUnits(from path: String, keepingEvery n: Int) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let text = try XCTUnwrap(String(data: data, encoding: .utf8) ?? String(data: data, encoding: .utf16LittleEndian))
        let lines = text.components(separatedBy: "\n")
        let kept = lines.enumerated().filter { $0.offset < 8 || $0.offset % n == 0 || $0.element.isEmpty }.map(\.element)
        let copy = dir.appendingPathComponent("units-\(UUID().uuidString).csv").path
        let joined = kept.joined(separator: "\n")
        try (data.starts(with: [0xFF, 0xFE]) ? joined.data(using: .utf16LittleEndian)! : Data(joined.utf8))
            .write(to: URL(fileURLWithPath: copy))
        return copy
    }

    /// The file's last row again, with a new MaHoSo and a receipt time that is
    /// not a date (the first date-time of a row is its NgayTiepNhan, written as
    /// yyyy-MM-dd HH:mm:ss, dd/MM/yyyy HH:mm:ss or yyyyMMddHHmmss).
    private func appendRejectedRow(to path: String, style: ExportStyle) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let utf16 = style == .utf16
        let text = try XCTUnwrap(utf16 ? String(data: data, encoding: .utf16LittleEndian) : String(data: data, encoding: .utf8))
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        let last = try XCTUnwrap(text.components(separatedBy: newline).last { !$0.isEmpty })
        let code = try XCTUnwrap(last.firstIndex { $0 == "," || $0 == ";" || $0 == "\t" })
        var line = "KHONG-HOP-LE-0001" + last[code...]
        let moment = try NSRegularExpression(pattern: #"\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?|\d{2}/\d{2}/\d{4} \d{2}:\d{2}(:\d{2})?|\b\d{14}\b"#)
        let first = try XCTUnwrap(moment.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)))
        line.replaceSubrange(Range(first.range, in: line)!, with: "ngay 32")
        var appended = data
        appended.append(utf16 ? (line + newline).data(using: .utf16LittleEndian)! : Data((line + newline).utf8))
        try appended.write(to: URL(fileURLWithPath: path))
    }
}
