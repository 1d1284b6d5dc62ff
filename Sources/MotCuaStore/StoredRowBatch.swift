import GRDBSQLite
import MotCuaCore

/// Rows of a period read (``DossierStore/forEachDossierBatch(relevantTo:detailedIn:_:)``),
/// their values copied out of SQLite as they are, to be built into
/// ``Dossier`` values by the thread that aggregates them. On a 10M-row
/// database the reading thread had three quarters of a quarter report's
/// samples and the aggregating one a quarter (BENCHMARKS.md): building the
/// strings and values of each `Dossier` moves to the idle one.
///
/// The batches of one read share one ``SharedRowStrings``, which only the
/// consumer touches, one batch after another (``DossierRows``): hence
/// `@unchecked Sendable`.
struct StoredRowBatch: DossierRows, @unchecked Sendable {
    /// The texts of every row, one after another.
    private var bytes: [UInt8] = []
    /// Per row, one value per column of ``DossierRow/columns``: an integer
    /// column's value, a text column's place in `bytes` (start << 32 | count),
    /// or `null`.
    private var values: [Int64] = []
    private var detailed: [Bool] = []
    private let strings: SharedRowStrings
    private static let null = Int64.min
    private static let isText: [Bool] = (0..<DossierRow.columnCount).map { DossierRow.textColumns.contains($0) }
    private static let isDetailOnly: [Bool] = (0..<DossierRow.columnCount).map { DossierRow.detailOnlyColumns.contains($0) }

    init(strings: SharedRowStrings) {
        self.strings = strings
        values.reserveCapacity(DecodedDossiers.batchSize * DossierRow.columnCount)
        detailed.reserveCapacity(DecodedDossiers.batchSize)
    }

    var count: Int { detailed.count }

    /// Copies the current row of a statement selecting `DossierRow.columns`;
    /// without `detailed`, the texts only a report's own period reads are left out.
    mutating func append(_ stmt: OpaquePointer, detailed isDetailed: Bool) {
        let columns = StatementColumns(stmt: stmt)
        for i in 0..<DossierRow.columnCount {
            if Self.isText[i] {
                guard isDetailed || !Self.isDetailOnly[i], let text = columns.text(Int32(i)) else {
                    values.append(Self.null)
                    continue
                }
                values.append(Int64(bytes.count) << 32 | Int64(text.count))
                bytes.append(contentsOf: text)
            } else {
                values.append(columns.value(Int32(i)) ?? Self.null)
            }
        }
        detailed.append(isDetailed)
    }

    func decode(_ body: (Dossier) -> Void) {
        bytes.withUnsafeBufferPointer { bytes in
            values.withUnsafeBufferPointer { values in
                for row in 0..<count {
                    let columns = Columns(bytes: bytes, values: UnsafeBufferPointer(rebasing:
                        values[(row * DossierRow.columnCount)..<((row + 1) * DossierRow.columnCount)]))
                    body(DossierRow.dossier(from: columns, strings: &strings.strings, detailed: detailed[row]))
                }
            }
        }
    }

    /// One row of the batch.
    private struct Columns: RowColumns {
        let bytes: UnsafeBufferPointer<UInt8>
        let values: UnsafeBufferPointer<Int64>

        func text(_ i: Int32) -> UnsafeBufferPointer<UInt8>? {
            let v = values[Int(i)]
            guard v != StoredRowBatch.null else { return nil }
            let start = Int(v >> 32), count = Int(v & 0xFFFF_FFFF)
            return UnsafeBufferPointer(rebasing: bytes[start..<(start + count)])
        }

        func value(_ i: Int32) -> Int64? {
            let v = values[Int(i)]
            return v == StoredRowBatch.null ? nil : v
        }
    }
}

/// The ``RowStrings`` of one read, shared by its batches and used by their
/// consumer alone (see ``StoredRowBatch``).
final class SharedRowStrings: @unchecked Sendable {
    var strings = RowStrings(memoising: true)
}
