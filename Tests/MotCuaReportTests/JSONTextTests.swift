import Foundation
import XCTest
@testable import MotCuaReport

/// ``JSONText`` must write what `JSONEncoder` writes with the report's options.
final class JSONTextTests: XCTestCase {
    private func encoded(_ value: JSONValue) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    func testRandomTreesAreWrittenAsJSONEncoderWritesThem() throws {
        var random = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", "10", "9", "ä", "Đồng", "e\u{0301}", "é", "/", "\"", "\\", "\n", "\t", "\r", "\u{8}", "\u{C}",
                      "\u{1}", "\u{1F}", "\u{7F}", "\u{2028}", "😀", " ", "tt01", "index766", ""]
        func text() -> String { (0..<Int.random(in: 0...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined() }
        func double() -> Double {
            switch Int.random(in: 0...5, using: &random) {
            case 0: return Double(Int.random(in: -1_000...1_000, using: &random))
            case 1: return [0.0, -0.0, 0.1, 1e-5, 1e15, 1e16, 1e20, 5e-324, .greatestFiniteMagnitude, 2.5e-7].randomElement(using: &random)!
            case 2: return Double(Int.random(in: 0...10_000, using: &random)) / 100
            default:
                let x = Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &random))
                return x.isFinite ? x : 1
            }
        }
        func value(depth: Int) -> JSONValue {
            switch Int.random(in: 0...(depth < 4 ? 7 : 4), using: &random) {
            case 0: return .int(Int.random(in: Int.min...Int.max, using: &random) >> Int.random(in: 0...63, using: &random))
            case 1: return .double(double())
            case 2: return .string(text())
            case 3: return .bool(Bool.random(using: &random))
            case 4: return .null
            case 5: return .array((0..<Int.random(in: 0...4, using: &random)).map { _ in value(depth: depth + 1) })
            default:
                var o: [String: JSONValue] = [:]
                for _ in 0..<Int.random(in: 0...5, using: &random) { o[text()] = value(depth: depth + 1) }
                return .object(o)
            }
        }
        for _ in 0..<3_000 {
            let v = value(depth: 0)
            XCTAssertEqual(try JSONText.prettyPrinted(v), try encoded(v), "\(v)")
        }
    }

    func testNonFiniteNumbersAreRefusedLikeJSONEncoderRefusesThem() {
        for x in [Double.nan, .infinity, -.infinity] {
            XCTAssertThrowsError(try encoded(.array([.double(x)])))
            XCTAssertThrowsError(try JSONText.prettyPrinted(.array([.double(x)])))
        }
    }
}
