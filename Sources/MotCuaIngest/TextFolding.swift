import Foundation

/// Vietnamese text normalisation for matching names written by hand.
enum TextFolding {
    /// NFC form: exports mix NFC and NFD, and "Mường Khoa" must equal itself.
    ///
    /// Vietnamese in NFD carries its tones and vowel marks as combining
    /// characters U+0300–U+036F (UTF-8 lead bytes 0xCC, 0xCD); text without
    /// them (and without other combining blocks) is already NFC and is returned
    /// as it is. Normalising through Foundation for every field cost a third of
    /// import time on a 100,000-row export; NFD Vietnamese is composed by
    /// ``VietnameseComposition`` and only the rest goes through Foundation.
    static func nfc(_ s: String) -> String {
        // Scanned in the string's own buffer: through the UTF-8 view's iterator
        // this scan of every name and code was 2 % of reading an export.
        let mayCompose = s.utf8.withContiguousStorageIfAvailable(mayCompose(_:))
            ?? Array(s.utf8).withUnsafeBufferPointer(mayCompose(_:))
        guard mayCompose else { return s }  // Precomposed Vietnamese (U+1EA0–U+1EF9 is 0xE1 0xBA/0xBB …) stays as it is.
        return VietnameseComposition.nfc(s) ?? s.precomposedStringWithCanonicalMapping
    }

    /// Whether the UTF-8 bytes hold a character that NFC may change. ASCII
    /// (every code of an export) never does and is skipped eight bytes at a
    /// time: byte by byte, the check of each row's MaHoSo cost 400 instructions.
    private static func mayCompose(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if let base = bytes.baseAddress {
            while i + 8 <= bytes.count,
                  UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
        }
        // The pair rule looks one byte back; an ASCII byte matches no pair.
        var previous: UInt8 = 0
        for b in bytes[i...] {
            switch (previous, b) {
            case (_, 0xCC), (_, 0xCD),                  // U+0300–U+037F combining diacritics
                 (0xE1, 0x84...0x87), (0xE1, 0xB7),    // Hangul jamo; U+1DC0 combining supplement
                 (0xE2, 0x83), (0xE2, 0x84):            // U+20D0 combining symbols; Ω K Å singletons
                return true
            default:
                previous = b
            }
        }
        return false
    }

    /// A matching key: accents, case, spaces, underscores and punctuation removed,
    /// đ → d. "Ngày tiếp nhận", "NGAY_TIEP_NHAN" and "ngaytiepnhan" fold alike.
    static func key(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in decomposed(s).unicodeScalars { _ = fold(scalar, into: &out) }
        return String(out)
    }

    /// Like ``key(_:)`` but keeps word boundaries as single spaces, for values
    /// such as "Trực tuyến" / "truc  tuyen" / "TRUC-TUYEN".
    static func words(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in decomposed(s).unicodeScalars {
            if (0x0300...0x036F).contains(scalar.value) { continue }
            if pendingSpace && !out.isEmpty && folds(scalar) { out.append(" ") }
            pendingSpace = !fold(scalar, into: &out)
        }
        return String(out)
    }

    /// NFD, which ASCII already is (Foundation's decomposition and the
    /// property lookups below were 3 % of a 100,000-row report, folding the
    /// names of the units and procedures files).
    private static func decomposed(_ s: String) -> String {
        s.utf8.allSatisfy { $0 < 0x80 } ? s : s.decomposedStringWithCanonicalMapping
    }

    /// Whether ``fold(_:into:)`` keeps a letter for `scalar`.
    private static func folds(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F: return false
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x0110, 0x0111: return true
        case 0..<0x80: return false
        default: return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    /// Appends what `scalar` folds to (lower case; đ → d; accents, spaces and
    /// punctuation dropped); false when it is dropped.
    private static func fold(_ scalar: Unicode.Scalar, into out: inout String.UnicodeScalarView) -> Bool {
        guard folds(scalar) else { return false }
        switch scalar.value {
        case 0x41...0x5A: out.append(Unicode.Scalar(scalar.value + 0x20)!)
        case 0..<0x80: out.append(scalar)
        case 0x0110, 0x0111: out.append("d")            // Đ đ
        default: out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
        }
        return true
    }
}
