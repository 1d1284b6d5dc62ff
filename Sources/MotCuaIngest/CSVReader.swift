import MotCuaCore

/// One record of a CSV file and the physical line it starts on (header = 1).
package struct CSVRecord: Sendable {
    package let line: Int
    package let fields: [String]
}

/// One record as byte ranges of the text, for readers that parse most fields
/// as bytes (dates, numbers) and build strings only for the few they keep.
/// Valid only during the ``CSVReader/forEachRecord(_:)`` call that hands it over.
package struct CSVRow {
    /// The physical line the record starts on (header = 1).
    package let line: Int
    let text: UnsafeBufferPointer<UInt8>
    let scratch: UnsafeBufferPointer<UInt8>
    /// Start and end of each field; a negative start `~s` is offset `s` of `scratch`.
    let bounds: UnsafeBufferPointer<Int>

    package var count: Int { bounds.count / 2 }

    /// The bytes of field `i` (quotes removed, doubled quotes undone); empty when the record is shorter.
    @inline(__always) package subscript(i: Int) -> UnsafeBufferPointer<UInt8> {
        guard i >= 0, i < count else { return UnsafeBufferPointer(start: nil, count: 0) }
        let start = bounds[2 * i], end = bounds[2 * i + 1]
        return start >= 0 ? UnsafeBufferPointer(rebasing: text[start..<end])
                          : UnsafeBufferPointer(rebasing: scratch[~start..<end])
    }

    /// The record was read across lines inside a quoted field and came out
    /// wrong (``CSVReader/expectedFieldCount``), so the reader went on at its
    /// second physical line: a quote opened by mistake.
    package internal(set) var brokenQuote = false
    /// For a ``brokenQuote`` record, the fields of its first physical line alone.
    package internal(set) var fieldsOnFirstLine = 0

    /// Field `i` as text (the file was checked to be UTF-8 when it was opened).
    package func string(_ i: Int) -> String { String(decoding: self[i], as: UTF8.self) }

    /// The first field longer than `limit` bytes, and its length.
    package func firstField(longerThan limit: Int) -> (index: Int, bytes: Int)? {
        var i = 0
        while i < count {
            let n = bounds[2 * i + 1] - (bounds[2 * i] >= 0 ? bounds[2 * i] : ~bounds[2 * i])
            if n > limit { return (i, n) }
            i += 1
        }
        return nil
    }
}

/// Reads records from decoded CSV text: RFC 4180 quoting with embedded
/// delimiters, doubled quotes and newlines; CRLF, LF or CR line ends; blank
/// lines skipped.
package struct CSVReader: Sendable {
    package let text: CSVText
    package let delimiter: UInt8
    /// The header's field count, when records must have as many. A record
    /// read across lines inside quotes that has another count, or a whole
    /// record's delimiters on a line inside it, is taken for a quote opened by
    /// mistake: it is handed over as it was read, marked ``CSVRow/brokenQuote``
    /// (the caller rejects it), and reading goes on at its second physical
    /// line, so a stray quote costs one record instead of swallowing the following ones.
    package var expectedFieldCount: Int?
    /// Where the next record is looked for, and its physical line.
    package private(set) var position = 0
    package private(set) var line = 1
    /// The current record's field bounds (see ``CSVRow``) and unescaped quoted
    /// fields, reused from record to record: reading allocates nothing per field.
    private var bounds: [Int] = []
    private var scratch: [UInt8] = []
    /// How far the text is known to be UTF-8.
    private var checkedUpTo: Int
    /// Where the last record read starts and ends (before its line break), and
    /// whether it ran across a line inside quotes.
    /// Cuts the records into chunks and jumps over chunks applied before
    /// (docs/rules.md#source-digests); `nil` reads every record.
    package var chunkLog: ChunkLog?
    /// Records starting at or after this offset are left to another reader
    /// (``CSVSegments``): the reader stops at the first line start it reaches
    /// there, and checks the text ahead only up to it.
    private var stopAt = Int.max
    private var recordOffset = 0
    private var recordEnd = 0
    private var quotedLineBreak = false

    package init(text: CSVText, delimiter: UInt8) {
        self.text = text
        self.delimiter = delimiter
        self.checkedUpTo = text.isCheckedUTF8 ? Int.max : 0
    }

    /// A reader of the records that start from offset `start` (a line start) up
    /// to `stop`, on a text already opened by this one; lines are counted from 0 there.
    func segment(from start: Int, stopAt stop: Int) -> CSVReader {
        var reader = CSVReader(text: text, delimiter: delimiter)
        reader.expectedFieldCount = expectedFieldCount
        reader.position = start
        reader.line = 0
        reader.stopAt = stop
        if reader.checkedUpTo < start { reader.checkedUpTo = start }
        return reader
    }

    /// The next record, or `nil` at the end of the file.
    /// - throws: ``Message`` when the text read is not UTF-8 (a file opened without the check).
    package mutating func next() throws -> CSVRecord? {
        var record: CSVRecord?
        try forEachRecord(limit: 1) { row in record = CSVRecord(line: row.line, fields: (0..<row.count).map(row.string)) }
        return record
    }

    /// Calls `body` with each remaining record, or with the next `limit` ones.
    ///
    /// A text opened without its UTF-8 check is checked here a few megabytes
    /// ahead of the records, and the pages already read are given back: a
    /// whole-file check first would bring all of a 400 MB export into memory at once.
    /// - throws: ``Message`` at the first byte that is not UTF-8, or what `body` throws.
    package mutating func forEachRecord(limit: Int = .max, _ body: (CSVRow) throws -> Void) throws {
        try text.withBytes { buf in
            var read = 0
            var released = position
            while read < limit {
                // Chunks applied before whose bytes are here are jumped over unparsed,
                // their pages given back as soon as they are digested.
                while let log = chunkLog {
                    let (p, l) = log.boundary(at: position, line: line, in: buf)
                    if p == position { break }
                    position = p; line = l
                    if checkedUpTo < p { checkedUpTo = p }  // the same bytes were checked when first imported
                    text.releasePages(from: released, before: p)
                    released = p
                }
                let recordStart = position
                if checkedUpTo < min(buf.count, stopAt) && checkedUpTo < position + (1 << 20) {
                    try check(buf, upTo: min(position + (4 << 20), stopAt))
                }
                guard let startLine = readRecord(buf) else {
                    chunkLog?.finish(at: buf.count, line: line, in: buf)
                    break
                }
                chunkLog?.counted()
                if position > checkedUpTo { try check(buf, upTo: position) }
                let broken = quotedLineBreak && expectedFieldCount.map { bounds.count != 2 * $0 || runsOverRecords(buf, $0) } == true
                let fieldsOnFirstLine = broken ? resume(buf, afterFirstLineOf: startLine) : 0
                read += 1
                // Pages of the chunk being read stay until it is digested.
                let keep = min(recordStart, chunkLog?.currentStart ?? recordStart)
                if keep - released >= 16 << 20 {
                    text.releasePages(from: released, before: keep)
                    released = keep
                }
                try bounds.withUnsafeBufferPointer { b in
                    try scratch.withUnsafeBufferPointer { s in
                        try body(CSVRow(line: startLine, text: buf, scratch: s, bounds: b, brokenQuote: broken,
                                        fieldsOnFirstLine: fieldsOnFirstLine))
                    }
                }
            }
        }
    }

    /// Whether a line inside the record just read (neither its first nor its
    /// last) has a whole record's delimiters: a stray quote that ran over whole
    /// records and, by chance, came out with the right field count. A quoted
    /// address across lines has no such line.
    private func runsOverRecords(_ buf: UnsafeBufferPointer<UInt8>, _ fields: Int) -> Bool {
        var p = recordOffset, delimiters = 0, pastFirstLine = false
        while p < recordEnd {
            let c = buf[p]
            if c == delimiter {
                delimiters += 1
            } else if c == 0x0A || c == 0x0D {
                // A line break before the record's end: the line it ends is not the last.
                if pastFirstLine && delimiters >= fields - 1 { return true }
                pastFirstLine = true
                delimiters = 0
                if c == 0x0D && p + 1 < recordEnd && buf[p + 1] == 0x0A { p += 1 }
            }
            p += 1
        }
        return false
    }

    /// Moves back to the second physical line of the record just read, which
    /// starts at `recordOffset` on line `startLine`; returns the fields of its
    /// first line, for the message.
    private mutating func resume(_ buf: UnsafeBufferPointer<UInt8>, afterFirstLineOf startLine: Int) -> Int {
        var p = recordOffset, fields = 1, quoted = false
        while buf[p] != 0x0A && buf[p] != 0x0D {  // there is one: the record ran across it
            if buf[p] == 0x22 { quoted.toggle() } else if buf[p] == delimiter && !quoted { fields += 1 }
            p += 1
        }
        p += buf[p] == 0x0D && p + 1 < buf.count && buf[p + 1] == 0x0A ? 2 : 1
        position = p
        line = startLine + 1
        return fields
    }

    /// Checks the text from `checkedUpTo` to `end` (moved on to a character boundary).
    private mutating func check(_ buf: UnsafeBufferPointer<UInt8>, upTo end: Int) throws {
        var end = min(end, buf.count)
        while end < buf.count && buf[end] & 0xC0 == 0x80 { end += 1 }
        let chunk = UnsafeBufferPointer(rebasing: buf[checkedUpTo..<end])
        if let bad = UTF8Check.firstInvalidByte(in: chunk) {
            throw CSVText.notUTF8(file: text.file, line: UTF8Check.line(of: checkedUpTo + bad, in: buf))
        }
        checkedUpTo = end
    }

    /// The first delimiter, CR or LF at or after `start`, looked for eight bytes
    /// at a time; `buf.count` minus fewer than eight when there is none in the
    /// whole words (the caller steps through the rest). Byte by byte, finding
    /// the ends of an export's fields was the reading thread's largest cost.
    @inline(__always)
    static func firstFieldEnd(_ buf: UnsafeBufferPointer<UInt8>, from start: Int, delimiter: UInt8) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        /// The high bit of every zero byte of `v`; the lowest set bit is exact
        /// (a borrow can only mark bytes above the first zero one).
        func zeroBytes(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let d = UInt64(delimiter) &* ones, lf = 0x0A &* ones, cr = 0x0D &* ones
        var i = start
        guard let base = buf.baseAddress else { return i }
        while i + 8 <= buf.count {
            let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            let found = zeroBytes(w ^ d) | zeroBytes(w ^ lf) | zeroBytes(w ^ cr)
            if found != 0 { return i + found.trailingZeroBitCount >> 3 }
            i += 8
        }
        return i
    }

    /// Reads the record at `position` into `bounds` and `scratch`; returns its
    /// first line, or `nil` at the end of the text.
    private mutating func readRecord(_ buf: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = buf.count
        while position < n && position < stopAt {
            let startLine = line
            recordOffset = position
            quotedLineBreak = false
            bounds.removeAll(keepingCapacity: true)
            scratch.removeAll(keepingCapacity: true)
            var endOfRecord = false
            while !endOfRecord {
                if position < n && buf[position] == 0x22 {  // quoted field
                    position += 1
                    let contentStart = position
                    var copied = false  // switched to scratch at the first doubled quote
                    var scratchStart = 0
                    while position < n {
                        let c = buf[position]
                        if c == 0x22 {
                            if position + 1 < n && buf[position + 1] == 0x22 {
                                if !copied {
                                    copied = true
                                    scratchStart = scratch.count
                                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[contentStart..<position]))
                                }
                                scratch.append(0x22); position += 2
                                continue
                            }
                            break
                        }
                        if LineBreak.ends(at: position, in: buf) {
                            line += 1
                            quotedLineBreak = true
                        }
                        if copied { scratch.append(c) }
                        position += 1
                    }
                    let contentEnd = position
                    if position < n { position += 1 }  // the closing quote
                    // Text after a closing quote is kept as written.
                    let trailingStart = position
                    while position < n {
                        let c = buf[position]
                        if c == delimiter || c == 0x0A || c == 0x0D { break }
                        position += 1
                    }
                    if trailingStart < position && !copied {
                        copied = true
                        scratchStart = scratch.count
                        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[contentStart..<contentEnd]))
                    }
                    if copied {
                        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[trailingStart..<position]))
                        bounds.append(~scratchStart); bounds.append(scratch.count)
                    } else {
                        bounds.append(contentStart); bounds.append(contentEnd)
                    }
                } else {  // unquoted: the bytes are the field
                    let start = position
                    position = CSVReader.firstFieldEnd(buf, from: position, delimiter: delimiter)
                    while position < n {
                        let c = buf[position]
                        if c == delimiter || c == 0x0A || c == 0x0D { break }
                        position += 1
                    }
                    bounds.append(start); bounds.append(position)
                }
                if position >= n { endOfRecord = true; recordEnd = n }
                else if buf[position] == delimiter { position += 1 }
                else {
                    recordEnd = position
                    if buf[position] == 0x0D { position += 1 }
                    if position < n && buf[position] == 0x0A { position += 1 }
                    line += 1
                    endOfRecord = true
                }
            }
            if bounds.count == 2 && bounds[0] == bounds[1] { continue }  // blank line
            return startLine
        }
        return nil
    }

    /// The delimiter of a file: the most frequent of `,` `;` and tab in the
    /// header line outside quotes (docs/rules.md#encoding).
    /// - throws: ``Message`` on a tie, naming the `--delimiter` option.
    package static func detectDelimiter(in text: CSVText) throws -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var inQuotes = false
        text.withBytes { bytes in
            for c in bytes {
                if c == 0x22 { inQuotes.toggle(); continue }
                if !inQuotes && (c == 0x0A || c == 0x0D) { break }
                if !inQuotes, counts[c] != nil { counts[c]! += 1 }
            }
        }
        let sorted = counts.sorted { $0.value > $1.value }
        if sorted[0].value == 0 {
            throw Message.input("no-delimiter", 
                file: text.file, line: 1,
                "Không nhận ra dấu phân cách cột ở dòng tiêu đề (dấu phẩy, chấm phẩy hay tab). Hãy khai báo bằng tùy chọn --delimiter.",
                "No column delimiter (comma, semicolon or tab) found in the header line. Set it with --delimiter.")
        }
        if sorted[0].value == sorted[1].value {
            throw Message.input("ambiguous-delimiter", 
                file: text.file, line: 1,
                "Không xác định được dấu phân cách cột (dòng tiêu đề có số dấu phẩy, chấm phẩy, tab bằng nhau). Hãy khai báo bằng tùy chọn --delimiter.",
                "Ambiguous column delimiter (the header line has as many of two candidates). Set it with --delimiter.")
        }
        return sorted[0].key
    }
}
