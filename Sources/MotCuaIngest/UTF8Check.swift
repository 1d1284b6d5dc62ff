import MotCuaUTF8

/// Checks that bytes are UTF-8 (RFC 3629: no overlongs, no surrogates,
/// nothing above U+10FFFF).
///
/// The whole export is checked once, before any record is read, instead of
/// building a validated `String` for every field: most fields of a dossier
/// (dates, counts, status numbers) are parsed as bytes and never become
/// strings. Sixteen bytes are checked at a time (`motcua_utf8_valid`, in C
/// for the byte shuffles): a 400 MB Vietnamese export in 0.08 s on the
/// project machine. The byte-by-byte check below finds where bad text is,
/// and checks everything on processors without those instructions.
enum UTF8Check {
    /// The offset of the first byte that does not belong to a valid UTF-8
    /// sequence, or `nil` when all of `bytes` is UTF-8.
    static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        if motcua_utf8_valid(base, bytes.count) == 1 { return nil }
        return scalarFirstInvalidByte(in: bytes)
    }

    /// ``firstInvalidByte(in:)`` byte by byte, eight ASCII bytes at a time.
    static func scalarFirstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let n = bytes.count
        var i = 0
        while i < n {
            // Eight bytes at a time; a word with a non-ASCII byte moves `i` straight
            // to that byte. (Stepping one byte at a time up to it was most of the
            // check in NFD text, where a combining mark follows every few letters.)
            while i + 8 <= n {
                let high = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) & 0x8080_8080_8080_8080
                if high == 0 { i += 8; continue }
                i += high.trailingZeroBitCount >> 3
                break
            }
            guard i < n else { break }
            let lead = base[i]
            if lead < 0x80 { i += 1; continue }
            // Two-byte sequences first: the combining marks of NFD Vietnamese
            // (U+0300–U+0323, lead 0xCC/0xCD) and đ, ơ, ư are four in five of
            // an export's non-ASCII characters.
            if lead &- 0xC2 < 0x1E {
                guard i + 1 < n, base[i + 1] & 0xC0 == 0x80 else { return i }
                i &+= 2
                continue
            }
            let length: Int
            let secondRange: ClosedRange<UInt8>
            switch lead {
            case 0xC2...0xDF: length = 2; secondRange = 0x80...0xBF
            case 0xE0: length = 3; secondRange = 0xA0...0xBF
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3; secondRange = 0x80...0xBF
            case 0xED: length = 3; secondRange = 0x80...0x9F
            case 0xF0: length = 4; secondRange = 0x90...0xBF
            case 0xF1...0xF3: length = 4; secondRange = 0x80...0xBF
            case 0xF4: length = 4; secondRange = 0x80...0x8F
            default: return i
            }
            guard i + length <= n, secondRange.contains(base[i + 1]) else { return i }
            for k in 2..<length where base[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// The physical line (1-based; CRLF, LF or a lone CR end a line) of `offset`.
    static func line(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        var i = 0
        while i < offset {
            if LineBreak.ends(at: i, in: bytes) { line += 1 }
            i += 1
        }
        return line
    }
}

/// Where a physical line ends, as every reader of an export counts lines:
/// at an LF, or at a CR that no LF follows (CRLF is one line end).
enum LineBreak {
    @inline(__always)
    static func ends(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let c = bytes[i]
        return c == 0x0A || (c == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A))
    }
}
