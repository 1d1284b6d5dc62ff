import Foundation

/// Office hours of a working day (giờ làm việc), as sessions of the local
/// wall clock. The default is 07:30–11:30 and 13:30–17:00; the length of a
/// working day is the sum of the sessions (7.5 hours), so "0.5 ngày làm việc"
/// is 3 h 45 min of working time.
package struct WorkingHours: Hashable, Sendable, CustomStringConvertible {
    /// One session, in seconds since local midnight: `start..<end`.
    package struct Session: Hashable, Sendable {
        package let start: Int
        package let end: Int
        package var length: Int { end - start }
    }

    /// Sessions in order, not overlapping, non-empty.
    package let sessions: [Session]
    /// Seconds of working time in one working day.
    package let dayLength: Int

    /// 07:30–11:30 and 13:30–17:00.
    package static let standard = try! WorkingHours(sessions: [(27_000, 41_400), (48_600, 61_200)])

    /// - throws: ``WorkingHoursError`` when sessions are empty, reversed,
    ///   overlapping, unsorted or outside 00:00–24:00.
    package init(sessions pairs: [(start: Int, end: Int)]) throws {
        guard !pairs.isEmpty else { throw WorkingHoursError(text: "", reason: .empty) }
        var previousEnd = 0
        var sessions: [Session] = []
        for (start, end) in pairs {
            guard start >= 0, end <= 86_400, start < end else {
                throw WorkingHoursError(text: Self.format(start, end), reason: .reversed)
            }
            guard start >= previousEnd else {
                throw WorkingHoursError(text: Self.format(start, end), reason: .overlapping)
            }
            previousEnd = end
            sessions.append(Session(start: start, end: end))
        }
        self.sessions = sessions
        self.dayLength = sessions.reduce(0) { $0 + $1.length }
    }

    /// Parses `07:30-11:30,13:30-17:00` (also `;` between sessions, `–` or
    /// `-` inside, `7h30` for `07:30`).
    package init(parsing text: String) throws {
        var pairs: [(Int, Int)] = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let ends = part.split(whereSeparator: { $0 == "-" || $0 == "–" })
            guard ends.count == 2, let s = Self.parseTime(ends[0]), let e = Self.parseTime(ends[1]) else {
                throw WorkingHoursError(text: String(part), reason: .unreadable)
            }
            pairs.append((s, e))
        }
        try self.init(sessions: pairs)
    }

    /// Start of the first session (07:30).
    package var firstStart: Int { sessions[0].start }
    /// End of the last session (17:00): "the end of the working day".
    package var lastEnd: Int { sessions[sessions.count - 1].end }

    /// Working seconds of a working day elapsed at `secondOfDay`.
    @inline(__always)
    package func workedSeconds(at secondOfDay: Int) -> Int {
        var worked = 0
        for s in sessions {
            if secondOfDay <= s.start { break }
            worked += min(secondOfDay, s.end) - s.start
        }
        return worked
    }

    /// The earliest second of the day at which `worked` seconds (1…dayLength)
    /// have elapsed: landing exactly on a session end gives that end (11:30,
    /// 17:00), not the next start.
    @inline(__always)
    package func secondOfDay(afterWorking worked: Int) -> Int {
        var remaining = worked
        for s in sessions {
            if remaining <= s.length { return s.start + remaining }
            remaining -= s.length
        }
        return lastEnd
    }

    /// The first moment of working time at or after `secondOfDay` on a working
    /// day, or `nil` when the day's sessions are over.
    @inline(__always)
    package func workingMoment(atOrAfter secondOfDay: Int) -> Int? {
        for s in sessions where secondOfDay < s.end {
            return max(secondOfDay, s.start)
        }
        return nil
    }

    package var description: String {
        sessions.map { Self.format($0.start, $0.end) }.joined(separator: ", ")
    }

    static func format(_ start: Int, _ end: Int) -> String {
        func hm(_ s: Int) -> String { "\(pad(s / 3600, 2)):\(pad(s / 60 % 60, 2))" }
        return "\(hm(start))–\(hm(end))"
    }

    static func parseTime(_ raw: Substring) -> Int? {
        let t = raw.trimmingSpaces().lowercased()
        let parts = t.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "h" })
        guard (1...2).contains(parts.count), let h = Int(parts[0]), (0...24).contains(h) else { return nil }
        let m = parts.count == 2 && !parts[1].isEmpty ? Int(parts[1]) : 0
        guard let minute = m, (0...59).contains(minute), h * 60 + minute <= 24 * 60 else { return nil }
        return h * 3600 + minute * 60
    }
}

/// Working hours that cannot be used; its ``message`` says why (code
/// `working-hours.<reason>`).
package struct WorkingHoursError: UserMessage, Hashable, Sendable, CustomStringConvertible {
    package enum Reason: String, Hashable, Sendable { case empty, unreadable, reversed, overlapping }
    package let text: String
    package let reason: Reason

    package var message: Message {
        let (vi, en): (String, String)
        switch reason {
        case .empty: (vi, en) = ("Giờ làm việc trống: cần ít nhất một buổi, ví dụ 07:30-11:30,13:30-17:00",
                                 "Working hours are empty: give at least one session, e.g. 07:30-11:30,13:30-17:00")
        case .unreadable: (vi, en) = ("Không đọc được buổi làm việc \"\(text)\": viết dạng HH:mm-HH:mm, ví dụ 07:30-11:30",
                                      "Cannot read the working session \"\(text)\": write HH:mm-HH:mm, e.g. 07:30-11:30")
        case .reversed: (vi, en) = ("Buổi làm việc \(text) có giờ kết thúc không sau giờ bắt đầu",
                                    "Working session \(text) does not end after it starts")
        case .overlapping: (vi, en) = ("Buổi làm việc \(text) chồng lên hoặc đứng trước buổi trước nó",
                                       "Working session \(text) overlaps or precedes the session before it")
        }
        return Message("working-hours." + reason.rawValue, vi: vi, en: en)
    }

    package var description: String { message.text() }
}
