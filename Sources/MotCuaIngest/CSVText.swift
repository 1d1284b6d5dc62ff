import Foundation
import MotCuaCore

/// The text encodings an export may come in.
package enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
}

/// A CSV file decoded to UTF-8 bytes, with its dialect (encoding, delimiter).
///
/// A byte-level reader rather than a CSV library: the exports are hundreds of
/// megabytes, and the reader must report the physical line where each record
/// starts (quoted fields contain newlines) for the reject messages of docs/rules.md#rejects.
package struct CSVText: Sendable {
    package let file: String
    package let encoding: TextEncoding
    package let hadByteOrderMark: Bool
    /// The UTF-8 text: the file's own bytes (memory-mapped, never copied: a
    /// 300 MB export copied into an array doubled an import's memory), or the
    /// transcoding of a UTF-16 file.
    private let storage: Data
    /// Where the text starts in `storage` (after a byte order mark).
    private let start: Int
    /// `storage` is a read-only mapping of the file, whose pages can be given
    /// back once read (they are read again from the file if ever touched).
    package internal(set) var isFileMapping = false

    /// Calls `body` with the UTF-8 text, without its byte order mark.
    package func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try storage.withUnsafeBytes { raw in
            let all = raw.bindMemory(to: UInt8.self)
            return try body(UnsafeBufferPointer(rebasing: all[start...]))
        }
    }

    /// Decodes `data`: a BOM decides UTF-8 or UTF-16 (LE/BE); without one the
    /// file is read as UTF-8 (checked whole, before any record is read), unless
    /// `encoding` forces another.
    /// - Parameter checkingUTF8: `false` leaves the UTF-8 check to ``CSVReader``, which
    ///   checks a few megabytes ahead as it reads (``isCheckedUTF8`` stays `false`).
    package init(file: String, data: Data, encoding forced: TextEncoding? = nil, checkingUTF8: Bool = true) throws {
        self.file = file
        guard !data.isEmpty else {
            throw Message.input("empty", file: file, "Tệp rỗng.", "The file is empty.")
        }
        var encoding = forced ?? .utf8
        var skip = 0
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            if forced == nil || forced == .utf8 { encoding = .utf8; skip = 3 }
        } else if data.starts(with: [0xFF, 0xFE]) {
            if forced == nil || forced == .utf16LE { encoding = .utf16LE; skip = 2 }
        } else if data.starts(with: [0xFE, 0xFF]) {
            if forced == nil || forced == .utf16BE { encoding = .utf16BE; skip = 2 }
        }
        self.encoding = encoding
        self.hadByteOrderMark = skip > 0
        switch encoding {
        case .utf8:
            storage = data
            start = skip
        case .utf16LE, .utf16BE:
            storage = Data(try CSVText.transcodeUTF16([UInt8](data)[skip...], bigEndian: encoding == .utf16BE, file: file))
            start = 0
        }
        let blank = withBytes { $0.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } }
        if blank { throw Message.input("empty", file: file, "Tệp rỗng.", "The file is empty.") }
        if checkingUTF8 || encoding != .utf8 {
            try checkUTF8()
            isCheckedUTF8 = true
        }
    }

    /// The whole text is known to be UTF-8; else ``CSVReader`` checks it as it reads.
    package private(set) var isCheckedUTF8 = false

    /// Gives back the memory of the text's pages before `offset` (whole pages
    /// from `from`): a 400 MB export read front to back otherwise stays
    /// resident to the end of the import. Does nothing unless the text is a file mapping.
    func releasePages(from: Int, before offset: Int) {
        guard isFileMapping else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        storage.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            let address = Int(bitPattern: base) + start
            let first = (address + from + page - 1) / page * page
            let end = (address + offset) / page * page
            if end > first { _ = madvise(UnsafeMutableRawPointer(bitPattern: first), end - first, MADV_DONTNEED) }
        }
    }

    /// Throws when a UTF-8 text is not valid UTF-8, naming the line of the first bad byte.
    package func checkUTF8() throws {
        if encoding == .utf8, let line = withBytes({ b in UTF8Check.firstInvalidByte(in: b).map { UTF8Check.line(of: $0, in: b) } }) {
            throw CSVText.notUTF8(file: file, line: line)
        }
    }

    static func notUTF8(file: String, line: Int) -> Message {
        Message.input("not-utf8", 
            file: file, line: line,
            "Tệp không phải UTF-8 hợp lệ. Hãy lưu lại tệp ở dạng UTF-8 (CSV UTF-8) hoặc khai báo mã hóa bằng tùy chọn --encoding (utf-8, utf-16le, utf-16be).",
            "The file is not valid UTF-8. Save it as UTF-8 (CSV UTF-8) or set the encoding with --encoding (utf-8, utf-16le, utf-16be).")
    }

    private static func transcodeUTF16(_ raw: ArraySlice<UInt8>, bigEndian: Bool, file: String) throws -> [UInt8] {
        guard raw.count % 2 == 0 else {
            throw Message.input("utf16-truncated", file: file, "Tệp UTF-16 bị cắt cụt (số byte lẻ).",
                                 "The UTF-16 file is truncated (odd number of bytes).")
        }
        var units: [UInt16] = []
        units.reserveCapacity(raw.count / 2)
        var i = raw.startIndex
        while i < raw.endIndex {
            let a = UInt16(raw[i]), b = UInt16(raw[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        var out: [UInt8] = []
        out.reserveCapacity(units.count)
        var iterator = units.makeIterator()
        var decoder = UTF16()
        decode: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): UTF8.encode(s) { out.append($0) }
            case .emptyInput: break decode
            case .error:
                throw Message.input("utf16-invalid", file: file, "Tệp UTF-16 có ký tự không hợp lệ.",
                                     "The UTF-16 file contains an invalid character.")
            }
        }
        return out
    }
}
