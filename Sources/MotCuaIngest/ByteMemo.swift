import Foundation
import MotCuaCore

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
    /// The place of the value the last lookup returned among the values
    /// remembered (0, 1, 2… in the order first seen), -1 if it was not
    /// remembered (past `limit`): a small integer a caller can count by
    /// instead of hashing the value again.
    private(set) var lastOrdinal = -1

    init(limit: Int = 50_000) { self.limit = limit }

    mutating func value(for bytes: UnsafeBufferPointer<UInt8>, _ make: (UnsafeBufferPointer<UInt8>) -> Value) -> Value {
        value(for: bytes, in: ()) { _, bytes in make(bytes) }
    }

    /// The value for `bytes`, made from `context` when not remembered. The
    /// context is lent to `make`, not captured: a closure capturing a copy of
    /// the decoder's reference data or vocabulary retained and released their
    /// dictionaries on every row, objects that both reading threads share.
    mutating func value<Context>(for bytes: UnsafeBufferPointer<UInt8>, in context: borrowing Context,
                                 _ make: (borrowing Context, UnsafeBufferPointer<UInt8>) -> Value) -> Value {
        let hash = ByteMemo.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            // Fields read in place: a copy of the entry retained and released its value at every probe.
            let i = Int(slots[slot]) - 1
            if entries[i].hash == hash && entries[i].count == bytes.count && keysEqual(entries[i].start, bytes) {
                lastOrdinal = i
                return entries[i].value
            }
            slot = (slot + 1) & mask
        }
        let value = make(context, bytes)
        guard entries.count < limit else { lastOrdinal = -1; return value }
        lastOrdinal = entries.count
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

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hasher = WordHasher()
        hasher.mix(UInt64(bytes.count))
        hasher.mix(bytes)
        return hasher.value
    }
}
