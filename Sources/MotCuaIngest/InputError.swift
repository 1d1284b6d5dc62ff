import MotCuaCore

// A whole input file that cannot be used (missing, empty, undecodable, no
// header) is a `Message` coded `input.*` with the file (and line) as its place:
// nothing from the file is imported.

/// One row that cannot be used, with where it is and why (docs/rules.md#rejects).
package struct RowRejection: Sendable, Hashable {
    package let file: String
    /// Physical line where the record starts (header = line 1).
    package private(set) var line: Int
    /// The column's header as written in the file; empty for a whole-row problem.
    package let column: String
    package let value: String
    /// Why, coded `row.*`; without a place (``message`` adds it).
    package let reason: Message

    /// `value` is kept as quoted in messages: at most ``FieldLimit/quotedCharacters``.
    package init(file: String, line: Int, column: String, value: String, reason: Message) {
        self.file = file; self.line = line; self.column = column; self.value = FieldLimit.quoted(value); self.reason = reason
    }

    /// The same rejection `offset` lines further down: a stretch of the export
    /// read on its own counts its lines from 0 (``CSVSegments``).
    func shifted(by offset: Int) -> RowRejection {
        var moved = self
        moved.line += offset
        return moved
    }

    /// The reason as a warning about the row: "tệp.csv, dòng 12, cột NgayHenTra: …".
    package var message: Message {
        var m = reason.at(Place(file: file, line: line, column: column))
        m.severity = .warning
        return m
    }

    package func text(_ language: Language = .current) -> String { message.text(language) }
}

extension Message {
    /// A whole input file that cannot be used, coded `input.<code>`.
    static func input(_ code: String, file: String, line: Int? = nil, column: String? = nil,
                      _ vi: String, _ en: String) -> Message {
        Message("input." + code, file: file, line: line, column: column, vi: vi, en: en)
    }

    /// Why a row is rejected, coded `row.<code>`; ``RowRejection`` adds the place.
    static func row(_ code: String, _ vi: String, _ en: String) -> Message {
        Message("row." + code, vi: vi, en: en, severity: .warning)
    }
}
