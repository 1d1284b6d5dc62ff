/// Every figure a report can show, defined once (danh mục chỉ tiêu;
/// docs/rules.md#figures). A new figure is one entry here — plus, when it
/// needs a count the classified dossiers do not yet give, one counter in
/// ``UnitFigures``.
package enum FigureCatalogue {
    /// The figures in the order the JSON and `templates` list them.
    package static let all: [Figure] = counts + rates + procedures + notes

    /// The figure with this name, if any.
    package static func figure(named name: String) -> Figure? { byName[name] }

    package static var names: [String] { all.map(\.name) }

    private static let byName: [String: Figure] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    private static func count(_ name: String, _ vi: String, _ en: String, time: TimeAggregation = .flow,
                              json: [String]? = nil, headers: [String] = [],
                              _ read: @escaping @Sendable (UnitFigures) -> Int) -> Figure {
        Figure(name, vi: vi, en: en, aggregation: .sum(time: time), json: json, headers: headers) { .count(read($0.figures)) }
    }

    /// Counts of dossiers (số hồ sơ), read from the row's ``UnitFigures``.
    static let counts: [Figure] = [
        count("backlog", "Hồ sơ tồn", "backlog", time: .openingStock, json: ["backlog"],
              headers: ["ho_so_ton", "Tồn", "Hồ sơ tồn kỳ trước"]) { $0.backlog },
        count("received", "Tổng số HSTN", "total received", json: ["received"],
              headers: ["hstn_tong", "HSTN tổng số", "Tổng số hồ sơ tiếp nhận", "Tổng số - HSTN"]) { $0.received },
        count("received_direct", "HSTN trực tiếp", "received at the desk", json: ["received_direct"]) { $0.receivedDirect },
        count("received_online", "Tiếp nhận trực tuyến", "received online", json: ["received_online"],
              headers: ["tiep_nhan_truc_tuyen", "Tiếp nhận - Trực tuyến"]) { $0.receivedOnline },
        count("received_postal", "HSTN qua bưu chính", "received by post", json: ["received_postal"]) { $0.receivedPostal },
        // MCĐT: entered at the desk into the one-stop e-system, so postal counts here (docs/rules.md#level-channel).
        count("received_at_desk", "Tiếp nhận MCĐT", "received at the desk (MCĐT)",
              headers: ["tiep_nhan_mcdt", "MCĐT", "Tiếp nhận - MCĐT"]) { $0.receivedAtDesk },
        count("received_level2", "HSTN mức độ 2", "received, level 2", json: ["received_level", "2"],
              headers: ["hstn_md2", "Mức độ 2 - HSTN"]) { $0.receivedByLevel.level2 },
        count("received_level3", "HSTN mức độ 3", "received, level 3", json: ["received_level", "3"]) { $0.receivedByLevel.level3 },
        count("received_level4", "HSTN mức độ 4", "received, level 4", json: ["received_level", "4"]) { $0.receivedByLevel.level4 },
        count("received_level_other", "HSTN chưa xác định mức độ", "received, level unknown",
              json: ["received_level", "other"]) { $0.receivedByLevel.other },
        // "Trực tiếp" of levels 3 and 4 is the level's received minus its online,
        // so postal counts as direct (docs/rules.md#appendix).
        count("received_level3_direct", "HSTN mức độ 3 trực tiếp", "received, level 3 at the desk",
              headers: ["hstn_md3_truc_tiep", "Mức độ 3 - HSTN trực tiếp"]) {
            $0.receivedByLevel.level3 - $0.receivedOnlineByLevel.level3
        },
        count("received_level3_online", "HSTN mức độ 3 trực tuyến", "received, level 3 online", json: ["received_level3_online"],
              headers: ["hstn_md3_truc_tuyen", "Mức độ 3 - HSTN trực tuyến"]) { $0.receivedOnlineByLevel.level3 },
        count("received_level4_direct", "HSTN mức độ 4 trực tiếp", "received, level 4 at the desk",
              headers: ["hstn_md4_truc_tiep", "Mức độ 4 - HSTN trực tiếp"]) {
            $0.receivedByLevel.level4 - $0.receivedOnlineByLevel.level4
        },
        count("received_level4_online", "HSTN mức độ 4 trực tuyến", "received, level 4 online", json: ["received_level4_online"],
              headers: ["hstn_md4_truc_tuyen", "Mức độ 4 - HSTN trực tuyến"]) { $0.receivedOnlineByLevel.level4 },

        // Số hồ sơ nhận giải quyết of the national form (Biểu 06, column C; docs/rules.md#figures).
        // Of the unit's own handling, wherever the dossiers were received (docs/rules.md#receiving-unit).
        count("handled", "Số hồ sơ nhận giải quyết", "dossiers to handle (backlog + received)", time: .mixed) { $0.toHandle },
        count("finished", "Đã giải quyết", "finished", json: ["finished"]) { $0.finished },
        count("finished_level2", "Đã giải quyết mức độ 2", "finished, level 2", json: ["finished_level", "2"],
              headers: ["da_giai_quyet_md2", "Đã giải quyết - Mức độ 2"]) { $0.finishedByLevel.level2 },
        count("finished_level3", "Đã giải quyết mức độ 3", "finished, level 3", json: ["finished_level", "3"],
              headers: ["da_giai_quyet_md3", "Đã giải quyết - Mức độ 3"]) { $0.finishedByLevel.level3 },
        count("finished_level4", "Đã giải quyết mức độ 4", "finished, level 4", json: ["finished_level", "4"],
              headers: ["da_giai_quyet_md4", "Đã giải quyết - Mức độ 4"]) { $0.finishedByLevel.level4 },
        count("finished_level_other", "Đã giải quyết chưa xác định mức độ", "finished, level unknown",
              json: ["finished_level", "other"]) { $0.finishedByLevel.other },
        count("early", "Trước hạn", "early", json: ["early"]) { $0.early },
        count("on_time", "Đúng hạn", "on time", json: ["on_time"]) { $0.onTime },
        count("late", "Trễ hạn", "late", json: ["late"]) { $0.late },
        count("unclassified", "Không xác định được hạn", "no due date to compare", json: ["unclassified"]) { $0.unclassified },
        // Biểu 06, column I: withdrawn or stopped dossiers were handed back, counted as handled on time.
        count("on_time_or_returned", "Đúng hạn (kể cả trả lại)", "on time, including returned") { $0.onTime + $0.unclassified },

        count("pending", "Chưa giải quyết", "pending", time: .closingStock, json: ["pending"],
              headers: ["chua_giai_quyet"]) { $0.pending },
        count("pending_in_time", "Chưa giải quyết trong hạn", "pending, in time", time: .closingStock,
              json: ["pending_in_time"]) { $0.pendingInTime },
        count("pending_overdue", "Chưa giải quyết quá hạn", "pending, overdue", time: .closingStock,
              json: ["pending_overdue"]) { $0.pendingOverdue },
        count("pending_supplement", "Chờ bổ sung", "waiting for a supplement", time: .closingStock,
              json: ["pending_supplement"]) { $0.pendingSupplement },
        // Biểu 06, column L: waiting for a supplement stops the clock, so it is in time.
        count("pending_not_overdue", "Đang giải quyết trong hạn (kể cả chờ bổ sung)", "pending, not overdue",
              time: .closingStock) { $0.pendingInTime + $0.pendingSupplement },
    ]

    private static func rate(_ name: String, _ vi: String, _ en: String, headers: [String] = [],
                             _ read: @escaping @Sendable (UnitFigures) -> Double) -> Figure {
        Figure(name, vi: vi, en: en, format: .rate, aggregation: .recomputed, json: [name], headers: headers) {
            .number(read($0.figures))
        }
    }

    /// Rates and means, recomputed from each row's summed counts (docs/rules.md#rates).
    static let rates: [Figure] = [
        rate("resolution_rate", "Tỷ lệ giải quyết %", "resolution rate %",
             headers: ["ty_le_giai_quyet", "Tỷ lệ giải quyết", "Tỉ lệ giải quyết", "Tỷ lệ giải quyết (%)"]) { $0.resolutionRate },
        rate("on_time_rate", "Tỷ lệ đúng hạn %", "on-time rate %") { $0.onTimeRate },
        rate("late_rate", "Tỷ lệ trễ hạn %", "late rate %") { $0.lateRate },
        rate("online_rate", "Tỷ lệ trực tuyến %", "online rate %") { $0.onlineRate },
        Figure("avg_processing_days", vi: "Thời gian xử lý trung bình (ngày làm việc)", en: "mean processing time (working days)",
               format: .decimal, aggregation: .recomputed, json: ["avg_processing_days"]) { .number($0.averageProcessingDays) },
    ]

    private static func procedures(_ name: String, _ vi: String, _ en: String, json: [String], headers: [String],
                                   _ read: @escaping @Sendable (ProcedureCounts) -> Int) -> Figure {
        Figure(name, vi: vi, en: en, aggregation: .catalogue, json: json, headers: headers) { .count(read($0.procedures)) }
    }

    /// Catalogue procedures the row's units may handle (số TTHC; docs/rules.md#tthc).
    static let procedures: [Figure] = [
        procedures("tthc_total", "Tổng số TTHC", "total procedures", json: ["tthc", "total"],
                   headers: ["tthc_tong", "TTHC tổng số", "Tổng số - TTHC"]) { $0.total },
        procedures("tthc_level2", "TTHC mức độ 2", "procedures, level 2", json: ["tthc", "2"],
                   headers: ["tthc_md2", "Mức độ 2 - TTHC"]) { $0.level2 },
        procedures("tthc_level3", "TTHC mức độ 3", "procedures, level 3", json: ["tthc", "3"],
                   headers: ["tthc_md3", "Mức độ 3 - TTHC"]) { $0.level3 },
        procedures("tthc_level4", "TTHC mức độ 4", "procedures, level 4", json: ["tthc", "4"],
                   headers: ["tthc_md4", "Mức độ 4 - TTHC"]) { $0.level4 },
    ]

    /// Ghi chú: says why a row's level columns do not add up to its total.
    static let notes: [Figure] = [
        Figure("level_note", vi: "Ghi chú", en: "note", format: .text, aggregation: .none) { row in
            let received = row.figures.receivedByLevel.other
            let finished = row.figures.finishedByLevel.other
            guard received + finished > 0 else { return .none }
            var parts: [String] = []
            if received > 0 { parts.append("\(received) HS tiếp nhận") }
            if finished > 0 { parts.append("\(finished) HS đã giải quyết") }
            return .text(parts.joined(separator: ", ") + " chưa xác định mức độ")
        },
    ]
}
