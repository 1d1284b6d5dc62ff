import XCTest
@testable import MotCuaCore

/// ``CodeHashes`` must say what a `Set<UInt64>` says of the same hashes,
/// through every growth of its table, except that 0 and 1 are one key.
final class CodeHashesTests: XCTestCase {
    func testInsertAgreesWithASetThroughEveryGrowth() {
        var random = SystemRandomNumberGenerator()
        var hashes = CodeHashes()
        var set = Set<UInt64>()
        // Few distinct values among many draws, so that repeats are common; top bits alike, so that probes run long.
        let pool = (0..<150_000).map { _ in UInt64.random(in: 2...UInt64.max, using: &random) }
        let clustered = (0..<5_000).map { UInt64($0) << 40 | 0xFFFF }
        for _ in 0..<400_000 {
            let h = Bool.random(using: &random) ? pool.randomElement(using: &random)! : clustered.randomElement(using: &random)!
            XCTAssertEqual(hashes.insert(h), set.insert(h).inserted, "\(h)")
        }
        XCTAssertEqual(hashes.count, set.count)
        XCTAssertGreaterThan(hashes.count, 1 << 16, "the table grew several times")
    }

    /// Sized beforehand, for fewer codes than come or for many more, the table says the same.
    func testASizedTableAgreesWithASet() {
        var random = SystemRandomNumberGenerator()
        for expected in [0, 1_000, 70_000, 3_000_000] {
            var hashes = CodeHashes(expected: expected)
            var set = Set<UInt64>()
            let pool = (0..<60_000).map { _ in UInt64.random(in: 2...UInt64.max, using: &random) }
            for _ in 0..<120_000 {
                let h = pool.randomElement(using: &random)!
                XCTAssertEqual(hashes.insert(h), set.insert(h).inserted, "\(h), expected \(expected)")
            }
            XCTAssertEqual(hashes.count, set.count)
        }
    }

    func testZeroAndOneAreOneCode() {
        var hashes = CodeHashes()
        XCTAssertTrue(hashes.insert(0))
        XCTAssertFalse(hashes.insert(1))
        XCTAssertFalse(hashes.insert(0))
        XCTAssertTrue(hashes.insert(2))
    }
}
