/// Text of a field from its bytes.
enum FieldText {
    /// Trimmed of white space (and a stray BOM), as ``String/trimmedSpaces``.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let kept = withoutASCIISpace(bytes)
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[kept]), as: UTF8.self)
        // Non-ASCII at either end may be Unicode white space or a BOM.
        if !kept.isEmpty && (bytes[kept.lowerBound] >= 0x80 || bytes[kept.upperBound - 1] >= 0x80) { return text.trimmedSpaces }
        return text
    }

    /// Trimmed and in NFC: how codes and names are stored and compared.
    static func normalised(_ bytes: UnsafeBufferPointer<UInt8>) -> String { TextFolding.nfc(trimmed(bytes)) }

    /// A count such as SoLanBoSung: 0 when blank, `nil` when not a number.
    static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let kept = withoutASCIISpace(bytes)
        if kept.isEmpty { return 0 }
        if kept.count <= 18, bytes[kept].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return bytes[kept].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        let text = trimmed(bytes)
        return text.isEmpty ? 0 : Int(text)
    }

    /// The positions of `bytes` left after ASCII white space at both ends.
    private static func withoutASCIISpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }
        var start = 0, end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return start..<end
    }
}
