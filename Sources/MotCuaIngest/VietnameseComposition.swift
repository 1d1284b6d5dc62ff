import Foundation

/// Canonical composition (NFC) of Latin letters with combining accents, the
/// shape of Vietnamese text exported in NFD ("e" + U+0323 + U+0302 for "ệ").
///
/// Foundation's normaliser costs about a microsecond per string; an NFD
/// export has five or six such fields per row, which made normalisation a
/// third of a million-row import. This table covers every precomposed
/// letter of Latin-1 Supplement, Latin Extended-A/B and Latin Extended
/// Additional (all Vietnamese letters among them): a base letter followed
/// by one or two combining marks in canonical order. Anything else (marks
/// in another order, three marks, marks on a letter already composed, other
/// scripts) is left to Foundation, so the result is always NFC.
enum VietnameseComposition {
    /// (base, first mark, second mark) packed into a key → the precomposed scalar.
    private static let composed: CompositionTable = {
        var table = CompositionTable()
        for range in [0x00C0...0x024F, 0x1E00...0x1EFF] {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let single = String(scalar)
                let parts = Array(single.decomposedStringWithCanonicalMapping.unicodeScalars)
                guard (2...3).contains(parts.count), parts[0].value < 0x0300,
                      parts.dropFirst().allSatisfy({ (0x0300...0x036F).contains($0.value) }),
                      single.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual([scalar])
                else { continue }
                table.insert(scalar, for: key(parts[0].value, parts[1].value, parts.count == 3 ? parts[2].value : 0))
            }
        }
        return table
    }()

    private static func key(_ base: UInt32, _ first: UInt32, _ second: UInt32) -> UInt64 {
        UInt64(base) | UInt64(first) << 21 | UInt64(second) << 42
    }

    /// `text` in NFC, or `nil` when it holds something this table does not cover.
    static func nfc(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes in
            // Composing never lengthens: a composed letter (at most 3 bytes) replaces a base and its marks (3–6).
            var covered = true
            let result = String(unsafeUninitializedCapacity: bytes.count) { out in
                guard let count = compose(bytes, into: out) else { covered = false; return 0 }
                return count
            }
            return covered ? result : nil
        }
    }

    /// Composes the UTF-8 of a string into `out`, base scalars copied as
    /// bytes; the bytes written, or `nil`. Built as a
    /// `String.UnicodeScalarView` scalar by scalar, with a `Dictionary` for the
    /// table, this was 9,700 instructions per name, a tenth of reading an NFD
    /// export (callgrind, BENCHMARKS.md).
    private static func compose(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        let composed = self.composed
        var written = 0
        var base = 0..<0  // the bytes of the pending base scalar
        var baseValue: UInt32 = 0
        var marks: (UInt32, UInt32) = (0, 0)
        var markCount = 0
        func flush() -> Bool {
            guard !base.isEmpty else { return markCount == 0 }
            if markCount == 0 {
                for k in base { out[written] = bytes[k]; written += 1 }
                return true
            }
            guard let c = composed[key(baseValue, marks.0, marks.1)] else { return false }
            for byte in UTF8.encode(c)! { out[written] = byte; written += 1 }
            return true
        }
        var i = 0
        while i < bytes.count {
            let (v, length) = scalar(in: bytes, at: i)
            defer { i += length }
            if (0x0300...0x036F).contains(v) && !(0x0340...0x0344).contains(v) {
                guard !base.isEmpty, markCount < 2 else { return nil }
                if markCount == 0 { marks.0 = v } else { marks.1 = v }
                markCount += 1
                continue
            }
            // Marks outside the table (NFC may reorder them), Hangul jamo (they
            // compose), and the scalars NFC replaces on their own.
            if v >= 0x0340 {
                let scalar = Unicode.Scalar(v)!
                if (0x1100...0x11FF).contains(v) || scalar.properties.canonicalCombiningClass != .notReordered
                    || scalar.properties.isFullCompositionExclusion {
                    return nil
                }
            }
            guard flush() else { return nil }
            base = i..<i + length
            baseValue = v
            marks = (0, 0)
            markCount = 0
        }
        guard flush() else { return nil }
        return written
    }

    /// The scalar starting at `i` of valid UTF-8, and its length in bytes.
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        func c(_ k: Int) -> UInt32 { UInt32(bytes[i + k] & 0x3F) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | c(1), 2) }
        if b0 < 0xF0 { return ((b0 & 0x0F) << 12 | c(1) << 6 | c(2), 3) }
        return ((b0 & 0x07) << 18 | c(1) << 12 | c(2) << 6 | c(3), 4)
    }
}

/// The composition table as an open-addressed array: a `Dictionary` lookup
/// (SipHash of the key) was most of what composing a letter cost. At most
/// 656 keys (the precomposed letters of two Latin blocks) in 2,048 slots.
private struct CompositionTable {
    private var keys = [UInt64](repeating: 0, count: 2048)  // 0: empty (a key always holds a mark ≥ U+0300)
    private var values = [UInt32](repeating: 0, count: 2048)

    private static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 53) }

    subscript(key: UInt64) -> Unicode.Scalar? {
        var i = Self.slot(key)
        while keys[i] != 0 {
            if keys[i] == key { return Unicode.Scalar(values[i]) }
            i = (i + 1) & 2047
        }
        return nil
    }

    mutating func insert(_ scalar: Unicode.Scalar, for key: UInt64) {
        var i = Self.slot(key)
        while keys[i] != 0 && keys[i] != key { i = (i + 1) & 2047 }
        keys[i] = key
        values[i] = scalar.value
    }
}
