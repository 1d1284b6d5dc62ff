import Foundation

/// The few pieces of XML the .xlsx reader needs, on raw UTF-8 bytes: tags,
/// attributes and text with its entities. Not a general parser: no DTDs, no
/// validation; whatever the bytes, it ends without reading out of bounds.
/// Foundation's `XMLParser` builds a `String` for every element name,
/// attribute and text, several per cell of a million-row sheet.
enum XMLScan {
    /// A tag from its `<` to its `>`.
    struct Tag {
        /// The local name (after any `x:` prefix), as a range of the buffer.
        var name: Range<Int>
        /// The qualified name, to find the matching end tag.
        var qualifiedName: Range<Int>
        /// Between the name and the `>` (or `/>`).
        var attributes: Range<Int>
        var isEnd: Bool
        var isEmpty: Bool
        /// Just past the `>`.
        var end: Int
        /// `<?…?>`, `<!…>`: skipped by callers.
        var isSpecial: Bool
    }

    /// The position of `byte` in `b[from..<to]`.
    @inline(__always)
    static func find(_ byte: UInt8, _ b: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Int? {
        guard from < to else { return nil }
        guard let p = memchr(b + from, Int32(byte), to - from) else { return nil }
        return b.distance(to: p.assumingMemoryBound(to: UInt8.self))
    }

    /// The position of `needle` in `b[from..<to]`.
    static func find(_ needle: UnsafeBufferPointer<UInt8>, _ b: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Int? {
        guard from < to, needle.count > 0, needle.count <= to - from else { return nil }
        // memchr for the first byte, then compare (Glibc's memmem is not imported without _GNU_SOURCE).
        let first = needle[0]
        let last = to - needle.count
        var p = from
        while p <= last {
            guard let q = find(first, b, p, last + 1) else { return nil }
            if memcmp(b + q, needle.baseAddress!, needle.count) == 0 { return q }
            p = q + 1
        }
        return nil
    }

    /// The tag starting at `b[at] == '<'`, or `nil` when its `>` is not within `to`.
    static func tag(_ b: UnsafePointer<UInt8>, at: Int, to: Int) -> Tag? {
        var p = at + 1
        guard p < to else { return nil }
        if b[p] == UInt8(ascii: "?") || b[p] == UInt8(ascii: "!") {
            // A comment may hold '>': find its "-->".
            if p + 2 < to && b[p] == UInt8(ascii: "!") && b[p + 1] == UInt8(ascii: "-") && b[p + 2] == UInt8(ascii: "-") {
                var q = p + 3
                while true {
                    guard let dash = find(UInt8(ascii: "-"), b, q, to) else { return nil }
                    if dash + 2 < to && b[dash + 1] == UInt8(ascii: "-") && b[dash + 2] == UInt8(ascii: ">") {
                        return Tag(name: p..<p, qualifiedName: p..<p, attributes: p..<p, isEnd: false, isEmpty: true,
                                   end: dash + 3, isSpecial: true)
                    }
                    if dash + 2 >= to { return nil }
                    q = dash + 1
                }
            }
            guard let gt = find(UInt8(ascii: ">"), b, p, to) else { return nil }
            return Tag(name: p..<p, qualifiedName: p..<p, attributes: p..<p, isEnd: false, isEmpty: true,
                       end: gt + 1, isSpecial: true)
        }
        let isEnd = b[p] == UInt8(ascii: "/")
        if isEnd { p += 1 }
        let nameStart = p
        var colon = -1
        while p < to {
            let c = b[p]
            if c == UInt8(ascii: ">") || c == UInt8(ascii: "/") || c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { break }
            if c == UInt8(ascii: ":") { colon = p }
            p += 1
        }
        guard p < to else { return nil }
        let nameEnd = p
        // Attribute values may hold '>' and '/': skip quoted runs.
        var quote: UInt8 = 0
        while p < to {
            let c = b[p]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == 0x22 || c == 0x27 {
                quote = c
            } else if c == UInt8(ascii: ">") {
                break
            }
            p += 1
        }
        guard p < to else { return nil }
        let isEmpty = p > nameEnd && b[p - 1] == UInt8(ascii: "/")
        return Tag(name: (colon >= 0 ? colon + 1 : nameStart)..<nameEnd, qualifiedName: nameStart..<nameEnd,
                   attributes: nameEnd..<(isEmpty ? p - 1 : p), isEnd: isEnd, isEmpty: isEmpty, end: p + 1, isSpecial: false)
    }

    @inline(__always)
    static func equals(_ b: UnsafePointer<UInt8>, _ r: Range<Int>, _ s: StaticString) -> Bool {
        guard r.count == s.utf8CodeUnitCount else { return false }
        return memcmp(b + r.lowerBound, s.utf8Start, r.count) == 0
    }

    /// Calls `body` with each attribute's local name and raw value (entities not decoded).
    static func forEachAttribute(_ b: UnsafePointer<UInt8>, _ r: Range<Int>, _ body: (Range<Int>, Range<Int>) -> Void) {
        var p = r.lowerBound
        let end = r.upperBound
        while p < end {
            while p < end, b[p] == 0x20 || b[p] == 0x09 || b[p] == 0x0A || b[p] == 0x0D { p += 1 }
            let nameStart = p
            var local = p
            while p < end, b[p] != UInt8(ascii: "="), b[p] != 0x20, b[p] != 0x09, b[p] != 0x0A, b[p] != 0x0D {
                if b[p] == UInt8(ascii: ":") { local = p + 1 }
                p += 1
            }
            let nameEnd = p
            while p < end, b[p] == 0x20 || b[p] == 0x09 || b[p] == 0x0A || b[p] == 0x0D { p += 1 }
            guard p < end, b[p] == UInt8(ascii: "=") else {
                if nameEnd == nameStart { p += 1 }  // a stray character: move on
                continue
            }
            p += 1
            while p < end, b[p] == 0x20 || b[p] == 0x09 || b[p] == 0x0A || b[p] == 0x0D { p += 1 }
            guard p < end, b[p] == 0x22 || b[p] == 0x27 else { continue }
            let quote = b[p]
            let valueStart = p + 1
            guard let close = find(quote, b, valueStart, end) else { return }
            if local < nameEnd { body(local..<nameEnd, valueStart..<close) }
            p = close + 1
        }
    }

    /// The attribute with local name `name` whose qualified name has a prefix
    /// exactly when `prefixed` (`r:id` versus `id`), or any when `nil`.
    static func attribute(_ b: UnsafePointer<UInt8>, _ r: Range<Int>, _ name: StaticString) -> Range<Int>? {
        var found: Range<Int>?
        forEachAttribute(b, r) { n, v in if found == nil && equals(b, n, name) { found = v } }
        return found
    }

    /// Appends the text `b[r]` with its XML entities (`&amp;`, `&#233;`…) and
    /// Excel's `_xHHHH_` escapes decoded; unknown entities are kept as written.
    static func appendText(_ b: UnsafePointer<UInt8>, _ r: Range<Int>, to out: inout [UInt8], excelEscapes: Bool = true) {
        var p = r.lowerBound
        let end = r.upperBound
        var run = p
        func flush(_ upTo: Int) {
            if upTo > run { out.append(contentsOf: UnsafeBufferPointer(start: b + run, count: upTo - run)) }
        }
        while p < end {
            let c = b[p]
            if c == UInt8(ascii: "&") {
                guard let semi = find(UInt8(ascii: ";"), b, p + 1, min(end, p + 12)) else { p += 1; continue }
                let name = (p + 1)..<semi
                var scalar: UInt32? = nil
                if equals(b, name, "amp") { scalar = 0x26 }
                else if equals(b, name, "lt") { scalar = 0x3C }
                else if equals(b, name, "gt") { scalar = 0x3E }
                else if equals(b, name, "quot") { scalar = 0x22 }
                else if equals(b, name, "apos") { scalar = 0x27 }
                else if name.count >= 2 && b[name.lowerBound] == UInt8(ascii: "#") {
                    let hex = b[name.lowerBound + 1] == UInt8(ascii: "x") || b[name.lowerBound + 1] == UInt8(ascii: "X")
                    scalar = number(b, (name.lowerBound + (hex ? 2 : 1))..<semi, radix: hex ? 16 : 10)
                }
                if let s = scalar, let u = Unicode.Scalar(s) {
                    flush(p)
                    appendUTF8(u, to: &out)
                    p = semi + 1; run = p
                } else {
                    p += 1
                }
            } else if excelEscapes && c == UInt8(ascii: "_") && p + 6 < end && b[p + 1] == UInt8(ascii: "x")
                        && b[p + 6] == UInt8(ascii: "_"), let s = number(b, (p + 2)..<(p + 6), radix: 16),
                      let u = Unicode.Scalar(s) {
                flush(p)
                appendUTF8(u, to: &out)
                p += 7; run = p
            } else {
                p += 1
            }
        }
        flush(end)
    }

    /// Whether `b[r]` needs ``appendText`` (holds `&` or `_`).
    @inline(__always)
    static func isPlain(_ b: UnsafePointer<UInt8>, _ r: Range<Int>) -> Bool {
        find(UInt8(ascii: "&"), b, r.lowerBound, r.upperBound) == nil && find(UInt8(ascii: "_"), b, r.lowerBound, r.upperBound) == nil
    }

    private static func number(_ b: UnsafePointer<UInt8>, _ r: Range<Int>, radix: UInt32) -> UInt32? {
        guard !r.isEmpty, r.count <= 8 else { return nil }
        var v: UInt32 = 0
        for i in r {
            let c = b[i]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46 where radix == 16: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66 where radix == 16: d = UInt32(c - 0x61 + 10)
            default: return nil
            }
            v = v * radix + d
        }
        return v
    }

    static func appendUTF8(_ u: Unicode.Scalar, to out: inout [UInt8]) {
        UTF8.encode(u) { out.append($0) }
    }

    /// Decoded text as a `String` (names of sheets, relationship targets).
    static func string(_ b: UnsafePointer<UInt8>, _ r: Range<Int>) -> String {
        var out: [UInt8] = []
        appendText(b, r, to: &out, excelEscapes: false)
        return String(decoding: out, as: UTF8.self)
    }
}
