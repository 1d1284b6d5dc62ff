/// One of the 18 numeric columns of the appendix table (Phụ lục, SPEC §6.1),
/// named as in the published reference CSV (`hstn_tong`, …, `ty_le_giai_quyet`).
///
/// `motcua check` reads a published table by these names and recomputes each
/// of them from the dossiers, so this enum is the one place that says what a
/// published cell means.
public enum AppendixColumn: String, CaseIterable, Sendable, Hashable, Comparable {
    case hstnTong = "hstn_tong"
    case tthcTong = "tthc_tong"
    case hstnMd2 = "hstn_md2"
    case tthcMd2 = "tthc_md2"
    case hstnMd3TrucTiep = "hstn_md3_truc_tiep"
    case hstnMd3TrucTuyen = "hstn_md3_truc_tuyen"
    case tthcMd3 = "tthc_md3"
    case hstnMd4TrucTiep = "hstn_md4_truc_tiep"
    case hstnMd4TrucTuyen = "hstn_md4_truc_tuyen"
    case tthcMd4 = "tthc_md4"
    case hoSoTon = "ho_so_ton"
    case tiepNhanMcdt = "tiep_nhan_mcdt"
    case tiepNhanTrucTuyen = "tiep_nhan_truc_tuyen"
    case daGiaiQuyetMd2 = "da_giai_quyet_md2"
    case daGiaiQuyetMd3 = "da_giai_quyet_md3"
    case daGiaiQuyetMd4 = "da_giai_quyet_md4"
    case chuaGiaiQuyet = "chua_giai_quyet"
    case tyLeGiaiQuyet = "ty_le_giai_quyet"

    /// The five received-by-level columns, which should add up to `hstn_tong`.
    public static let receivedByLevel: [AppendixColumn] = [
        .hstnMd2, .hstnMd3TrucTiep, .hstnMd3TrucTuyen, .hstnMd4TrucTiep, .hstnMd4TrucTuyen,
    ]
    /// The finished-by-level columns (đã giải quyết mức độ 2, 3, 4).
    public static let finishedByLevel: [AppendixColumn] = [.daGiaiQuyetMd2, .daGiaiQuyetMd3, .daGiaiQuyetMd4]

    /// TTHC columns count catalogue procedures, not dossiers: the total row
    /// shows the catalogue count, not a sum of the rows (SPEC §6.1).
    public var isProcedureCount: Bool { [.tthcTong, .tthcMd2, .tthcMd3, .tthcMd4].contains(self) }

    /// The only column that is a percentage (one decimal) rather than a count.
    public var isRate: Bool { self == .tyLeGiaiQuyet }

    /// The header of the printed appendix, for messages ("HSTN mức độ 3 trực tuyến").
    public var vietnameseLabel: String {
        switch self {
        case .hstnTong: return "Tổng số HSTN"
        case .tthcTong: return "Tổng số TTHC"
        case .hstnMd2: return "HSTN mức độ 2"
        case .tthcMd2: return "TTHC mức độ 2"
        case .hstnMd3TrucTiep: return "HSTN mức độ 3 trực tiếp"
        case .hstnMd3TrucTuyen: return "HSTN mức độ 3 trực tuyến"
        case .tthcMd3: return "TTHC mức độ 3"
        case .hstnMd4TrucTiep: return "HSTN mức độ 4 trực tiếp"
        case .hstnMd4TrucTuyen: return "HSTN mức độ 4 trực tuyến"
        case .tthcMd4: return "TTHC mức độ 4"
        case .hoSoTon: return "Hồ sơ tồn"
        case .tiepNhanMcdt: return "Tiếp nhận MCĐT"
        case .tiepNhanTrucTuyen: return "Tiếp nhận trực tuyến"
        case .daGiaiQuyetMd2: return "Đã giải quyết mức độ 2"
        case .daGiaiQuyetMd3: return "Đã giải quyết mức độ 3"
        case .daGiaiQuyetMd4: return "Đã giải quyết mức độ 4"
        case .chuaGiaiQuyet: return "Chưa giải quyết"
        case .tyLeGiaiQuyet: return "Tỷ lệ giải quyết %"
        }
    }

    public var englishLabel: String {
        switch self {
        case .hstnTong: return "total received"
        case .tthcTong: return "total procedures"
        case .hstnMd2: return "received, level 2"
        case .tthcMd2: return "procedures, level 2"
        case .hstnMd3TrucTiep: return "received, level 3 at the desk"
        case .hstnMd3TrucTuyen: return "received, level 3 online"
        case .tthcMd3: return "procedures, level 3"
        case .hstnMd4TrucTiep: return "received, level 4 at the desk"
        case .hstnMd4TrucTuyen: return "received, level 4 online"
        case .tthcMd4: return "procedures, level 4"
        case .hoSoTon: return "backlog"
        case .tiepNhanMcdt: return "received at the desk (MCĐT)"
        case .tiepNhanTrucTuyen: return "received online"
        case .daGiaiQuyetMd2: return "finished, level 2"
        case .daGiaiQuyetMd3: return "finished, level 3"
        case .daGiaiQuyetMd4: return "finished, level 4"
        case .chuaGiaiQuyet: return "pending"
        case .tyLeGiaiQuyet: return "resolution rate %"
        }
    }

    /// "Tổng số HSTN (hstn_tong)": the printed header and the CSV name, so a
    /// clerk finds the cell in the paper table and an IT officer in the file.
    public func label(_ language: Language = .current) -> String {
        "\(language.pick(vietnameseLabel, englishLabel)) (\(rawValue))"
    }

    /// The figure this column shows for a computed report row.
    ///
    /// Mirrors the appendix template (`Templates/phu-luc.yaml` through
    /// `FigureRegistry`): "HSTN trực tiếp" of levels 3 and 4 is the level's
    /// received minus its online, so postal counts as direct (SPEC §10.10).
    /// The end-to-end test on the Tân Uyên sample keeps the two in step.
    public func value(of row: ReportRow) -> Double {
        let f = row.figures
        switch self {
        case .hstnTong: return Double(f.received)
        case .tthcTong: return Double(row.procedures.total)
        case .hstnMd2: return Double(f.receivedByLevel.level2)
        case .tthcMd2: return Double(row.procedures.level2)
        case .hstnMd3TrucTiep: return Double(f.receivedByLevel.level3 - f.receivedOnlineByLevel.level3)
        case .hstnMd3TrucTuyen: return Double(f.receivedOnlineByLevel.level3)
        case .tthcMd3: return Double(row.procedures.level3)
        case .hstnMd4TrucTiep: return Double(f.receivedByLevel.level4 - f.receivedOnlineByLevel.level4)
        case .hstnMd4TrucTuyen: return Double(f.receivedOnlineByLevel.level4)
        case .tthcMd4: return Double(row.procedures.level4)
        case .hoSoTon: return Double(f.backlog)
        case .tiepNhanMcdt: return Double(f.receivedAtDesk)
        case .tiepNhanTrucTuyen: return Double(f.receivedOnline)
        case .daGiaiQuyetMd2: return Double(f.finishedByLevel.level2)
        case .daGiaiQuyetMd3: return Double(f.finishedByLevel.level3)
        case .daGiaiQuyetMd4: return Double(f.finishedByLevel.level4)
        case .chuaGiaiQuyet: return Double(f.pending)
        case .tyLeGiaiQuyet: return f.resolutionRate
        }
    }

    /// A value as a reader writes it: counts with thousands separators
    /// (Vietnamese "1.907", English "1,907"), the rate with one decimal
    /// (Vietnamese "95,5", English "95.5").
    public func format(_ value: Double?, _ language: Language = .current) -> String {
        guard let value else { return language.pick("để trống", "blank") }
        return isRate ? formatRate(value, language) : formatCount(value, language)
    }

    public static func < (a: AppendixColumn, b: AppendixColumn) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Rounds a percentage to one decimal, as the appendix prints it.
public func roundedToOneDecimal(_ value: Double) -> Double { (value * 10).rounded() / 10 }
