/// A small, fast, seedable pseudo-random generator (SplitMix64, Steele,
/// Lea & Flood 2014).
///
/// Used wherever the product or its tests need repeatable randomness: the data
/// generator must give byte-identical files for the same arguments on every
/// run and every machine, and property tests must replay the same cases. It never touches `SystemRandomNumberGenerator`
/// or Foundation, and the helpers below use only integer arithmetic and basic
/// floating-point operations (no `log`/`exp`, whose last bits may differ
/// between C libraries).
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    /// A generator for an independent stream: the same seed with another
    /// `stream` gives unrelated numbers, so the unit tree, the catalogue and
    /// the dossiers do not shift when one of them draws more numbers.
    package init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
        state = mixer.next()
    }

    @inline(__always)
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`, 53 bits.
    @inline(__always)
    package mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform in `0..<n` (multiply-shift; the bias is below 2⁻³² for the
    /// small ranges used here).
    @inline(__always)
    package mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        return Int((UInt64(truncatingIfNeeded: next() >> 32) &* UInt64(n)) >> 32)
    }

    /// Uniform in `range`.
    @inline(__always)
    package mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// Uniform in `[a, b)`.
    @inline(__always)
    package mutating func double(_ a: Double, _ b: Double) -> Double { a + (b - a) * unit() }

    /// True with probability `p`.
    @inline(__always)
    package mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// An element of a non-empty array.
    @inline(__always)
    package mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
