/// Đối chiếu: checks a published appendix table on its own (rows whose
/// columns do not add up) and against the figures computed from the dossiers.
///
/// Pure: no files, no printing. `motcua check` reads the table and the
/// dossiers, and prints the findings in the order given here.
package enum Reconciliation {
    /// Both checks; `computed` is `nil` when there is no period or no data,
    /// and then only the table's own consistency is checked.
    /// - Parameter nameKey: folds a unit name for matching rows; pass an
    ///   accent-insensitive key (the core alone folds case and spacing only).
    package static func reconcile(_ table: PublishedTable, computed: ComputedTable? = nil,
                                 nameKey: (String) -> String = defaultNameKey) -> ReconciliationResult {
        let comparison = computed.map { compare(table, with: $0, nameKey: nameKey) }
        return ReconciliationResult(consistency: consistencyFindings(table), comparison: comparison?.findings,
                                    rowsChecked: table.rows.count, rowsCompared: comparison?.rowsCompared ?? 0,
                                    cellsCompared: comparison?.cellsCompared ?? 0)
    }

    /// The rows that contradict themselves, in table order; for each row the
    /// rules in the order (a)…(e), then rule (f) on the total row by column.
    package static func consistencyFindings(_ table: PublishedTable) -> [ReconciliationFinding] {
        var out: [ReconciliationFinding] = []
        let units = table.unitRows
        for row in table.rows {
            for rule in [ConsistencyRule.levelsAddUp, .channelsAddUp, .pendingBalances] {
                if let f = balanceFinding(rule, row, units: row.isTotal ? units : []) { out.append(f) }
            }
            // The total row's rate is checked against the column sums (rule f).
            if !row.isTotal, let f = rateFinding(row) { out.append(f) }
            if let f = onlineFinding(row) { out.append(f) }
            if row.isTotal { out += totalFindings(row, units: units, columns: table.columns) }
        }
        return out
    }

    /// Folds case, spaces and punctuation: "UBND xã  Mường Khoa" and
    /// "ubnd xã mường khoa" match (and NFC/NFD forms, as Swift compares
    /// characters canonically). Accents are kept: the core has no Unicode
    /// decomposition without Foundation, so the CLI passes a fuller key.
    package static func defaultNameKey(_ name: String) -> String {
        String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}

// MARK: - The rules

extension Reconciliation {
    /// The two sides of an equality rule (a, b, c): what the other columns
    /// give and what the checked cell says; `nil` when a cell is blank.
    static func sides(_ rule: ConsistencyRule, _ row: PublishedTable.Row) -> (expected: Double, found: Double)? {
        switch rule {
        case .levelsAddUp:
            guard let total = row[.hstnTong], let sum = sum(AppendixColumn.receivedByLevel, row) else { return nil }
            return (sum, total)
        case .channelsAddUp:
            guard let total = row[.hstnTong], let sum = sum([.tiepNhanMcdt, .tiepNhanTrucTuyen], row) else { return nil }
            return (sum, total)
        case .pendingBalances:
            guard let pending = row[.chuaGiaiQuyet], let backlog = row[.hoSoTon], let received = row[.hstnTong],
                  let finished = sum(AppendixColumn.finishedByLevel, row) else { return nil }
            return (backlog + received - finished, pending)
        case .rateMatches, .onlineWithinTotal, .totalIsColumnSum:
            return nil
        }
    }

    /// Sum of the cells, or `nil` if any is blank.
    static func sum(_ columns: [AppendixColumn], _ row: PublishedTable.Row) -> Double? {
        var total = 0.0
        for c in columns { guard let v = row[c] else { return nil }; total += v }
        return total
    }

    /// The exact resolution rate from counts: finished / (backlog + received) × 100, 0 when empty.
    static func rate(finished: Double, backlog: Double, received: Double) -> Double {
        backlog + received == 0 ? 0 : finished / (backlog + received) * 100
    }

    /// A published rate agrees when it is the exact rate rounded to one
    /// decimal, whichever way the publisher rounded the last half.
    static func rateAgrees(_ published: Double, exact: Double) -> Bool {
        abs(published - exact) <= 0.05 + 1e-9
    }

    /// Rules (a), (b), (c). On the total row, says which unit rows the gap
    /// comes from when their gaps add up to it.
    static func balanceFinding(_ rule: ConsistencyRule, _ row: PublishedTable.Row,
                               units: [PublishedTable.Row]) -> ReconciliationFinding? {
        guard let (expected, found) = sides(rule, row), expected != found else { return nil }
        var wording = ReconciliationWording.balance(rule, row, expected: expected, found: found)
        let gaps = units.compactMap { u in sides(rule, u).map { (u, $0.expected - $0.found) } }.filter { $0.1 != 0 }
        if !gaps.isEmpty, gaps.reduce(0, { $0 + $1.1 }) == expected - found {
            wording = wording.appending(ReconciliationWording.gapComesFrom(gaps.map(\.0.label)))
        }
        return ReconciliationFinding(kind: .inconsistent(rule), row: row.label,
                                     column: rule == .pendingBalances ? .chuaGiaiQuyet : .hstnTong,
                                     expected: expected, found: found, vi: wording.vi, en: wording.en)
    }

    /// Rule (d) on a unit row.
    static func rateFinding(_ row: PublishedTable.Row) -> ReconciliationFinding? {
        guard let published = row[.tyLeGiaiQuyet], let backlog = row[.hoSoTon], let received = row[.hstnTong],
              let finished = sum(AppendixColumn.finishedByLevel, row) else { return nil }
        let exact = rate(finished: finished, backlog: backlog, received: received)
        guard !rateAgrees(published, exact: exact) else { return nil }
        let w = ReconciliationWording.rate(published: published, exact: exact, finished: finished,
                                           backlog: backlog, received: received, fromSums: false)
        return ReconciliationFinding(kind: .inconsistent(.rateMatches), row: row.label, column: .tyLeGiaiQuyet,
                                     expected: roundedToOneDecimal(exact), found: published, vi: w.vi, en: w.en)
    }

    /// Rule (e): online dossiers by level cannot exceed all online dossiers.
    static func onlineFinding(_ row: PublishedTable.Row) -> ReconciliationFinding? {
        guard let online = row[.tiepNhanTrucTuyen], let byLevel = sum([.hstnMd3TrucTuyen, .hstnMd4TrucTuyen], row),
              byLevel > online else { return nil }
        let w = ReconciliationWording.online(level3: row[.hstnMd3TrucTuyen]!, level4: row[.hstnMd4TrucTuyen]!, online: online)
        return ReconciliationFinding(kind: .inconsistent(.onlineWithinTotal), row: row.label, column: .tiepNhanTrucTuyen,
                                     expected: byLevel, found: online, vi: w.vi, en: w.en)
    }

    /// Rule (f): every count column of the total row is the sum of the unit
    /// rows (blank unit cells count as 0); TTHC columns show the catalogue,
    /// so they are not sums; a given total rate must be the rate of the sums.
    static func totalFindings(_ total: PublishedTable.Row, units: [PublishedTable.Row],
                              columns: Set<AppendixColumn>) -> [ReconciliationFinding] {
        guard !units.isEmpty else { return [] }
        func columnSum(_ c: AppendixColumn) -> Double { units.reduce(0) { $0 + ($1[c] ?? 0) } }
        var out: [ReconciliationFinding] = []
        for c in AppendixColumn.allCases where columns.contains(c) && !c.isProcedureCount && !c.isRate {
            guard let written = total[c] else { continue }
            let sum = columnSum(c)
            guard sum != written else { continue }
            let w = ReconciliationWording.columnSum(c, sum: sum, written: written)
            out.append(ReconciliationFinding(kind: .inconsistent(.totalIsColumnSum), row: total.label, column: c,
                                             expected: sum, found: written, vi: w.vi, en: w.en))
        }
        if let written = total[.tyLeGiaiQuyet] {
            let finished = AppendixColumn.finishedByLevel.reduce(0) { $0 + columnSum($1) }
            let backlog = columnSum(.hoSoTon), received = columnSum(.hstnTong)
            let exact = rate(finished: finished, backlog: backlog, received: received)
            if !rateAgrees(written, exact: exact) {
                let w = ReconciliationWording.rate(published: written, exact: exact, finished: finished,
                                                   backlog: backlog, received: received, fromSums: true)
                out.append(ReconciliationFinding(kind: .inconsistent(.totalIsColumnSum), row: total.label,
                                                 column: .tyLeGiaiQuyet, expected: roundedToOneDecimal(exact),
                                                 found: written, vi: w.vi, en: w.en))
            }
        }
        return out
    }
}
