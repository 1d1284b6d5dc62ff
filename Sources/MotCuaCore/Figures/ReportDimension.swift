/// What the rows of a table run over (chiều thống kê; docs/rules.md#dimensions).
package enum ReportDimension: String, Sendable, Hashable, CaseIterable {
    /// The root's children, each with its whole subtree (the default).
    case unit
    /// Every unit of the subtree in tree order, indented by depth.
    case unitAll = "unit-all"
    /// Lĩnh vực: the dossier's MaLinhVuc, else its procedure's.
    case field = "linh-vuc"
    /// Thủ tục hành chính: MaTTHC.
    case procedure = "thu-tuc"
    /// Kênh tiếp nhận: 1 trực tiếp, 2 trực tuyến, 3 bưu chính.
    case channel = "kenh"
    /// Mức độ: 2, 3, 4, other.
    case level = "muc-do"
    /// Each calendar month of the period, `YYYY-MM`.
    case month = "thang"

    /// Rows over units rather than over groups of dossiers.
    package var isUnitDimension: Bool { self == .unit || self == .unitAll }

    /// The key used for dossiers with no value in a dimension (no lĩnh vực, no MaTTHC).
    package static let unknownKey = ""
}

extension ReportDimension {
    /// The dossier's group key for a dimension that does not depend on time
    /// (not ``month``, whose key depends on the figure's event).
    func key(of dossier: Dossier, procedure: Procedure?, level: LevelBucket) -> String {
        switch self {
        case .field: return dossier.fieldCode ?? procedure?.fieldCode ?? Self.unknownKey
        case .procedure: return dossier.procedureCode ?? Self.unknownKey
        case .channel: return String(dossier.channel.rawValue)
        case .level: return level.key
        case .unit, .unitAll, .month: return dossier.unitCode
        }
    }

    /// The group name a dossier gives its key, when it has one.
    func name(of dossier: Dossier, procedure: Procedure?) -> String? {
        switch self {
        case .field: return dossier.fieldName ?? procedure?.fieldName
        case .procedure: return procedure?.name ?? dossier.procedureName
        default: return nil
        }
    }

    /// The printed name of a key when no dossier named it.
    func defaultName(of key: String) -> String {
        switch self {
        case .field where key == Self.unknownKey: return "Chưa xác định lĩnh vực"
        case .procedure where key == Self.unknownKey: return "Chưa xác định thủ tục"
        case .channel:
            switch key {
            case "1": return "Trực tiếp"
            case "2": return "Trực tuyến"
            case "3": return "Bưu chính công ích"
            default: return key
            }
        case .level: return key == LevelBucket.other.key ? "Chưa xác định mức độ" : "Mức độ \(key)"
        case .month:
            let p = key.split(separator: "-")
            return p.count == 2 ? "Tháng \(Int(p[1]) ?? 0)/\(p[0])" : key
        default: return key
        }
    }

    /// Sorts a dimension's keys as a reader expects: months and channels in
    /// order, levels 2–4 then other, codes alphabetically with the unknown last.
    func ordered(_ keys: [String]) -> [String] {
        switch self {
        case .level:
            return LevelBucket.allCases.map(\.key).filter(keys.contains)
        default:
            // Numeric codes by value ("2" before "10"), others as text; the unknown key last.
            return keys.sorted { a, b in
                if (a == Self.unknownKey) != (b == Self.unknownKey) { return b == Self.unknownKey }
                if a.count != b.count, a.allSatisfy(\.isNumber), b.allSatisfy(\.isNumber) { return a.count < b.count }
                return a < b
            }
        }
    }
}

/// The months of a period, each clipped to the period (a custom period may
/// start or end mid-month), with their keys `YYYY-MM`. Under a reporting
/// cut-off day the months are reporting months (docs/rules.md#cutoff-day):
/// month 01/2026 with N = 14 is 15/12/2025–14/01/2026.
extension ReportPeriod {
    package var months: [(key: String, period: ReportPeriod)] {
        var out: [(String, ReportPeriod)] = []
        let named = cutoffDay != nil ? kind.months : nil
        var year = named?.first.year ?? from.year, month = named?.first.month ?? from.month
        let end = named?.last ?? (to.year, to.month)
        while (year, month) <= end {
            let key = "\(year)-\(month < 10 ? "0" : "")\(month)"
            if named != nil {
                out.append((key, ReportPeriod(kind: .month(year: year, month: month), cutoffDay: cutoffDay)!))
            } else {
                let first = CivilDate(year: year, month: month, day: 1)!
                let last = CivilDate(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))!
                out.append((key, ReportPeriod(from: max(first, from), to: min(last, to), label: key,
                                              kind: .month(year: year, month: month))))
            }
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return out
    }
}
