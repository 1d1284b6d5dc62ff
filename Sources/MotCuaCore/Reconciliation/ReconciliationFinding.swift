/// A relation between the columns of one appendix row that a table which
/// adds up satisfies. Some can be broken by a correct table (dossiers of
/// unknown level count in the total but in no level column, docs/rules.md#appendix); they
/// are reported anyway, worded neutrally, because the reader must see where
/// the table does not add up and why it might not.
package enum ConsistencyRule: String, CaseIterable, Sendable, Hashable {
    /// (a) hstn_tong = hstn_md2 + hstn_md3_truc_tiep + hstn_md3_truc_tuyen
    ///     + hstn_md4_truc_tiep + hstn_md4_truc_tuyen.
    case levelsAddUp = "levels-add-up"
    /// (b) hstn_tong = tiep_nhan_mcdt + tiep_nhan_truc_tuyen.
    case channelsAddUp = "channels-add-up"
    /// (c) chua_giai_quyet = ho_so_ton + hstn_tong − (da_giai_quyet_md2 + md3 + md4).
    case pendingBalances = "pending-balances"
    /// (d) ty_le_giai_quyet = round(đã giải quyết / (tồn + tiếp nhận) × 100, 1).
    case rateMatches = "rate-matches"
    /// (e) hstn_md3_truc_tuyen + hstn_md4_truc_tuyen ≤ tiep_nhan_truc_tuyen.
    case onlineWithinTotal = "online-within-total"
    /// (f) the total row is the column sum of the unit rows (TTHC columns
    ///     excepted; a blank total rate is allowed).
    case totalIsColumnSum = "total-is-column-sum"

    package func name(_ language: Language = .current) -> String {
        switch self {
        case .levelsAddUp: return language.pick("Tổng số HSTN bằng tổng các cột mức độ",
                                                "received total equals the sum of the level columns")
        case .channelsAddUp: return language.pick("Tổng số HSTN bằng tiếp nhận MCĐT + trực tuyến",
                                                  "received total equals desk + online")
        case .pendingBalances: return language.pick("Chưa giải quyết = tồn + tiếp nhận − đã giải quyết",
                                                    "pending = backlog + received − finished")
        case .rateMatches: return language.pick("Tỷ lệ giải quyết = đã giải quyết / (tồn + tiếp nhận)",
                                                "resolution rate = finished / (backlog + received)")
        case .onlineWithinTotal: return language.pick("HSTN trực tuyến theo mức độ không vượt tiếp nhận trực tuyến",
                                                      "online received by level within online received")
        case .totalIsColumnSum: return language.pick("Dòng tổng cộng bằng tổng các dòng", "total row equals the sum of the rows")
        }
    }
}

/// One thing `motcua check` reports: a row that contradicts itself, or a
/// published cell that differs from the figure computed from the dossiers.
package struct ReconciliationFinding: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        /// The row's own columns break a rule (dòng tự mâu thuẫn).
        case inconsistent(ConsistencyRule)
        /// A published cell differs from the computed figure.
        case differs
        /// Rows paired by position whose unit names differ.
        case nameDiffers
        /// A published row with no computed row to compare with.
        case onlyPublished
        /// A computed row missing from the published table.
        case onlyComputed

        /// The last part of the finding's message code.
        package var code: String {
            switch self {
            case .inconsistent(let rule): return rule.rawValue
            case .differs: return "differs"
            case .nameDiffers: return "name-differs"
            case .onlyPublished: return "only-published"
            case .onlyComputed: return "only-computed"
            }
        }

    }

    package var kind: Kind
    package var row: RowLabel
    /// The cell the finding is about: the checked cell of a rule (hstn_tong
    /// for rule a), or the differing cell; `nil` for a whole row.
    package var column: AppendixColumn?
    /// What the other columns give (consistency), or the computed figure (comparison).
    package var expected: Double?
    /// The value written in the published table; `nil` when blank.
    package var found: Double?
    /// The text after the row label, coded `check.<kind>` (`check.levels-add-up`, `check.differs`…).
    package var message: Message

    package init(kind: Kind, row: RowLabel, column: AppendixColumn?, expected: Double?, found: Double?,
                vi: String, en: String) {
        self.kind = kind; self.row = row; self.column = column
        self.expected = expected; self.found = found
        self.message = Message("check." + kind.code, vi: vi, en: en, severity: .warning)
    }

    package var rule: ConsistencyRule? {
        if case .inconsistent(let r) = kind { return r }
        return nil
    }

    /// One line: "STT 5 – UBND xã Trung Đồng: các cột mức độ cộng lại 65, không phải 68 …".
    package func text(_ language: Language = .current) -> String {
        "\(row.text(language)): \(message.body(language))"
    }
}
