import MotCuaCore

/// One line of the data-quality sheet: a finding about the period's data, or
/// a row the run's import rejected.
enum QualityLine: Sendable {
    case finding(DataQualityFinding)
    case rejected(RejectedRow)
}

/// The columns a data-quality sheet can print.
enum FindingFigures {
    typealias Figure = ListFigure<QualityLine>

    static func figure(named name: String) -> Figure? { figures[name] }
    static var names: [String] { figures.keys.sorted() }

    private static let figures: [String: Figure] = [
        "stt": Figure(kind: .integer) { _, i, _ in .number(Double(i)) },
        "unit_name": Figure(kind: .text) { line, _, tree in
            switch line {
            case .finding(let f): return .text(tree[f.unitCode]?.name ?? f.unitCode)
            case .rejected: return .blank
            }
        },
        "code": Figure(kind: .text) { line, _, _ in
            switch line {
            case .finding(let f): return f.dossierCode.isEmpty ? .blank : .text(f.dossierCode)
            case .rejected(let r): return .text("\(r.file), dòng \(r.line)")
            }
        },
        "problem": Figure(kind: .text) { line, _, _ in
            switch line {
            case .finding(let f): return .text(f.kind.vietnameseName)
            case .rejected: return .text("Dòng bị từ chối khi nhập")
            }
        },
        "detail": Figure(kind: .text) { line, _, _ in
            switch line {
            case .finding(let f): return .text(f.detail)
            case .rejected(let r):
                return .text((r.column.isEmpty ? "" : "Cột \(r.column)\(r.value.isEmpty ? "" : " = \"\(r.value)\""): ") + r.reason)
            }
        },
    ]
}
