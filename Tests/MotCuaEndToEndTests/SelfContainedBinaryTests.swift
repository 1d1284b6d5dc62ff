import Foundation
import XCTest
import MotCuaTestSupport

/// The binary as an IT officer installs it: one file copied into a folder with
/// no `Templates/` anywhere near it (issue 13). It must give the same
/// workbooks and calendars as the checkout's files, and let a folder of the
/// officer's add or override them.
final class SelfContainedBinaryTests: SampleDataTestCase {
    var lone: URL { dir.appendingPathComponent("bin/motcua") }
    var work: URL { dir.appendingPathComponent("work") }
    let checkoutTemplates = CommandRunner.repositoryRoot.appendingPathComponent("Templates")

    override func setUpWithError() throws {
        try super.setUpWithError()
        for sub in ["bin", "work"] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try FileManager.default.copyItem(at: CommandRunner.executable, to: lone)
    }

    func motcua(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandRunner.Result {
        try CommandRunner.run(arguments, in: work, executable: lone, environment: environment)
    }

    func daysOff(_ result: CommandRunner.Result) throws -> [String] {
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        return (json["days_off"] as! [[String: Any]]).map { $0["date"] as! String }
    }

    /// 2025 has 22 days off in the shipped arrangement (the built-in rules
    /// alone give 12): the lone binary must use the shipped file.
    func testLoneBinaryUsesTheShippedCalendar() throws {
        let lone = try motcua(["calendar", "--year", "2025", "--json"])
        XCTAssertEqual(lone.status, 0, lone.stderr)
        let fromCheckout = try motcua(["calendar", "--year", "2025", "--json", "--templates", checkoutTemplates.path])
        XCTAssertEqual(try daysOff(lone).count, 22)
        XCTAssertEqual(try daysOff(lone), try daysOff(fromCheckout))
        XCTAssertEqual(lone.stderr, "", "no warning about calendar files")
    }

    /// Every cell of every sheet equals the workbook made from the checkout's files.
    func testLoneBinaryWritesTheSameWorkbook() throws {
        // Same file names in two folders: the footnotes name the companion files.
        for sub in ["built-in", "files"] {
            try FileManager.default.createDirectory(at: work.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let builtIn = try motcua(["report"] + inputs + ["--period", "2020-10", "--out", "built-in/bao-cao.xlsx"])
        XCTAssertEqual(builtIn.status, 0, builtIn.stderr)
        let files = try motcua(["report"] + inputs + ["--period", "2020-10", "--out", "files/bao-cao.xlsx",
                                                      "--templates", checkoutTemplates.path])
        XCTAssertEqual(files.status, 0, files.stderr)
        let a = try XLSXWorkbook(path: work.appendingPathComponent("built-in/bao-cao.xlsx").path)
        let b = try XLSXWorkbook(path: work.appendingPathComponent("files/bao-cao.xlsx").path)
        XCTAssertEqual(a.sheets.map(\.name), ["Phụ lục", "Đúng hạn", "Đúng hạn - biểu đồ", "Tóm tắt", "Quá hạn", "Chấm điểm TT01",
                                              "Chấm điểm TT01 - tiêu chí", "Kiểm tra dữ liệu"])
        XCTAssertEqual(a.sheets.map(\.name), b.sheets.map(\.name))
        for (x, y) in zip(a.sheets, b.sheets) {
            XCTAssertEqual(x.cells, y.cells, x.name)
            XCTAssertEqual(x.merges, y.merges, x.name)
        }
        XCTAssertEqual(a.stylesXML, b.stylesXML)
    }

    /// A folder adds and overrides single files: here one sheet's title and one
    /// year's calendar; the other sheets and years stay built in.
    func testTemplatesFolderOverridesSingleFiles() throws {
        let custom = dir.appendingPathComponent("custom")
        try FileManager.default.createDirectory(at: custom.appendingPathComponent("calendar"), withIntermediateDirectories: true)
        let phuLuc = try String(contentsOf: checkoutTemplates.appendingPathComponent("phu-luc.yaml"), encoding: .utf8)
        XCTAssertTrue(phuLuc.contains("TÌNH HÌNH"), "the title this test changes")
        try phuLuc.replacingOccurrences(of: "TÌNH HÌNH", with: "TÌNH HÌNH (MẪU RIÊNG)")
            .write(to: custom.appendingPathComponent("phu-luc.yaml"), atomically: true, encoding: .utf8)
        try "date,kind,note\n2025-12-24,nghi,Ngày nghỉ riêng của tỉnh\n"
            .write(to: custom.appendingPathComponent("calendar/2025.csv"), atomically: true, encoding: .utf8)

        for (arguments, environment) in [(["--templates", custom.path], [:]), ([], ["MOTCUA_TEMPLATES": custom.path])] {
            let report = try motcua(["report"] + inputs + ["--period", "2020-10", "--out", "custom.xlsx"] + arguments,
                                    environment: environment)
            XCTAssertEqual(report.status, 0, report.stderr)
            let workbook = try XLSXWorkbook(path: work.appendingPathComponent("custom.xlsx").path)
            XCTAssertEqual(workbook.sheets.count, 8, "the other sheets still come from the built-in files")
            XCTAssertTrue(workbook["Phụ lục"]!.cells.values.contains { $0.description.contains("(MẪU RIÊNG)") })

            let calendar = try motcua(["calendar", "--year", "2025", "--json"] + arguments, environment: environment)
            XCTAssertEqual(try daysOff(calendar), ["2025-12-24"], "the folder's 2025.csv replaces the built-in one")
            let other = try motcua(["calendar", "--year", "2024", "--json"] + arguments, environment: environment)
            XCTAssertGreaterThan(try daysOff(other).count, 15, "other years keep the built-in file")
        }
    }

    func testTemplatesFolderThatDoesNotExist() throws {
        let result = try motcua(["calendar", "--year", "2025", "--templates", "khong-co"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("khong-co (--templates): không có thư mục mẫu báo cáo này."), result.stderr)
        let english = try motcua(["calendar", "--year", "2025", "--lang", "en"], environment: ["MOTCUA_TEMPLATES": "/nonexistent"])
        XCTAssertTrue(english.stderr.contains("/nonexistent (MOTCUA_TEMPLATES): no such templates folder."), english.stderr)
    }

    /// `templates export` writes the checkout's files byte for byte, and never
    /// overwrites an officer's edits without `--force`.
    func testExportWritesTheBuiltInFiles() throws {
        let export = try motcua(["templates", "export", "mau"])
        XCTAssertEqual(export.status, 0, export.stderr)
        let exported = work.appendingPathComponent("mau")
        let expected = try regularFiles(under: checkoutTemplates)
        XCTAssertEqual(try regularFiles(under: exported), expected)
        XCTAssertTrue(expected.contains("calendar/2025.csv") && expected.contains("rubric-tt01.yaml"))
        for path in expected {
            XCTAssertEqual(try Data(contentsOf: exported.appendingPathComponent(path)),
                           try Data(contentsOf: checkoutTemplates.appendingPathComponent(path)), path)
        }

        try "đã sửa".write(to: exported.appendingPathComponent("phu-luc.yaml"), atomically: true, encoding: .utf8)
        let again = try motcua(["templates", "export", "mau"])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("--force"), again.stderr)
        XCTAssertEqual(try String(contentsOf: exported.appendingPathComponent("phu-luc.yaml"), encoding: .utf8), "đã sửa")
        XCTAssertEqual(try motcua(["templates", "export", "mau", "--force"]).status, 0)
        XCTAssertEqual(try Data(contentsOf: exported.appendingPathComponent("phu-luc.yaml")),
                       try Data(contentsOf: checkoutTemplates.appendingPathComponent("phu-luc.yaml")))

        let list = try motcua(["templates", "list", "--templates", exported.path])
        XCTAssertTrue(list.stdout.contains("phu-luc.yaml  ← \(exported.path)/phu-luc.yaml"), list.stdout)
    }

    /// `--version`: the VERSION file, the commit the binary was built from, the build date.
    func testVersionNamesTheCommitAndDate() throws {
        let result = try motcua(["--version"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let version = try String(contentsOf: CommandRunner.repositoryRoot.appendingPathComponent("VERSION"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let line = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertNotNil(line.range(of: #"^motcua \#(version) \(commit ([0-9a-f]{12}|unknown), built \d{4}-\d{2}-\d{2}\)$"#,
                                   options: .regularExpression), line)
    }

    private func regularFiles(under root: URL) throws -> [String] {
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])!
        return walker.compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .map { String($0.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1)) }
            .sorted()
    }
}
