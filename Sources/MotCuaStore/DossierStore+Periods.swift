import GRDB
import GRDBSQLite
import MotCuaCore

extension DossierStore {
    /// Calls `body` with every dossier one of `windows` reaches, in rowid
    /// order (the order the dossiers were first stored).
    ///
    /// Two parts, merged by rowid. The dossiers with no NgayKetThucXuLy
    /// (never finished, or only returned) are few, from any time, and come
    /// through the `dossier_on_finish` index. The finished ones are scanned,
    /// but only between the lowest and the highest rowid a window reaches,
    /// which the same index gives without reading the table: exports are
    /// imported roughly in time order, so over years of history a period's
    /// rows are a recent stretch of the table. (Looking every row up through
    /// the index instead cost twice the scan on a year of data: the rows of a
    /// quarter and its comparison periods are half the table.) The order of
    /// import changes only the speed, never the rows.
    package func forEachDossier(relevantTo windows: [RelevanceWindow], _ body: (Dossier) throws -> Void) throws {
        try forEachDossier(relevantTo: windows, detailedIn: nil, body)
    }

    /// The rows `detailed` does not reach come without code, applicant and
    /// officer, decided from the row's times before its texts are read; the
    /// texts of few values are built once per read (``RowStrings``).
    package func forEachDossier(relevantTo windows: [RelevanceWindow], detailedIn detailed: RelevanceWindow?,
                                _ body: (Dossier) throws -> Void) throws {
        var strings = RowStrings(memoising: true)
        try forEachRow(relevantTo: windows, detailedIn: detailed) { stmt, isDetailed in
            try body(DossierRow.dossier(from: stmt, strings: &strings, detailed: isDetailed))
        }
    }

    /// The same rows, copied out of SQLite in batches (``StoredRowBatch``)
    /// that the caller builds into dossiers, on its aggregating thread.
    package func forEachDossierBatch(relevantTo windows: [RelevanceWindow], detailedIn detailed: RelevanceWindow?,
                                     _ body: (any DossierRows) throws -> Void) throws {
        let strings = SharedRowStrings()
        var batch = StoredRowBatch(strings: strings)
        try forEachRow(relevantTo: windows, detailedIn: detailed) { stmt, isDetailed in
            batch.append(stmt, detailed: isDetailed)
            if batch.count == DecodedDossiers.batchSize {
                try body(batch)
                batch = StoredRowBatch(strings: strings)
            }
        }
        if batch.count > 0 { try body(batch) }
    }

    /// Calls `body` with a statement standing on each row the windows reach,
    /// in rowid order, and whether `detailed` reaches it.
    private func forEachRow(relevantTo windows: [RelevanceWindow], detailedIn detailed: RelevanceWindow?,
                            _ body: (OpaquePointer, _ detailed: Bool) throws -> Void) throws {
        guard !windows.isEmpty else { return }
        /// Whether `detailed` reaches the row (``RelevanceWindow/reaches(_:)`` on the columns).
        func isDetailed(_ stmt: OpaquePointer) -> Bool {
            guard let detailed else { return true }
            let columns = StatementColumns(stmt: stmt)
            return detailed.reaches(received: columns.value(8), finish: columns.value(10) ?? columns.value(11))
        }
        func row(_ stmt: OpaquePointer) throws { try body(stmt, isDetailed(stmt)) }
        try read { db in
            guard hasPeriodIndex else {
                let all = try PeriodQuery.Cursor(db, sql: PeriodQuery.scan(windows.count), arguments: PeriodQuery.scanArguments(windows))
                while try all.step() != nil { try row(all.stmt) }
                return
            }
            var bounds = (low: Int64(0), high: Int64(-1))
            if let row = try Row.fetchOne(db, sql: PeriodQuery.finishedBounds(windows.count),
                                          arguments: PeriodQuery.finishedArguments(windows)),
               let low = row[0] as Int64?, let high = row[1] as Int64? {
                bounds = (low, high)
            }
            let unfinished = try PeriodQuery.Cursor(db, sql: PeriodQuery.unfinished(windows.count),
                                                    arguments: PeriodQuery.unfinishedArguments(windows))
            let finished = try PeriodQuery.Cursor(db, sql: PeriodQuery.finished(windows.count),
                                                  arguments: [bounds.low, bounds.high] + PeriodQuery.finishedArguments(windows))
            var u = try unfinished.step(), f = try finished.step()
            while u != nil || f != nil {
                if let ur = u, f.map({ ur < $0 }) ?? true {
                    try row(unfinished.stmt)
                    u = try unfinished.step()
                } else {
                    try row(finished.stmt)
                    f = try finished.step()
                }
            }
        }
    }
}

/// The statements of ``DossierStore/forEachDossier(relevantTo:_:)``. The
/// finish moment is COALESCE(finished_at, returned_at)
/// (docs/rules.md#classification); the conditions name the two columns apart
/// because SQLite 3.40 reads the table for every entry of an index on the
/// expression, while the plain columns make `dossier_on_finish` covering.
enum PeriodQuery {
    /// A finished dossier a window reaches: finished at or after its start, received by its cutoff.
    static let finishedCondition = "(finished_at >= ? AND received_at <= ?)"
    /// A dossier without a finish date a window reaches: returned at or after its start, received by its cutoff.
    static let returnedCondition = "(returned_at >= ? AND received_at <= ?)"
    /// Never finished nor returned, received by the latest cutoff: backlog of every window after its receipt.
    static let neverFinishedCondition = "(returned_at IS NULL AND received_at <= ?)"

    /// The lowest and highest rowid of the finished dossiers the windows reach, from the index alone.
    static func finishedBounds(_ windows: Int) -> String {
        let parts = Array(repeating: "SELECT rowid AS r FROM dossier WHERE \(finishedCondition)", count: windows)
        return "SELECT MIN(r), MAX(r) FROM (\(parts.joined(separator: " UNION ALL ")))"
    }

    /// The finished dossiers the windows reach, scanned between two rowids.
    static func finished(_ windows: Int) -> String {
        let any = Array(repeating: finishedCondition, count: windows).joined(separator: " OR ")
        return "SELECT \(DossierRow.readColumnList), rowid FROM dossier WHERE rowid BETWEEN ? AND ? AND (\(any))"
    }

    static func finishedArguments(_ windows: [RelevanceWindow]) -> StatementArguments {
        StatementArguments(windows.flatMap { [$0.start.secondsSinceEpoch, $0.cutoff.secondsSinceEpoch] })
    }

    /// The dossiers without a finish date the windows reach: returned at or
    /// after a window's start and received by its cutoff, or never finished
    /// (backlog of every window after their receipt).
    static func unfinished(_ windows: Int) -> String {
        var parts = Array(repeating: "SELECT rowid FROM dossier WHERE finished_at IS NULL AND \(returnedCondition)", count: windows)
        parts.append("SELECT rowid FROM dossier WHERE finished_at IS NULL AND \(neverFinishedCondition)")
        // `rowid IN (…)` gathers the rowids in a sorted ephemeral index: each
        // row once, read in rowid order.
        return "SELECT \(DossierRow.readColumnList), rowid FROM dossier WHERE rowid IN (\(parts.joined(separator: " UNION ALL ")))"
    }

    static func unfinishedArguments(_ windows: [RelevanceWindow]) -> StatementArguments {
        finishedArguments(windows) + [windows.map(\.cutoff).max()!.secondsSinceEpoch]
    }

    /// The rows of both parts in one scan of the table, for a store without
    /// `dossier_on_finish` (``DossierStore/init(scratchAt:)``): the same
    /// conditions, so the same rows in the same (rowid) order.
    static func scan(_ windows: Int) -> String {
        let finished = Array(repeating: finishedCondition, count: windows)
        let returned = Array(repeating: returnedCondition, count: windows) + [neverFinishedCondition]
        return """
            SELECT \(DossierRow.readColumnList), rowid FROM dossier
            WHERE \(finished.joined(separator: " OR ")) OR (finished_at IS NULL AND (\(returned.joined(separator: " OR "))))
            """
    }

    static func scanArguments(_ windows: [RelevanceWindow]) -> StatementArguments {
        finishedArguments(windows) + unfinishedArguments(windows)
    }

    /// A statement stepped through SQLite's C API (decoding GRDB rows was a
    /// third of a quarter report over a million stored dossiers); its last
    /// column is the rowid.
    final class Cursor {
        let statement: Statement
        var stmt: OpaquePointer { statement.sqliteStatement }
        private let db: Database

        init(_ db: Database, sql: String, arguments: StatementArguments) throws {
            self.db = db
            statement = try db.makeStatement(sql: sql)
            try statement.setArguments(arguments)
        }

        deinit { sqlite3_reset(statement.sqliteStatement) }

        /// Moves to the next row and returns its rowid, or `nil` at the end.
        func step() throws -> Int64? {
            switch sqlite3_step(stmt) {
            case SQLITE_ROW: return sqlite3_column_int64(stmt, Int32(DossierRow.columnCount))
            case SQLITE_DONE: return nil
            case let code:
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
            }
        }
    }
}
