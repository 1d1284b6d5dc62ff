import XCTest
@testable import MotCuaCLI

/// `{unit}` and `{period}` in the run configuration's output paths (issue 14).
final class OutputPatternTests: XCTestCase {
    let config = URL(fileURLWithPath: "/srv/motcua")

    func testHostileUnitCodesStayOneComponentInsideTheFolder() throws {
        for code in ["../../etc/cron.d/x", "..", ".", "/etc/passwd", "a/../../b", "-rf", "..\\..\\x", "TU\u{0}x", ""] {
            let path = try OutputPattern.fill("out/{unit}/{period}.xlsx", unit: code, period: "2020-10", relativeTo: config)
            XCTAssertTrue(path.hasPrefix("/srv/motcua/out/"), "\(code) → \(path)")
            XCTAssertEqual(path.split(separator: "/").count, 5, "\(code) → \(path)")
            XCTAssertTrue(path.hasSuffix("/2020-10.xlsx"), path)
        }
        XCTAssertEqual(try OutputPattern.fill("out/{unit}/{period}.xlsx", unit: "TU.BPMC", period: "2020-10", relativeTo: config),
                       "/srv/motcua/out/TU.BPMC/2020-10.xlsx")
        XCTAssertEqual(try OutputPattern.fill("/var/bao-cao/{period}-{unit}.json", unit: "TU", period: "2020-Q3", relativeTo: config),
                       "/var/bao-cao/2020-Q3-TU.json")
    }

    func testAPatternThatClimbsOutByItselfIsAllowedOnlyAsWritten() throws {
        // The officer's own "../" before the placeholders is the officer's choice.
        XCTAssertEqual(try OutputPattern.fill("../chung/{unit}.xlsx", unit: "TU", period: "x", relativeTo: config),
                       "/srv/chung/TU.xlsx")
    }
}
