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
    private static let composed: [UInt64: Unicode.Scalar] = {
        var table: [UInt64: Unicode.Scalar] = [:]
        for range in [0x00C0...0x024F, 0x1E00...0x1EFF] {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let single = String(scalar)
                let parts = Array(single.decomposedStringWithCanonicalMapping.unicodeScalars)
                guard (2...3).contains(parts.count), parts[0].value < 0x0300,
                      parts.dropFirst().allSatisfy({ (0x0300...0x036F).contains($0.value) }),
                      single.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual([scalar])
                else { continue }
                table[key(parts[0].value, parts[1].value, parts.count == 3 ? parts[2].value : 0)] = scalar
            }
        }
        return table
    }()

    private static func key(_ base: UInt32, _ first: UInt32, _ second: UInt32) -> UInt64 {
        UInt64(base) | UInt64(first) << 21 | UInt64(second) << 42
    }

    /// `text` in NFC, or `nil` when it holds something this table does not cover.
    static func nfc(_ text: String) -> String? {
        var out = String.UnicodeScalarView()
        var base: Unicode.Scalar? = nil
        var marks: (UInt32, UInt32) = (0, 0)
        var markCount = 0
        func flush() -> Bool {
            guard let b = base else { return markCount == 0 }
            if markCount == 0 { out.append(b); return true }
            guard let c = composed[key(b.value, marks.0, marks.1)] else { return false }
            out.append(c)
            return true
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (0x0300...0x036F).contains(v) && !(0x0340...0x0344).contains(v) {
                guard base != nil, markCount < 2 else { return nil }
                if markCount == 0 { marks.0 = v } else { marks.1 = v }
                markCount += 1
                continue
            }
            // Marks outside the table (NFC may reorder them), Hangul jamo (they
            // compose), and the scalars NFC replaces on their own.
            if v >= 0x0340 && ((0x1100...0x11FF).contains(v) || scalar.properties.canonicalCombiningClass != .notReordered
                               || scalar.properties.isFullCompositionExclusion) {
                return nil
            }
            guard flush() else { return nil }
            base = scalar
            marks = (0, 0)
            markCount = 0
        }
        guard flush() else { return nil }
        return String(out)
    }
}
