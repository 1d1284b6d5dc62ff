import MotCuaCore
/// How long one field of an input file may be (giới hạn độ dài trường), and
/// how much of a value a message quotes.
///
/// No code or name of a real export comes near 4,096 bytes (the longest
/// procedure names are about 400). A longer field is a broken file (a stray
/// quote that swallowed lines) or an attack (a 500 MB applicant name), and
/// quoting it whole once put 524 MB on standard error and a 1.5 GB rejects file.
package enum FieldLimit {
    /// The most bytes one field may hold; a longer one rejects its row.
    package static let maxBytes = 4_096
    /// The most characters of a value a message or the rejects file quotes.
    package static let quotedCharacters = 200

    /// `value` cut to ``quotedCharacters`` with "… (N ký tự)" telling how long it was.
    package static func quoted(_ value: String) -> String {
        guard value.utf8.count > quotedCharacters else { return value }
        let count = value.count
        guard count > quotedCharacters else { return value }
        return String(value.prefix(quotedCharacters)) + "… (\(count) ký tự)"
    }

    /// The rejection of a reference-file row with an over-long field, if it has one.
    static func rejection<C>(of fields: [String], header: HeaderMap<C>, file: String, line: Int) -> RowRejection? {
        guard let i = fields.firstIndex(where: { $0.utf8.count > maxBytes }) else { return nil }
        return RowRejection(file: file, line: line, column: i < header.written.count ? header.written[i] : "",
                            value: fields[i], reason: tooLong(bytes: fields[i].utf8.count))
    }

    /// The reason a row with an over-long field is rejected.
    static func tooLong(bytes: Int) -> Message {
        .row("field-too-long", "Trường quá dài (\(bytes) byte; tối đa \(maxBytes)). Tệp có thể bị hỏng (thiếu dấu ngoặc kép đóng?).",
             "The field is too long (\(bytes) bytes; at most \(maxBytes)). The file may be broken (a missing closing quote?).")
    }
}
