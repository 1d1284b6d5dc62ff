/// What `motcua check` found: the rows that contradict themselves, and (when
/// the dossiers were available) the cells that differ from the computed figures.
public struct ReconciliationResult: Sendable {
    /// Dòng tự mâu thuẫn, in table order.
    public var consistency: [ReconciliationFinding]
    /// Khác với số liệu tính từ hồ sơ; `nil` when nothing was computed to compare with.
    public var comparison: [ReconciliationFinding]?
    /// Rows of the published table (the total row included).
    public var rowsChecked: Int
    /// Published rows paired with a computed row.
    public var rowsCompared: Int
    public var cellsCompared: Int

    public init(consistency: [ReconciliationFinding], comparison: [ReconciliationFinding]?,
                rowsChecked: Int, rowsCompared: Int, cellsCompared: Int) {
        self.consistency = consistency; self.comparison = comparison
        self.rowsChecked = rowsChecked; self.rowsCompared = rowsCompared; self.cellsCompared = cellsCompared
    }

    /// All findings: consistency first, then comparison.
    public var findings: [ReconciliationFinding] { consistency + (comparison ?? []) }

    public var wasCompared: Bool { comparison != nil }

    /// Rows with at least one consistency finding.
    public var inconsistentRowCount: Int { Set(consistency.map(\.row)).count }

    /// Published cells that differ from the computed figures (a differing
    /// unit name of rows paired by position counts as a cell).
    public var differingCellCount: Int {
        (comparison ?? []).filter { $0.kind == .differs || $0.kind == .nameDiffers }.count
    }

    /// Rows present on only one side.
    public var unmatchedRowCount: Int {
        (comparison ?? []).filter { $0.kind == .onlyPublished || $0.kind == .onlyComputed }.count
    }

    /// True when the table adds up and, if compared, every cell agrees.
    public var agrees: Bool { consistency.isEmpty && (comparison ?? []).isEmpty }
}
