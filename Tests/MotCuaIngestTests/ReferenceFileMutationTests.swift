import Foundation
import MotCuaCore
import MotCuaIngest
import MotCuaTestSupport
import XCTest

/// Units, procedures and calendar files with every kind of slip an officer
/// makes (issue 14): each mutation is read; a bad line is a rejection or a
/// message naming the file, never a trap. Getting to the end is the
/// assertion; the counts show the mutations exercised both outcomes.
final class ReferenceFileMutationTests: TemporaryDirectoryTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func mutate(_ text: String, _ rng: inout SplitMix64) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let values = ["", "0", "-1", "1e15", "inf", "nan", "99999999999999999999", "2025-02-30", "2025-13-01",
                      "\"", "a,b", "=1+1", "nghi", "lam-bu", "ngay", "gio-lam-viec", "TU", "TU.BPMC"]
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let i = Int.random(in: 0..<lines.count, using: &rng)
            var fields = lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: fields[Int.random(in: 0..<fields.count, using: &rng)] = values.randomElement(using: &rng)!
            case 1: fields.removeLast(min(fields.count - 1, Int.random(in: 0...2, using: &rng)))
            case 2: fields.append(values.randomElement(using: &rng)!)
            default: lines.insert(lines[i], at: i)
            }
            lines[i] = fields.joined(separator: ",")
        }
        return lines.joined(separator: "\n")
    }

    func testMutatedUnitsAndProceduresFilesNeverTrap() throws {
        var rng = SplitMix64(seed: 2018)
        let sample = Self.root.appendingPathComponent("SampleData/tan-uyen-2020-10")
        var rejected = 0, read = 0
        for name in ["units.csv", "procedures.csv"] {
            let original = try String(contentsOf: sample.appendingPathComponent(name), encoding: .utf8)
            for k in 0..<150 {
                let path = dir.appendingPathComponent("\(k)-\(name)").path
                try mutate(original, &rng).write(toFile: path, atomically: true, encoding: .utf8)
                do {
                    let count = name == "units.csv" ? try UnitsFile.read(path: path).rejections.count
                                                     : try ProceduresFile.read(path: path).rejections.count
                    if count > 0 { rejected += 1 } else { read += 1 }
                } catch is Message {
                    rejected += 1
                }
            }
        }
        XCTAssertGreaterThan(rejected, 30)
        XCTAssertGreaterThan(read, 30)
    }

    func testMutatedCalendarFilesNeverTrap() throws {
        var rng = SplitMix64(seed: 2026)
        var failed = 0, parsed = 0
        for year in 2018...2026 {
            let original = try String(contentsOf: Self.root.appendingPathComponent("Templates/calendar/\(year).csv"), encoding: .utf8)
            for _ in 0..<60 {
                do {
                    let entries = try CalendarFile.parse(mutate(original, &rng), fileName: "\(year).csv")
                    _ = WorkCalendar(entries: entries, workingHours: .standard).workingDayCount(in: year)
                    parsed += 1
                } catch is CalendarFileError {
                    failed += 1
                }
            }
        }
        XCTAssertGreaterThan(failed, 30)
        XCTAssertGreaterThan(parsed, 30)
    }
}
