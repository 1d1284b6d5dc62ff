import Foundation
import XCTest
@testable import MotCuaIngest

/// The NFC fast path must agree with Foundation's normalisation on Vietnamese text.
final class TextFoldingTests: XCTestCase {
    func testNFCAgreesWithFoundationForEveryVietnameseLetterInBothForms() {
        let vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
        let tones = ["", "\u{0300}", "\u{0301}", "\u{0303}", "\u{0309}", "\u{0323}"]
        var words: [String] = ["đ", "Đ", "Mường Khoa", "UBND xã Trung Đồng", "Ω", "K", "Å", "한국", "ABC-123"]
        for v in vowels {
            for t in tones {
                let letter = (v + t).precomposedStringWithCanonicalMapping
                words += [letter, letter.uppercased(), "Ng" + letter + "n", "x" + letter.uppercased() + "y"]
            }
        }
        for w in words {
            for form in [w, w.decomposedStringWithCanonicalMapping, w.precomposedStringWithCanonicalMapping] {
                let expected = form.precomposedStringWithCanonicalMapping
                XCTAssertEqual(Array(TextFolding.nfc(form).unicodeScalars), Array(expected.unicodeScalars), "\(form.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    func testTrimmingKeepsInnerSpacesAndRemovesEdgesAndBOM() {
        XCTAssertEqual("  Mường Khoa \t".trimmedSpaces, "Mường Khoa")
        XCTAssertEqual("\u{FEFF}MaHoSo".trimmedSpaces, "MaHoSo")
        XCTAssertEqual("Hà\u{00A0}".trimmedSpaces, "Hà")
        XCTAssertEqual("a b".trimmedSpaces, "a b")
        XCTAssertEqual("".trimmedSpaces, "")
        XCTAssertEqual("   ".trimmedSpaces, "")
    }
}
