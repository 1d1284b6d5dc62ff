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
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count { tail |= UInt64(bytes[i]) << shift; shift += 8; i += 1 }
        mix(tail)
    }

    @inlinable package var value: UInt64 {
        let x = h ^ (h >> 33)
        return x &* 0xFF51_AFD7_ED55_8CCD
    }
}
