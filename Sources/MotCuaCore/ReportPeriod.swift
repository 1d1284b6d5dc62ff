/// A reporting period (kỳ báo cáo): the dates `[from, to]`, inclusive, and the
/// cutoff at the last second of `to`. A named period (month, quarter, …) may
/// follow a reporting cut-off day (ngày chốt số liệu, docs/rules.md#cutoff-day):
/// then its dates run from day N+1 of the month before its first month to day N
/// of its last month, and every period built from it (its months, the one
/// before, the same one a year earlier) keeps the same cut-off.
package struct ReportPeriod: Sendable, Hashable, CustomStringConvertible {
    package let from: CivilDate
    package let to: CivilDate
    /// How the period was named (`2020-10`, `2020-Q3`, …), for titles and file names.
    package let label: String
    package let kind: Kind
    /// The reporting cut-off day N (1–28), or `nil` for calendar months.
    package let cutoffDay: Int?

    /// The cut-off days a period may follow: every month has a day 28.
    package static let cutoffDays = 1...28

    package enum Kind: Sendable, Hashable {
        case month(year: Int, month: Int)
        case quarter(year: Int, quarter: Int)
        case firstHalf(year: Int)
        /// 6 tháng cuối năm: July to December.
        case secondHalf(year: Int)
        case firstNineMonths(year: Int)
        case year(Int)
        case custom
    }

    package init(from: CivilDate, to: CivilDate, label: String? = nil, kind: Kind = .custom) {
        self.from = from; self.to = to; self.kind = kind; self.cutoffDay = nil
        self.label = label ?? "\(from)_\(to)"
    }

    /// A named period, its dates computed from its months and the cut-off day
    /// (docs/rules.md#cutoff-day). `nil` for `.custom` (it has no months to
    /// shift), a cut-off day outside 1–28, or a month or quarter out of range.
    package init?(kind: Kind, cutoffDay: Int? = nil, label: String? = nil) {
        guard let months = kind.months else { return nil }
        if let n = cutoffDay, !Self.cutoffDays.contains(n) { return nil }
        guard (1...12).contains(months.first.month), (1...12).contains(months.last.month),
              (1900...2199).contains(months.first.year) else { return nil }
        let first = months.first, last = months.last
        if let n = cutoffDay {
            let (py, pm) = first.month == 1 ? (first.year - 1, 12) : (first.year, first.month - 1)
            // The day after day N of the month before: with N = 28 after a
            // 28-day February that is 1 March, not a 29 February that does not exist.
            from = CivilDate(year: py, month: pm, day: n)!.adding(days: 1)
            to = CivilDate(year: last.year, month: last.month, day: n)!
        } else {
            from = CivilDate(year: first.year, month: first.month, day: 1)!
            to = CivilDate(year: last.year, month: last.month,
                           day: CivilDate.daysInMonth(year: last.year, month: last.month))!
        }
        self.kind = kind
        self.cutoffDay = cutoffDay
        self.label = label ?? kind.label
    }

    /// The same period with another cut-off day (`nil`: calendar months);
    /// a custom period is returned unchanged, its dates being given.
    package func withCutoffDay(_ day: Int?) -> ReportPeriod {
        ReportPeriod(kind: kind, cutoffDay: day, label: label) ?? self
    }

    /// The reporting month that contains `date` under a cut-off day: with
    /// N = 14, 15/12/2025 and 14/01/2026 both lie in month 01/2026.
    package static func month(containing date: CivilDate, cutoffDay: Int?) -> ReportPeriod {
        var (y, m) = (date.year, date.month)
        if let n = cutoffDay, date.day > n { (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1) }
        return ReportPeriod(kind: .month(year: y, month: m), cutoffDay: cutoffDay)!
    }

    /// The moment up to which dossiers are counted: `to` at 23:59:59, inclusive.
    package var cutoff: LocalDateTime { .endOfDay(to) }
    package var start: LocalDateTime { LocalDateTime(date: from) }

    package var description: String { label }

    /// Parses `2020-10`, `2020-Q3`, `2020-H1`, `2020-H2` (last six months), `2020-9T` (first nine months) or `2020`,
    /// under a reporting cut-off day when one is given.
    package static func parse(_ text: String, cutoffDay: Int?) -> ReportPeriod? {
        parse(text)?.withCutoffDay(cutoffDay)
    }

    /// Parses `2020-10`, `2020-Q3`, `2020-H1`, `2020-H2` (last six months), `2020-9T` (first nine months) or `2020`.
    package static func parse(_ text: String) -> ReportPeriod? {
        let t = text.trimmedWhitespace.uppercased()
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        guard let yearPart = parts.first, yearPart.count == 4, let year = Int(yearPart),
              (1900...2199).contains(year) else { return nil }
        func span(_ m1: Int, _ m2: Int, _ kind: Kind) -> ReportPeriod {
            ReportPeriod(kind: kind, label: text.trimmedWhitespace)!
        }
        if parts.count == 1 { return span(1, 12, .year(year)) }
        guard parts.count == 2 else { return nil }
        let p = parts[1]
        if p.hasPrefix("Q"), let q = Int(p.dropFirst()), (1...4).contains(q) {
            return span(3 * q - 2, 3 * q, .quarter(year: year, quarter: q))
        }
        if p == "H1" || p == "6T" { return span(1, 6, .firstHalf(year: year)) }
        if p == "H2" { return span(7, 12, .secondHalf(year: year)) }
        if p == "9T" { return span(1, 9, .firstNineMonths(year: year)) }
        if p.count == 2, let m = Int(p), (1...12).contains(m) { return span(m, m, .month(year: year, month: m)) }
        return nil
    }

    /// The period in words, for report titles: "tháng 10 năm 2020", "quý III năm 2020", …
    package var vietnameseName: String {
        switch kind {
        case .month(let y, let m): return "tháng \(m) năm \(y)"
        case .quarter(let y, let q): return "quý \(["I", "II", "III", "IV"][q - 1]) năm \(y)"
        case .firstHalf(let y): return "6 tháng đầu năm \(y)"
        case .secondHalf(let y): return "6 tháng cuối năm \(y)"
        case .firstNineMonths(let y): return "9 tháng đầu năm \(y)"
        case .year(let y): return "năm \(y)"
        case .custom: return "từ ngày \(from.vietnameseDescription) đến ngày \(to.vietnameseDescription)"
        }
    }
}

extension ReportPeriod.Kind {
    /// The first and last calendar months the period is named by; `nil` for a custom period.
    package var months: (first: (year: Int, month: Int), last: (year: Int, month: Int))? {
        switch self {
        case .month(let y, let m): return ((y, m), (y, m))
        case .quarter(let y, let q): return ((y, 3 * q - 2), (y, 3 * q))
        case .firstHalf(let y): return ((y, 1), (y, 6))
        case .secondHalf(let y): return ((y, 7), (y, 12))
        case .firstNineMonths(let y): return ((y, 1), (y, 9))
        case .year(let y): return ((y, 1), (y, 12))
        case .custom: return nil
        }
    }

    /// The name `parse` reads back: `2026-01`, `2026-Q1`, `2026-H1`, `2026-H2`, `2026-9T`, `2026`.
    var label: String {
        func y4(_ y: Int) -> String { String(repeating: "0", count: max(0, 4 - String(y).count)) + String(y) }
        switch self {
        case .month(let y, let m): return "\(y4(y))-\(m < 10 ? "0" : "")\(m)"
        case .quarter(let y, let q): return "\(y4(y))-Q\(q)"
        case .firstHalf(let y): return "\(y4(y))-H1"
        case .secondHalf(let y): return "\(y4(y))-H2"
        case .firstNineMonths(let y): return "\(y4(y))-9T"
        case .year(let y): return y4(y)
        case .custom: return ""
        }
    }

    /// Kỳ trước: the period of the same kind just before (docs/rules.md#comparisons).
    /// The first nine months have no period of nine months just before inside
    /// a year, so theirs are the first nine months of the year before, as
    /// a year's is the year before.
    var previous: ReportPeriod.Kind {
        switch self {
        case .month(let y, let m): return m == 1 ? .month(year: y - 1, month: 12) : .month(year: y, month: m - 1)
        case .quarter(let y, let q): return q == 1 ? .quarter(year: y - 1, quarter: 4) : .quarter(year: y, quarter: q - 1)
        case .firstHalf(let y): return .secondHalf(year: y - 1)
        case .secondHalf(let y): return .firstHalf(year: y)
        case .firstNineMonths(let y): return .firstNineMonths(year: y - 1)
        case .year(let y): return .year(y - 1)
        case .custom: return .custom
        }
    }

    /// Cùng kỳ năm trước: the same kind one year earlier.
    var yearAgo: ReportPeriod.Kind {
        switch self {
        case .month(let y, let m): return .month(year: y - 1, month: m)
        case .quarter(let y, let q): return .quarter(year: y - 1, quarter: q)
        case .firstHalf(let y): return .firstHalf(year: y - 1)
        case .secondHalf(let y): return .secondHalf(year: y - 1)
        case .firstNineMonths(let y): return .firstNineMonths(year: y - 1)
        case .year(let y): return .year(y - 1)
        case .custom: return .custom
        }
    }
}

extension ReportPeriod {
    /// Kỳ trước (docs/rules.md#comparisons): the period of the same kind just
    /// before; for a custom period, as many days ending the day before `from`.
    /// Computed from the period value itself, so whatever else a period
    /// carries is built the same way for its comparison periods.
    package var previous: ReportPeriod {
        if kind == .custom {
            let days = to.dayNumber - from.dayNumber
            let end = from.adding(days: -1)
            return ReportPeriod(from: end.adding(days: -days), to: end)
        }
        return shaped(as: kind.previous)
    }

    /// Cùng kỳ năm trước (docs/rules.md#comparisons): the same period one year
    /// earlier; for a custom period the same dates a year before, 29 February
    /// becoming 28 February.
    package var yearAgo: ReportPeriod {
        if kind == .custom {
            return ReportPeriod(from: from.sameDayYearBefore, to: to.sameDayYearBefore)
        }
        return shaped(as: kind.yearAgo)
    }

    /// A period of another named kind built like this one: whatever a period
    /// carries besides its kind (such as a reporting cut-off day) is carried
    /// over here, so that comparison periods follow the same rule as the report's.
    private func shaped(as other: Kind) -> ReportPeriod {
        ReportPeriod(kind: other, cutoffDay: cutoffDay) ?? ReportPeriod(from: from, to: to)
    }
}

extension CivilDate {
    /// The same day of the month one year earlier; 29 February gives 28 February.
    package var sameDayYearBefore: CivilDate {
        let (y, m, d) = components
        return CivilDate(year: y - 1, month: m, day: min(d, CivilDate.daysInMonth(year: y - 1, month: m)))!
    }
}

extension String {
    /// Trimmed of leading and trailing white space (no Foundation in the core).
    var trimmedWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
