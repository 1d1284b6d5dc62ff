import MotCuaCore

/// What a date-only value means for a column (docs/rules.md#timestamps).
package enum DateOnlyMeaning: Sendable {
    /// 00:00 of that day: receipt, finish, return, supplement dates.
    case startOfDay
    /// The end of that working day: due dates (NgayHenTra, NgayHenTraMoi). A
    /// value of exactly 00:00:00 counts as date-only too, since many systems
    /// export dates that way.
    case endOfWorkingDay
}

/// Parses the timestamp formats of docs/rules.md#timestamps, all in Vietnam local time:
/// `dd/MM/yyyy[ HH:mm[:ss]]` (also `d/M/yyyy`), `yyyy-MM-dd[ HH:mm:ss]`,
/// ISO 8601 with `T` (an explicit offset is converted to UTC+7),
/// `yyyyMMddHHmmss` (portal sync), and Excel serial day numbers.
///
/// Rejected as unparseable (docs/rules.md#timestamps): two-digit years, `yyyyMMdd`,
/// `yyyy/MM/dd`, impossible dates, years outside 1900–2199.
package struct TimestampParser: Sendable {
    /// Second of the day when the working day ends (17:00 by default).
    package var endOfWorkingDay: Int
    /// Slashed dates are day first (`dd/MM/yyyy`) unless a mapping file says
    /// the source system writes `MM/dd/yyyy`.
    package var dayFirst: Bool

    package init(endOfWorkingDay: Int = 17 * 3600, dayFirst: Bool = true) {
        self.endOfWorkingDay = endOfWorkingDay
        self.dayFirst = dayFirst
    }

    /// The day numbers of 1900-01-01 … 2199-12-31, the years accepted: compared
    /// as they are, a date's year was computed back from its day number for
    /// every date of every row.
    private static let years1900to2199 = CivilDate(year: 1900, month: 1, day: 1)!.dayNumber
        ... CivilDate(year: 2199, month: 12, day: 31)!.dayNumber

    package enum Result: Sendable, Equatable {
        case blank
        case value(LocalDateTime)
        case invalid
    }

    package func parse(_ text: String, _ meaning: DateOnlyMeaning) -> Result {
        var text = text
        return text.withUTF8 { parse($0, meaning) }
    }

    /// Parses a field straight from the export's bytes: no `String` is built
    /// for the eight date columns of each of millions of rows.
    package func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ meaning: DateOnlyMeaning) -> Result {
        if let fixed = parseFixed(bytes, meaning) { return fixed }
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        var start = 0
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        if start == end { return .blank }
        var s = Scanner(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        guard let parsed = parseAny(&s), s.atEnd else { return .invalid }
        return result(parsed, meaning)
    }

    private func result(_ parsed: Parsed, _ meaning: DateOnlyMeaning) -> Result {
        guard TimestampParser.years1900to2199.contains(parsed.date.dayNumber) else { return .invalid }
        if parsed.dateOnly || (meaning == .endOfWorkingDay && parsed.second == 0) {
            let second = meaning == .endOfWorkingDay ? endOfWorkingDay : 0
            return .value(LocalDateTime(date: parsed.date, secondOfDay: second))
        }
        return .value(LocalDateTime(secondsSinceEpoch: Int64(parsed.date.dayNumber) * 86_400 + Int64(parsed.second)))
    }

    private struct Parsed { var date: CivilDate; var second: Int; var dateOnly: Bool }

    /// Reads the shapes of nearly every value of the one-stop exports at
    /// their fixed places: `dd/MM/yyyy HH:mm:ss`, `dd/MM/yyyy` and
    /// `yyyy-MM-dd HH:mm:ss` (or `T`). They give what the general scan gives
    /// (a test compares the two); scanned, a date cost 460 instructions, a
    /// seventh of decoding a row (callgrind, BENCHMARKS.md). `nil`: not one
    /// of these shapes, left to the scan.
    private func parseFixed(_ b: UnsafeBufferPointer<UInt8>, _ meaning: DateOnlyMeaning) -> Result? {
        guard b.count == 19 || b.count == 10, let p = b.baseAddress else { return nil }
        var notDigit: UInt8 = 0
        @inline(__always) func n(_ at: Int, _ count: Int) -> Int {
            var v = 0
            for k in at..<at &+ count {
                let d = p[k] &- 0x30
                notDigit |= d > 9 ? 1 : 0
                v = v &* 10 &+ Int(d)
            }
            return v
        }
        let date: CivilDate?
        let dateOnly = b.count == 10
        if p[2] == 0x2F && p[5] == 0x2F && (dateOnly || p[10] == 0x20) {
            let (a, m, y) = (n(0, 2), n(3, 2), n(6, 4))
            date = dayFirst ? CivilDate(year: y, month: m, day: a) : CivilDate(year: y, month: a, day: m)
        } else if !dateOnly && p[4] == 0x2D && p[7] == 0x2D && (p[10] == 0x20 || p[10] == 0x54) {
            date = CivilDate(year: n(0, 4), month: n(5, 2), day: n(8, 2))
        } else {
            return nil
        }
        var time: (h: Int, m: Int, s: Int)? = nil
        if !dateOnly {
            guard p[13] == 0x3A && p[16] == 0x3A else { return nil }
            time = (n(11, 2), n(14, 2), n(17, 2))
        }
        guard notDigit == 0 else { return nil }  // a non-digit where digits go: left to the scan
        guard let date else { return .invalid }
        var second = 0
        if let time {
            guard time.h < 24, time.m < 60, time.s < 60 else { return .invalid }
            second = time.h * 3600 + time.m * 60 + time.s
        }
        return result(Parsed(date: date, second: second, dateOnly: dateOnly), meaning)
    }

    private func parseAny(_ s: inout Scanner) -> Parsed? {
        let leading = s.peekDigitCount()
        if leading == 4 && s.peek(at: 4) == UInt8(ascii: "-") { return parseISO(&s) }
        if (1...2).contains(leading) && s.peek(at: leading) == UInt8(ascii: "/") { return parseSlashed(&s) }
        if leading == 14 && s.peek(at: 14) == nil { return parsePortal(&s) }
        if (1...6).contains(leading) { return parseSerial(&s) }
        return nil
    }

    /// `d/M/yyyy` with an optional ` H:mm` or ` H:mm:ss`.
    private func parseSlashed(_ s: inout Scanner) -> Parsed? {
        guard let a = s.number(1...2), s.consume("/"), let b = s.number(1...2), s.consume("/"),
              let y = s.number(4...4) else { return nil }
        let (d, m) = dayFirst ? (a, b) : (b, a)
        guard let date = CivilDate(year: y, month: m, day: d) else { return nil }
        if s.atEnd { return Parsed(date: date, second: 0, dateOnly: true) }
        guard s.consume(" ") else { return nil }
        while s.consume(" ") {}
        guard let t = parseTime(&s, hourDigits: 1...2) else { return nil }
        return Parsed(date: date, second: t, dateOnly: false)
    }

    /// `yyyy-MM-dd`, then optionally (space or `T`) `HH:mm[:ss[.fff]]` and a zone.
    private func parseISO(_ s: inout Scanner) -> Parsed? {
        guard let y = s.number(4...4), s.consume("-"), let m = s.number(2...2), s.consume("-"),
              let d = s.number(2...2), let date = CivilDate(year: y, month: m, day: d) else { return nil }
        if s.atEnd { return Parsed(date: date, second: 0, dateOnly: true) }
        guard s.consume("T") || s.consume(" ") else { return nil }
        guard var t = parseTime(&s, hourDigits: 2...2) else { return nil }
        if s.consume(".") || s.consume(",") { guard s.number(1...9) != nil else { return nil } }
        var offsetSeconds: Int? = nil
        if s.consume("Z") {
            offsetSeconds = 0
        } else if let sign = s.peek(at: 0), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            s.advance()
            guard let hh = s.number(2...2) else { return nil }
            _ = s.consume(":")
            guard let mm = s.number(2...2), hh <= 14, mm < 60 else { return nil }
            offsetSeconds = (hh * 3600 + mm * 60) * (sign == UInt8(ascii: "+") ? 1 : -1)
        }
        guard let offset = offsetSeconds else { return Parsed(date: date, second: t, dateOnly: false) }
        // Convert to Vietnam time (UTC+7).
        t += 7 * 3600 - offset
        let dayShift = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
        return Parsed(date: date.adding(days: dayShift), second: t - dayShift * 86_400, dateOnly: false)
    }

    /// `yyyyMMddHHmmss`, the national portal's sync format.
    private func parsePortal(_ s: inout Scanner) -> Parsed? {
        guard let y = s.number(4...4), let m = s.number(2...2), let d = s.number(2...2),
              let hh = s.number(2...2), let mi = s.number(2...2), let ss = s.number(2...2),
              let date = CivilDate(year: y, month: m, day: d), hh < 24, mi < 60, ss < 60 else { return nil }
        return Parsed(date: date, second: hh * 3600 + mi * 60 + ss, dateOnly: false)
    }

    /// An Excel serial day number (1900 date system): days since 1899-12-30,
    /// the fraction being the time of day.
    private func parseSerial(_ s: inout Scanner) -> Parsed? {
        guard let whole = s.number(1...6) else { return nil }
        var fraction = 0.0
        var hasFraction = false
        if s.consume(".") || s.consume(",") {
            var scale = 0.1
            var any = false
            while let c = s.peek(at: 0), c >= 0x30 && c <= 0x39 {
                fraction += Double(c - 0x30) * scale; scale /= 10; s.advance(); any = true
            }
            guard any else { return nil }
            hasFraction = true
        }
        guard whole >= 61 else { return nil }  // before 1900-03-01 Excel's serials are off by its 1900 leap-day bug
        let base = CivilDate(year: 1899, month: 12, day: 30)!
        let seconds = Int((fraction * 86_400).rounded())
        let date = base.adding(days: whole + seconds / 86_400)
        let second = seconds % 86_400
        return Parsed(date: date, second: second, dateOnly: !hasFraction || second == 0)
    }

    private func parseTime(_ s: inout Scanner, hourDigits: ClosedRange<Int>) -> Int? {
        guard let h = s.number(hourDigits), s.consume(":"), let m = s.number(2...2), h < 24, m < 60 else { return nil }
        var sec = 0
        if s.consume(":") {
            guard let ss = s.number(2...2), ss < 60 else { return nil }
            sec = ss
        }
        return h * 3600 + m * 60 + sec
    }
}

/// A cursor over ASCII bytes.
private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0
    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }
    var atEnd: Bool { i >= bytes.count }
    func peek(at offset: Int) -> UInt8? { i + offset < bytes.count ? bytes[i + offset] : nil }
    mutating func advance() { i += 1 }
    func peekDigitCount() -> Int {
        var k = i
        while k < bytes.count, bytes[k] >= 0x30, bytes[k] <= 0x39 { k += 1 }
        return k - i
    }
    mutating func consume(_ c: Unicode.Scalar) -> Bool {
        if i < bytes.count, bytes[i] == UInt8(ascii: c) { i += 1; return true }
        return false
    }
    /// The next digits, at most `digits.upperBound` of them and at least
    /// `digits.lowerBound`, as a number. Wrapping arithmetic: at most nine
    /// digits cannot overflow, and the checked steps were most of a date's
    /// parsing (four dates a row, three to six numbers each).
    @inline(__always) mutating func number(_ digits: ClosedRange<Int>) -> Int? {
        let end = min(bytes.count, i &+ digits.upperBound)
        var k = i, v = 0
        while k < end {
            let d = bytes[k] &- 0x30
            if d > 9 { break }
            v = v &* 10 &+ Int(d)
            k &+= 1
        }
        guard k &- i >= digits.lowerBound else { return nil }
        i = k
        return v
    }
}
