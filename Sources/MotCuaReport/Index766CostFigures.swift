import MotCuaCore

/// The columns of the list of dossiers that cost progress points of the
/// QĐ 766 index (hồ sơ bị trừ điểm, docs/rules.md#index766-cost).
package enum Index766CostFigures {
    typealias Figure = ListFigure<Index766Miss>

    static func figure(named name: String) -> Figure? { figures[name] }
    package static var names: [String] { figures.keys.sorted() }

    private static func text(_ s: String?) -> CellValue { s.map { .text($0) } ?? .blank }
    private static func date(_ t: LocalDateTime?) -> CellValue { OverdueFigures.excelDate(t) }

    private static let figures: [String: Figure] = [
        "stt": Figure(kind: .integer) { _, i, _ in .number(Double(i)) },
        "unit_name": Figure(kind: .text) { m, _, tree in .text(tree[m.dossier.unitCode]?.name ?? m.dossier.unitCode) },
        "unit_code": Figure(kind: .text) { m, _, _ in .text(m.dossier.unitCode) },
        "code": Figure(kind: .text) { m, _, _ in .text(m.dossier.code) },
        "procedure_name": Figure(kind: .text) { m, _, _ in text(m.dossier.procedureName ?? m.dossier.procedureCode) },
        "received_at": Figure(kind: .date) { m, _, _ in date(m.dossier.receivedAt) },
        "due_at": Figure(kind: .date) { m, _, _ in date(m.verdict.due) },
        "due_source": Figure(kind: .text) { m, _, _ in
            .text(m.verdict.due == nil ? "Không có" : m.verdict.dueRecomputed ? "Tính lại" : "Theo tệp xuất")
        },
        "end_at": Figure(kind: .date) { m, _, _ in date(m.verdict.end) },
        "supplement_count": Figure(kind: .integer) { m, _, _ in m.dossier.supplementCount.map { .number(Double($0)) } ?? .blank },
        "status": Figure(kind: .text) { m, _, _ in text(m.dossier.status?.vietnameseName) },
        "reason": Figure(kind: .text) { m, _, _ in .text(m.reason.vietnamese) },
        "officer": Figure(kind: .text) { m, _, _ in text(m.dossier.officer) },
    ]
}
