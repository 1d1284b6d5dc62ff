/// The figures computed from the dossiers that a published table is compared
/// with: the unit rows of a ``PeriodReport`` in report order, and its total.
package struct ComputedTable: Sendable {
    package var rows: [ReportRow]
    package var total: ReportRow

    package init(rows: [ReportRow], total: ReportRow) { self.rows = rows; self.total = total }
    package init(_ report: PeriodReport) { self.init(rows: report.rows, total: report.total) }
}

extension Reconciliation {
    /// The outcome of comparing published cells with computed ones.
    package struct Comparison: Sendable {
        package var findings: [ReconciliationFinding]
        /// Published rows paired with a computed row (the total row included).
        package var rowsCompared: Int
        package var cellsCompared: Int
    }

    /// Pairs published unit rows with computed rows by folded unit name, then
    /// the rest by position (the n-th unit row of the table with the n-th row
    /// of the report), and compares every cell of every pair; the total rows
    /// are paired with each other. Rows left on one side are reported.
    ///
    /// Findings come in table order, the computed-only rows after them.
    package static func compare(_ table: PublishedTable, with computed: ComputedTable,
                               nameKey: (String) -> String = defaultNameKey) -> Comparison {
        let published = table.unitRows
        let pairing = pair(published.map(\.unitName), computed.rows.map(\.unit.name), nameKey: nameKey)
        var outcome = Comparison(findings: [], rowsCompared: 0, cellsCompared: 0)
        for (i, row) in published.enumerated() {
            guard let match = pairing.matches[i] else {
                let w = ReconciliationWording.onlyPublished
                outcome.findings.append(ReconciliationFinding(kind: .onlyPublished, row: row.label, column: nil,
                                                              expected: nil, found: nil, vi: w.vi, en: w.en))
                continue
            }
            let other = computed.rows[match.index]
            if match.byPosition {
                let w = ReconciliationWording.nameDiffers(computed: other.unit.name)
                outcome.findings.append(ReconciliationFinding(kind: .nameDiffers, row: row.label, column: nil,
                                                              expected: nil, found: nil, vi: w.vi, en: w.en))
            }
            compareCells(row, other, columns: table.columns, into: &outcome)
        }
        for (j, other) in computed.rows.enumerated() where !pairing.used.contains(j) {
            let w = ReconciliationWording.onlyComputed(code: other.unit.code, received: Double(other.figures.received),
                                                       backlog: Double(other.figures.backlog))
            outcome.findings.append(ReconciliationFinding(kind: .onlyComputed, row: RowLabel(stt: "", unitName: other.unit.name),
                                                          column: nil, expected: nil, found: nil,
                                                          vi: w.vi, en: w.en))
        }
        if let total = table.totalRow { compareCells(total, computed.total, columns: table.columns, into: &outcome) }
        return outcome
    }

    /// Published index → computed index, by name first, then by position.
    static func pair(_ published: [String], _ computed: [String],
                     nameKey: (String) -> String) -> (matches: [(index: Int, byPosition: Bool)?], used: Set<Int>) {
        var matches = [(index: Int, byPosition: Bool)?](repeating: nil, count: published.count)
        var used = Set<Int>()
        var byKey: [String: [Int]] = [:]
        for (j, name) in computed.enumerated() { byKey[nameKey(name), default: []].append(j) }
        for (i, name) in published.enumerated() {
            let key = nameKey(name)
            if let j = byKey[key]?.first(where: { !used.contains($0) }) {
                matches[i] = (j, false); used.insert(j)
            }
        }
        for i in published.indices where matches[i] == nil && i < computed.count && !used.contains(i) {
            matches[i] = (i, true); used.insert(i)
        }
        return (matches, used)
    }

    /// Every column of the table, one pair of rows. The rate is compared
    /// after rounding both to one decimal; a blank total rate is not a
    /// difference (the published total often leaves it out), any other blank is.
    static func compareCells(_ row: PublishedTable.Row, _ other: ReportRow, columns: Set<AppendixColumn>,
                             into outcome: inout Comparison) {
        outcome.rowsCompared += 1
        for c in AppendixColumn.allCases where columns.contains(c) {
            let published = row[c]
            let computed = c.value(of: other)
            if c.isRate && published == nil && row.isTotal { continue }
            outcome.cellsCompared += 1
            let same: Bool
            if let published {
                same = c.isRate ? abs(roundedToOneDecimal(published) - roundedToOneDecimal(computed)) < 1e-9
                                : published == computed
            } else {
                same = false
            }
            guard !same else { continue }
            let w = ReconciliationWording.differs(c, published: published, computed: computed)
            outcome.findings.append(ReconciliationFinding(kind: .differs, row: row.label, column: c,
                                                          expected: c.isRate ? roundedToOneDecimal(computed) : computed,
                                                          found: published, vi: w.vi, en: w.en))
        }
    }
}
