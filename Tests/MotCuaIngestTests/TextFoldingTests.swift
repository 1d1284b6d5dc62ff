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

    /// ASCII is skipped a word at a time: what follows a prefix of any
    /// length, at any place in a word, must still be composed.
    func testNFCAfterASCIIPrefixesOfEveryLength() {
        let tails = ["e\u{0301}", "\u{1100}\u{1161}", "\u{2126}", "\u{212A}", "a\u{1DC4}", "Đ", "ệ", "e\u{0323}\u{0302}", "x"]
        for length in 0...17 {
            let prefix = String(String(repeating: "H29.", count: 5).prefix(length))
            for tail in tails {
                for text in [prefix + tail, prefix + tail + prefix, tail + prefix + tail] {
                    XCTAssertEqual(Array(TextFolding.nfc(text).unicodeScalars),
                                   Array(text.precomposedStringWithCanonicalMapping.unicodeScalars), text)
                }
            }
        }
    }

    /// The folding before its ASCII paths, scalar by scalar through Foundation.
    private static func referenceFold(_ s: String, words: Bool) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in s.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue
            case 0x0110, 0x0111:
                if words && pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append("d")
            default:
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    if words && pendingSpace && !out.isEmpty { out.append(" ") }
                    pendingSpace = false
                    out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
                } else {
                    pendingSpace = true
                }
            }
        }
        return String(out)
    }

    func testKeysAndWordsFoldAsScalarByScalarThroughFoundation() {
        var random = SystemRandomNumberGenerator()
        let pieces = ["Ngày", "tiếp", "NHẬN", "Đồng", "đ", "_", "-", " ", "  ", "\t", "1", "Ⅻ", "²", "ß", "İ", "Σ", "ǅ", "Å", "ﬁ",
                      "MaHoSo", "UBND xã", "(", ".", "ư\u{0301}", "e\u{0323}\u{0302}", "\u{0300}", "½", "٣", "가", "ABC", "z"]
        for _ in 0..<5_000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...6, using: &random) { s += pieces.randomElement(using: &random)! }
            for form in [s, s.decomposedStringWithCanonicalMapping, s.precomposedStringWithCanonicalMapping] {
                XCTAssertEqual(TextFolding.key(form), Self.referenceFold(form, words: false), form)
                XCTAssertEqual(TextFolding.words(form), Self.referenceFold(form, words: true), form)
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

/// Property tests of the byte-level helpers against the standard library and Foundation.
final class ByteLevelTextTests: XCTestCase {
    func testVietnameseCompositionAgreesWithFoundationOnRandomMarkSequences() {
        var random = SystemRandomNumberGenerator()
        let bases: [Unicode.Scalar] = ["a", "e", "o", "u", "y", "A", "O", "ă", "ê", "ơ", "ư", "đ", "q", "1", " ", "α", "가"]
        let marks: [Unicode.Scalar] = ["\u{0300}", "\u{0301}", "\u{0302}", "\u{0303}", "\u{0306}", "\u{0309}", "\u{031B}",
                                       "\u{0323}", "\u{0327}", "\u{0340}", "\u{0345}", "\u{05B0}", "\u{1DC4}", "\u{1161}"]
        for _ in 0..<20_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                text.append(bases.randomElement(using: &random)!)
                for _ in 0..<Int.random(in: 0...3, using: &random) { text.append(marks.randomElement(using: &random)!) }
            }
            let s = String(text)
            let expected = s.precomposedStringWithCanonicalMapping
            XCTAssertEqual(Array(TextFolding.nfc(s).unicodeScalars), Array(expected.unicodeScalars),
                           "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    func testUTF8CheckAgreesWithTheStandardLibrary() {
        var random = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [Array("Mường Khoa, ".utf8), [0xC3], [0xA9], [0xE2, 0x82], [0xAC], [0xF0, 0x9F, 0x98, 0x80],
                                 [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xFF], Array("abcdefgh".utf8), [0x0A]]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...8, using: &random) { bytes += pieces.randomElement(using: &random)! }
            let first = bytes.withUnsafeBufferPointer { UTF8Check.firstInvalidByte(in: $0) }
            XCTAssertEqual(first == nil, String(validating: bytes, as: UTF8.self) != nil, "\(bytes)")
            XCTAssertEqual(first, Self.firstInvalidByte(bytes), "\(bytes)")
        }
    }

    /// The first byte where no valid UTF-8 sequence starts, scalar by scalar:
    /// the longest prefix the standard library accepts ends at a scalar boundary.
    static func firstInvalidByte(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let length = bytes[i] < 0x80 ? 1 : bytes[i] < 0xE0 ? 2 : bytes[i] < 0xF0 ? 3 : 4
            guard i + length <= bytes.count, String(validating: bytes[i..<i + length], as: UTF8.self) != nil else { return i }
            i += length
        }
        return nil
    }

    func testMemoReturnsWhatWasMadeForTheSameBytesOnly() {
        var memo = ByteMemo<String>(limit: 100)
        var made = 0
        for i in 0..<1_000 {
            let key = Array("UBND xã \(i % 150)".utf8)
            let value = key.withUnsafeBufferPointer { memo.value(for: $0) { made += 1; return String(decoding: $0, as: UTF8.self) } }
            XCTAssertEqual(value, "UBND xã \(i % 150)")
        }
        // 100 values are remembered; the 50 beyond the limit are made each time.
        // Keys 0–99 are remembered when first seen; keys 100–149, beyond the limit, are made at
        // each of their 6 × 50 appearances.
        XCTAssertEqual(made, 100 + 300)
    }
}
