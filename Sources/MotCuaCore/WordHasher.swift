/// A 64-bit hash fed eight bytes at a time (little-endian words) and mixed by
/// multiply-and-rotate, as in MurmurHash's mixing step. Byte-at-a-time FNV-1a
/// cost the import's reading thread a third of a second per million rows.
///
/// Serves both the import's memo of repeating values (not persisted) and the
/// content digest stored with each dossier (``DossierBatch``, persisted: a
/// change here makes the next import compare every row in full once).
@frozen package struct WordHasher {
    // Inlinable: it runs for every word of every row of an import, from another module.
    @usableFromInline var h: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inlinable package init() {}

    @inlinable package mutating func mix(_ word: UInt64) {
        h = (h ^ (word &* 0x87C3_7B91_1142_53D5)) &* 0x4CF5_AD43_2745_937F
        h = (h << 31) | (h >> 33)
    }

    /// Mixes the bytes as whole words and a last word of the remaining 0–7 bytes.
    @inlinable package mutating func mix(_ bytes: UnsafeBufferPointer<UInt8>) {
        var i = 0
        if let base = bytes.baseAddress {
            while i + 8 <= bytes.count {
                mix(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                i += 8
            }
        }
        // The last 0–7 bytes as one little-endian number, read as two loads
        // that overlap (the overlapping bytes land on the same bits): a byte
        // at a time, the tail was a third of the hash of a short field.
        var tail: UInt64 = 0
        let r = bytes.count &- i
        if r > 0, let base = bytes.baseAddress {
            let p = UnsafeRawPointer(base + i)
            if r >= 4 {
                tail = UInt64(UInt32(littleEndian: p.loadUnaligned(as: UInt32.self)))
                    | UInt64(UInt32(littleEndian: p.loadUnaligned(fromByteOffset: r &- 4, as: UInt32.self))) << UInt64((r &- 4) &* 8)
            } else if r >= 2 {
                tail = UInt64(UInt16(littleEndian: p.loadUnaligned(as: UInt16.self)))
                    | UInt64(UInt16(littleEndian: p.loadUnaligned(fromByteOffset: r &- 2, as: UInt16.self))) << UInt64((r &- 2) &* 8)
            } else {
                tail = UInt64(p.load(as: UInt8.self))
            }
        }
        mix(tail)
    }

    @inlinable package var value: UInt64 {
        let x = h ^ (h >> 33)
        return x &* 0xFF51_AFD7_ED55_8CCD
    }
}
