/// The sentences of `motcua check`, in Vietnamese and English, kept apart
/// from the arithmetic so that the wording can be read (and changed) in one
/// place. Sentences state what the columns give and what the cell says, and,
/// where a correct table can still break the rule, what could explain it.
struct ReconciliationWording: Sendable, Hashable {
    var vi: String
    var en: String

    func appending(_ other: ReconciliationWording) -> ReconciliationWording {
        ReconciliationWording(vi: vi + other.vi, en: en + other.en)
    }

    private static func n(_ v: Double, _ english: Bool) -> String { formatCount(v, english: english) }
    private static func r(_ v: Double, _ english: Bool) -> String { formatRate(v, english: english) }

    // MARK: Consistency

    static func balance(_ rule: ConsistencyRule, _ row: PublishedTable.Row,
                        expected: Double, found: Double) -> ReconciliationWording {
        let gap = abs(found - expected)
        switch rule {
        case .levelsAddUp:
            let head = { (en: Bool) in
                en ? "the level columns add up to \(n(expected, en)), not \(n(found, en)) as in \(AppendixColumn.hstnTong.label(english: en))"
                   : "các cột mức độ cộng lại \(n(expected, en)), không phải \(n(found, en)) như cột \(AppendixColumn.hstnTong.label(english: en))"
            }
            if expected < found {
                return ReconciliationWording(
                    vi: head(false) + ": \(n(gap, false)) hồ sơ không thuộc cột mức độ nào — có thể là hồ sơ chưa xác định "
                        + "mức độ (thủ tục ngoài danh mục hoặc không phải mức độ 2, 3, 4), được tính vào tổng số",
                    en: head(true) + ": \(n(gap, true)) dossiers are in no level column — possibly dossiers of unknown level "
                        + "(a procedure outside the catalogue, or not level 2, 3 or 4), which count in the total")
            }
            return ReconciliationWording(vi: head(false) + ": các cột mức độ nhiều hơn tổng số \(n(gap, false)) hồ sơ",
                                         en: head(true) + ": the level columns exceed the total by \(n(gap, true))")
        case .channelsAddUp:
            let desk = row[.tiepNhanMcdt] ?? 0, online = row[.tiepNhanTrucTuyen] ?? 0
            var w = ReconciliationWording(
                vi: "tiếp nhận MCĐT + trực tuyến = \(n(desk, false)) + \(n(online, false)) = \(n(expected, false)), "
                    + "không phải \(n(found, false)) như cột \(AppendixColumn.hstnTong.label(english: false))",
                en: "received at the desk + online = \(n(desk, true)) + \(n(online, true)) = \(n(expected, true)), "
                    + "not \(n(found, true)) as in \(AppendixColumn.hstnTong.label(english: true))")
            if expected < found {
                w = w.appending(ReconciliationWording(
                    vi: ": thiếu \(n(gap, false)) hồ sơ — có thể hồ sơ nộp qua bưu chính chưa được tính vào MCĐT",
                    en: ": \(n(gap, true)) short — possibly postal dossiers left out of the desk (MCĐT) column"))
            } else {
                w = w.appending(ReconciliationWording(vi: ": thừa \(n(gap, false)) hồ sơ", en: ": \(n(gap, true)) too many"))
            }
            return w
        case .pendingBalances:
            let backlog = row[.hoSoTon] ?? 0, received = row[.hstnTong] ?? 0
            let finished = AppendixColumn.finishedByLevel.reduce(0) { $0 + (row[$1] ?? 0) }
            var w = ReconciliationWording(
                vi: "chưa giải quyết ghi \(n(found, false)), nhưng tồn + tiếp nhận − đã giải quyết (mức độ 2–4) = "
                    + "\(n(backlog, false)) + \(n(received, false)) − \(n(finished, false)) = \(n(expected, false))",
                en: "pending says \(n(found, true)), but backlog + received − finished (levels 2–4) = "
                    + "\(n(backlog, true)) + \(n(received, true)) − \(n(finished, true)) = \(n(expected, true))")
            if found < expected {
                w = w.appending(ReconciliationWording(
                    vi: " — có thể có \(n(gap, false)) hồ sơ đã giải quyết chưa xác định mức độ (không nằm trong cột đã giải quyết nào)",
                    en: " — possibly \(n(gap, true)) finished dossiers of unknown level (in no finished column)"))
            }
            return w
        case .rateMatches, .onlineWithinTotal, .totalIsColumnSum:
            return ReconciliationWording(vi: rule.vietnameseName, en: rule.englishName)
        }
    }

    /// On the total row: the unit rows whose own gaps make up the total's.
    static func gapComesFrom(_ rows: [RowLabel]) -> ReconciliationWording {
        ReconciliationWording(
            vi: "; chênh lệch này đến từ " + rows.map { $0.text(english: false) }.joined(separator: ", "),
            en: "; the gap comes from " + rows.map { $0.text(english: true) }.joined(separator: ", "))
    }

    static func rate(published: Double, exact: Double, finished: Double, backlog: Double, received: Double,
                     fromSums: Bool) -> ReconciliationWording {
        let formula = { (en: Bool) in
            "\(n(finished, en)) / (\(n(backlog, en)) + \(n(received, en))) = \(r(exact, en)) %"
        }
        var w = fromSums
            ? ReconciliationWording(
                vi: "tỷ lệ giải quyết ghi \(r(published, false)), nhưng tính từ tổng các dòng: \(formula(false))",
                en: "the resolution rate says \(r(published, true)), but from the sums of the rows: \(formula(true))")
            : ReconciliationWording(
                vi: "tỷ lệ giải quyết ghi \(r(published, false)), nhưng đã giải quyết (mức độ 2–4) / (tồn + tiếp nhận) = \(formula(false))",
                en: "the resolution rate says \(r(published, true)), but finished (levels 2–4) / (backlog + received) = \(formula(true))")
        if published > exact {
            w = w.appending(ReconciliationWording(
                vi: " — có thể tỷ lệ tính cả hồ sơ đã giải quyết chưa xác định mức độ",
                en: " — possibly the rate counts finished dossiers of unknown level"))
        }
        return w
    }

    static func online(level3: Double, level4: Double, online: Double) -> ReconciliationWording {
        ReconciliationWording(
            vi: "HSTN trực tuyến theo mức độ là \(n(level3, false)) (mức độ 3) + \(n(level4, false)) (mức độ 4) = "
                + "\(n(level3 + level4, false)), nhiều hơn tiếp nhận trực tuyến \(n(online, false))",
            en: "online received by level is \(n(level3, true)) (level 3) + \(n(level4, true)) (level 4) = "
                + "\(n(level3 + level4, true)), more than the \(n(online, true)) received online")
    }

    static func columnSum(_ c: AppendixColumn, sum: Double, written: Double) -> ReconciliationWording {
        ReconciliationWording(
            vi: "\(c.label(english: false)): tổng các dòng là \(c.format(sum, english: false)), dòng tổng cộng ghi \(c.format(written, english: false))",
            en: "\(c.label(english: true)): the rows add up to \(c.format(sum, english: true)), the total row says \(c.format(written, english: true))")
    }

    // MARK: Comparison

    static func differs(_ c: AppendixColumn, published: Double?, computed: Double) -> ReconciliationWording {
        ReconciliationWording(
            vi: "\(c.label(english: false)): công bố \(c.format(published, english: false)), tính từ hồ sơ \(c.format(computed, english: false))",
            en: "\(c.label(english: true)): published \(c.format(published, english: true)), computed \(c.format(computed, english: true))")
    }

    static func nameDiffers(computed: String) -> ReconciliationWording {
        ReconciliationWording(
            vi: "tên khác tên đơn vị \"\(computed)\" trong danh sách đơn vị; hai dòng được ghép theo thứ tự",
            en: "the name differs from the unit \"\(computed)\" of the units file; the rows were paired by position")
    }

    static let onlyPublished = ReconciliationWording(
        vi: "có trong bảng công bố nhưng không có trong số liệu tính từ hồ sơ (không đơn vị nào cùng tên hoặc cùng thứ tự)",
        en: "in the published table but not among the computed units (no unit of that name or position)")

    static func onlyComputed(code: String, received: Double, backlog: Double) -> ReconciliationWording {
        ReconciliationWording(
            vi: "có trong số liệu tính từ hồ sơ (mã \(code); tồn \(n(backlog, false)), tiếp nhận \(n(received, false))) nhưng không có trong bảng công bố",
            en: "computed from the dossiers (code \(code); backlog \(n(backlog, true)), received \(n(received, true))) but not in the published table")
    }
}
