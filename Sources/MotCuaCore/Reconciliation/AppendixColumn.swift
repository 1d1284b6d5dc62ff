/// One of the 18 numeric columns of the appendix table (Phụ lục, docs/rules.md#appendix),
/// named as in the published reference CSV (`hstn_tong`, …, `ty_le_giai_quyet`).
///
/// `motcua check` reads a published table by these names and recomputes each
/// of them from the dossiers, so this enum is the one place that says what a
/// published cell means.
package enum AppendixColumn: String, CaseIterable, Sendable, Hashable, Comparable {
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
    package static let receivedByLevel: [AppendixColumn] = [
        .hstnMd2, .hstnMd3TrucTiep, .hstnMd3TrucTuyen, .hstnMd4TrucTiep, .hstnMd4TrucTuyen,
    ]
    /// The finished-by-level columns (đã giải quyết mức độ 2, 3, 4).
    package static let finishedByLevel: [AppendixColumn] = [.daGiaiQuyetMd2, .daGiaiQuyetMd3, .daGiaiQuyetMd4]

    /// TTHC columns count catalogue procedures, not dossiers: the total row
    /// shows the catalogue count, not a sum of the rows (docs/rules.md#tthc).
    package var isProcedureCount: Bool { figure.aggregation == .catalogue }

    /// The only column that is a percentage (one decimal) rather than a count.
    package var isRate: Bool { figure.format == .rate }

    /// The catalogue figure the column prints (docs/rules.md#appendix):
    /// its value, labels and header aliases are the figure's.
    package var figure: Figure {
        let name: String
        switch self {
        case .hstnTong: name = "received"
        case .tthcTong: name = "tthc_total"
        case .hstnMd2: name = "received_level2"
        case .tthcMd2: name = "tthc_level2"
        case .hstnMd3TrucTiep: name = "received_level3_direct"
        case .hstnMd3TrucTuyen: name = "received_level3_online"
        case .tthcMd3: name = "tthc_level3"
        case .hstnMd4TrucTiep: name = "received_level4_direct"
        case .hstnMd4TrucTuyen: name = "received_level4_online"
        case .tthcMd4: name = "tthc_level4"
        case .hoSoTon: name = "backlog"
        case .tiepNhanMcdt: name = "received_at_desk"
        case .tiepNhanTrucTuyen: name = "received_online"
        case .daGiaiQuyetMd2: name = "finished_level2"
        case .daGiaiQuyetMd3: name = "finished_level3"
        case .daGiaiQuyetMd4: name = "finished_level4"
        case .chuaGiaiQuyet: name = "pending"
        case .tyLeGiaiQuyet: name = "resolution_rate"
        }
        return FigureCatalogue.figure(named: name)!
    }

    /// The header of the printed appendix, for messages ("HSTN mức độ 3 trực tuyến").
    package var vietnameseLabel: String { figure.vi }

    package var englishLabel: String { figure.en }

    /// "Tổng số HSTN (hstn_tong)": the printed header and the CSV name, so a
    /// clerk finds the cell in the paper table and an IT officer in the file.
    package func label(_ language: Language = .current) -> String {
        "\(language.pick(vietnameseLabel, englishLabel)) (\(rawValue))"
    }

    /// The figure this column shows for a computed report row.
    package func value(of row: ReportRow) -> Double { figure.value(row).number ?? 0 }

    /// A value as a reader writes it: counts with thousands separators
    /// (Vietnamese "1.907", English "1,907"), the rate with one decimal
    /// (Vietnamese "95,5", English "95.5").
    package func format(_ value: Double?, _ language: Language = .current) -> String {
        guard let value else { return language.pick("để trống", "blank") }
        return isRate ? formatRate(value, language) : formatCount(value, language)
    }

    package static func < (a: AppendixColumn, b: AppendixColumn) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Rounds a percentage to one decimal, as the appendix prints it.
package func roundedToOneDecimal(_ value: Double) -> Double { (value * 10).rounded() / 10 }
