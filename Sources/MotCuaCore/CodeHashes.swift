/// The 64-bit hashes of the MaHoSo met so far in a `report --input` read
/// (mã hồ sơ đã gặp), from each batch's ``BatchTally``: an open-addressed table of the
/// hashes themselves, probed linearly from the hash's top bits.
///
/// A `Set<UInt64>` hashed each (already mixed) hash again with SipHash and
/// grew by rehashing: a quarter of the calling thread's time in `report
/// --input` on a million rows (perf, BENCHMARKS.md).
package struct CodeHashes: Sendable {
    /// 0 marks an empty slot.
    private var slots: [UInt64]
    /// How far a hash is shifted to give its first slot: 64 minus log2 of the slot count.
    private var shift: UInt64
    package private(set) var count = 0

    package init() { self.init(expected: 0) }

    /// A table sized for about `expected` codes, so that reading them does not
    /// rehash the table as it fills (each growth re-inserted every hash met).
    package init(expected: Int) {
        var slots = 1 << 16
        while Self.tooFull(expected, slots: slots) && slots < 1 << 30 { slots *= 2 }
        self.slots = [UInt64](repeating: 0, count: slots)
        shift = 64 - UInt64(slots.trailingZeroBitCount)
    }

    /// Adds `hash`; false when it was there already. The hash 0 is kept as 1:
    /// two codes then count as one, which, like any collision, only sends the
    /// report to the store (``RepeatedDossierCode``).
    package mutating func insert(_ hash: UInt64) -> Bool {
        if Self.tooFull(count + 1, slots: slots.count) { grow() }
        let inserted = CodeHashes.insert(hash == 0 ? 1 : hash, into: &slots, shift: shift)
        if inserted { count += 1 }
        return inserted
    }

    /// Whether `count` hashes would fill more than 70 % of `slots`, where linear probes grow long.
    private static func tooFull(_ count: Int, slots: Int) -> Bool { count * 10 > slots * 7 }

    private static func insert(_ key: UInt64, into slots: inout [UInt64], shift: UInt64) -> Bool {
        slots.withUnsafeMutableBufferPointer { s in
            let mask = s.count - 1
            var i = Int(truncatingIfNeeded: key >> shift)
            while true {
                let v = s[i]
                if v == key { return false }
                if v == 0 { s[i] = key; return true }
                i = (i + 1) & mask
            }
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        shift -= 1
        for key in old where key != 0 { _ = CodeHashes.insert(key, into: &slots, shift: shift) }
    }
}
