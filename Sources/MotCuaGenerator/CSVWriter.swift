import MotCuaCore

/// Builds CSV rows as UTF-8 bytes in one preallocated buffer and hands full
/// chunks to a ``ByteSink``. RFC 4180 quoting: a field holding the delimiter,
/// a quote, CR or LF is quoted and its quotes doubled.
///
/// No `String` is built per row and no array grows: fields are copied from
/// precomputed byte tables (``ByteTable``) into raw memory and numbers are
/// written digit by digit. A million rows must take seconds; Foundation's
/// `DateFormatter` alone would take longer than that.
final class CSVWriter {
    let style: ExportStyle
    private let sink: ByteSink
    private let delimiter: UInt8
    private let lineEnd: [UInt8]
    /// The chunk being filled; `capacity` leaves room for one row past `ByteSink.chunkSize`.
    private let base: UnsafeMutablePointer<UInt8>
    private let capacity = ByteSink.chunkSize + (1 << 20)
    private var count = 0
    private var atRowStart = true
    private(set) var rows = 0
    /// A field assembled from parts (a full name) before quoting.
    var scratch: [UInt8] = []

    init(path: String, style: ExportStyle) throws {
        self.style = style
        self.sink = try ByteSink(path: path, encoding: style.encoding)
        self.delimiter = style.delimiter
        self.lineEnd = style.lineEnd
        base = .allocate(capacity: capacity)
        scratch.reserveCapacity(256)
    }

    deinit { base.deallocate() }

    var bytesWritten: Int64 { sink.bytesWritten }

    // MARK: - Bytes

    @inline(__always)
    private func put(_ b: UInt8) { base[count] = b; count += 1 }

    @inline(__always)
    private func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        precondition(count + bytes.count <= capacity, "a CSV row larger than 1 MB")
        if let p = bytes.baseAddress { (base + count).update(from: p, count: bytes.count) }
        count += bytes.count
    }

    @inline(__always)
    private func separate() {
        if atRowStart { atRowStart = false } else { put(delimiter) }
    }

    // MARK: - Fields

    /// A field, quoted when it must be.
    @inline(__always)
    func field(_ bytes: UnsafeBufferPointer<UInt8>) {
        separate()
        guard needsQuotes(bytes) else { return put(bytes) }
        precondition(count + 2 * bytes.count + 2 <= capacity, "a CSV row larger than 1 MB")
        put(0x22)
        for b in bytes {
            if b == 0x22 { put(0x22) }
            put(b)
        }
        put(0x22)
    }

    /// Whether a field holds the delimiter, a quote, CR or LF.
    @inline(__always)
    func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b == delimiter || b == 0x22 || b == 0x0A || b == 0x0D { return true }
        return false
    }

    func field(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { field($0) } }

    func field(_ text: String) { field(Array(text.utf8)) }

    /// Entry `i` of a byte table.
    @inline(__always)
    func field(_ table: ByteTable, _ i: Int) {
        if table.plain(i) {
            separate()
            put(table[i])
        } else {
            field(table[i])
        }
    }

    /// The scratch buffer as one field.
    func scratchField() { scratch.withUnsafeBufferPointer { field($0) } }

    @inline(__always)
    func empty() { separate() }

    /// A non-negative integer, zero-padded to `width` digits.
    @inline(__always)
    func number(_ n: Int, width: Int = 1) {
        separate()
        appendDigits(n, width: width)
    }

    /// Bytes that need no quoting, appended to the current field.
    @inline(__always)
    func raw(_ table: ByteTable, _ i: Int) { put(table[i]) }

    @inline(__always)
    func raw(_ byte: UInt8) { put(byte) }

    @inline(__always)
    func startRawField() { separate() }

    @inline(__always)
    func appendDigits(_ n: Int, width: Int) {
        var divisor = 1, digits = 1
        while divisor * 10 <= n || digits < width { divisor *= 10; digits += 1 }
        var v = n
        while divisor > 0 { put(UInt8(truncatingIfNeeded: 0x30 + v / divisor)); v %= divisor; divisor /= 10 }
    }

    @inline(__always)
    private func two(_ n: Int) {
        put(UInt8(truncatingIfNeeded: 0x30 + n / 10)); put(UInt8(truncatingIfNeeded: 0x30 + n % 10))
    }

    @inline(__always)
    private func four(_ n: Int) { two(n / 100); two(n % 100) }

    /// A moment in the style's format, or an empty field.
    func timestamp(_ t: LocalDateTime?) {
        separate()
        guard let t else { return }
        let c = t.date.components
        let s = t.secondOfDay
        let (hh, mm, ss) = (s / 3600, s / 60 % 60, s % 60)
        switch style {
        case .canonical:
            four(c.year); put(0x2D); two(c.month); put(0x2D); two(c.day); put(0x20)
            two(hh); put(0x3A); two(mm); put(0x3A); two(ss)
        case .vietnamese:
            two(c.day); put(0x2F); two(c.month); put(0x2F); four(c.year); put(0x20)
            two(hh); put(0x3A); two(mm); put(0x3A); two(ss)
        case .utf16:
            four(c.year); two(c.month); two(c.day); two(hh); two(mm); two(ss)
        }
    }

    // MARK: - Rows

    func endRow() throws {
        for b in lineEnd { put(b) }
        atRowStart = true
        rows += 1
        if count >= ByteSink.chunkSize { try flush() }
    }

    func row(_ fields: [String]) throws {
        for f in fields { field(f) }
        try endRow()
    }

    private func flush() throws {
        try sink.write(UnsafeBufferPointer(start: base, count: count))
        count = 0
    }

    /// Writes what is left and gives the file its final name.
    func finish() throws {
        try flush()
        try sink.finish()
    }

    func abandon() { sink.abandon() }
}

/// Texts turned into bytes once, stored end to end in one block: a row copies
/// a slice instead of retaining an array per field.
final class ByteTable: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<UInt8>
    private let offsets: [Int]
    private let plainFlags: [Bool]

    /// - Parameter delimiter: entries holding it (or a quote, CR, LF) are
    ///   marked to be quoted when written.
    init(_ entries: [[UInt8]], delimiter: UInt8) {
        let total = entries.reduce(0) { $0 + $1.count }
        storage = .allocate(capacity: max(total, 1))
        var offsets = [0]
        var plain: [Bool] = []
        var at = 0
        for e in entries {
            for b in e { storage[at] = b; at += 1 }
            offsets.append(at)
            plain.append(!e.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
        }
        self.offsets = offsets
        self.plainFlags = plain
    }

    deinit { storage.deallocate() }

    var count: Int { plainFlags.count }

    @inline(__always)
    subscript(i: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: storage.baseAddress! + offsets[i], count: offsets[i + 1] - offsets[i])
    }

    /// Needs no quoting.
    @inline(__always)
    func plain(_ i: Int) -> Bool { plainFlags[i] }
}
