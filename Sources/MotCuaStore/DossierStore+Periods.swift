import GRDB
import GRDBSQLite
import MotCuaCore

extension DossierStore {
    /// Calls `body` with every dossier one of `windows` reaches, in rowid
    /// order (the order the dossiers were first stored).
    ///
    /// Read in stretches (``PeriodParts``), one after another: the dossiers with no NgayKetThucXuLy
    /// (never finished, or only returned) are few, from any time, and come
    /// through the `dossier_on_finish` index; the rest of the table is
    /// scanned, but only between the lowest and the highest rowid a window
    /// reaches, which the same index gives without reading the table: exports
    /// are imported roughly in time order, so over years of history a
    /// period's rows are a recent stretch of the table. (Looking every row up
    /// through the index instead cost twice the scan on a year of data: the
    /// rows of a quarter and its comparison periods are half the table.) The
    /// order of import changes only the speed, never the rows.
    package func forEachDossier(relevantTo windows: [RelevanceWindow], _ body: (Dossier) throws -> Void) throws {
        try forEachDossier(relevantTo: windows, detailedIn: nil, body)
    }

    /// The rows `detailed` does not reach come without code, applicant and
    /// officer, decided from the row's times before its texts are read; the
    /// texts of few values are built once per read (``RowStrings``).
    package func forEachDossier(relevantTo windows: [RelevanceWindow], detailedIn detailed: RelevanceWindow?,
                                _ body: (Dossier) throws -> Void) throws {
        guard !windows.isEmpty else { return }
        try read { db in
            let parts = try PeriodParts(db, windows: windows, detailed: detailed, indexed: hasPeriodIndex, pieces: 1)
            var strings = RowStrings(memoising: true)
            for stretch in parts.stretches {
                try parts.forEachDossier(in: stretch, db, strings: &strings, body)
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

    /// The lowest and highest rowid of the finished dossiers the windows
    /// reach, from the index alone, in one pass over the entries finished
    /// since the earliest start. (One pass per window read the entries of
    /// the later windows again: 6.8M entries for a quarter of 10M dossiers
    /// over three years, against 4.2M.)
    static func finishedBounds(_ windows: Int) -> String {
        let any = Array(repeating: finishedCondition, count: windows).joined(separator: " OR ")
        return "SELECT MIN(rowid), MAX(rowid) FROM dossier WHERE finished_at >= ? AND (\(any))"
    }

    static func finishedBoundsArguments(_ windows: [RelevanceWindow]) -> StatementArguments {
        [windows.map(\.start).min()!.secondsSinceEpoch] + finishedArguments(windows)
    }

    /// The finished dossiers the windows reach, scanned between two rowids.
    static func finished(_ windows: Int) -> String {
        let any = Array(repeating: finishedCondition, count: windows).joined(separator: " OR ")
        return "SELECT \(DossierRow.readColumnList), rowid FROM dossier WHERE rowid BETWEEN ? AND ? AND (\(any))"
    }

    static func finishedArguments(_ windows: [RelevanceWindow]) -> StatementArguments {
        StatementArguments(windows.flatMap { [$0.start.secondsSinceEpoch, $0.cutoff.secondsSinceEpoch] })
    }

    /// The dossiers without a finish date the windows reach, between two
    /// rowids: returned at or after a window's start and received by its
    /// cutoff, or never finished (backlog of every window after their
    /// receipt). The rowid bounds are tested on the index's entries (`+rowid`
    /// keeps SQLite from scanning the table's range instead).
    static func unfinished(_ windows: Int) -> String {
        var parts = Array(repeating: "SELECT rowid FROM dossier WHERE finished_at IS NULL AND \(returnedCondition)", count: windows)
        parts.append("SELECT rowid FROM dossier WHERE finished_at IS NULL AND \(neverFinishedCondition)")
        let bounded = parts.map { "\($0) AND +rowid BETWEEN ? AND ?" }
        // `rowid IN (…)` gathers the rowids in a sorted ephemeral index: each
        // row once, read in rowid order.
        return "SELECT \(DossierRow.readColumnList), rowid FROM dossier WHERE rowid IN (\(bounded.joined(separator: " UNION ALL ")))"
    }

    static func unfinishedArguments(_ windows: [RelevanceWindow], rowids: ClosedRange<Int64>) -> StatementArguments {
        var values: [Int64] = []
        for w in windows { values += [w.start.secondsSinceEpoch, w.cutoff.secondsSinceEpoch, rowids.lowerBound, rowids.upperBound] }
        values += [windows.map(\.cutoff).max()!.secondsSinceEpoch, rowids.lowerBound, rowids.upperBound]
        return StatementArguments(values)
    }

    /// The rows of both kinds between two rowids in one scan of the table,
    /// for a store without `dossier_on_finish` (``DossierStore/init(scratchAt:)``):
    /// the same conditions, so the same rows in the same (rowid) order.
    static func scan(_ windows: Int) -> String {
        let finished = Array(repeating: finishedCondition, count: windows)
        let returned = Array(repeating: returnedCondition, count: windows) + [neverFinishedCondition]
        return """
            SELECT \(DossierRow.readColumnList), rowid FROM dossier WHERE rowid BETWEEN ? AND ? AND
            (\(finished.joined(separator: " OR ")) OR (finished_at IS NULL AND (\(returned.joined(separator: " OR ")))))
            """
    }

    static func scanArguments(_ windows: [RelevanceWindow], rowids: ClosedRange<Int64>) -> StatementArguments {
        [rowids.lowerBound, rowids.upperBound] + finishedArguments(windows) + finishedArguments(windows)
            + [windows.map(\.cutoff).max()!.secondsSinceEpoch]
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
