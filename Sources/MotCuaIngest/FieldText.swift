/// Text of a field from its bytes.
enum FieldText {
    /// Trimmed of white space (and a stray BOM), as ``String/trimmedSpaces``.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var start = 0, end = bytes.count
        while start < end, isASCIISpace(bytes[start]) { start += 1 }
        while end > start, isASCIISpace(bytes[end - 1]) { end -= 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        // Non-ASCII at either end may be Unicode white space or a BOM.
        if start < end && (bytes[start] >= 0x80 || bytes[end - 1] >= 0x80) { return text.trimmedSpaces }
        return text
    }

    /// Trimmed and in NFC: how codes and names are stored and compared.
    static func normalised(_ bytes: UnsafeBufferPointer<UInt8>) -> String { TextFolding.nfc(trimmed(bytes)) }

    /// A count such as SoLanBoSung: 0 when blank, `nil` when not a number.
    static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var start = 0, end = bytes.count
        while start < end, isASCIISpace(bytes[start]) { start += 1 }
        while end > start, isASCIISpace(bytes[end - 1]) { end -= 1 }
        if start == end { return 0 }
        if end - start <= 18, bytes[start..<end].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return bytes[start..<end].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        let text = trimmed(bytes)
        return text.isEmpty ? 0 : Int(text)
    }

    private static func isASCIISpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }
}
