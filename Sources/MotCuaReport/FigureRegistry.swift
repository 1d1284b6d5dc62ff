import MotCuaCore

/// How a figure is shown in a cell.
public enum CellKind: String, Sendable {
    /// A count: whole number with thousands separators.
    case integer
    /// A percentage with one decimal (Excel shows `95,5` in a Vietnamese locale).
    case rate
    /// A quantity with two decimals (working days).
    case decimal
    /// A date and time, as an Excel date number shown `dd/mm/yyyy hh:mm`.
    case date
    case text
}

/// A value for one cell.
public enum CellValue: Equatable, Sendable {
    case number(Double)
    case text(String)
    case blank
}

/// The figures a template column can print, by name. Names follow the JSON
/// fields of docs/rules.md#figures where one exists.
public enum FigureRegistry {
    public struct Figure: Sendable {
        public let kind: CellKind
        /// Value for a unit row (`index` is the 1-based STT) or for the total row (`index == nil`).
        let value: @Sendable (_ row: ReportRow, _ index: Int?) -> CellValue
    }

    public static func figure(named name: String) -> Figure? { figures[name] }

    public static var names: [String] { figures.keys.sorted() }

    private static func count(_ f: @escaping @Sendable (UnitFigures) -> Int) -> Figure {
        Figure(kind: .integer) { row, _ in .number(Double(f(row.figures))) }
    }
    private static func rate(_ f: @escaping @Sendable (UnitFigures) -> Double) -> Figure {
        Figure(kind: .rate) { row, _ in .number(f(row.figures)) }
    }
    private static func procedures(_ f: @escaping @Sendable (ProcedureCounts) -> Int) -> Figure {
        Figure(kind: .integer) { row, _ in .number(Double(f(row.procedures))) }
    }

    private static let figures: [String: Figure] = [
        "stt": Figure(kind: .integer) { _, index in index.map { .number(Double($0)) } ?? .blank },
        "unit_name": Figure(kind: .text) { row, _ in .text(row.unit.name) },
        "unit_code": Figure(kind: .text) { row, _ in .text(row.unit.code) },

        "backlog": count { $0.backlog },
        "received": count { $0.received },
        "received_direct": count { $0.receivedDirect },
        "received_online": count { $0.receivedOnline },
        "received_postal": count { $0.receivedPostal },
        "received_at_desk": count { $0.receivedAtDesk },
        "received_level2": count { $0.receivedByLevel.level2 },
        "received_level3": count { $0.receivedByLevel.level3 },
        "received_level4": count { $0.receivedByLevel.level4 },
        "received_level_other": count { $0.receivedByLevel.other },
        // Postal counts as direct here: desk-entered = received − online (docs/rules.md#appendix).
        "received_level3_direct": count { $0.receivedByLevel.level3 - $0.receivedOnlineByLevel.level3 },
        "received_level3_online": count { $0.receivedOnlineByLevel.level3 },
        "received_level4_direct": count { $0.receivedByLevel.level4 - $0.receivedOnlineByLevel.level4 },
        "received_level4_online": count { $0.receivedOnlineByLevel.level4 },

        "finished": count { $0.finished },
        "finished_level2": count { $0.finishedByLevel.level2 },
        "finished_level3": count { $0.finishedByLevel.level3 },
        "finished_level4": count { $0.finishedByLevel.level4 },
        "finished_level_other": count { $0.finishedByLevel.other },
        "early": count { $0.early },
        "on_time": count { $0.onTime },
        "late": count { $0.late },
        "unclassified": count { $0.unclassified },

        "pending": count { $0.pending },
        "pending_in_time": count { $0.pendingInTime },
        "pending_overdue": count { $0.pendingOverdue },
        "pending_supplement": count { $0.pendingSupplement },

        "resolution_rate": rate { $0.resolutionRate },
        "on_time_rate": rate { $0.onTimeRate },
        "late_rate": rate { $0.lateRate },
        "online_rate": rate { $0.onlineRate },

        "avg_processing_days": Figure(kind: .decimal) { row, _ in .number(row.averageProcessingDays) },

        "tthc_total": procedures { $0.total },
        "tthc_level2": procedures { $0.level2 },
        "tthc_level3": procedures { $0.level3 },
        "tthc_level4": procedures { $0.level4 },

        // Ghi chú: says why a row's level columns do not add up to its total.
        "level_note": Figure(kind: .text) { row, _ in
            let received = row.figures.receivedByLevel.other
            let finished = row.figures.finishedByLevel.other
            guard received + finished > 0 else { return .blank }
            var parts: [String] = []
            if received > 0 { parts.append("\(received) HS tiếp nhận") }
            if finished > 0 { parts.append("\(finished) HS đã giải quyết") }
            return .text(parts.joined(separator: ", ") + " chưa xác định mức độ")
        },
    ]
}
