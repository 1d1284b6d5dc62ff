import Foundation
import MotCuaTestSupport
import XCTest

/// `report --input` stores the files in a scratch database (unsynced, no
/// period index, no digests: `DossierStore(scratchAt:)`) and deletes it.
/// Its figures must be those of `import` followed by `report --db`, also when
/// the files share dossiers in other states (the newer state wins, whatever
/// the order of the files).
final class InputReportTests: TemporaryDirectoryTestCase {
    func testReportWithInputEqualsImportThenReportAndLeavesNothingBehind() throws {
        // Same seed, two export dates: about a quarter of the first export's
        // codes come again in the second, with other contents.
        var exports: [String] = []
        for (name, count, to) in [("first", 4_000, "2024-06-30"), ("second", 8_000, "2024-12-31")] {
            let out = dir.appendingPathComponent(name)
            let generated = try CommandRunner.run(["generate", "--out", out.path, "--dossiers", "\(count)", "--from", "2024-01-01",
                                                   "--to", to, "--style", "vietnamese", "--seed", "7"])
            XCTAssertEqual(generated.status, 0, generated.stderr)
            exports.append(out.appendingPathComponent("dossiers.csv").path)
        }
        let reference = ["--units", dir.appendingPathComponent("second/units.csv").path,
                         "--procedures", dir.appendingPathComponent("second/procedures.csv").path]
        let scratchParent = dir.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: scratchParent, withIntermediateDirectories: true)
        for (k, files) in [exports, exports.reversed()].enumerated() {
            let db = dir.appendingPathComponent("order\(k).sqlite").path
            let imported = try CommandRunner.run(["import", "--db", db] + reference + files)
            XCTAssertEqual(imported.status, 0, imported.stderr)
            if k == 1 { XCTAssertTrue(imported.stderr.contains("cũ hơn dữ liệu đã có"), "the older file loses: \(imported.stderr)") }
            for (period, date) in [("2024-Q2", "2024-07-05"), ("2024", "2025-01-06"), ("2024-11", "2024-12-04")] {
                func report(_ source: [String], _ name: String) throws -> Data {
                    let json = dir.appendingPathComponent("\(name)-\(k)-\(period).json").path
                    let result = try CommandRunner.run(["report"] + source + ["--period", period, "--date", date, "--json", json,
                                                        "--out", dir.appendingPathComponent("\(name)-\(k)-\(period).xlsx").path],
                                                       environment: ["TMPDIR": scratchParent.path])
                    XCTAssertEqual(result.status, 0, result.stderr)
                    return try Data(contentsOf: URL(fileURLWithPath: json))
                }
                let stored = try report(["--db", db], "db")
                let direct = try report(files.flatMap { ["--input", $0] } + reference, "input")
                XCTAssertEqual(direct, stored, "order \(k), \(period)")
                XCTAssertGreaterThan(stored.count, 10_000)
            }
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratchParent.path), [],
                       "the scratch database is deleted")
    }

    /// Files in which no MaHoSo repeats are read straight into the report
    /// (docs/rules.md#scratch-store): the same JSON as `import` then `report
    /// --db`, the units the files create warned about as by the import, the
    /// rejected row listed and written beside the report, exit code 3.
    func testFilesWithoutARepeatedCodeGiveTheStoredReportWithTheSameMessages() throws {
        var exports: [String] = []
        for (name, from, to, seed) in [("jan", "2024-01-01", "2024-04-30", "3"), ("may", "2024-05-01", "2024-08-31", "4")] {
            let out = dir.appendingPathComponent(name)
            let generated = try CommandRunner.run(["generate", "--out", out.path, "--dossiers", "3000", "--from", from,
                                                   "--to", to, "--style", "vietnamese", "--seed", seed])
            XCTAssertEqual(generated.status, 0, generated.stderr)
            exports.append(out.appendingPathComponent("dossiers.csv").path)
        }
        // Every other unit left out of the units file; a row whose receipt is not a date.
        let units = dir.appendingPathComponent("units.csv")
        let lines = try String(contentsOf: dir.appendingPathComponent("jan/units.csv"), encoding: .utf8).components(separatedBy: "\n")
        try lines.enumerated().filter { $0.offset < 10 || $0.offset % 2 == 0 }.map(\.element).joined(separator: "\n")
            .write(to: units, atomically: true, encoding: .utf8)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: exports[1]))
        handle.seekToEndOfFile()
        handle.write(Data("KHONG-HOP-LE;LC;UBND tỉnh Lai Châu;;;;;Trực tiếp;;ngày 32;;;;;;;;;;;\r\n".utf8))
        handle.closeFile()
        let reference = ["--units", units.path, "--procedures", dir.appendingPathComponent("jan/procedures.csv").path]
        let db = dir.appendingPathComponent("stored.sqlite").path
        let imported = try CommandRunner.run(["import", "--db", db] + reference + exports)
        XCTAssertEqual(imported.status, 3)
        let stored = try CommandRunner.run(["report", "--db", db, "--period", "2024-Q2", "--date", "2024-07-05",
                                            "--out", dir.appendingPathComponent("db.xlsx").path,
                                            "--json", dir.appendingPathComponent("db.json").path])
        XCTAssertEqual(stored.status, 0, stored.stderr)
        let direct = try CommandRunner.run(["report"] + exports.flatMap { ["--input", $0] } + reference
                                           + ["--period", "2024-Q2", "--date", "2024-07-05",
                                              "--out", dir.appendingPathComponent("input.xlsx").path,
                                              "--json", dir.appendingPathComponent("input.json").path])
        XCTAssertEqual(direct.status, 3, "a rejected row: \(direct.stderr)")
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("input.json")),
                       try Data(contentsOf: dir.appendingPathComponent("db.json")))
        // As the import warns: once, for the first file (the second names no unit it did not create).
        func warnings(_ text: String) -> [String] { text.components(separatedBy: "\n").filter { $0.contains("đã tạo tạm") } }
        XCTAssertEqual(warnings(direct.stderr).count, 1, direct.stderr)
        XCTAssertEqual(warnings(direct.stderr), warnings(imported.stderr))
        XCTAssertTrue(direct.stderr.contains("ngày 32"), direct.stderr)
        let rejects = try String(contentsOf: dir.appendingPathComponent("input.rejects.csv"), encoding: .utf8)
        XCTAssertTrue(rejects.contains("ngày 32") && rejects.contains("dossiers.csv"), rejects)
    }

    /// An export of more than two stretches is read straight on both cores
    /// (docs/rules.md#scratch-store): the figures, and the lines of its rejected
    /// rows far into the file, are those of the import.
    func testALargeExportReadInStretchesGivesTheStoredReportAndLines() throws {
        let out = dir.appendingPathComponent("year")
        let generated = try CommandRunner.run(["generate", "--out", out.path, "--dossiers", "60000", "--from", "2024-01-01",
                                               "--to", "2024-12-31", "--style", "vietnamese", "--seed", "9"])
        XCTAssertEqual(generated.status, 0, generated.stderr)
        let export = out.appendingPathComponent("dossiers.csv")
        // Byte lines: a String takes CR LF for one character.
        var lines = try Data(contentsOf: export).split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
        for k in [4_000, 31_000, 58_000] {  // in the first, a middle and the last stretch: a record cut short
            lines[k] = Array("HONG-\(k);LC;Lò Văn A".utf8) + (lines[k].last == 0x0D ? [0x0D] : [])
        }
        try Data(Array(lines.joined(separator: [0x0A]))).write(to: export)
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: export.path)[.size] as? Int)
        XCTAssertGreaterThan(size, 2 * (8 << 20), "more than two stretches")
        let reference = ["--units", out.appendingPathComponent("units.csv").path,
                         "--procedures", out.appendingPathComponent("procedures.csv").path]
        let db = dir.appendingPathComponent("stored.sqlite").path
        let imported = try CommandRunner.run(["import", "--db", db] + reference + [export.path])
        XCTAssertEqual(imported.status, 3, imported.stderr)
        let period = ["--period", "2024-Q3", "--date", "2024-10-05"]
        let stored = try CommandRunner.run(["report", "--db", db] + period
                                           + ["--out", dir.appendingPathComponent("db.xlsx").path,
                                              "--json", dir.appendingPathComponent("db.json").path])
        XCTAssertEqual(stored.status, 0, stored.stderr)
        let direct = try CommandRunner.run(["report", "--input", export.path] + reference + period
                                           + ["--out", dir.appendingPathComponent("input.xlsx").path,
                                              "--json", dir.appendingPathComponent("input.json").path])
        XCTAssertEqual(direct.status, 3, direct.stderr)
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("input.json")),
                       try Data(contentsOf: dir.appendingPathComponent("db.json")))
        func rejected(_ text: String) -> [String] { text.components(separatedBy: "\n").filter { $0.contains("dossiers.csv, dòng") } }
        XCTAssertEqual(rejected(direct.stderr), rejected(imported.stderr))
        XCTAssertEqual(rejected(direct.stderr).count, 3, direct.stderr)
        XCTAssertTrue(rejected(direct.stderr).allSatisfy { $0.contains("Bản ghi có 3 trường") }, direct.stderr)
    }

    /// The warnings and errors of files read straight come as from an import:
    /// an export older than the one before it is warned about, and an
    /// evaluations file that cannot be read fails only after the dossier files,
    /// whose own error comes first.
    func testFilesReadStraightWarnAndFailAsAnImportDoes() throws {
        var exports: [String] = []
        for (name, from, to) in [("new", "2024-05-01", "2024-08-31"), ("old", "2024-01-01", "2024-04-30")] {
            let out = dir.appendingPathComponent(name)
            let generated = try CommandRunner.run(["generate", "--out", out.path, "--dossiers", "2000", "--from", from,
                                                   "--to", to, "--seed", "6"])
            XCTAssertEqual(generated.status, 0, generated.stderr)
            exports.append(out.appendingPathComponent("dossiers.csv").path)
        }
        let reference = ["--units", dir.appendingPathComponent("new/units.csv").path,
                         "--procedures", dir.appendingPathComponent("new/procedures.csv").path]
        func older(_ text: String) -> [String] { text.components(separatedBy: "\n").filter { $0.contains("cũ hơn dữ liệu đã nhập") } }
        let imported = try CommandRunner.run(["import", "--db", dir.appendingPathComponent("db.sqlite").path] + reference + exports)
        XCTAssertEqual(older(imported.stderr).count, 1, imported.stderr)
        let report = ["--period", "2024-Q2", "--out", dir.appendingPathComponent("q2.xlsx").path]
        let direct = try CommandRunner.run(["report"] + exports.flatMap { ["--input", $0] } + reference + report)
        XCTAssertEqual(direct.status, 0, direct.stderr)
        XCTAssertEqual(older(direct.stderr), older(imported.stderr))

        // A dossier file that is not UTF-8 at line 3, and an evaluations file that does not exist.
        let bad = dir.appendingPathComponent("bad.csv")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: exports[0]))
        let third = bytes.indices.filter { bytes[$0] == 0x0A }[1] + 1
        bytes.insert(contentsOf: [0xFF, 0xFE], at: third)
        try bytes.write(to: bad)
        let failed = try CommandRunner.run(["report", "--input", bad.path] + reference
                                           + ["--evaluations", dir.appendingPathComponent("khong-co.csv").path] + report)
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.stderr.contains("bad.csv, dòng 3") && !failed.stderr.contains("khong-co.csv"), failed.stderr)
    }

    /// A TMPDIR that does not exist (mistyped in a crontab) stops the run with
    /// a message naming it; motcua does not create the missing folders and
    /// leave them behind.
    func testAMissingTemporaryFolderIsAnErrorNotAFolderToCreate() throws {
        let out = dir.appendingPathComponent("export")
        let generated = try CommandRunner.run(["generate", "--out", out.path, "--dossiers", "200", "--from", "2024-01-01",
                                               "--to", "2024-03-31", "--seed", "3"])
        XCTAssertEqual(generated.status, 0, generated.stderr)
        let missing = dir.appendingPathComponent("khong-co/tmp")
        for (lang, words) in [([String](), "không tạo được thư mục tạm"), (["--lang", "en"], "cannot create the temporary folder")] {
            let result = try CommandRunner.run(["report", "--input", out.appendingPathComponent("dossiers.csv").path,
                                                "--units", out.appendingPathComponent("units.csv").path,
                                                "--procedures", out.appendingPathComponent("procedures.csv").path,
                                                "--period", "2024-Q1", "--date", "2024-04-05",
                                                "--out", dir.appendingPathComponent("q1.xlsx").path] + lang,
                                               environment: ["TMPDIR": missing.path])
            XCTAssertNotEqual(result.status, 0)
            XCTAssertTrue(result.stderr.contains(missing.path) && result.stderr.contains(words), result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("khong-co").path),
                           "no folder is created")
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("q1.xlsx").path))
        }
    }
}
