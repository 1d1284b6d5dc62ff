import Foundation
import GRDB
import XCTest
import MotCuaTestSupport

/// Issue 13: a nightly run says in its log what went wrong, checks its
/// configuration before touching anything, and leaves alone what it should.
final class NightlyRunLogTests: UnattendedRunTestCase {
    // MARK: 1. Every outcome ends up in the log, the last line says which

    func testASuccessfulRunEndsItsLogWithSuccess() throws {
        try putExport("2020-11-05.csv")
        let result = try run(today: "2020-11-06")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try lastLogLine(), "kết thúc: thành công")

        XCTAssertEqual(try run(today: "2020-11-06", ["--lang", "en"]).status, 0)
        XCTAssertEqual(try lastLogLine(), "finished: success")
    }

    // MARK: 4. One failing report does not stop the others

    func testOneReportThatCannotBeWrittenDoesNotStopTheOthers() throws {
        // A folder sits where the first report's file should go: only the write itself finds out.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out/blocked.xlsx"), withIntermediateDirectories: true)
        try writeConfig(reports: """
            reports:
              - period: previous-month
                out: out/blocked.xlsx
              - period: previous-month
                unit: TU
                out: out/{unit}/{period}.xlsx
                json: out/{unit}/{period}.json
            """)
        try putExport("2020-11-05.csv")
        let result = try run(today: "2020-11-06")
        XCTAssertEqual(result.status, 1, "a failed report fails the run")
        XCTAssertEqual(try json("out/TU/2020-10.json")["received"] as? Int, 1907, "the good report is written")
        XCTAssertNoThrow(try XLSXWorkbook(path: dir.appendingPathComponent("out/TU/2020-10.xlsx").path))
        let log = try log()
        XCTAssertTrue(log.contains("! báo cáo 2020-10 không lập được: \(dir.appendingPathComponent("out/blocked.xlsx").path): đã có ở đây một thứ không phải tệp thường"), log)
        XCTAssertEqual(try lastLogLine(), "kết thúc: thất bại một phần — 1/2 báo cáo lỗi")
    }

    /// The report's files are written at once and put in place in order
    /// (docs/rules.md#outputs): when the JSON cannot be, the workbook and its
    /// companions before it are in place, and the log names each, in order, before the error.
    func testTheLogNamesTheFilesPutInPlaceBeforeTheOneThatFailed() throws {
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out/blocked.json"), withIntermediateDirectories: true)
        try writeConfig(reports: """
            reports:
              - period: previous-month
                out: out/r.xlsx
                json: out/blocked.json
            """)
        try putExport("2020-11-05.csv")
        let result = try run(today: "2020-11-06")
        XCTAssertEqual(result.status, 1, "a failed report fails the run")
        let out = dir.appendingPathComponent("out").path
        for name in ["r.xlsx", "r-qua-han.xlsx", "r-kiem-tra-du-lieu.xlsx"] {
            XCTAssertNoThrow(try XLSXWorkbook(path: out + "/" + name), name)
        }
        let lines = try log().components(separatedBy: "\n")
        func place(_ text: String) -> Int? { lines.firstIndex { $0.contains(text) } }
        let report = try XCTUnwrap(place("báo cáo 2020-10: \(out)/r.xlsx, 1.913 hồ sơ"), lines.joined(separator: "\n"))
        let overdue = try XCTUnwrap(place("báo cáo 2020-10: tệp kèm theo \(out)/r-qua-han.xlsx"))
        let quality = try XCTUnwrap(place("báo cáo 2020-10: tệp kèm theo \(out)/r-kiem-tra-du-lieu.xlsx"))
        let failure = try XCTUnwrap(place("! báo cáo 2020-10 không lập được: \(out)/blocked.json"))
        XCTAssertEqual([report, overdue, quality, failure], [report, overdue, quality, failure].sorted())
        XCTAssertNil(place("JSON: "), "the JSON is not said to be written")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".tmp") }, [])
    }

    // MARK: 2. The configuration is checked before anything is imported

    func testAnUnknownKeyNamesTheClosestKnownOneAndNothingIsImported() throws {
        try writeConfig(extra: "calendar: [lich.csv]")
        try putExport("2020-11-05.csv")
        let result = try run(today: "2020-11-06")
        XCTAssertEqual(result.status, 1)
        let log = try log()
        // Line 8: the comment, six keys, then the typo.
        XCTAssertTrue(log.contains("motcua.yaml, dòng 8: khóa không hợp lệ \"calendar\"; có phải là \"calendars\"?"), log)
        XCTAssertTrue(try lastLogLine().hasPrefix("kết thúc: thất bại — cấu hình không hợp lệ"), log)
        XCTAssertFalse(FileManager.default.fileExists(atPath: database), "nothing imported: no database")
        XCTAssertEqual(try inboxNames(), ["2020-11-05.csv"], "nothing archived")
    }

    func testEveryConfigurationProblemIsListedBeforeAnythingIsDone() throws {
        try putExport("2020-11-05.csv")
        // Mistakes in the file itself, each with its line.
        try writeConfig(reports: """
            reports:
              - period: last-month
                out: out/a.xlsx
              - period: 2020-10
                out: [out/c.xlsx]
              - out: out/d.xlsx
            """)
        XCTAssertEqual(try run(today: "2020-11-06", ["--lang", "en"]).status, 1)
        var log = try log()
        for expected in ["line 10: reports[1].period \"last-month\" is invalid",
                         "line 13: \"reports[2].out\" must be a single value",
                         "line 14: missing required key \"reports[3].period\""] {
            XCTAssertTrue(log.contains(expected), "\(expected)\n\(log)")
        }
        XCTAssertFalse(log.contains("DecodingError"), log)
        XCTAssertTrue(try lastLogLine().hasPrefix("finished: failure — invalid configuration (3 problems)"), log)

        // Mistakes about what it names: files, units, templates.
        try writeConfig(extra: "evaluations: missing.csv", reports: """
            reports:
              - period: 2020-10
                unit: XX
                template: no-such-template
                out: out/b.xlsx
              - period: 2020-10
                out: units.csv/{period}.xlsx
            """)
        XCTAssertEqual(try run(today: "2020-11-06").status, 1)
        log = try self.log()
        for expected in ["! \(configFile.path): evaluations: không có tệp \(dir.path)/missing.csv.",
                         "dòng 10: báo cáo 2020-10: không có đơn vị mã \"XX\"",
                         "Không có mẫu báo cáo \"no-such-template\"",
                         "out: không tạo được thư mục \(dir.path)/units.csv: \(dir.path)/units.csv là một tệp, không phải thư mục."] {
            XCTAssertTrue(log.contains(expected), "\(expected)\n\(log)")
        }
        XCTAssertTrue(try lastLogLine().hasPrefix("kết thúc: thất bại — cấu hình không hợp lệ (4 lỗi)"), log)
        XCTAssertFalse(FileManager.default.fileExists(atPath: database))
        XCTAssertEqual(try inboxNames(), ["2020-11-05.csv"])
    }

    func testAConfigurationThatIsNotYAMLStillLogsWhyTheRunFailed() throws {
        try "log: motcua.log\ninbox: inbox/\nreports: [\n".write(to: configFile, atomically: true, encoding: .utf8)
        XCTAssertEqual(try run(today: "2020-11-06").status, 1)
        let log = try log()
        XCTAssertTrue(log.contains("lỗi cú pháp YAML"), log)
        XCTAssertTrue(try lastLogLine().hasPrefix("kết thúc: thất bại — "), log)
    }

    func testCheckChangesNothingAndSaysWhatARunWouldDo() throws {
        try putExport("2020-11-05.csv")
        try putExport("fresh.csv", settled: false)
        try Data("%PDF".utf8).write(to: inbox.appendingPathComponent("scan.pdf"))
        try Data("half".utf8).write(to: inbox.appendingPathComponent("next.csv.crdownload"))
        func listing() throws -> [String] {
            try FileManager.default.subpathsOfDirectory(atPath: dir.path).sorted().map { path in
                let a = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(path).path)
                return "\(path) \(a[.size] ?? 0) \((a[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
            }
        }
        let before = try listing()
        let result = try CommandRunner.run(["run", "--check", "--config", configFile.path, "--today", "2020-11-06"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try listing(), before, "no database, lock, log, archive or output folder")
        for expected in ["sẽ nhập: 2020-11-05.csv", "để lại (có thể đang được chép): fresh.csv",
                         "để nguyên, không nhập được loại tệp này: scan.pdf",
                         "bỏ qua (tệp ẩn hoặc đang tải dở): next.csv.crdownload",
                         "Báo cáo 2020-10 (TU), 01/10/2020–31/10/2020",
                         dir.appendingPathComponent("out/TU/2020-10.xlsx").path] {
            XCTAssertTrue(result.stdout.contains(expected), "\(expected)\n\(result.stdout)")
        }
    }

    // MARK: 3. Relative paths are relative to the configuration file

    func testARelativeConfigPathAndAParentFolderDatabase() throws {
        let sub = dir.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub.appendingPathComponent("inbox"), withIntermediateDirectories: true)
        for f in ["units.csv", "procedures.csv"] {
            try FileManager.default.copyItem(at: sample.appendingPathComponent(f), to: sub.appendingPathComponent(f))
        }
        try FileManager.default.copyItem(at: sample.appendingPathComponent("dossiers.csv"), to: sub.appendingPathComponent("inbox/a.csv"))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -120)],
                                              ofItemAtPath: sub.appendingPathComponent("inbox/a.csv").path)
        try """
            database: ../shared/m.sqlite
            inbox: inbox
            archive: archive
            units: units.csv
            procedures: procedures.csv
            log: ../logs/motcua.log
            reports:
              - period: previous-month
                unit: TU
                out: out/{period}.xlsx
                json: out/{period}.json
            """.write(to: sub.appendingPathComponent("motcua.yaml"), atomically: true, encoding: .utf8)
        let cwd = dir.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: cwd, withIntermediateDirectories: true)
        let result = try CommandRunner.run(["run", "--config", "../sub/motcua.yaml", "--today", "2020-11-06"], in: cwd)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("shared/m.sqlite").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: sub.appendingPathComponent("archive/a.csv").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: sub.appendingPathComponent("out/2020-10.xlsx").path))
        let log = try String(contentsOf: dir.appendingPathComponent("logs/motcua.log"), encoding: .utf8)
        XCTAssertTrue(log.hasSuffix("kết thúc: thành công\n"), log)
    }

    // MARK: 5. Inbox safety

    func testAFileStillBeingCopiedIsLeftForTheNextRun() throws {
        try putExport("2020-11-05.csv", settled: false)
        let result = try run(today: "2020-11-06")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try inboxNames(), ["2020-11-05.csv"])
        XCTAssertTrue(try log().contains("2020-11-05.csv: vừa thay đổi, có thể đang được chép; để lại cho lần chạy sau"))
        let count = try DatabaseQueue(path: database).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dossier") }
        XCTAssertEqual(count, 0)

        try settle("2020-11-05.csv")
        XCTAssertEqual(try run(today: "2020-11-06").status, 0)
        XCTAssertEqual(try inboxNames(), [], "imported once it has settled")
    }

    func testPartialDownloadsAreIgnoredAndOtherKindsAreWarnedAboutAndLeft() throws {
        try putExport("2020-11-05.csv.part")
        try putExport(".2020-11-05.csv")
        try Data("%PDF".utf8).write(to: inbox.appendingPathComponent("cong-van.pdf"))
        try settle("cong-van.pdf")
        // An Excel 97–2003 export, and the lock file Excel keeps beside an open workbook.
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).write(to: inbox.appendingPathComponent("ho-so.xls"))
        try settle("ho-so.xls")
        try Data("lock".utf8).write(to: inbox.appendingPathComponent("~$ho-so.xlsx"))
        try settle("~$ho-so.xlsx")
        let result = try run(today: "2020-11-06")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try inboxNames(), [".2020-11-05.csv", "2020-11-05.csv.part", "cong-van.pdf", "ho-so.xls", "~$ho-so.xlsx"],
                       "all left in place")
        XCTAssertTrue(try log().contains("ho-so.xls: tệp Excel 97–2003 (.xls) không nhập được; mở bằng Excel, lưu thành .xlsx"))
        XCTAssertFalse(try log().contains("~$"), "Excel's lock file is not mentioned")
        let log = try log()
        XCTAssertFalse(log.contains(".part"), log)
        XCTAssertFalse(log.contains(".2020-11-05.csv"), log)
        XCTAssertTrue(log.contains("! cảnh báo: \(inbox.path)/cong-van.pdf: motcua không nhập được loại tệp này"), log)

        // An empty inbox is said so.
        for name in try inboxNames() { try FileManager.default.removeItem(at: inbox.appendingPathComponent(name)) }
        XCTAssertEqual(try run(today: "2020-11-06").status, 0)
        XCTAssertTrue(try self.log().contains("hộp thư đến \(inbox.path) trống"))
    }

    // MARK: 7. Locks

    func testASymbolicLinkAtTheLockIsRefused() throws {
        let target = dir.appendingPathComponent("precious.txt")
        try "do not truncate".write(to: target, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: database + ".lock", withDestinationPath: target.path)
        try putExport("2020-11-05.csv")
        XCTAssertEqual(try run(today: "2020-11-06").status, 1)
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "do not truncate")
        let log = try log()
        XCTAssertTrue(log.contains("tệp khóa là một liên kết tượng trưng (symlink); từ chối dùng"), log)
        XCTAssertTrue(try lastLogLine().hasPrefix("kết thúc: thất bại — không lấy được khóa"), log)
        XCTAssertEqual(try inboxNames(), ["2020-11-05.csv"])
    }

    func testTheStaleLockOfAKilledRunIsTakenOver() throws {
        // The file a SIGKILLed run leaves: its PID, no flock (the kernel dropped it). No process has PID 99999999.
        try "99999999\n".write(toFile: database + ".lock", atomically: true, encoding: .utf8)
        try putExport("2020-11-05.csv")
        let result = try run(today: "2020-11-06")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(try log().contains("khóa cũ của lần chạy bị ngắt (PID 99999999) đã được tiếp quản"))
        XCTAssertEqual(try String(contentsOfFile: database + ".lock", encoding: .utf8), "", "a clean exit leaves no PID")
        XCTAssertEqual(try run(today: "2020-11-06").status, 0)
        XCTAssertFalse(try log().components(separatedBy: "tiếp quản").count > 2, "only the killed run's lock is taken over")
    }

    // MARK: 6. Data older than the period's end

    func testAPeriodTheDataDoNotReachIsWarnedAboutInTheLogAndTheWorkbook() throws {
        // The export was taken on 5 November; a report for all of November is run on 2 December.
        try putExport("2020-11-05.csv")
        let result = try run(today: "2020-12-02")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(try log().contains("! cảnh báo: báo cáo 2020-11 (TU): dữ liệu mới nhất đến ngày 05/11/2020; số hồ sơ chưa giải quyết, quá hạn có thể cao hơn thực tế"))
        // The findings one by one are in the companion file, whose path the log gives.
        let companion = dir.appendingPathComponent("out/TU/2020-11-kiem-tra-du-lieu.xlsx").path
        let logText = try log()
        XCTAssertTrue(logText.contains("báo cáo 2020-11 (TU): tệp kèm theo \(companion)"), logText)
        XCTAssertTrue(try log().contains("tệp kèm theo \(dir.appendingPathComponent("out/TU/2020-11-qua-han.xlsx").path)"))
        let summary = try XCTUnwrap(try XLSXWorkbook(path: dir.appendingPathComponent("out/TU/2020-11.xlsx").path)["Kiểm tra dữ liệu"])
        XCTAssertNotNil(summary.row(whereColumn: 1, is: "Dữ liệu chưa cập nhật đến cuối kỳ"), "counted in the report's summary")
        let sheet = try XCTUnwrap(try XLSXWorkbook(path: companion)["Kiểm tra dữ liệu"])
        let row = try XCTUnwrap(sheet.row(whereColumn: 3, is: "Dữ liệu chưa cập nhật đến cuối kỳ"), "the finding is on the sheet")
        XCTAssertEqual(sheet.text(row, 4), "Dữ liệu mới nhất đến ngày 05/11/2020; số hồ sơ chưa giải quyết, quá hạn có thể cao hơn thực tế")

        // October is covered by the same export: no warning.
        XCTAssertEqual(try run(today: "2020-11-06").status, 0)
        XCTAssertFalse(try log().contains("báo cáo 2020-10 (TU): dữ liệu mới nhất"))
    }
}

extension NightlyRunLogTests {
    // MARK: templates: a folder beside the configuration

    func testTheTemplatesKeyAddsAFolderOfTemplatesRelativeToTheConfiguration() throws {
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("mau"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CommandRunner.repositoryRoot.appendingPathComponent("Templates/phu-luc.yaml"),
                                         to: dir.appendingPathComponent("mau/phu-luc-rieng.yaml"))
        try writeConfig(extra: "templates: mau", reports: """
            reports:
              - period: previous-month
                unit: TU
                template: phu-luc-rieng
                out: out/{unit}/{period}.xlsx
            """)
        try putExport("2020-11-05.csv")
        let result = try run(today: "2020-11-06")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try XLSXWorkbook(path: dir.appendingPathComponent("out/TU/2020-10.xlsx").path).sheets.map(\.name), ["Phụ lục"])

        try writeConfig(extra: "templates: khong-co")
        XCTAssertEqual(try run(today: "2020-11-06").status, 1)
        XCTAssertTrue(try log().contains("templates: không có thư mục \(dir.path)/khong-co."))
    }
}
