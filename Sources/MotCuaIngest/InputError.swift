/// A message in Vietnamese (the default) with its English variant.
public struct BilingualText: Sendable, Hashable {
    public let vi: String
    public let en: String
    public init(vi: String, en: String) { self.vi = vi; self.en = en }
    public func text(_ language: Language) -> String { language == .en ? en : vi }
}

/// The language of messages: Vietnamese unless `--lang en`.
public enum Language: String, Sendable, CaseIterable { case vi, en }

/// A whole input file cannot be used: missing, empty, undecodable, no header.
/// Nothing from the file is imported.
public struct InputFileError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: BilingualText

    public init(file: String, line: Int? = nil, _ vi: String, _ en: String) {
        self.file = file; self.line = line; self.message = BilingualText(vi: vi, en: en)
    }

    public func text(_ language: Language) -> String {
        let place = line.map { language == .en ? "\(file), line \($0)" : "\(file), dòng \($0)" } ?? file
        return "\(place): \(message.text(language))"
    }

    public var description: String { text(.vi) }
}

/// One row that cannot be used, with where it is and why (docs/rules.md#rejects).
public struct RowRejection: Sendable, Hashable {
    public let file: String
    /// Physical line where the record starts (header = line 1).
    public let line: Int
    /// The column's header as written in the file; empty for a whole-row problem.
    public let column: String
    public let value: String
    public let reason: BilingualText

    /// `value` is kept as quoted in messages: at most ``FieldLimit/quotedCharacters``.
    public init(file: String, line: Int, column: String, value: String, reason: BilingualText) {
        self.file = file; self.line = line; self.column = column; self.value = FieldLimit.quoted(value); self.reason = reason
    }

    public func text(_ language: Language) -> String {
        let col = column.isEmpty ? "" : (language == .en ? ", column \(column)" : ", cột \(column)")
        let line = language == .en ? "line \(self.line)" : "dòng \(self.line)"
        return "\(file), \(line)\(col): \(reason.text(language))"
    }
}
