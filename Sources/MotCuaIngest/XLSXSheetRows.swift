import Foundation

/// A part of the workbook (a sheet, the shared strings) read through a
/// buffer that is refilled from the inflating entry as the scan reaches its
/// end: a million-row sheet, a gigabyte of XML, is never in memory at once.
final class XMLPullBuffer {
    private let stream: InflateAhead
    private(set) var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The unread bytes are `base[lo..<hi]`.
    var lo = 0
    private(set) var hi = 0
    private(set) var atEnd = false
    /// A single element (a row) larger than this is refused.
    static let maximumCapacity = 256 << 20

    init(stream: ZipEntryStream, capacity: Int = 1 << 20) {
        self.stream = InflateAhead(stream)
        self.name = stream.entry.name
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit {
        stream.cancel()
        base.deallocate()
    }

    let name: String

    /// Reads more of the part, keeping `base[lo..<hi]` (moved to the front:
    /// positions taken before a fill are void after it). `false` at the end.
    func fill() throws -> Bool {
        if atEnd { return false }
        if lo > 0 {
            if hi > lo { (base).update(from: base + lo, count: hi - lo) }
            hi -= lo; lo = 0
        }
        if hi == capacity {
            guard capacity < XMLPullBuffer.maximumCapacity else { throw ZipError("\(name): an element larger than 256 MB") }
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            bigger.update(from: base, count: hi)
            base.deallocate()
            base = bigger
            capacity *= 2
        }
        let n = try stream.read(into: UnsafeMutableBufferPointer(start: base + hi, count: capacity - hi))
        if n == 0 { atEnd = true; return false }
        hi += n
        return true
    }

    /// The next element named `name` (any prefix) up to its end tag, skipping
    /// everything else; `nil` at the end of the part or at the end tag `stop`.
    /// The ranges are valid until the next call.
    func next(_ name: StaticString, stop: StaticString, closing: inout [UInt8]) throws -> (tag: XMLScan.Tag, content: Range<Int>)? {
        while true {
            guard let lt = XMLScan.find(UInt8(ascii: "<"), base, lo, hi) else {
                lo = hi
                if try !fill() { return nil }
                continue
            }
            lo = lt
            guard let tag = XMLScan.tag(base, at: lo, to: hi) else {
                if try !fill() { throw ZipError("\(self.name): ends inside a tag") }
                continue
            }
            if !tag.isSpecial && XMLScan.equals(base, tag.name, name) && !tag.isEnd {
                if tag.isEmpty {
                    lo = tag.end
                    return (tag, tag.end..<tag.end)
                }
                // "</" + the qualified name + ">": text and attribute values cannot hold "<".
                let q = tag.qualifiedName
                // Compared through the array's own storage: `&closing[2]` may hand memcmp a
                // one-byte temporary (AddressSanitizer caught a read past it).
                let same = closing.count == q.count + 3
                    && closing.withUnsafeBufferPointer { memcmp($0.baseAddress! + 2, base + q.lowerBound, q.count) == 0 }
                if !same {
                    closing = [UInt8(ascii: "<"), UInt8(ascii: "/")] + UnsafeBufferPointer(start: base + q.lowerBound, count: q.count)
                        + [UInt8(ascii: ">")]
                }
                let found = closing.withUnsafeBufferPointer { XMLScan.find($0, base, tag.end, hi) }
                guard let close = found else {
                    if try !fill() { throw ZipError("\(self.name): ends inside an element") }
                    continue
                }
                lo = close + closing.count
                return (tag, tag.end..<close)
            }
            if !tag.isSpecial && tag.isEnd && XMLScan.equals(base, tag.name, stop) {
                lo = tag.end
                return nil
            }
            lo = tag.end
        }
    }
}

/// Inflates an entry on a thread of its own, a few megabytes ahead of the
/// scanner: on the 2-core machine inflating and the XML scan overlap instead of
/// taking turns (the storing thread is the third, and waits on the scan).
final class InflateAhead: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [(UnsafeMutablePointer<UInt8>, Int)] = []
    private var free: [UnsafeMutablePointer<UInt8>] = []
    private var finished = false
    private var cancelled = false
    private var failure: (any Error)?
    /// The chunk being read by the scanner's thread (only that thread touches it).
    private var current: (UnsafeMutablePointer<UInt8>, Int)?
    private var offset = 0
    static let chunkSize = 1 << 20
    static let chunks = 4

    init(_ stream: ZipEntryStream) {
        for _ in 0..<Self.chunks { free.append(.allocate(capacity: Self.chunkSize)) }
        let thread = Thread { [self] in inflate(stream) }
        thread.start()
    }

    deinit {
        for (p, _) in ready { p.deallocate() }
        for p in free { p.deallocate() }
        if let (p, _) = current { p.deallocate() }
    }

    /// Ends the inflating thread (the reader is done with the entry).
    func cancel() {
        condition.lock(); cancelled = true; condition.broadcast(); condition.unlock()
    }

    private func inflate(_ stream: ZipEntryStream) {
        while true {
            condition.lock()
            while free.isEmpty && !cancelled { condition.wait() }
            if cancelled { condition.unlock(); return }
            let chunk = free.removeLast()
            condition.unlock()
            var n = 0
            var error: (any Error)?
            do {
                while n < Self.chunkSize {
                    let k = try stream.read(into: UnsafeMutableBufferPointer(start: chunk + n, count: Self.chunkSize - n))
                    if k == 0 { break }
                    n += k
                }
            } catch let e { error = e }
            condition.lock()
            if n > 0 { ready.append((chunk, n)) } else { free.append(chunk) }
            if let error { failure = error; finished = true } else if n < Self.chunkSize { finished = true }
            let done = finished
            condition.broadcast()
            condition.unlock()
            if done { return }
        }
    }

    /// Fills up to `buffer.count` bytes; 0 at the end of the entry.
    /// - throws: what inflating threw, once the bytes before the failure are read.
    func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        if current == nil || offset == current!.1 {
            condition.lock()
            if let (p, _) = current { free.append(p); current = nil; condition.broadcast() }
            while ready.isEmpty && !finished { condition.wait() }
            if ready.isEmpty {
                let failure = self.failure
                condition.unlock()
                if let failure { throw failure }
                return 0
            }
            current = ready.removeFirst()
            offset = 0
            condition.unlock()
        }
        let (p, count) = current!
        let n = min(buffer.count, count - offset)
        base.update(from: p + offset, count: n)
        offset += n
        return n
    }
}

/// The shared string table (`sharedStrings.xml`): each `<si>`'s text, rich
/// text runs (`<r><t>`) joined, phonetic runs (`<rPh>`) left out.
struct SharedStrings: Sendable {
    private(set) var bytes: [UInt8] = []
    /// End of each string in `bytes`; string `i` starts where `i - 1` ends.
    private(set) var ends: [Int] = []

    init() {}

    init(reading buffer: XMLPullBuffer) throws {
        var closing: [UInt8] = []
        while let element = try buffer.next("si", stop: "sst", closing: &closing) {
            Self.appendRuns(buffer.base, element.content, to: &bytes)
            ends.append(bytes.count)
        }
    }

    var count: Int { ends.count }

    func range(_ i: Int) -> Range<Int>? {
        guard i >= 0, i < ends.count else { return nil }
        return (i == 0 ? 0 : ends[i - 1])..<ends[i]
    }

    /// Appends the `<t>` texts of `b[r]` (an `<si>` or an `<is>`) outside `<rPh>`.
    static func appendRuns(_ b: UnsafePointer<UInt8>, _ r: Range<Int>, to out: inout [UInt8]) {
        var p = r.lowerBound
        var phonetic = false
        while let lt = XMLScan.find(UInt8(ascii: "<"), b, p, r.upperBound), let tag = XMLScan.tag(b, at: lt, to: r.upperBound) {
            p = tag.end
            if tag.isSpecial { continue }
            if XMLScan.equals(b, tag.name, "rPh") { phonetic = !tag.isEnd && !tag.isEmpty; continue }
            if !phonetic && !tag.isEnd && !tag.isEmpty && XMLScan.equals(b, tag.name, "t") {
                let end = XMLScan.find(UInt8(ascii: "<"), b, p, r.upperBound) ?? r.upperBound
                XMLScan.appendText(b, p..<end, to: &out)
                p = end
            }
        }
    }
}

/// The rows of one worksheet, pulled one at a time, each as a ``CSVRow``
/// (the decoder's record of field byte ranges): the cell values placed by
/// their `r="C12"` references (sparse rows have gaps), shared strings looked
/// up, inline strings and entities decoded, numbers as written.
///
/// Owned by one thread at a time: the header is found on the caller's, the
/// rows after it are read on the decoding thread.
final class XLSXSheetRows: @unchecked Sendable {
    private let buffer: XMLPullBuffer
    private let sharedStrings: SharedStrings
    private let date1904: Bool
    /// Columns kept: the header's width once it is known.
    private(set) var width: Int
    /// Columns whose numbers are date serials (shifted for the 1904 system).
    private var isDate: [Bool]
    /// The current row: its number in the sheet, its bytes and field bounds.
    private(set) var rowNumber = 0
    private var bytes: [UInt8] = []
    private var bounds: [Int]

    init(buffer: XMLPullBuffer, strings: SharedStrings, date1904: Bool, width: Int = 1024) {
        self.buffer = buffer
        self.sharedStrings = strings
        self.date1904 = date1904
        self.width = width
        self.isDate = [Bool](repeating: false, count: width)
        self.bounds = [Int](repeating: 0, count: 2 * width)
        bytes.reserveCapacity(4096)
    }

    /// Keeps only the header's columns from now on.
    func narrow(to width: Int, dateColumns: Set<Int>) {
        self.width = width
        isDate = (0..<width).map { dateColumns.contains($0) }
        bounds = [Int](repeating: 0, count: 2 * width)
    }

    /// Moves to the next row holding a value in the kept columns; `false` at the end of the sheet.
    func next() throws -> Bool {
        while true {
            let b = UnsafePointer(buffer.base)
            guard let lt = XMLScan.find(UInt8(ascii: "<"), b, buffer.lo, buffer.hi) else {
                buffer.lo = buffer.hi
                if try !buffer.fill() { return false }
                continue
            }
            buffer.lo = lt
            guard let tag = XMLScan.tag(b, at: lt, to: buffer.hi) else {
                if try !buffer.fill() { throw ZipError("\(buffer.name): ends inside a tag") }
                continue
            }
            if !tag.isSpecial && XMLScan.equals(b, tag.name, "row") && !tag.isEnd {
                // The row is read in one pass up to its end tag; one cut by the end of
                // the buffer is read again after a refill (about one row per megabyte).
                // The row's arrays are moved out of the object while it is read: stored
                // properties of a class are checked for exclusive access at every use.
                var bytes: [UInt8] = [], bounds: [Int] = []
                swap(&bytes, &self.bytes); swap(&bounds, &self.bounds)
                let result = read(tag, b, to: buffer.hi, bytes: &bytes, bounds: &bounds)
                swap(&bytes, &self.bytes); swap(&bounds, &self.bounds)
                guard let (end, any) = result else {
                    if try !buffer.fill() { throw ZipError("\(buffer.name): ends inside a row") }
                    continue
                }
                buffer.lo = end
                if any { return true }
                continue
            }
            buffer.lo = tag.end
            if !tag.isSpecial && tag.isEnd && XMLScan.equals(b, tag.name, "sheetData") { return false }
        }
    }

    /// The current row's fields.
    func withRow<R>(_ body: (CSVRow) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { text in
            try bounds.withUnsafeBufferPointer { b in
                try body(CSVRow(line: rowNumber, text: text, scratch: UnsafeBufferPointer(start: nil, count: 0), bounds: b))
            }
        }
    }

    /// The current row's values as text, up to its last non-empty one.
    func texts() -> [String] {
        var last = -1
        for i in 0..<width where bounds[2 * i + 1] > bounds[2 * i] { last = i }
        guard last >= 0 else { return [] }
        return (0...last).map { i in
            String(decoding: bytes[bounds[2 * i]..<bounds[2 * i + 1]], as: UTF8.self)
        }
    }

    /// Reads one `<row>` from its start tag up to its end tag: where it ends,
    /// and whether it holds a value in the kept columns; `nil` when `b[..<limit]`
    /// ends before the row does.
    private func read(_ rowTag: XMLScan.Tag, _ b: UnsafePointer<UInt8>, to limit: Int,
                      bytes: inout [UInt8], bounds: inout [Int]) -> (end: Int, any: Bool)? {
        let width = self.width
        var number = -1
        XMLScan.forEachAttribute(b, rowTag.attributes) { n, v in
            if XMLScan.equals(b, n, "r") { number = Self.decimal(b, v) ?? -1 }
        }
        bytes.removeAll(keepingCapacity: true)
        for i in bounds.indices { bounds[i] = 0 }
        if rowTag.isEmpty {
            rowNumber = number > 0 ? number : rowNumber + 1
            return (rowTag.end, false)
        }
        var any = false
        var column = -1
        var p = rowTag.end
        let end = limit
        while true {
            var kind: UInt8 = UInt8(ascii: "n")  // n number, s shared, i inline, b boolean, t other text
            var referenced = -1
            let isEmpty: Bool
            if let cell = Self.plainCellStart(b, p, end, kind: &kind, referenced: &referenced) {
                p = cell.end
                isEmpty = cell.isEmpty
            } else {
                guard let lt = XMLScan.find(UInt8(ascii: "<"), b, p, end), let tag = XMLScan.tag(b, at: lt, to: end) else { return nil }
                p = tag.end
                if tag.isSpecial { continue }
                if tag.isEnd {
                    if XMLScan.equals(b, tag.name, "row") { break }
                    continue
                }
                guard XMLScan.equals(b, tag.name, "c") else { continue }
                XMLScan.forEachAttribute(b, tag.attributes) { n, v in
                    if XMLScan.equals(b, n, "r") {
                        referenced = Self.column(b, v)
                    } else if XMLScan.equals(b, n, "t") {
                        kind = Self.kind(b, v)
                    }
                }
                isEmpty = tag.isEmpty
            }
            column = referenced >= 0 ? referenced : column + 1
            if isEmpty { continue }
            let keep = column >= 0 && column < width
            let start = bytes.count
            var value: Range<Int>? = nil
            // The usual shapes first: <v>…</v></c> and <is><t>…</t></is></c>.
            if p + 3 <= end && b[p] == UInt8(ascii: "<") && b[p + 1] == UInt8(ascii: "v") && b[p + 2] == UInt8(ascii: ">"),
               let close = XMLScan.find(UInt8(ascii: "<"), b, p + 3, end), close + 8 <= end,
               memcmp(b + close, Self.valueEnd, 8) == 0 {
                value = (p + 3)..<close
                p = close + 8
            } else if kind == UInt8(ascii: "i") && p + 7 <= end && memcmp(b + p, Self.inlineStart, 7) == 0,
                      let close = XMLScan.find(UInt8(ascii: "<"), b, p + 7, end), close + 13 <= end,
                      memcmp(b + close, Self.inlineEnd, 13) == 0 {
                if keep { XMLScan.appendText(b, (p + 7)..<close, to: &bytes) }
                p = close + 13
            } else {
                // Any other shape: <f>, rich inline runs, prefixes; the first "</c>" ends the cell.
                var phonetic = false
                while true {
                    guard let lt2 = XMLScan.find(UInt8(ascii: "<"), b, p, end), let child = XMLScan.tag(b, at: lt2, to: end) else { return nil }
                    p = child.end
                    if child.isSpecial { continue }
                    if child.isEnd {
                        if XMLScan.equals(b, child.name, "c") { break }
                        if XMLScan.equals(b, child.name, "row") { p = lt2; break }  // a cell left open
                        if XMLScan.equals(b, child.name, "rPh") { phonetic = false }
                        continue
                    }
                    if child.isEmpty { continue }
                    if XMLScan.equals(b, child.name, "v") {
                        guard let textEnd = XMLScan.find(UInt8(ascii: "<"), b, p, end) else { return nil }
                        value = p..<textEnd
                        p = textEnd
                    } else if XMLScan.equals(b, child.name, "t") && !phonetic {
                        guard let textEnd = XMLScan.find(UInt8(ascii: "<"), b, p, end) else { return nil }
                        if keep && kind == UInt8(ascii: "i") { XMLScan.appendText(b, p..<textEnd, to: &bytes) }
                        p = textEnd
                    } else if XMLScan.equals(b, child.name, "rPh") {
                        phonetic = true
                    }
                }
            }
            guard keep else { bytes.removeSubrange(start...); continue }
            if kind != UInt8(ascii: "i"), let v = value { appendValue(b, v, kind: kind, column: column, to: &bytes) }
            if bytes.count > start { any = true }
            bounds[2 * column] = start
            bounds[2 * column + 1] = bytes.count
        }
        rowNumber = number > 0 ? number : rowNumber + 1
        return (p, any)
    }

    /// The cell's kind from its `t` attribute: `s` shared, `i` inline, `b`
    /// boolean, `n` number (also when absent), `t` any other text (`str`,
    /// formula text; `e`, an error; `d`, an ISO date).
    @inline(__always)
    private static func kind(_ b: UnsafePointer<UInt8>, _ v: Range<Int>) -> UInt8 {
        if XMLScan.equals(b, v, "s") { return UInt8(ascii: "s") }
        if XMLScan.equals(b, v, "inlineStr") { return UInt8(ascii: "i") }
        if XMLScan.equals(b, v, "b") { return UInt8(ascii: "b") }
        if XMLScan.equals(b, v, "n") { return UInt8(ascii: "n") }
        return UInt8(ascii: "t")
    }

    /// The start tag of a cell in the shape every writer uses — `<c`, then
    /// attributes each one space before `name="value"` (no prefix), then `>` or
    /// `/>` — read in one pass: where it ends and whether it is empty, with
    /// `r` and `t` taken. `nil` for anything else (another tag, other spacing,
    /// single quotes, prefixes, the buffer's end), which the general scan reads.
    /// The general scan found the tag, then walked its attributes again
    /// through a closure: a sixth of the time of a million-row sheet.
    @inline(__always)
    private static func plainCellStart(_ b: UnsafePointer<UInt8>, _ at: Int, _ end: Int,
                                       kind: inout UInt8, referenced: inout Int) -> (end: Int, isEmpty: Bool)? {
        guard at + 3 < end, b[at] == UInt8(ascii: "<"), b[at + 1] == UInt8(ascii: "c") else { return nil }
        var p = at + 2
        var r = -1, t = UInt8(ascii: "n")
        while p < end {
            let c = b[p]
            if c == UInt8(ascii: ">") {
                referenced = r; kind = t
                return (p + 1, false)
            }
            if c == UInt8(ascii: "/") {
                guard p + 1 < end, b[p + 1] == UInt8(ascii: ">") else { return nil }
                referenced = r; kind = t
                return (p + 2, true)
            }
            guard c == 0x20 else { return nil }
            let name = p + 1
            p = name
            while p < end, b[p] != UInt8(ascii: "=") {
                let x = b[p]
                // A name ends at '='; anything that is not part of a plain name sends the tag to the general scan.
                guard x != 0x20, x != UInt8(ascii: ":"), x != UInt8(ascii: ">"), x != 0x22, x != 0x27, x != UInt8(ascii: "/"),
                      x != 0x09, x != 0x0A, x != 0x0D else { return nil }
                p += 1
            }
            guard p > name, p + 1 < end, b[p + 1] == 0x22 else { return nil }
            let valueStart = p + 2
            guard let close = XMLScan.find(0x22, b, valueStart, end) else { return nil }
            if p - name == 1 {
                if b[name] == UInt8(ascii: "r") { r = column(b, valueStart..<close) }
                else if b[name] == UInt8(ascii: "t") { t = Self.kind(b, valueStart..<close) }
            }
            p = close + 1
        }
        return nil
    }

    private static let valueEnd: [UInt8] = Array("</v></c>".utf8)
    private static let inlineStart: [UInt8] = Array("<is><t>".utf8)
    private static let inlineEnd: [UInt8] = Array("</t></is></c>".utf8)

    private func appendValue(_ b: UnsafePointer<UInt8>, _ v: Range<Int>, kind: UInt8, column: Int, to bytes: inout [UInt8]) {
        switch kind {
        case UInt8(ascii: "s"):
            if let i = Self.decimal(b, v), let r = sharedStrings.range(i) {
                sharedStrings.bytes.withUnsafeBufferPointer { s in bytes.append(contentsOf: UnsafeBufferPointer(rebasing: s[r])) }
            }
        case UInt8(ascii: "b"):
            let on = v.count == 1 && b[v.lowerBound] == UInt8(ascii: "1")
            bytes.append(contentsOf: on ? Array("TRUE".utf8) : Array("FALSE".utf8))
        case UInt8(ascii: "n"):
            appendNumber(b, v, isDate: isDate[column], to: &bytes)
        default:
            XMLScan.appendText(b, v, to: &bytes, excelEscapes: false)
        }
    }

    /// A number as written, except: a date serial of the 1904 system is moved
    /// to the 1900 system (1,462 days later) that the timestamp parser reads,
    /// and `1.2345E+11` is written out as digits.
    private func appendNumber(_ b: UnsafePointer<UInt8>, _ v: Range<Int>, isDate: Bool, to bytes: inout [UInt8]) {
        var lo = v.lowerBound, hi = v.upperBound
        while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 || b[lo] == 0x0A || b[lo] == 0x0D { lo += 1 }
        while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 || b[hi - 1] == 0x0A || b[hi - 1] == 0x0D { hi -= 1 }
        let text = UnsafeBufferPointer(start: b + lo, count: hi - lo)
        var exponent = false
        for c in text where c == UInt8(ascii: "E") || c == UInt8(ascii: "e") { exponent = true; break }
        if exponent {
            let string = String(decoding: text, as: UTF8.self)
            if let d = Double(string), d.isFinite, d == d.rounded(), abs(d) < 1e15 {
                let shifted = isDate && date1904 ? d + 1462 : d
                bytes.append(contentsOf: String(Int64(shifted)).utf8)
                return
            }
            bytes.append(contentsOf: text)
            return
        }
        guard isDate && date1904 else { return bytes.append(contentsOf: text) }
        // Whole days, then the fraction as written.
        var digits = 0
        while digits < text.count, text[digits] >= 0x30, text[digits] <= 0x39 { digits += 1 }
        guard digits > 0, digits <= 9 else { return bytes.append(contentsOf: text) }
        var whole = 0
        for k in 0..<digits { whole = whole * 10 + Int(text[k] - 0x30) }
        bytes.append(contentsOf: String(whole + 1462).utf8)
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[digits...]))
    }

    /// The zero-based column of a cell reference (`C12` → 2); -1 when there is none.
    static func column(_ b: UnsafePointer<UInt8>, _ r: Range<Int>) -> Int {
        var c = 0
        var p = r.lowerBound
        while p < r.upperBound, p - r.lowerBound < 3 {
            let x = b[p] | 0x20  // lower case
            guard x >= UInt8(ascii: "a"), x <= UInt8(ascii: "z") else { break }
            c = c * 26 + Int(x - UInt8(ascii: "a")) + 1
            p += 1
        }
        return c - 1
    }

    static func decimal(_ b: UnsafePointer<UInt8>, _ r: Range<Int>) -> Int? {
        guard !r.isEmpty, r.count <= 12 else { return nil }
        var v = 0
        for p in r {
            let c = b[p]
            guard c >= 0x30, c <= 0x39 else { return nil }
            v = v * 10 + Int(c - 0x30)
        }
        return v
    }
}
