import MotCuaCore

/// How a figure is shown in a cell.
package enum CellKind: String, Sendable {
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
package enum CellValue: Equatable, Sendable {
    case number(Double)
    case text(String)
    case blank
}

/// The columns a unit-table template can print, by name: every figure of
/// ``FigureCatalogue`` plus the row's number and name, which belong to the
/// sheet rather than to the figures.
package enum FigureRegistry {
    package struct Figure: Sendable {
        package let kind: CellKind
        /// Value for a row (`index` is the STT printed for it, `nil` for none).
        let value: @Sendable (_ row: ReportRow, _ index: String?) -> CellValue
    }

    package static func figure(named name: String) -> Figure? { figures[name] }

    /// A column of a figure's change against a comparison period
    /// ("tăng 5,2%", "+1,3 điểm %"; docs/rules.md#comparisons): "không có số
    /// liệu" when the row had no dossier in that period, blank for a report
    /// made without comparisons.
    package static func change(of name: String, against kind: ComparisonKind) -> Figure? {
        guard let figure = FigureCatalogue.figure(named: name), figure.format != .text else { return nil }
        return Figure(kind: .text) { row, _ in
            guard let compared = row.comparisons[kind] else { return .blank }
            guard let then = compared.row else { return .text("không có số liệu") }
            return .text(FigureChange.text(figure, now: row, then: then))
        }
    }

    /// The figure a template column prints.
    static func figure(for column: ColumnTemplate) -> Figure? {
        column.compare.map { change(of: column.figure, against: $0) } ?? figure(named: column.figure)
    }

    package static var names: [String] { figures.keys.sorted() }

    /// Columns that name the row rather than count its dossiers.
    private static let rowColumns: [String: Figure] = [
        "stt": Figure(kind: .integer) { _, index in
            guard let index else { return .blank }
            return Int(index).map { .number(Double($0)) } ?? .text(index)
        },
        "unit_name": Figure(kind: .text) { row, _ in .text(row.name) },
        "unit_code": Figure(kind: .text) { row, _ in .text(row.key) },
    ]

    private static let figures: [String: Figure] = rowColumns.merging(
        FigureCatalogue.all.map { figure in
            (figure.name, Figure(kind: CellKind(figure.format)) { row, _ in CellValue(figure.value(row)) })
        }, uniquingKeysWith: { sheet, _ in sheet })
}

extension CellKind {
    init(_ format: FigureFormat) {
        switch format {
        case .integer: self = .integer
        case .rate: self = .rate
        case .decimal: self = .decimal
        case .text: self = .text
        }
    }
}

extension CellValue {
    init(_ value: FigureValue) {
        switch value {
        case .count(let n): self = .number(Double(n))
        case .number(let x): self = .number(x)
        case .text(let t): self = .text(t)
        case .none: self = .blank
        }
    }
}
