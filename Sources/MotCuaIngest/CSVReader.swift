/// One record of a CSV file and the physical line it starts on (header = 1).
public struct CSVRecord: Sendable {
    public let line: Int
    public let fields: [String]
}

/// Reads records from decoded CSV text: RFC 4180 quoting with embedded
/// delimiters, doubled quotes and newlines; CRLF, LF or CR line ends; blank
/// lines skipped.
public struct CSVReader {
    public let text: CSVText
    public let delimiter: UInt8
    private var position = 0
    private var line = 1

    public init(text: CSVText, delimiter: UInt8) {
        self.text = text
        self.delimiter = delimiter
    }

    /// The next record, or `nil` at the end of the file.
    /// - throws: ``InputFileError`` when a field is not valid UTF-8.
    public mutating func next() throws -> CSVRecord? {
        return try text.withBytes { buf -> CSVRecord? in
            let n = buf.count
            while position < n {
                let startLine = line
                var fields: [String] = []
                var field: [UInt8] = []
                var endOfRecord = false
                while !endOfRecord {
                    if position < n && buf[position] == 0x22 {  // quoted field: unescape into a copy
                        field.removeAll(keepingCapacity: true)
                        position += 1
                        while position < n {
                            let c = buf[position]
                            if c == 0x22 {
                                if position + 1 < n && buf[position + 1] == 0x22 {
                                    field.append(0x22); position += 2
                                } else { position += 1; break }
                            } else {
                                if c == 0x0A || (c == 0x0D && (position + 1 >= n || buf[position + 1] != 0x0A)) { line += 1 }
                                field.append(c); position += 1
                            }
                        }
                        // Text after a closing quote is kept as written.
                        while position < n {
                            let c = buf[position]
                            if c == delimiter || c == 0x0A || c == 0x0D { break }
                            field.append(c); position += 1
                        }
                        fields.append(try field.withUnsafeBufferPointer { try string($0, line: startLine) })
                    } else {  // unquoted: the bytes are the field, no copy
                        let start = position
                        while position < n {
                            let c = buf[position]
                            if c == delimiter || c == 0x0A || c == 0x0D { break }
                            position += 1
                        }
                        fields.append(try string(UnsafeBufferPointer(rebasing: buf[start..<position]), line: startLine))
                    }
                    if position >= n { endOfRecord = true }
                    else if buf[position] == delimiter { position += 1 }
                    else {
                        if buf[position] == 0x0D { position += 1 }
                        if position < n && buf[position] == 0x0A { position += 1 }
                        line += 1
                        endOfRecord = true
                    }
                }
                if fields.count == 1 && fields[0].isEmpty { continue }  // blank line
                return CSVRecord(line: startLine, fields: fields)
            }
            return nil
        }
    }

    private func string(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) throws -> String {
        if bytes.isEmpty { return "" }
        guard let s = String(validating: bytes, as: UTF8.self) else {
            throw InputFileError(
                file: text.file, line: line,
                "Tệp không phải UTF-8 hợp lệ. Hãy lưu lại tệp ở dạng UTF-8 (CSV UTF-8) hoặc khai báo mã hóa bằng tùy chọn --encoding (utf-8, utf-16le, utf-16be).",
                "The file is not valid UTF-8. Save it as UTF-8 (CSV UTF-8) or set the encoding with --encoding (utf-8, utf-16le, utf-16be).")
        }
        return s
    }

    /// The delimiter of a file: the most frequent of `,` `;` and tab in the
    /// header line outside quotes (SPEC §10.16).
    /// - throws: ``InputFileError`` on a tie, naming the `--delimiter` option.
    public static func detectDelimiter(in text: CSVText) throws -> UInt8 {
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
            throw InputFileError(
                file: text.file, line: 1,
                "Không nhận ra dấu phân cách cột ở dòng tiêu đề (dấu phẩy, chấm phẩy hay tab). Hãy khai báo bằng tùy chọn --delimiter.",
                "No column delimiter (comma, semicolon or tab) found in the header line. Set it with --delimiter.")
        }
        if sorted[0].value == sorted[1].value {
            throw InputFileError(
                file: text.file, line: 1,
                "Không xác định được dấu phân cách cột (dòng tiêu đề có số dấu phẩy, chấm phẩy, tab bằng nhau). Hãy khai báo bằng tùy chọn --delimiter.",
                "Ambiguous column delimiter (the header line has as many of two candidates). Set it with --delimiter.")
        }
        return sorted[0].key
    }
}
