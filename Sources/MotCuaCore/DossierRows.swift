/// A batch of stored dossiers handed from the thread that reads the store to
/// the thread that aggregates them, not yet decoded (hồ sơ đọc từ kho, chưa
/// dựng thành ``Dossier``). Building the `Dossier` values took as long as
/// SQLite's own work on the reading thread while the aggregating thread
/// waited (BENCHMARKS.md): a store hands its rows' raw values over and the
/// consumer decodes them.
///
/// A consumer calls ``decode(_:)`` on one batch after another, in order, from
/// one thread at a time; a store may share state between the batches of one
/// read on that assumption (the texts it builds once per distinct value).
package protocol DossierRows: Sendable {
    /// Calls `body` with each dossier of the batch, in order.
    func decode(_ body: (Dossier) -> Void)
}

/// Dossiers already decoded (a store that keeps `Dossier` values, or a test).
package struct DecodedDossiers: DossierRows {
    package var dossiers: [Dossier]

    package init(_ dossiers: [Dossier]) { self.dossiers = dossiers }

    /// Dossiers per batch handed over: enough that the hand-over costs
    /// nothing per dossier, few enough that the waiting batches stay small.
    package static let batchSize = 2_048

    /// Hands the dossiers `produce` gives to `put`, in order, in batches of ``batchSize``.
    package static func batching(_ produce: ((Dossier) throws -> Void) throws -> Void,
                                 into put: (any DossierRows) throws -> Void) throws {
        var batch: [Dossier] = []
        batch.reserveCapacity(batchSize)
        // `put` is called only while `produce` runs.
        try withoutActuallyEscaping(put) { put in
            try produce { dossier in
                batch.append(dossier)
                if batch.count == batchSize {
                    try put(DecodedDossiers(batch))
                    batch.removeAll(keepingCapacity: true)
                }
            }
        }
        if !batch.isEmpty { try put(DecodedDossiers(batch)) }
    }

    package func decode(_ body: (Dossier) -> Void) { for d in dossiers { body(d) } }
}

/// A MaHoSo met a second time in the files read straight into a report: only a
/// store can settle which of its lines wins (docs/rules.md#import).
package struct RepeatedDossierCode: Error {
    package init() {}
}
