import XCTest
@testable import MotCuaIngest

/// The sixteen-byte check (C, `motcua_utf8_valid`) must say what the byte-by-byte
/// one says, for every kind of sequence wherever it falls against the blocks.
final class UTF8CheckTests: XCTestCase {
    private func agree(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
        bytes.withUnsafeBufferPointer { b in
            let scalar = UTF8Check.scalarFirstInvalidByte(in: b)
            XCTAssertEqual(UTF8Check.firstInvalidByte(in: b), scalar, "\(bytes)", file: file, line: line)
            // The reference itself against the standard library's decoder.
            XCTAssertEqual(scalar == nil, String(validating: bytes, as: UTF8.self) != nil, "\(bytes)", file: file, line: line)
        }
    }

    /// Every sequence of one to three bytes, and the four-byte leads with
    /// every second byte, at each place from the end of one block into the next.
    func testEverySequenceOfUpToThreeBytesAtEveryPlaceAroundABlockEdge() {
        var sequences: [[UInt8]] = []
        for a in 0...255 { sequences.append([UInt8(a)]) }
        for a in 0xC0...0xFF { for b in 0...255 { sequences.append([UInt8(a), UInt8(b)]) } }
        for a in 0xE0...0xEF { for b in 0x80...0xBF { for c in [0x00, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF] {
            sequences.append([UInt8(a), UInt8(b), UInt8(c)])
        } } }
        for a in 0xF0...0xF7 { for b in 0...255 { sequences.append([UInt8(a), UInt8(b), 0x80, 0x80]) } }
        for a in 0xF0...0xF4 { for b in [0x80, 0x8F, 0x90, 0xBF] { for d in [0x7F, 0x80, 0xBF, 0xC0] {
            sequences.append([UInt8(a), UInt8(b), 0x80, UInt8(d)])
        } } }
        for s in sequences {
            for place in [0, 12, 13, 14, 15, 16, 29] {
                let before = [UInt8](repeating: 0x61, count: place)
                agree(before + s + [UInt8](repeating: 0x61, count: 20))
                agree(before + s)  // at the very end: the last block is partial or full
            }
        }
    }

    /// Random Vietnamese-like text (NFC and NFD letters, ASCII runs) with a
    /// damaged byte now and then, in every length up to several blocks.
    func testRandomTextWithDamage() {
        let pieces: [[UInt8]] = ["a", "Đ", "ệ", "ư", "e\u{0302}\u{0301}", "𝄞", ";", "0123456789", " ", "\r\n", "Nguyễn"]
            .map { Array($0.utf8) }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &rng) { bytes += pieces.randomElement(using: &rng)! }
            if !bytes.isEmpty && Int.random(in: 0..<3, using: &rng) == 0 {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0x80...0xFF, using: &rng)
            }
            if !bytes.isEmpty && Int.random(in: 0..<5, using: &rng) == 0 { bytes.removeLast() }
            agree(bytes)
        }
    }

    /// Long valid text (the early stop looks every 64 KB) with one bad byte
    /// placed on either side of such a look, found at its exact offset.
    func testOneBadByteInALongTextIsFoundWhereItIs() {
        let text = Array(String(repeating: "Đăng ký khai sinh;Hộ tịch;01/01/2024 06:10:01\n", count: 4_000).utf8)
        for place in [0, 65_535, 65_536, 65_551, 131_072, text.count - 1] {
            // An ASCII byte at or after the place, so that the damage starts there.
            let bad = text[place...].firstIndex { $0 < 0x80 }!
            var bytes = text
            bytes[bad] = 0xFF
            bytes.withUnsafeBufferPointer { XCTAssertEqual(UTF8Check.firstInvalidByte(in: $0), bad) }
        }
        text.withUnsafeBufferPointer { XCTAssertNil(UTF8Check.firstInvalidByte(in: $0)) }
    }
}
