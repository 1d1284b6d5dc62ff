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

    private static func n(_ v: Double, _ language: Language) -> String { formatCount(v, language) }
    private static func r(_ v: Double, _ language: Language) -> String { formatRate(v, language) }

    // MARK: Consistency

    static func balance(_ rule: ConsistencyRule, _ row: PublishedTable.Row,
                        expected: Double, found: Double) -> ReconciliationWording {
        let gap = abs(found - expected)
        switch rule {
        case .levelsAddUp:
            let head = { (l: Language) in
                l.pick("các cột mức độ cộng lại \(n(expected, l)), không phải \(n(found, l)) như cột \(AppendixColumn.hstnTong.label(l))",
                       "the level columns add up to \(n(expected, l)), not \(n(found, l)) as in \(AppendixColumn.hstnTong.label(l))")
            }
            if expected < found {
                return ReconciliationWording(
                    vi: head(.vi) + ": \(n(gap, .vi)) hồ sơ không thuộc cột mức độ nào — có thể là hồ sơ chưa xác định "
                        + "mức độ (thủ tục ngoài danh mục hoặc không phải mức độ 2, 3, 4), được tính vào tổng số",
                    en: head(.en) + ": \(n(gap, .en)) dossiers are in no level column — possibly dossiers of unknown level "
                        + "(a procedure outside the catalogue, or not level 2, 3 or 4), which count in the total")
            }
            return ReconciliationWording(vi: head(.vi) + ": các cột mức độ nhiều hơn tổng số \(n(gap, .vi)) hồ sơ",
                                         en: head(.en) + ": the level columns exceed the total by \(n(gap, .en))")
        case .channelsAddUp:
            let desk = row[.tiepNhanMcdt] ?? 0, online = row[.tiepNhanTrucTuyen] ?? 0
            var w = ReconciliationWording(
                vi: "tiếp nhận MCĐT + trực tuyến = \(n(desk, .vi)) + \(n(online, .vi)) = \(n(expected, .vi)), "
                    + "không phải \(n(found, .vi)) như cột \(AppendixColumn.hstnTong.label(.vi))",
                en: "received at the desk + online = \(n(desk, .en)) + \(n(online, .en)) = \(n(expected, .en)), "
                    + "not \(n(found, .en)) as in \(AppendixColumn.hstnTong.label(.en))")
            if expected < found {
                w = w.appending(ReconciliationWording(
                    vi: ": thiếu \(n(gap, .vi)) hồ sơ — có thể hồ sơ nộp qua bưu chính chưa được tính vào MCĐT",
                    en: ": \(n(gap, .en)) short — possibly postal dossiers left out of the desk (MCĐT) column"))
            } else {
                w = w.appending(ReconciliationWording(vi: ": thừa \(n(gap, .vi)) hồ sơ", en: ": \(n(gap, .en)) too many"))
            }
            return w
        case .pendingBalances:
            let backlog = row[.hoSoTon] ?? 0, received = row[.hstnTong] ?? 0
            let finished = AppendixColumn.finishedByLevel.reduce(0) { $0 + (row[$1] ?? 0) }
            var w = ReconciliationWording(
                vi: "chưa giải quyết ghi \(n(found, .vi)), nhưng tồn + tiếp nhận − đã giải quyết (mức độ 2–4) = "
                    + "\(n(backlog, .vi)) + \(n(received, .vi)) − \(n(finished, .vi)) = \(n(expected, .vi))",
                en: "pending says \(n(found, .en)), but backlog + received − finished (levels 2–4) = "
                    + "\(n(backlog, .en)) + \(n(received, .en)) − \(n(finished, .en)) = \(n(expected, .en))")
            if found < expected {
                w = w.appending(ReconciliationWording(
                    vi: " — có thể có \(n(gap, .vi)) hồ sơ đã giải quyết chưa xác định mức độ (không nằm trong cột đã giải quyết nào)",
                    en: " — possibly \(n(gap, .en)) finished dossiers of unknown level (in no finished column)"))
            }
            return w
        case .rateMatches, .onlineWithinTotal, .totalIsColumnSum:
            return ReconciliationWording(vi: rule.name(.vi), en: rule.name(.en))
        }
    }

    /// On the total row: the unit rows whose own gaps make up the total's.
    static func gapComesFrom(_ rows: [RowLabel]) -> ReconciliationWording {
        ReconciliationWording(
            vi: "; chênh lệch này đến từ " + rows.map { $0.text(.vi) }.joined(separator: ", "),
            en: "; the gap comes from " + rows.map { $0.text(.en) }.joined(separator: ", "))
    }

    static func rate(published: Double, exact: Double, finished: Double, backlog: Double, received: Double,
                     fromSums: Bool) -> ReconciliationWording {
        let formula = { (l: Language) in
            "\(n(finished, l)) / (\(n(backlog, l)) + \(n(received, l))) = \(r(exact, l)) %"
        }
        var w = fromSums
            ? ReconciliationWording(
                vi: "tỷ lệ giải quyết ghi \(r(published, .vi)), nhưng tính từ tổng các dòng: \(formula(.vi))",
                en: "the resolution rate says \(r(published, .en)), but from the sums of the rows: \(formula(.en))")
            : ReconciliationWording(
                vi: "tỷ lệ giải quyết ghi \(r(published, .vi)), nhưng đã giải quyết (mức độ 2–4) / (tồn + tiếp nhận) = \(formula(.vi))",
                en: "the resolution rate says \(r(published, .en)), but finished (levels 2–4) / (backlog + received) = \(formula(.en))")
        if published > exact {
            w = w.appending(ReconciliationWording(
                vi: " — có thể tỷ lệ tính cả hồ sơ đã giải quyết chưa xác định mức độ",
                en: " — possibly the rate counts finished dossiers of unknown level"))
        }
        return w
    }

    static func online(level3: Double, level4: Double, online: Double) -> ReconciliationWording {
        ReconciliationWording(
            vi: "HSTN trực tuyến theo mức độ là \(n(level3, .vi)) (mức độ 3) + \(n(level4, .vi)) (mức độ 4) = "
                + "\(n(level3 + level4, .vi)), nhiều hơn tiếp nhận trực tuyến \(n(online, .vi))",
            en: "online received by level is \(n(level3, .en)) (level 3) + \(n(level4, .en)) (level 4) = "
                + "\(n(level3 + level4, .en)), more than the \(n(online, .en)) received online")
    }

    static func columnSum(_ c: AppendixColumn, sum: Double, written: Double) -> ReconciliationWording {
        ReconciliationWording(
            vi: "\(c.label(.vi)): tổng các dòng là \(c.format(sum, .vi)), dòng tổng cộng ghi \(c.format(written, .vi))",
            en: "\(c.label(.en)): the rows add up to \(c.format(sum, .en)), the total row says \(c.format(written, .en))")
    }

    // MARK: Comparison

    static func differs(_ c: AppendixColumn, published: Double?, computed: Double) -> ReconciliationWording {
        ReconciliationWording(
            vi: "\(c.label(.vi)): công bố \(c.format(published, .vi)), tính từ hồ sơ \(c.format(computed, .vi))",
            en: "\(c.label(.en)): published \(c.format(published, .en)), computed \(c.format(computed, .en))")
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
            vi: "có trong số liệu tính từ hồ sơ (mã \(code); tồn \(n(backlog, .vi)), tiếp nhận \(n(received, .vi))) nhưng không có trong bảng công bố",
            en: "computed from the dossiers (code \(code); backlog \(n(backlog, .en)), received \(n(received, .en))) but not in the published table")
    }
}
