import Foundation
import XCTest
import MotCuaTestSupport

/// A folder laid out for `motcua run` as a district sets it up: the Tân Uyên
/// units and procedures, an empty inbox, and `motcua.yaml` with one monthly
/// report for TU logging to `motcua.log`.
class UnattendedRunTestCase: TemporaryDirectoryTestCase {
    let sample = CommandRunner.repositoryRoot.appendingPathComponent("SampleData/tan-uyen-2020-10")
    var inbox: URL { dir.appendingPathComponent("inbox") }
    var database: String { dir.appendingPathComponent("data/motcua.sqlite").path }
    var configFile: URL { dir.appendingPathComponent("motcua.yaml") }

    static let defaultReports = """
        reports:
          - period: previous-month
            unit: TU
            out: out/{unit}/{period}.xlsx
            json: out/{unit}/{period}.json
        """

    override func setUpWithError() throws {
        try super.setUpWithError()
        for sub in ["inbox", "data"] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        for f in ["units.csv", "procedures.csv"] {
            try FileManager.default.copyItem(at: sample.appendingPathComponent(f), to: dir.appendingPathComponent(f))
        }
        try writeConfig()
    }

    /// Writes `motcua.yaml`: the usual keys, `extra` lines, then `reports`.
    func writeConfig(extra: String = "", reports: String = UnattendedRunTestCase.defaultReports) throws {
        try """
            # Tân Uyên: monthly appendix for the district, overdue list for the desk.
            database: data/motcua.sqlite
            inbox: inbox/
            archive: archive/
            units: units.csv
            procedures: procedures.csv
            log: motcua.log
            \(extra)
            \(reports)
            """.write(to: configFile, atomically: true, encoding: .utf8)
    }

    func run(today: String, _ more: [String] = []) throws -> CommandRunner.Result {
        try CommandRunner.run(["run", "--config", configFile.path, "--today", today] + more)
    }

    /// Dates a file in the inbox two minutes back, as an export copied
    /// before the run: a fresh one is left for the next run (still being copied).
    func settle(_ name: String) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -120)],
                                              ofItemAtPath: inbox.appendingPathComponent(name).path)
    }

    /// The Tân Uyên export in the inbox under `name`, copied two minutes ago.
    func putExport(_ name: String, settled: Bool = true) throws {
        try FileManager.default.copyItem(at: sample.appendingPathComponent("dossiers.csv"), to: inbox.appendingPathComponent(name))
        if settled { try settle(name) }
    }

    func log() throws -> String {
        try String(contentsOf: dir.appendingPathComponent("motcua.log"), encoding: .utf8)
    }

    /// The log's last line without its timestamp and `!` mark.
    func lastLogLine() throws -> String {
        String(try log().split(separator: "\n").last?.dropFirst(22) ?? "")
    }

    func json(_ relative: String) throws -> [String: Any] {
        try validatedReportJSON(at: dir.appendingPathComponent(relative).path)["total"] as! [String: Any]
    }

    func inboxNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: inbox.path).sorted()
    }
}
