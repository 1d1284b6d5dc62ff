import MotCuaCore

/// The columns an overdue list can print, per dossier. Personal data
/// (`applicant`) is here only for a template that asks for it (docs/rules.md#personal-data).
package enum OverdueFigures {
    typealias Figure = ListFigure<OverdueEntry>

    static func figure(named name: String) -> Figure? { figures[name] }
    package static var names: [String] { figures.keys.sorted() }

    /// An Excel date number: days since 1899-12-30, the fraction being the time.
    static func excelDate(_ t: LocalDateTime?) -> CellValue {
        guard let t else { return .blank }
        return .number(Double(t.secondsSinceEpoch) / 86_400 + 25_569)
    }

    private static func text(_ s: String?) -> CellValue { s.map { .text($0) } ?? .blank }
    private static func yesNo(_ b: Bool?) -> CellValue { b.map { .text($0 ? "Có" : "Không") } ?? .blank }

    private static let figures: [String: Figure] = [
        "stt": Figure(kind: .integer) { _, i, _ in .number(Double(i)) },
        "unit_name": Figure(kind: .text) { e, _, tree in .text(tree[e.dossier.unitCode]?.name ?? e.dossier.unitCode) },
        "unit_code": Figure(kind: .text) { e, _, _ in .text(e.dossier.unitCode) },
        "code": Figure(kind: .text) { e, _, _ in .text(e.dossier.code) },
        "procedure_code": Figure(kind: .text) { e, _, _ in text(e.dossier.procedureCode) },
        "procedure_name": Figure(kind: .text) { e, _, _ in text(e.dossier.procedureName ?? e.dossier.procedureCode) },
        "field_name": Figure(kind: .text) { e, _, _ in text(e.dossier.fieldName) },
        "received_at": Figure(kind: .date) { e, _, _ in excelDate(e.dossier.receivedAt) },
        "due_at": Figure(kind: .date) { e, _, _ in excelDate(e.dossier.dueAt) },
        "finished_at": Figure(kind: .date) { e, _, _ in e.isFinished ? excelDate(e.dossier.finish) : .blank },
        "state": Figure(kind: .text) { e, _, _ in .text(e.isFinished ? "Đã giải quyết, trễ hạn" : "Chưa giải quyết, quá hạn") },
        "days_overdue": Figure(kind: .integer) { e, _, _ in .number(Double(e.daysOverdue)) },
        "apology": Figure(kind: .text) { e, _, _ in yesNo(e.dossier.apologyCount > 0) },
        "apology_count": Figure(kind: .integer) { e, _, _ in .number(Double(e.dossier.apologyCount)) },
        "new_due_at": Figure(kind: .date) { e, _, _ in excelDate(e.dossier.newDueAt) },
        "missed_new_due": Figure(kind: .text) { e, _, _ in yesNo(e.missedNewDueDate) },
        "flag_no_apology": Figure(kind: .text) { e, _, _ in e.lacksApology ? .text("Quá hạn không có phiếu xin lỗi") : .blank },
        "flag_several_apologies": Figure(kind: .text) { e, _, _ in
            e.hasSeveralApologies ? .text("Xin lỗi \(e.dossier.apologyCount) lần") : .blank
        },
        "flags": Figure(kind: .text) { e, _, _ in
            let flags = [e.lacksApology ? "Không có phiếu xin lỗi" : nil,
                         e.hasSeveralApologies ? "Xin lỗi \(e.dossier.apologyCount) lần" : nil,
                         e.missedNewDueDate == true ? "Trễ cả ngày hẹn lại" : nil].compactMap { $0 }
            return flags.isEmpty ? .blank : .text(flags.joined(separator: "; "))
        },
        "officer": Figure(kind: .text) { e, _, _ in text(e.dossier.officer) },
        "applicant": Figure(kind: .text) { e, _, _ in text(e.dossier.applicant) },
    ]
}
