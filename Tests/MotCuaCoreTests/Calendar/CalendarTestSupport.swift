import Foundation
import XCTest
@testable import MotCuaCore

/// Locates test data next to these tests (no resources are declared in
/// Package.swift) and builds dates tersely.
enum CalendarFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = directory.appendingPathComponent("Fixtures")
    /// The package's `Templates/calendar` folder.
    static let shippedCalendarFolder = directory
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates/calendar")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    /// Data lines of a fixture CSV: no comments, no header, split on commas.
    static func rows(_ name: String) throws -> [[Substring]] {
        try text(name).split(separator: "\n")
            .filter { !$0.hasPrefix("#") }
            .dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    }

    /// Entries of every shipped calendar file, in file-name order.
    static func shippedEntries() throws -> [CalendarEntry] {
        let names = try FileManager.default.contentsOfDirectory(atPath: shippedCalendarFolder.path)
            .filter { $0.hasSuffix(".csv") }.sorted()
        return try names.flatMap { name in
            try CalendarFile.parse(
                String(contentsOf: shippedCalendarFolder.appendingPathComponent(name), encoding: .utf8),
                fileName: name)
        }
    }

    /// The calendar with the shipped files, built once.
    static let shipped: WorkCalendar = WorkCalendar(entries: (try? shippedEntries()) ?? [])
    /// Built-in rules only.
    static let builtIn = WorkCalendar()
}

func ymd(_ iso: String) -> CivilDate {
    let p = iso.split(separator: "-").map { Int($0)! }
    return CivilDate(year: p[0], month: p[1], day: p[2])!
}

/// `"2025-05-02 15:30"` or `"2025-05-02 15:30:10"`.
func at(_ s: String) -> LocalDateTime {
    let parts = s.split(separator: " ")
    let t = parts[1].split(separator: ":").map { Int($0)! }
    return LocalDateTime(date: ymd(String(parts[0])), secondOfDay: t[0] * 3600 + t[1] * 60 + (t.count > 2 ? t[2] : 0))
}

/// The core's SplitMix64: the same seed gives the same cases on every machine.
typealias SeededGenerator = SplitMix64
