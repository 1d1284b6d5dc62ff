import MotCuaCore
import XCTest
import MotCuaTestSupport
@testable import MotCuaIngest

/// The evaluations file of docs/rules.md#evaluations, read from real temporary files.
final class EvaluationsFileTests: TemporaryDirectoryTestCase {

    func file(_ text: String, name: String = "danh-gia.csv") throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func testReadsGivenValuesAndSkipsBlanks() throws {
        let path = try file("MaHoSo,CS1,CS4,CS7,Ghi chú\nH1,2,,1,tốt\nH2,,0,,\nH3,,,,\n")
        let (evaluations, rejections) = try EvaluationsFile.read(path: path)
        XCTAssertEqual(rejections, [])
        XCTAssertEqual(evaluations, ["H1": [1: 2, 7: 1], "H2": [4: 0]], "a row with no value adds nothing")
    }

    func testHeadersMatchLikeOtherInputsAndCodesAreNFC() throws {
        let nfd = "HS-Mường".decomposedStringWithCanonicalMapping
        let path = try file("\u{FEFF}Mã hồ sơ;cs 3;Chỉ số 9\n\(nfd);1;2\n")
        let (evaluations, _) = try EvaluationsFile.read(path: path)
        XCTAssertEqual(evaluations, ["HS-Mường".precomposedStringWithCanonicalMapping: [3: 1, 9: 2]])
    }

    func testOutOfRangeIntegersAreKeptForTheScorerToWarnAbout() throws {
        let path = try file("MaHoSo,CS1,CS2\nH1,3,-1\n")
        let (evaluations, rejections) = try EvaluationsFile.read(path: path)
        XCTAssertEqual(rejections, [])
        XCTAssertEqual(evaluations["H1"], [1: 3, 2: -1])
    }

    func testNonIntegerValueRejectsTheRowNamingLineAndColumn() throws {
        let path = try file("MaHoSo,CS1,CS6\nH1,2,1\n\"H2\",1,\"1,5\"\nH3,tốt,2\n,1,1\n")
        let (evaluations, rejections) = try EvaluationsFile.read(path: path)
        XCTAssertEqual(evaluations, ["H1": [1: 2, 6: 1]], "a rejected row contributes nothing")
        XCTAssertEqual(rejections.map(\.line), [3, 4, 5])
        XCTAssertEqual(rejections.map(\.column), ["CS6", "CS1", "MaHoSo"])
        XCTAssertEqual(rejections[0].value, "1,5")
        XCTAssertEqual(rejections[0].file, "danh-gia.csv")
        XCTAssertEqual(rejections[1].text(.vi), "danh-gia.csv, dòng 4, cột CS1: Điểm đánh giá phải là số nguyên (0, 1 hoặc 2).")
        XCTAssertEqual(rejections[1].text(.en),
                       "danh-gia.csv, line 4, column CS1: The evaluation points must be a whole number (0, 1 or 2).")
    }

    func testRepeatedDossierLinesMergeWithTheLaterValueWinning() throws {
        let path = try file("MaHoSo,CS1,CS7\nH1,2,\nH1,,1\nH1,0,\n")
        let (evaluations, _) = try EvaluationsFile.read(path: path)
        XCTAssertEqual(evaluations, ["H1": [1: 0, 7: 1]])
    }

    func testHeaderWithoutCodeOrIndicatorColumnsIsAFileError() throws {
        for text in ["CS1,CS2\n2,1\n", "MaHoSo,Điểm\nH1,2\n"] {
            XCTAssertThrowsError(try EvaluationsFile.read(path: try file(text))) { error in
                let e = error as? Message
                XCTAssertEqual(e?.place.line, 1)
                XCTAssertTrue(e?.text(.en).contains("MaHoSo") == true, "\(error)")
            }
        }
    }

    func testMissingFileIsAFileError() {
        XCTAssertThrowsError(try EvaluationsFile.read(path: dir.appendingPathComponent("khong-co.csv").path)) {
            XCTAssertTrue($0 is Message)
        }
    }
}
