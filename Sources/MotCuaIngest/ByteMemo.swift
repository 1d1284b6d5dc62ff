import Foundation

/// Remembers what a field's bytes decoded to, for columns whose values
/// repeat from row to row: unit and procedure codes and names, statuses,
/// channels, officers. A million-row export has a few hundred distinct
/// values in each, and looking bytes up here (hash, compare) costs less than
/// building, trimming and normalising a `String` again, or folding a status
/// word through Foundation (a fifth of the import's time before this memo).
///
/// Holds at most `limit` values; past that, new values are decoded every time.
struct ByteMemo<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var hash: UInt64
        var start: Int
        var count: Int
        var value: Value
    }
    private var entries: [Entry] = []
    /// Open addressing: entry index + 1, 0 for an empty slot.
    private var slots = [Int32](repeating: 0, count: 1024)
    private var keys: [UInt8] = []
    let limit: Int

    init(limit: Int = 50_000) { self.limit = limit }

    mutating func value(for bytes: UnsafeBufferPointer<UInt8>, _ make: (UnsafeBufferPointer<UInt8>) -> Value) -> Value {
        let hash = ByteMemo.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let entry = entries[Int(slots[slot]) - 1]
            if entry.hash == hash && entry.count == bytes.count && keysEqual(entry.start, bytes) { return entry.value }
            slot = (slot + 1) & mask
        }
        let value = make(bytes)
        guard entries.count < limit else { return value }
        entries.append(Entry(hash: hash, start: keys.count, count: bytes.count, value: value))
        keys.append(contentsOf: bytes)
        slots[slot] = Int32(entries.count)
        if entries.count * 2 > slots.count { grow() }
        return value
    }

    private func keysEqual(_ start: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let b = bytes.baseAddress else { return true }
        return keys.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, b, bytes.count) == 0 }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (i, e) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: e.hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(i + 1)
        }
    }

    /// A multiply-rotate hash over eight bytes at a time; not persisted, so its
    /// only duties are speed and spread.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        var i = 0
        while i + 8 <= bytes.count {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            h = ((h ^ w) &* 0xFF51_AFD7_ED55_8CCD)
            h = (h << 29) | (h >> 35)
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count { tail |= UInt64(base[i]) << shift; shift += 8; i += 1 }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 32)
    }
}
