import Foundation
import XCTest

/// `motcua check --published`: the Tân Uyên appendix checked on its own and
/// against the sample dossiers it was computed from.
final class CheckCommandTests: SampleDataTestCase {
    var reference: String { sample.appendingPathComponent("published-phu-luc-2020-10.csv").path }



    /// The findings of a group: the indented lines under its heading.
    func group(_ heading: String, in output: String) -> [String] {
        let lines = output.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix(heading) }) else { return [] }
        return Array(lines[(start + 1)...].prefix { $0.hasPrefix("  ") }).map { String($0.dropFirst(2)) }
    }

    /// A copy of the reference with cells replaced: (line index from 1 = first data row, column name, text).
    func modifiedReference(_ changes: [(row: Int, column: String, text: String)]) throws -> String {
        var lines = try String(contentsOfFile: reference, encoding: .utf8).components(separatedBy: "\n")
        let header = lines[0].components(separatedBy: ",")
        for change in changes {
            var cells = lines[change.row].components(separatedBy: ",")
            cells[header.firstIndex(of: change.column)!] = change.text
            lines[change.row] = cells.joined(separator: ",")
        }
        let path = dir.appendingPathComponent("published.csv").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let row5 = "STT 5 – UBND xã Trung Đồng: các cột mức độ cộng lại 65, không phải 68 như cột Tổng số HSTN (hstn_tong): "
        + "3 hồ sơ không thuộc cột mức độ nào — có thể là hồ sơ chưa xác định mức độ (thủ tục ngoài danh mục "
        + "hoặc không phải mức độ 2, 3, 4), được tính vào tổng số."
    static let total = "TỔNG CỘNG: các cột mức độ cộng lại 1.904, không phải 1.907 như cột Tổng số HSTN (hstn_tong): "
        + "3 hồ sơ không thuộc cột mức độ nào — có thể là hồ sơ chưa xác định mức độ (thủ tục ngoài danh mục "
        + "hoặc không phải mức độ 2, 3, 4), được tính vào tổng số; chênh lệch này đến từ STT 5 – UBND xã Trung Đồng."

    /// The reference's only gap: row 5's levels (65 of 68), and the total row that carries it.
    /// Everything else adds up: channels, pending (row 5: 0 + 68 − 65 = 3), rates, column sums.
    func testReferenceTableReportsRow5LevelGap() throws {
        let result = try CommandRunner.run(["check", "--published", reference])
        XCTAssertEqual(result.status, 1, "findings give exit code 1\n\(result.stdout)\(result.stderr)")
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(group("Dòng tự mâu thuẫn", in: result.stdout), [Self.row5, Self.total])
        XCTAssertTrue(result.stdout.hasPrefix(
            "Đối chiếu bảng công bố published-phu-luc-2020-10.csv: 12 dòng (11 đơn vị và dòng tổng cộng).\n"), result.stdout)
        XCTAssertFalse(result.stdout.contains("Khác với số liệu"), "no period: no comparison")
        XCTAssertEqual(result.stdout.components(separatedBy: "\n").last { !$0.isEmpty },
                       "Kết quả: 2 phát hiện ở 2 dòng tự mâu thuẫn; chưa so sánh với số liệu tính từ hồ sơ (thêm --period để so sánh).")
    }

    func testReferenceInEnglish() throws {
        let result = try CommandRunner.run(["check", "--published", reference, "--lang", "en"])
        XCTAssertEqual(result.status, 1)
        let findings = group("Rows that do not add up", in: result.stdout)
        XCTAssertEqual(findings.count, 2)
        XCTAssertTrue(findings[0].hasPrefix("Row 5 – UBND xã Trung Đồng: the level columns add up to 65, not 68"), findings[0])
    }

    func testSampleDossiersReproduceEveryPublishedCell() throws {
        let result = try CommandRunner.run(["check", "--published", reference, "--period", "2020-10"] + inputs)
        XCTAssertEqual(result.status, 1, "row 5 still does not add up\n\(result.stderr)")
        XCTAssertEqual(group("Khác với số liệu tính từ hồ sơ, kỳ 2020-10 (0)", in: result.stdout), ["không có."], result.stdout)
        XCTAssertEqual(group("Dòng tự mâu thuẫn", in: result.stdout), [Self.row5, Self.total])
        XCTAssertTrue(result.stdout.hasSuffix(
            "Kết quả: 2 phát hiện ở 2 dòng tự mâu thuẫn; 0 ô khác số liệu tính từ hồ sơ kỳ 2020-10 "
            + "(đã so sánh 215 ô của 12 dòng), 0 dòng chỉ có ở một bên.\n"), result.stdout)
    }

    func testTwoChangedCellsAreExactlyTheDifferences() throws {
        // Mường Khoa's level-2 catalogue count (in no consistency rule) and Phúc Khoa's rate, written "96,2".
        let path = try modifiedReference([(2, "tthc_md2", "340"), (7, "ty_le_giai_quyet", "\"96,2\"")])
        let result = try CommandRunner.run(["check", "--published", path, "--period", "2020-10"] + inputs)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(group("Khác với số liệu tính từ hồ sơ, kỳ 2020-10 (2)", in: result.stdout), [
            "STT 2 – UBND xã Mường Khoa: TTHC mức độ 2 (tthc_md2): công bố 340, tính từ hồ sơ 348.",
            "STT 7 – UBND xã Phúc Khoa: Tỷ lệ giải quyết % (ty_le_giai_quyet): công bố 96,2, tính từ hồ sơ 96,1.",
        ], result.stdout)
        // The rate no longer matches its own row either (124 / 129 = 96.12 %).
        XCTAssertEqual(group("Dòng tự mâu thuẫn", in: result.stdout), [
            Self.row5,
            "STT 7 – UBND xã Phúc Khoa: tỷ lệ giải quyết ghi 96,2, nhưng đã giải quyết (mức độ 2–4) / (tồn + tiếp nhận) "
                + "= 124 / (0 + 129) = 96,1 % — có thể tỷ lệ tính cả hồ sơ đã giải quyết chưa xác định mức độ.",
            Self.total,
        ])
    }

    func testATableThatAddsUpExitsZero() throws {
        // Row 5's three dossiers of unknown level written as level 2, in the row and in the total.
        let path = try modifiedReference([(5, "hstn_md2", "60"), (12, "hstn_md2", "1195")])
        let result = try CommandRunner.run(["check", "--published", path])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(group("Dòng tự mâu thuẫn", in: result.stdout), ["không có."])
    }

    func testACellThatIsNotANumberNamesFileLineAndColumn() throws {
        let path = try modifiedReference([(3, "ho_so_ton", "n/a")])
        let result = try CommandRunner.run(["check", "--published", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "Lỗi: published.csv, dòng 4, cột ho_so_ton: \"n/a\" không phải một số nguyên không âm.\n")
    }

    /// The same table as an office might type it: the appendix's Vietnamese headers, semicolons,
    /// "1.907" with a thousands dot, "95,5" with a decimal comma, "-" for a blank, a GHI CHÚ column.
    func testVietnameseHeadersAndNumberFormatsReadTheSame() throws {
        let header = "STT;Tên cơ quan;Tổng số HSTN;Tổng số TTHC;HSTN mức độ 2;TTHC mức độ 2;HSTN mức độ 3 trực tiếp;"
            + "HSTN mức độ 3 trực tuyến;TTHC mức độ 3;HSTN mức độ 4 trực tiếp;HSTN mức độ 4 trực tuyến;TTHC mức độ 4;"
            + "Hồ sơ tồn;Tiếp nhận MCĐT;Tiếp nhận trực tuyến;Đã giải quyết mức độ 2;Đã giải quyết mức độ 3;"
            + "Đã giải quyết mức độ 4;Chưa giải quyết;Tỷ lệ giải quyết %;Ghi chú"
        let rows = try String(contentsOfFile: reference, encoding: .utf8).components(separatedBy: "\n").dropFirst()
            .filter { !$0.isEmpty }
            .map { line -> String in
                let cells = line.components(separatedBy: ",").map { cell -> String in
                    if let n = Int(cell), n >= 1000 { return "\(n / 1000).\(String(format: "%03d", n % 1000))" }
                    return cell.replacingOccurrences(of: ".", with: ",")
                }
                return (cells.dropLast() + [cells.last!.isEmpty ? "-" : cells.last!, ""]).joined(separator: ";")
            }
        XCTAssertTrue(rows.last!.hasPrefix("TỔNG CỘNG;;1.907;364;1.192;"), rows.last!)
        XCTAssertTrue(rows[0].hasSuffix(";95,5;"), rows[0])
        let path = dir.appendingPathComponent("phu-luc-tieng-viet.csv").path
        try ([header] + rows).joined(separator: "\r\n").write(toFile: path, atomically: true, encoding: .utf8)

        let result = try CommandRunner.run(["check", "--published", path, "--period", "2020-10"] + inputs)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(group("Dòng tự mâu thuẫn", in: result.stdout), [Self.row5, Self.total])
        XCTAssertEqual(group("Khác với số liệu tính từ hồ sơ, kỳ 2020-10 (0)", in: result.stdout), ["không có."], result.stdout)
    }

    func testAnUnquotedDecimalCommaIsCaughtNotMisread() throws {
        let path = try modifiedReference([(1, "ty_le_giai_quyet", "95,5")])
        let result = try CommandRunner.run(["check", "--published", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("Lỗi: published.csv, dòng 2: dòng có 21 ô, nhiều hơn 20 cột của tiêu đề"), result.stderr)
    }

    func testBadUsageExitsTwo() throws {
        XCTAssertEqual(try CommandRunner.run(["check"]).status, 2, "--published is required")
        XCTAssertEqual(try CommandRunner.run(["check", "--published", reference] + inputs).status, 2, "--input needs a period")
        XCTAssertEqual(try CommandRunner.run(["check", "--published", reference, "--period", "2020-13"]).status, 2)
    }

    func testHelpDocumentsTheExitCodes() throws {
        let help = try CommandRunner.run(["check", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("Mã thoát: 0 bảng khớp hoàn toàn; 1 có phát hiện"), help.stdout)
    }
}

/// `motcua check --period` without a published table: the period's data-quality findings.
final class DataQualityCheckCommandTests: XCTestCase {
    func testListsTheFindingsOfThePeriod() throws {
        let s = CommandRunner.repositoryRoot.appendingPathComponent("SampleData/tan-uyen-2020-10")
        let result = try CommandRunner.run(["check", "--input", s.appendingPathComponent("dossiers.csv").path,
                                            "--units", s.appendingPathComponent("units.csv").path,
                                            "--procedures", s.appendingPathComponent("procedures.csv").path,
                                            "--period", "2020-10"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Không xác định được mức độ DVC (3):"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Trễ hạn, quá hạn không có phiếu xin lỗi (1):"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Tổng cộng 5 phát hiện."), result.stdout)
        XCTAssertEqual(try CommandRunner.run(["check"]).status, 2, "needs --published or --period")
    }
}
