import Foundation
import XCTest
import MotCuaTestSupport

/// docs/rules.md#outputs: every workbook motcua writes is named `*.xlsx`
/// (any letter case). The old code wrote an xlsx under `x.xls`, which Excel
/// then refused or warned about.
final class WorkbookNameTests: SampleDataTestCase {
    func testReportRefusesAnOutputNotEndingInXlsx() throws {
        for name in ["x.xls", "x", "x.xlsx.csv", "x.xlsm"] {
            let out = dir.appendingPathComponent(name).path
            let result = try CommandRunner.run(["report"] + inputs + ["--period", "2020-10", "--out", out])
            XCTAssertEqual(result.status, 1, name)
            XCTAssertTrue(result.stderr.contains("--out phải là tên tệp Excel có đuôi .xlsx"), result.stderr)
            XCTAssertTrue(result.stderr.contains(out), "names the file: \(result.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: out), "\(name): nothing written")
        }
        let english = try CommandRunner.run(["report"] + inputs + ["--period", "2020-10", "--lang", "en",
                                                                   "--out", dir.appendingPathComponent("x.xls").path])
        XCTAssertTrue(english.stderr.contains("--out must be an Excel file name ending in .xlsx"), english.stderr)
        // The letter case does not matter.
        let upper = dir.appendingPathComponent("BAO-CAO.XLSX").path
        let ok = try CommandRunner.run(["report"] + inputs + ["--period", "2020-10", "--out", upper])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertNoThrow(try XLSXWorkbook(path: upper))
    }

    func testOverdueRefusesAnOutputNotEndingInXlsxButNotItsCSV() throws {
        let out = dir.appendingPathComponent("qua-han.xls").path
        let result = try CommandRunner.run(["overdue"] + inputs + ["--as-of", "2020-10-31", "--out", out])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("--out phải là tên tệp Excel có đuôi .xlsx"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        let csv = dir.appendingPathComponent("qua-han.txt").path
        XCTAssertEqual(try CommandRunner.run(["overdue"] + inputs + ["--as-of", "2020-10-31", "--csv", csv]).status, 0,
                       "--csv is not a workbook: any name")
    }
}

/// The same rule for `out:` of a run configuration: found when the
/// configuration is read, before anything is imported.
final class RunConfigurationWorkbookNameTests: UnattendedRunTestCase {
    func testAnOutPatternNotEndingInXlsxIsAConfigurationProblem() throws {
        try writeConfig(reports: """
            reports:
              - period: previous-month
                out: out/{unit}-{period}.xls
            """)
        try putExport("2020-11-05.csv")
        let result = try run(today: "2020-11-06")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("reports[1].out \"out/{unit}-{period}.xls\" phải là tên tệp Excel có đuôi .xlsx"),
                      result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: inbox.appendingPathComponent("2020-11-05.csv").path),
                      "nothing was imported")
    }
}
