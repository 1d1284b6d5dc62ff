/// What `motcua check` found: the rows that contradict themselves, and (when
/// the dossiers were available) the cells that differ from the computed figures.
package struct ReconciliationResult: Sendable {
    /// Dòng tự mâu thuẫn, in table order.
    package var consistency: [ReconciliationFinding]
    /// Khác với số liệu tính từ hồ sơ; `nil` when nothing was computed to compare with.
    package var comparison: [ReconciliationFinding]?
    /// Rows of the published table (the total row included).
    package var rowsChecked: Int
    /// Published rows paired with a computed row.
    package var rowsCompared: Int
    package var cellsCompared: Int

    package init(consistency: [ReconciliationFinding], comparison: [ReconciliationFinding]?,
                rowsChecked: Int, rowsCompared: Int, cellsCompared: Int) {
        self.consistency = consistency; self.comparison = comparison
        self.rowsChecked = rowsChecked; self.rowsCompared = rowsCompared; self.cellsCompared = cellsCompared
    }

    /// All findings: consistency first, then comparison.
    package var findings: [ReconciliationFinding] { consistency + (comparison ?? []) }

    package var wasCompared: Bool { comparison != nil }

    /// Rows with at least one consistency finding.
    package var inconsistentRowCount: Int { Set(consistency.map(\.row)).count }

    /// Published cells that differ from the computed figures (a differing
    /// unit name of rows paired by position counts as a cell).
    package var differingCellCount: Int {
        (comparison ?? []).filter { $0.kind == .differs || $0.kind == .nameDiffers }.count
    }

    /// Rows present on only one side.
    package var unmatchedRowCount: Int {
        (comparison ?? []).filter { $0.kind == .onlyPublished || $0.kind == .onlyComputed }.count
    }

    /// True when the table adds up and, if compared, every cell agrees.
    package var agrees: Bool { consistency.isEmpty && (comparison ?? []).isEmpty }
}
