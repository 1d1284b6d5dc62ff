import XCTest
@testable import MotCuaCore

/// The hash is stored with every dossier (its content digest): feeding the
/// last bytes of a field as two overlapping loads must give what feeding them
/// a byte at a time gave, for every length and alignment.
final class WordHasherTests: XCTestCase {
    /// The tail as first written: byte by byte into a little-endian word.
    func reference(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hasher = WordHasher()
        var i = 0
        while i + 8 <= bytes.count {
            var word: UInt64 = 0
            for k in 0..<8 { word |= UInt64(bytes[i + k]) << (8 * UInt64(k)) }
            hasher.mix(word)
            i += 8
        }
        var tail: UInt64 = 0, shift: UInt64 = 0
        while i < bytes.count { tail |= UInt64(bytes[i]) << shift; shift += 8; i += 1 }
        hasher.mix(tail)
        return hasher.value
    }

    func testEveryLengthAndAlignmentHashesAsByteByByte() {
        var random = SplitMix64(seed: 118)
        let buffer = (0..<200).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        buffer.withUnsafeBufferPointer { all in
            for start in 0..<9 {
                for count in 0...40 {
                    let bytes = UnsafeBufferPointer(rebasing: all[start..<(start + count)])
                    var hasher = WordHasher()
                    hasher.mix(bytes)
                    XCTAssertEqual(hasher.value, reference(bytes), "start \(start), \(count) bytes")
                }
            }
        }
        var empty = WordHasher()
        empty.mix(UnsafeBufferPointer(start: nil, count: 0))
        XCTAssertEqual(empty.value, reference(UnsafeBufferPointer(start: nil, count: 0)))
    }
}
