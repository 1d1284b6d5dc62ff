import Foundation
import XCTest
import MotCuaTestSupport

/// Outputs and reference files a hostile or careless user can produce
/// (issue 14): special files as outputs, planted symlinks, concurrent
/// writers, formulas in CSV cells, texts over Excel's cell limit, absurd
/// procedure durations, and units that are their own parents.
final class HostileOutputTests: SampleDataTestCase {
    func report(_ extra: [String], inputs: [String]? = nil) throws -> CommandRunner.Result {
        try CommandRunner.run(["report"] + (inputs ?? self.inputs) + ["--period", "2020-10"] + extra, in: dir)
    }

    /// Never writes outside its temporary folder, even on the old code it guards against.
    func testSpecialFilesAreRefusedNotReplaced() throws {
        let fifo = dir.appendingPathComponent("pipe.xlsx").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let result = try report(["--out", fifo])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("không phải tệp thường"), result.stderr)
        var info = stat()
        XCTAssertEqual(lstat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "the FIFO is still a FIFO")
        // A device node like /dev/full, made here: the old code, run as root,
        // replaced the real /dev/full with a regular file, for the whole machine.
        let device = dir.appendingPathComponent("full.json").path
        XCTAssertEqual(mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 7)), 0, "tests run as root, as CI does")
        let json = try report(["--out", "ok.xlsx", "--json", device, "--lang", "en"])
        XCTAssertTrue(json.stderr.contains("\(device): something that is not a regular file"), json.stderr)
        XCTAssertEqual(lstat(device, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "the device is still a device")
    }

    /// Symlinks planted under every name the old code would have used
    /// (`.NAME.PID.tmp`) are never followed, and no temporary file is left.
    func testPlantedSymlinksAreNotFollowed() throws {
        let victim = dir.appendingPathComponent("victim.txt")
        try Data("do not touch".utf8).write(to: victim)
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let next = Int(ProcessInfo.processInfo.processIdentifier)
        for pid in next..<(next + 200) {
            try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent(".r.xlsx.\(pid).tmp").path,
                                                       withDestinationPath: victim.path)
        }
        let result = try report(["--out", "out/r.xlsx"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try String(contentsOf: victim, encoding: .utf8), "do not touch")
        XCTAssertNoThrow(try XLSXWorkbook(path: out.appendingPathComponent("r.xlsx").path))
        let left = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(left.count, 200, "only the planted links remain; no temporary file of ours")
    }

    /// Reports written to one file at once all succeed, and the file is a
    /// whole workbook. The old code deleted the other writers' temporary
    /// files; with the 1,913 sample dossiers the workbooks were written too
    /// quickly to overlap, so this uses 20,000 generated ones and four writers
    /// (the old binary failed at least one write in each of the 5 rounds).
    func testConcurrentWritersOfOneOutputAllSucceed() throws {
        let generated = dir.appendingPathComponent("province")
        XCTAssertEqual(try CommandRunner.run(["generate", "--out", generated.path, "--dossiers", "20000"]).status, 0)
        let database = dir.appendingPathComponent("m.sqlite").path
        XCTAssertEqual(try CommandRunner.run(["import", "--db", database,
                                              "--units", generated.appendingPathComponent("units.csv").path,
                                              "--procedures", generated.appendingPathComponent("procedures.csv").path,
                                              generated.appendingPathComponent("dossiers.csv").path]).status, 0)
        for round in 0..<5 {
            let processes = (0..<4).map { _ -> Process in
                let p = Process()
                p.executableURL = CommandRunner.executable
                p.arguments = ["report", "--db", database, "--period", "2024-Q3", "--out", dir.appendingPathComponent("same.xlsx").path,
                               "--json", dir.appendingPathComponent("same.json").path]
                p.standardOutput = FileHandle.nullDevice
                p.standardError = FileHandle.nullDevice
                return p
            }
            for p in processes { try p.run() }
            for p in processes { p.waitUntilExit() }
            XCTAssertEqual(processes.map(\.terminationStatus), [0, 0, 0, 0], "round \(round)")
            XCTAssertEqual(try XLSXWorkbook(path: dir.appendingPathComponent("same.xlsx").path).sheets.count, 8)
            // The companions are written the same way: whole, whoever wrote them last.
            XCTAssertFalse(try XLSXWorkbook(path: dir.appendingPathComponent("same-qua-han.xlsx").path).sheets.isEmpty)
            XCTAssertEqual(try XLSXWorkbook(path: dir.appendingPathComponent("same-kiem-tra-du-lieu.xlsx").path).sheets.count, 1)
        }
    }

    /// Formulas in the texts of the CSV files motcua writes are neutralised.
    func testFormulasInRejectedValuesAreNeutralised() throws {
        var lines = try String(contentsOf: sample.appendingPathComponent("dossiers.csv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let received = fields.firstIndex { $0.hasPrefix("01/09/2020") }!
        fields[received] = "=cmd|' /C calc'!A0"
        lines[1] = fields.joined(separator: ",")
        let export = dir.appendingPathComponent("hostile.csv")
        try lines.joined(separator: "\n").write(to: export, atomically: true, encoding: .utf8)
        let result = try report(["--out", "r.xlsx"], inputs: ["--input", export.path,
                                                              "--units", sample.appendingPathComponent("units.csv").path,
                                                              "--procedures", sample.appendingPathComponent("procedures.csv").path])
        XCTAssertEqual(result.status, 3, result.stderr)
        let rejects = try String(contentsOf: dir.appendingPathComponent("r.rejects.csv"), encoding: .utf8)
        XCTAssertTrue(rejects.contains("'=cmd|' /C calc'!A0"), rejects)
        XCTAssertFalse(rejects.contains(",=cmd") || rejects.contains(",\"=cmd"), "no field starts with a formula: \(rejects)")
    }

    /// A text over Excel's 32,767-character limit (here the issuer given on
    /// the command line) is cut with "…" instead of failing the workbook.
    func testTextOverTheCellLimitIsCut() throws {
        let long = String(repeating: "Ủy ban nhân dân ", count: 2_500)  // 40,000 characters
        let result = try report(["--out", "r.xlsx", "--issuer", long])
        XCTAssertEqual(result.status, 0, result.stderr)
        let sheet = try XCTUnwrap(try XLSXWorkbook(path: dir.appendingPathComponent("r.xlsx").path)["Phụ lục"])
        let cell = try XCTUnwrap(sheet.cells.values.first { $0.description.uppercased().hasPrefix("ỦY BAN NHÂN DÂN ỦY BAN") })
        XCTAssertEqual(cell.description.unicodeScalars.count, 32_767)
        XCTAssertTrue(cell.description.hasSuffix("…"))
    }

    /// A 50 MB field is rejected with its line, quoted in 200 characters, and
    /// the rest of the file imports; a 40,000-character unit name likewise.
    func testHugeFieldsAreRejectedAndQuotedShort() throws {
        var lines = try String(contentsOf: sample.appendingPathComponent("dossiers.csv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let line = lines.firstIndex { !$0.contains("\"") && $0.hasSuffix(",Lường Thị Ngọc") }!
        lines[line] = String(lines[line].dropLast("Lường Thị Ngọc".count)) + String(repeating: "A", count: 50 << 20)
        let export = dir.appendingPathComponent("huge.csv")
        try lines.joined(separator: "\n").write(to: export, atomically: true, encoding: .utf8)
        var units = try String(contentsOf: sample.appendingPathComponent("units.csv"), encoding: .utf8)
        units += "BIG,\(String(repeating: "Tên rất dài ", count: 4_000)),xa,TU,99\n"
        let unitsFile = dir.appendingPathComponent("units.csv")
        try units.write(to: unitsFile, atomically: true, encoding: .utf8)
        let database = dir.appendingPathComponent("m.sqlite").path
        let result = try CommandRunner.run(["import", "--db", database, "--units", unitsFile.path,
                                            "--procedures", sample.appendingPathComponent("procedures.csv").path, export.path])
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertLessThan(result.stderr.utf8.count + result.stdout.utf8.count, 10_000)
        XCTAssertTrue(result.stdout.contains("mới 3.317, cập nhật 0, không đổi 0, bỏ qua 2 (chưa tiếp nhận), từ chối 1."), result.stdout)
        let rejects = try String(contentsOf: URL(fileURLWithPath: database + ".rejects.csv"), encoding: .utf8)
        XCTAssertLessThan(rejects.utf8.count, 5_000)
        XCTAssertTrue(rejects.contains("huge.csv,\(line + 1),CanBoXuLy,"), rejects)
        XCTAssertTrue(rejects.contains("(52428800 ký tự)") && rejects.contains("Trường quá dài (52428800 byte; tối đa 4096)"), rejects)
        XCTAssertTrue(rejects.contains("units.csv,14,TenDonVi,"), rejects)
    }

    /// A duration of 1e15 days overflowed the deadline arithmetic (exit 132)
    /// for a dossier with a blank due date; now the procedure line is rejected.
    func testAbsurdDurationIsRejectedNotATrap() throws {
        let procedures = try String(contentsOf: sample.appendingPathComponent("procedures.csv"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        var fields = procedures[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[5] = "1e15"
        let code = fields[0]
        let file = dir.appendingPathComponent("procedures.csv")
        try ([procedures[0], fields.joined(separator: ",")] + procedures[2...]).joined(separator: "\n")
            .write(to: file, atomically: true, encoding: .utf8)
        var dossiers = try String(contentsOf: sample.appendingPathComponent("dossiers.csv"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        // A line without quoted commas: MaTTHC is field 3, NgayHenTra field 10.
        let index = dossiers.firstIndex { !$0.contains("\"") && $0.split(separator: ",", omittingEmptySubsequences: false)[3] == code }!
        var row = dossiers[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        row[10] = ""  // NgayHenTra blank: the due date is computed from the duration
        dossiers[index] = row.joined(separator: ",")
        let export = dir.appendingPathComponent("d.csv")
        try dossiers.joined(separator: "\n").write(to: export, atomically: true, encoding: .utf8)
        let result = try report(["--out", "r.xlsx"], inputs: ["--input", export.path,
                                                              "--units", sample.appendingPathComponent("units.csv").path,
                                                              "--procedures", file.path])
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("r.rejects.csv"), encoding: .utf8)
            .contains("Thời gian giải quyết quá lớn"))
    }

    /// The district naming itself as its parent used to detach every commune.
    func testSelfParentKeepsEveryDossierWithAWarning() throws {
        let units = try String(contentsOf: sample.appendingPathComponent("units.csv"), encoding: .utf8)
            .replacingOccurrences(of: "TU,UBND huyện Tân Uyên,huyen,,0", with: "TU,UBND huyện Tân Uyên,huyen,TU,0")
        let unitsFile = dir.appendingPathComponent("units.csv")
        try units.write(to: unitsFile, atomically: true, encoding: .utf8)
        let result = try report(["--unit", "TU", "--out", "r.xlsx", "--json", "r.json"],
                                inputs: ["--input", sample.appendingPathComponent("dossiers.csv").path,
                                         "--units", unitsFile.path,
                                         "--procedures", sample.appendingPathComponent("procedures.csv").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("đơn vị TU ghi chính nó là đơn vị cha"), result.stderr)
        let json = try validatedReportJSON(at: dir.appendingPathComponent("r.json").path)
        XCTAssertEqual((json["total"] as! [String: Any])["received"] as? Int, 1907)
    }

    /// A mapping file of the wrong shape names the key, in words, not Swift's DecodingError.
    func testMappingMistakesNameTheKey() throws {
        let mapping = dir.appendingPathComponent("anh-xa.yaml")
        try "columns: 5\n".write(to: mapping, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["import", "--db", dir.appendingPathComponent("m.sqlite").path,
                                            "--mapping", mapping.path, sample.appendingPathComponent("dossiers.csv").path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("anh-xa.yaml: tệp ánh xạ không hợp lệ: giá trị sai kiểu ở columns."), result.stderr)
        XCTAssertFalse(result.stderr.contains("typeMismatch") || result.stderr.contains("Context"), result.stderr)
    }
}
