import Foundation
import XCTest
import MotCuaTestSupport

/// `summary:` in a report entry of the run configuration (docs/rules.md#summary):
/// the same text as `report --summary`.
final class RunSummaryTests: UnattendedRunTestCase {
    func testARunWritesTheSummaryTextBesideTheWorkbook() throws {
        try writeConfig(reports: """
            reports:
              - period: 2020-10
                unit: TU
                out: out/{unit}/{period}.xlsx
                summary: out/{unit}/{period}-tom-tat.txt
            """)
        let export = try String(contentsOf: sample.appendingPathComponent("dossiers.csv"), encoding: .utf8)
        try export.write(to: inbox.appendingPathComponent("2020-11-05.csv"), atomically: true, encoding: .utf8)
        try settle("2020-11-05.csv")
        let r = try run(today: "2020-11-06")
        XCTAssertEqual(r.status, 0, r.stderr)
        let text = try String(contentsOf: dir.appendingPathComponent("out/TU/2020-10-tom-tat.txt"), encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("Trong tháng 10 năm 2020, UBND huyện Tân Uyên tiếp nhận 1.907 hồ sơ"), text)
        XCTAssertTrue(text.contains("tỷ lệ giải quyết đúng hạn đạt 99,1%"), text)
        XCTAssertTrue(text.contains("So với kỳ trước (tháng 9 năm 2020)"), text)
        XCTAssertTrue(text.contains("Cùng kỳ năm trước (tháng 10 năm 2019) không có số liệu để so sánh."), text)

        // The same text as report --summary over the same database.
        let direct = dir.appendingPathComponent("direct.txt").path
        let d = try CommandRunner.run(["report", "--db", database, "--period", "2020-10", "--unit", "TU",
                                       "--out", dir.appendingPathComponent("d.xlsx").path, "--summary", direct])
        XCTAssertEqual(d.status, 0, d.stderr)
        XCTAssertEqual(try String(contentsOfFile: direct, encoding: .utf8), text)
    }
}
