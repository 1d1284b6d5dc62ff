import Foundation
import GRDB
import GRDBSQLite
import MotCuaCore

/// One period read cut into consecutive stretches of rowid (các đoạn của một
/// lần đọc kỳ), each read in rowid order: read one after another they give
/// the rows in rowid order; read on several connections at once, each into a
/// tally of its own, the tallies merged in stretch order give the same
/// (``DossierStore/tally(relevantTo:detailedIn:into:add:merge:)``).
///
/// With `dossier_on_finish`, the finished rows a window reaches lie between
/// the lowest and highest rowid the index gives (`finishedRowids`); the rows
/// without a finish date come through the index from anywhere. So the first
/// stretch ends below that span and the last begins above it, both holding
/// such rows only, and the span itself is cut into `pieces`. Without the index
/// (a scratch store), the whole table is cut.
struct PeriodParts {
    let windows: [RelevanceWindow]
    let detailed: RelevanceWindow?
    let indexed: Bool
    /// The stretches, in order, together covering every rowid.
    private(set) var stretches: [ClosedRange<Int64>] = []
    /// Indexed stores: the span of the finished rows the windows reach, `nil` when none does.
    private var finishedRowids: ClosedRange<Int64>?

    /// Rowids a span holds per stretch at least: no more stretches than
    /// that are cut, since below it a stretch's statements cost more than
    /// the rows read apart. The last stretches of a span are shorter than
    /// the average (``cut(_:into:leastPiece:)``): in a quarter report on 1M
    /// dossiers, whose shortest is about 11,000 rowids, no slower than equal ones.
    static let leastPiece: Int64 = 32_768

    /// Plans the read on `db` (one query on the index, or on the table's
    /// rowid bounds), cutting the span into at most `pieces`.
    init(_ db: Database, windows: [RelevanceWindow], detailed: RelevanceWindow?, indexed: Bool, pieces: Int,
         leastPiece: Int64 = Self.leastPiece) throws {
        self.windows = windows; self.detailed = detailed; self.indexed = indexed
        let sql = indexed ? PeriodQuery.finishedBounds(windows.count) : "SELECT MIN(rowid), MAX(rowid) FROM dossier"
        let arguments = indexed ? PeriodQuery.finishedBoundsArguments(windows) : []
        var span: ClosedRange<Int64>?
        if let row = try Row.fetchOne(db, sql: sql, arguments: arguments), let low = row[0] as Int64?, let high = row[1] as Int64? {
            span = low...high
        }
        guard indexed else {
            stretches = span.map { Self.cut($0, into: pieces, leastPiece: leastPiece) } ?? []
            return
        }
        finishedRowids = span
        guard let span else {
            stretches = [Int64.min...Int64.max]
            return
        }
        if span.lowerBound > Int64.min { stretches.append(Int64.min...(span.lowerBound - 1)) }
        stretches += Self.cut(span, into: pieces, leastPiece: leastPiece)
        if span.upperBound < Int64.max { stretches.append((span.upperBound + 1)...Int64.max) }
    }

    /// `span` in at most `pieces` stretches and no more than it holds
    /// `leastPiece`s, none shorter than one rowid, each no longer than the
    /// one before: lengths fall geometrically from the first to a last one a
    /// sixteenth as long (as far as whole rowids allow). The span's end is
    /// the report's own period, whose dossiers cost the most to build; in
    /// equal stretches one core counted the last of them alone for 3 s of a
    /// 10M year report while the other waited (BENCHMARKS.md). Short
    /// stretches at the end let both finish together.
    static func cut(_ span: ClosedRange<Int64>, into pieces: Int, leastPiece: Int64) -> [ClosedRange<Int64>] {
        let length = span.upperBound - span.lowerBound + 1  // rowids are positive: no overflow
        let count = max(1, min(pieces, Int(max(1, length / leastPiece))))
        let ratio = count > 1 ? Foundation.pow(1.0 / Self.firstToLast, 1.0 / Double(count - 1)) : 1
        let weights = (0..<count).map { Foundation.pow(ratio, Double($0)) }
        let total = weights.reduce(0, +)
        var starts: [Int64] = [span.lowerBound]
        var share = 0.0
        for k in 1..<count {
            share += weights[k - 1]
            let even = span.lowerBound + Int64((Double(length) * share / total).rounded(.down))
            // At least one rowid for this stretch and each one after it.
            starts.append(min(max(even, starts[k - 1] + 1), span.upperBound + 1 - Int64(count - k)))
        }
        starts.append(span.upperBound + 1)
        return (0..<count).map { k in starts[k]...(starts[k + 1] - 1) }
    }

    /// How much longer the first stretch of a span is than its last.
    static let firstToLast = 16.0

    /// Calls `body` with each dossier of `stretch`, in rowid order.
    func forEachDossier(in stretch: ClosedRange<Int64>, _ db: Database, strings: inout RowStrings,
                        _ body: (Dossier) throws -> Void) throws {
        func dossier(_ stmt: OpaquePointer) -> Dossier {
            DossierRow.dossier(from: stmt, strings: &strings, detailed: isDetailed(stmt))
        }
        guard indexed else {
            let all = try PeriodQuery.Cursor(db, sql: PeriodQuery.scan(windows.count),
                                             arguments: PeriodQuery.scanArguments(windows, rowids: stretch))
            while try all.step() != nil { try body(dossier(all.stmt)) }
            return
        }
        let unfinished = try PeriodQuery.Cursor(db, sql: PeriodQuery.unfinished(windows.count),
                                                arguments: PeriodQuery.unfinishedArguments(windows, rowids: stretch))
        // The finished rows of the stretch: none outside the span.
        var finished: PeriodQuery.Cursor?
        if let span = finishedRowids, stretch.overlaps(span) {
            finished = try PeriodQuery.Cursor(db, sql: PeriodQuery.finished(windows.count), arguments:
                [max(stretch.lowerBound, span.lowerBound), min(stretch.upperBound, span.upperBound)] + PeriodQuery.finishedArguments(windows))
        }
        var u = try unfinished.step(), f = try finished?.step()
        while u != nil || f != nil {
            if let ur = u, f.map({ ur < $0 }) ?? true {
                try body(dossier(unfinished.stmt))
                u = try unfinished.step()
            } else if let cursor = finished {
                try body(dossier(cursor.stmt))
                f = try cursor.step()
            }
        }
    }

    /// Whether `detailed` reaches the row (``RelevanceWindow/reaches(_:)`` on the columns).
    private func isDetailed(_ stmt: OpaquePointer) -> Bool {
        guard let detailed else { return true }
        let columns = StatementColumns(stmt: stmt)
        return detailed.reaches(received: columns.value(8), finish: columns.value(10) ?? columns.value(11))
    }
}
