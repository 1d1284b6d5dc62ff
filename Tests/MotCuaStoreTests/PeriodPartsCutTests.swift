import XCTest
import MotCuaCore
@testable import MotCuaStore

/// ``PeriodParts/cut(_:into:leastPiece:)``: whatever the span, the pieces
/// asked for and the least piece, the stretches cover the span exactly, in
/// order, none empty, no more than asked for nor than the span holds least
/// pieces; and they shorten towards the end, where a report's own
/// period costs the most, so that no core is left counting a long last
/// stretch alone.
final class PeriodPartsCutTests: XCTestCase {
    func testStretchesCoverTheSpanInOrderAndShortenTowardsItsEnd() {
        var random = SplitMix64(seed: 2026)
        for _ in 0..<2_000 {
            let low = Int64(random.int(in: 1...1_000_000))
            let length = Int64(random.int(in: 1...(random.int(in: 0...1) == 0 ? 300 : 20_000_000)))
            let span = low...(low + length - 1)
            let pieces = random.int(in: 1...48)
            let least = Int64(random.int(in: 1...70_000))
            let stretches = PeriodParts.cut(span, into: pieces, leastPiece: least)
            let context = "span \(span), \(pieces) pieces of at least \(least)"

            XCTAssertEqual(stretches.first?.lowerBound, span.lowerBound, context)
            XCTAssertEqual(stretches.last?.upperBound, span.upperBound, context)
            for (a, b) in zip(stretches, stretches.dropFirst()) {
                XCTAssertEqual(a.upperBound + 1, b.lowerBound, context)
            }
            XCTAssertLessThanOrEqual(stretches.count, pieces, context)
            XCTAssertEqual(stretches.count, max(1, min(pieces, Int(length / least))), context)
            let lengths = stretches.map { $0.upperBound - $0.lowerBound + 1 }
            XCTAssert(lengths.allSatisfy { $0 >= 1 }, context)
            // Falling, but for a rowid of rounding where two are nearly alike.
            for (a, b) in zip(lengths, lengths.dropFirst()) {
                XCTAssertLessThanOrEqual(b, a + 1, "\(context): \(lengths)")
            }
            if stretches.count > 1, length >= 1_000 * Int64(stretches.count) {
                let ratio = Double(lengths.first!) / Double(lengths.last!)
                XCTAssertEqual(ratio, PeriodParts.firstToLast, accuracy: 0.5, "\(context): \(lengths)")
            }
        }
    }
}
