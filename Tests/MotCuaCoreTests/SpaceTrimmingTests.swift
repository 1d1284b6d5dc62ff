import Foundation
import XCTest
@testable import MotCuaCore

final class SpaceTrimmingTests: XCTestCase {
    /// Foundation's trim is the reference: every scalar a calendar, rubric or
    /// configuration line may carry, around and inside random texts.
    func testTrimsWhatFoundationsWhitespaceSetTrims() {
        let pieces: [String] = [" ", "\t", "\u{00A0}", "\u{3000}", "\u{2003}", "\u{202F}", "\u{200B}", "\n", "\r",
                                "\r\n", "\u{0301}", "a", "Đ", "ệ", "e\u{0302}\u{0301}", "#", ",", "2025-05-02", "|",
                                "\u{FEFF}", "\u{1680}", "\u{0085}", "\u{2028}", "nghỉ"]
        var rng = SplitMix64(seed: 20261203)
        for _ in 0..<5_000 {
            var s = ""
            for _ in 0..<Int(rng.next() % 9) { s += pieces[Int(rng.next() % UInt64(pieces.count))] }
            XCTAssertEqual(s.trimmingSpaces(), s.trimmingCharacters(in: .whitespaces), "\(Array(s.unicodeScalars))")
            let sub = s.dropFirst()
            XCTAssertEqual(sub.trimmingSpaces(), sub.trimmingCharacters(in: .whitespaces), "\(Array(sub.unicodeScalars))")
        }
    }

    func testKeepsTheTextBetweenAsItIs() {
        XCTAssertEqual("  Hoán đổi ngày làm việc | Công văn 8 \t".trimmingSpaces(), "Hoán đổi ngày làm việc | Công văn 8")
        XCTAssertEqual(" \t ".trimmingSpaces(), "")
        XCTAssertEqual("".trimmingSpaces(), "")
        XCTAssertEqual("\u{00A0}lam-bu\u{3000}".trimmingSpaces(), "lam-bu")
        XCTAssertEqual("x\r".trimmingSpaces(), "x\r")
    }
}
