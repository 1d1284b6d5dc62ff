/// A reporting period (kỳ báo cáo): the dates `[from, to]`, inclusive, and the
/// cutoff at the last second of `to`.
package struct ReportPeriod: Sendable, Hashable, CustomStringConvertible {
    package let from: CivilDate
    package let to: CivilDate
    /// How the period was named (`2020-10`, `2020-Q3`, …), for titles and file names.
    package let label: String
    package let kind: Kind

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
        self.from = from; self.to = to; self.kind = kind
        self.label = label ?? "\(from)_\(to)"
    }

    /// The moment up to which dossiers are counted: `to` at 23:59:59, inclusive.
    package var cutoff: LocalDateTime { .endOfDay(to) }
    package var start: LocalDateTime { LocalDateTime(date: from) }

    package var description: String { label }

    /// Parses `2020-10`, `2020-Q3`, `2020-H1`, `2020-H2` (last six months), `2020-9T` (first nine months) or `2020`.
    package static func parse(_ text: String) -> ReportPeriod? {
        let t = text.trimmedWhitespace.uppercased()
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        guard let yearPart = parts.first, yearPart.count == 4, let year = Int(yearPart),
              (1900...2199).contains(year) else { return nil }
        func span(_ m1: Int, _ m2: Int, _ kind: Kind) -> ReportPeriod {
            let from = CivilDate(year: year, month: m1, day: 1)!
            let to = CivilDate(year: year, month: m2, day: CivilDate.daysInMonth(year: year, month: m2))!
            return ReportPeriod(from: from, to: to, label: text.trimmedWhitespace, kind: kind)
        }
        let kind: Kind
        if parts.count == 1 { kind = .year(year) } else {
            guard parts.count == 2 else { return nil }
            let p = parts[1]
            if p.hasPrefix("Q"), let q = Int(p.dropFirst()), (1...4).contains(q) { kind = .quarter(year: year, quarter: q) }
            else if p == "H1" || p == "6T" { kind = .firstHalf(year: year) }
            else if p == "H2" { kind = .secondHalf(year: year) }
            else if p == "9T" { kind = .firstNineMonths(year: year) }
            else if p.count == 2, let m = Int(p), (1...12).contains(m) { kind = .month(year: year, month: m) }
            else { return nil }
        }
        return ReportPeriod(kind, label: text.trimmedWhitespace)
    }

    /// The period of a named kind (not `.custom`), spanning its whole months;
    /// `label` defaults to the canonical spelling (`2020-10`, `2020-Q3`…).
    package init(_ kind: Kind, label: String? = nil) {
        let (year, months) = kind.span
        let from = CivilDate(year: year, month: months.lowerBound, day: 1)!
        let to = CivilDate(year: year, month: months.upperBound,
                           day: CivilDate.daysInMonth(year: year, month: months.upperBound))!
        self.init(from: from, to: to, label: label ?? kind.canonicalLabel, kind: kind)
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
    /// The year and the calendar months a named kind spans (a custom period has none: the year 0, month 1).
    var span: (year: Int, months: ClosedRange<Int>) {
        switch self {
        case .month(let y, let m): return (y, m...m)
        case .quarter(let y, let q): return (y, (3 * q - 2)...(3 * q))
        case .firstHalf(let y): return (y, 1...6)
        case .secondHalf(let y): return (y, 7...12)
        case .firstNineMonths(let y): return (y, 1...9)
        case .year(let y): return (y, 1...12)
        case .custom: return (0, 1...1)
        }
    }

    /// How `ReportPeriod.parse` spells the kind: `2020-10`, `2020-Q3`, `2020-H1`, `2020-H2`, `2020-9T`, `2020`.
    var canonicalLabel: String {
        switch self {
        case .month(let y, let m): return "\(y)-\(m < 10 ? "0" : "")\(m)"
        case .quarter(let y, let q): return "\(y)-Q\(q)"
        case .firstHalf(let y): return "\(y)-H1"
        case .secondHalf(let y): return "\(y)-H2"
        case .firstNineMonths(let y): return "\(y)-9T"
        case .year(let y): return "\(y)"
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
    private func shaped(as other: Kind) -> ReportPeriod { ReportPeriod(other) }
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
