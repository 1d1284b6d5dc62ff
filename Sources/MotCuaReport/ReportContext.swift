import MotCuaCore

/// Per-run facts that fill a template's `{placeholders}`, its letterhead and
/// its signature block.
package struct ReportContext: Sendable {
    package var report: PeriodReport
    /// Cơ quan ban hành, e.g. "UBND huyện Tân Uyên".
    package var issuer: String
    /// Place for "Tân Uyên, ngày … tháng … năm …".
    package var place: String
    /// Date the report is signed.
    package var reportDate: CivilDate
    /// Cơ quan chủ quản, printed above the issuer (e.g. "UBND TỈNH LAI CHÂU"); optional.
    package var parentIssuer: String?
    /// Số, ký hiệu văn bản, e.g. "125/BC-UBND"; blank leaves "Số:      /BC-…" to fill by hand.
    package var documentNumber: String?
    /// Quyền hạn, chức vụ người ký, one line each ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH").
    package var signerTitle: [String]
    package var signerName: String?
    /// Rejected rows of the run's own import (for the data-quality sheet).
    package var rejections: [RejectedRow]

    package init(report: PeriodReport, issuer: String, place: String, reportDate: CivilDate,
                parentIssuer: String? = nil, documentNumber: String? = nil, signerTitle: [String] = [],
                signerName: String? = nil, rejections: [RejectedRow] = []) {
        self.report = report; self.issuer = issuer; self.place = place; self.reportDate = reportDate
        self.parentIssuer = parentIssuer; self.documentNumber = documentNumber
        self.signerTitle = signerTitle; self.signerName = signerName; self.rejections = rejections
    }

    /// The issuer as a letterhead writes it: "UBND" spelt out, in capitals.
    package var issuerHeading: String {
        var name = issuer
        for short in ["UBND ", "Ubnd "] where name.hasPrefix(short) {
            name = "Ủy ban nhân dân " + name.dropFirst(short.count)
        }
        return name.uppercased()
    }

    /// The names ``placeholders`` fills, for checking templates before a run.
    static let placeholderNames = ["period", "period_name", "period_name_upper", "from", "to", "cutoff_day", "cutoff_month",
                                   "cutoff_year", "issuer", "issuer_upper", "place", "day", "month", "year", "unit_name",
                                   "previous_period", "year_ago_period"]

    var placeholders: [String: String] {
        let p = report.period
        let cutoff = p.to.components
        let today = reportDate.components
        return [
            "period": p.label,
            "period_name": p.vietnameseName,
            "period_name_upper": p.vietnameseName.uppercased(),
            "from": p.from.vietnameseDescription,
            "to": p.to.vietnameseDescription,
            "cutoff_day": pad2(cutoff.day), "cutoff_month": pad2(cutoff.month), "cutoff_year": String(cutoff.year),
            "issuer": issuer,
            "issuer_upper": issuer.uppercased(),
            "place": place,
            "day": pad2(today.day), "month": pad2(today.month), "year": String(today.year),
            "unit_name": report.root?.name ?? issuer,
            // The comparison periods in words (docs/rules.md#comparisons).
            "previous_period": p.previous.vietnameseName,
            "year_ago_period": p.yearAgo.vietnameseName,
        ]
    }

    /// Fills `{name}` placeholders; an unknown one is a template error.
    func fill(_ text: String, file: String) throws -> String {
        var out = ""
        var rest = Substring(text)
        let values = placeholders
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { out += rest[open...]; return out }
            let key = String(rest[rest.index(after: open)..<close])
            guard let v = values[key] else {
                throw Message("template.unknown-placeholder", 
                    file: file,
                    vi: "không có trường \"{\(key)}\". Các trường: \(values.keys.sorted().map { "{\($0)}" }.joined(separator: ", ")).",
                    en: "unknown placeholder \"{\(key)}\". Known: \(values.keys.sorted().map { "{\($0)}" }.joined(separator: ", ")).")
            }
            out += v
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}

private func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
