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

extension String {
    /// Trimmed of leading and trailing white space (no Foundation in the core).
    var trimmedWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
