import Foundation

/// One line of a calendar file (tệp lịch): a date that is a day off (`nghi`)
/// or a make-up working day (`lam-bu`, usually a Saturday worked in exchange
/// for a weekday off).
package struct CalendarEntry: Hashable, Sendable {
    package enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Ngày nghỉ: not a working day, whatever the weekday.
        case dayOff = "nghi"
        /// Ngày làm bù: a working day, whatever the weekday.
        case makeUp = "lam-bu"
    }

    package let date: CivilDate
    package let kind: Kind
    /// The note column: the day's name and, in shipped files, the source.
    package let note: String
    /// The file and line the entry came from, for messages.
    package let file: String
    package let line: Int

    package init(date: CivilDate, kind: Kind, note: String = "", file: String = "", line: Int = 0) {
        self.date = date
        self.kind = kind
        self.note = note
        self.file = file
        self.line = line
    }

    /// The name shown for the day: the note up to its first ` | ` (what follows
    /// is the source), or a generic name.
    package var name: String {
        let head = note.split(separator: " | ", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let trimmed = head.trimmingSpaces()
        if !trimmed.isEmpty { return trimmed }
        return kind == .dayOff ? "Ngày nghỉ" : "Ngày làm bù"
    }
}
