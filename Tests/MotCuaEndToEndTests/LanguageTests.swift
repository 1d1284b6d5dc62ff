import Foundation
import XCTest

/// One language per process, honoured everywhere: the parser's own errors
/// and `--help`, the commands' messages and output, chosen by `--lang`,
/// `MOTCUA_LANG` or the locale (Vietnamese by default).
final class LanguageTests: SampleDataTestCase {
    static let english = ["MOTCUA_LANG": "en"]

    // MARK: Argument errors

    func testAParserErrorFollowsTheLanguage() throws {
        let vi = try CommandRunner.run(["calendar", "--year", "2025", "--jsno"])
        XCTAssertEqual(vi.status, 2)
        XCTAssertTrue(vi.stderr.hasPrefix("Lỗi: Không có tùy chọn '--jsno'. Có phải là '--json'?\n"), vi.stderr)
        XCTAssertTrue(vi.stderr.contains("Cách dùng: motcua calendar --year <year>"), vi.stderr)
        XCTAssertTrue(vi.stderr.contains("Xem 'motcua calendar --help' để biết thêm."), vi.stderr)

        let en = try CommandRunner.run(["calendar", "--year", "2025", "--jsno", "--lang", "en"])
        XCTAssertEqual(en.status, 2)
        XCTAssertTrue(en.stderr.hasPrefix("Error: Unknown option '--jsno'. Did you mean '--json'?\n"), en.stderr)
        XCTAssertTrue(en.stderr.contains("Usage: motcua calendar"), en.stderr)

        let env = try CommandRunner.run(["calendar", "--year", "2025", "--jsno"], environment: Self.english)
        XCTAssertEqual(env.stderr, en.stderr)
        let locale = try CommandRunner.run(["calendar", "--year", "2025", "--jsno"], environment: ["LANG": "en_US.UTF-8"])
        XCTAssertEqual(locale.stderr, en.stderr)
        let overridden = try CommandRunner.run(["calendar", "--year", "2025", "--jsno", "--lang=vi"], environment: Self.english)
        XCTAssertEqual(overridden.stderr, vi.stderr, "--lang wins over MOTCUA_LANG")
    }

    func testAMissingArgumentAndOurOwnUsageErrorsFollowTheLanguage() throws {
        let missing = try CommandRunner.run(["report", "--period", "2020-10"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.hasPrefix("Lỗi: Thiếu tham số bắt buộc '--out <out>'"), missing.stderr)
        let missingEn = try CommandRunner.run(["report", "--period", "2020-10"], environment: Self.english)
        XCTAssertTrue(missingEn.stderr.hasPrefix("Error: Missing expected argument '--out <out>'"), missingEn.stderr)

        let own = try CommandRunner.run(["report", "--out", "x.xlsx"])
        XCTAssertEqual(own.status, 2)
        XCTAssertTrue(own.stderr.hasPrefix("Lỗi: Cần --period, hoặc cả --from và --to."), own.stderr)
        let ownEn = try CommandRunner.run(["report", "--out", "x.xlsx", "--lang", "en"])
        XCTAssertEqual(ownEn.status, 2)
        XCTAssertTrue(ownEn.stderr.hasPrefix("Error: Give --period, or both --from and --to."), ownEn.stderr)

        let value = try CommandRunner.run(["import", "--lang", "fr"])
        XCTAssertEqual(value.status, 2)
        XCTAssertTrue(value.stderr.hasPrefix("Lỗi: Giá trị 'fr' không hợp lệ cho '--lang <lang>'. Hãy dùng một trong các giá trị 'vi' và 'en'."),
                      value.stderr)
    }

    // MARK: --help

    func testHelpHeadingsFollowTheLanguage() throws {
        let vi = try CommandRunner.run(["calendar", "--help"])
        XCTAssertEqual(vi.status, 0)
        for heading in ["TỔNG QUAN: ", "CÁCH DÙNG: motcua calendar", "TÙY CHỌN:", "Hiện trợ giúp này.", "--lang <lang>"] {
            XCTAssertTrue(vi.stdout.contains(heading), "\(heading)\n\(vi.stdout)")
        }
        XCTAssertFalse(vi.stdout.contains("OPTIONS:") || vi.stdout.contains("Show help information."), vi.stdout)

        let en = try CommandRunner.run(["calendar", "--help", "--lang", "en"])
        XCTAssertEqual(en.status, 0)
        for heading in ["OVERVIEW: ", "USAGE: motcua calendar", "OPTIONS:", "Show help information."] {
            XCTAssertTrue(en.stdout.contains(heading), "\(heading)\n\(en.stdout)")
        }

        let root = try CommandRunner.run(["--help"])
        XCTAssertTrue(root.stdout.contains("LỆNH CON:") && root.stdout.contains("Xem 'motcua help <lệnh-con>' để biết chi tiết."),
                      root.stdout)
        let rootEn = try CommandRunner.run(["--help"], environment: Self.english)
        XCTAssertTrue(rootEn.stdout.contains("SUBCOMMANDS:") && rootEn.stdout.contains("See 'motcua help <subcommand>' for detailed help."),
                      rootEn.stdout)
        let helpCommand = try CommandRunner.run(["help", "report"], environment: Self.english)
        XCTAssertEqual(helpCommand.status, 0)
        XCTAssertTrue(helpCommand.stdout.contains("USAGE: motcua report"), helpCommand.stdout)
    }

    // MARK: Commands' output

    func testCalendarInEnglish() throws {
        let vi = try CommandRunner.run(["calendar", "--year", "2025"])
        XCTAssertEqual(vi.status, 0, vi.stderr)
        XCTAssertTrue(vi.stdout.hasPrefix("Lịch làm việc năm 2025"), vi.stdout)
        XCTAssertTrue(vi.stdout.contains("  02/09/2025  Thứ Ba"), vi.stdout)
        XCTAssertTrue(vi.stdout.contains("Số ngày làm việc: "), vi.stdout)

        let en = try CommandRunner.run(["calendar", "--year", "2025", "--lang", "en"])
        XCTAssertEqual(en.status, 0, en.stderr)
        XCTAssertTrue(en.stdout.hasPrefix("Working calendar 2025 — days off from: "), en.stdout)
        XCTAssertTrue(en.stdout.contains("\nDays off ("), en.stdout)
        XCTAssertTrue(en.stdout.contains("  2025-09-02  Tuesday"), en.stdout)
        XCTAssertTrue(en.stdout.contains("Make-up working days ("), en.stdout)
        XCTAssertTrue(en.stdout.contains("Working days: "), en.stdout)
        XCTAssertFalse(en.stdout.contains("Ngày nghỉ (") || en.stdout.contains("Số ngày làm việc"), en.stdout)

        let badFile = dir.appendingPathComponent("lich.csv")
        try "2025-13-01,nghi,Sai\n".write(to: badFile, atomically: true, encoding: .utf8)
        let error = try CommandRunner.run(["calendar", "--year", "2025", "--calendar", badFile.path], environment: Self.english)
        XCTAssertEqual(error.status, 1)
        XCTAssertTrue(error.stderr.hasPrefix("Error: \(badFile.path), line 1: date \"2025-13-01\" "), error.stderr)
    }

    func testACheckFindingInEnglishFromTheEnvironment() throws {
        let reference = sample.appendingPathComponent("published-phu-luc-2020-10.csv").path
        let result = try CommandRunner.run(["check", "--published", reference], environment: Self.english)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.hasPrefix("Checking the published table published-phu-luc-2020-10.csv: 12 rows (11 units and the total row)."),
                      result.stdout)
        XCTAssertTrue(result.stdout.contains("  Row 5 – UBND xã Trung Đồng: the level columns add up to 65, not 68 as in total received (hstn_tong)"),
                      result.stdout)
        XCTAssertTrue(result.stdout.contains("Result: 2 findings in 2 rows that do not add up; not compared"), result.stdout)
        XCTAssertFalse(result.stdout.contains("Dòng tự mâu thuẫn"), result.stdout)
    }

    func testACorruptDatabaseInBothLanguagesWithoutSQL() throws {
        let db = dir.appendingPathComponent("hong.sqlite").path
        try Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }).write(to: URL(fileURLWithPath: db))
        let arguments = ["report", "--db", db, "--period", "2020-10", "--out", dir.appendingPathComponent("x.xlsx").path]
        let vi = try CommandRunner.run(arguments)
        XCTAssertEqual(vi.status, 1)
        XCTAssertEqual(vi.stderr, "Lỗi: \(db): cơ sở dữ liệu bị hỏng hoặc không phải tệp cơ sở dữ liệu; không nhập gì thêm vào tệp này. "
                       + "Hãy khôi phục tệp từ bản sao lưu gần nhất (hoặc dùng một tệp mới) rồi nhập lại các tệp xuất.\n")
        let en = try CommandRunner.run(arguments, environment: Self.english)
        XCTAssertEqual(en.status, 1)
        XCTAssertEqual(en.stderr, "Error: \(db): the database is corrupt or not a database file; nothing more is imported into it. "
                       + "Restore the file from the latest backup (or use a new file) and import the exports again.\n")
        for text in [vi.stderr, en.stderr] {
            for sql in ["SQLite error", "SELECT", "PRAGMA", "file is not a database", "sqlite_master"] {
                XCTAssertFalse(text.contains(sql), text)
            }
        }
    }

    func testNumbersInMessagesFollowTheLanguage() throws {
        let out = dir.appendingPathComponent("gen").path
        let vi = try CommandRunner.run(["generate", "--out", out, "--dossiers", "1200", "--from", "2024-01-01", "--to", "2024-01-31"])
        XCTAssertEqual(vi.status, 0, vi.stderr)
        XCTAssertNotNil(vi.stdout.range(of: #"dossiers\.csv: 1\.200 dòng, \d+,\d MB\."#, options: .regularExpression), vi.stdout)
        XCTAssertNotNil(vi.stdout.range(of: #"; \d+,\d\d giây\.\n$"#, options: .regularExpression), vi.stdout)

        let en = try CommandRunner.run(["generate", "--out", out, "--dossiers", "1200", "--from", "2024-01-01", "--to", "2024-01-31",
                                        "--lang", "en"])
        XCTAssertEqual(en.status, 0, en.stderr)
        XCTAssertNotNil(en.stdout.range(of: #"dossiers\.csv: 1,200 rows, \d+\.\d MB\."#, options: .regularExpression), en.stdout)
        XCTAssertNotNil(en.stdout.range(of: #"; \d+\.\d\d s\.\n$"#, options: .regularExpression), en.stdout)

        let db = dir.appendingPathComponent("gen.sqlite").path
        let imported = try CommandRunner.run(["import", "--db", db, "--units", out + "/units.csv", "--procedures", out + "/procedures.csv",
                                              out + "/dossiers.csv"], environment: Self.english)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("dossiers.csv: read 1,200 rows — new "), imported.stdout)
    }
}
