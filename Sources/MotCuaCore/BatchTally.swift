/// The dossiers of one parsed batch counted on the thread that decoded them
/// (lô hồ sơ đếm ngay khi đọc, `report --input`; docs/rules.md#scratch-store):
/// a copy of the report's aggregator fed the rows a store would have handed
/// back, and the hash of every row's MaHoSo, for the caller to find a
/// repeated one. The caller merges the batches' aggregators in file order
/// (``ComparingAggregator/merge(_:)``), which gives what one aggregator fed
/// every row in that order gives.
///
/// Before, every parsed dossier was packed into its batch, the rows a window
/// reaches copied again for the aggregating thread and built into `Dossier`
/// values there: that round trip was a seventh of the instructions of
/// `report --input`, and the one aggregating thread, busiest at the end of
/// the file where the report's own period lies, finished last. Handing the
/// parsed `Dossier` values over instead was slower still: their strings'
/// reference counts went back and forth between the cores (BENCHMARKS.md).
/// Counted where they are decoded, the dossiers never leave their thread.
package struct BatchTally: Sendable {
    package private(set) var aggregator: ComparingAggregator
    /// One per row added, in order: ``WordHasher`` over the code's length and bytes.
    package private(set) var codeHashes: [UInt64] = []
    private let windows: [RelevanceWindow]
    private let detailed: RelevanceWindow

    /// A tally counting into a copy of `aggregator`, which has counted nothing.
    package init(_ aggregator: ComparingAggregator) {
        self.aggregator = aggregator
        windows = aggregator.windows
        detailed = aggregator.detailedWindow
    }

    /// Counts `dossier` as a store read of the windows would hand it back
    /// (``DossierRepository/forEachDossierBatch(relevantTo:detailedIn:_:)``):
    /// only when a window reaches it, and without code, applicant and officer
    /// when the report's own period does not. Its code is hashed either way:
    /// a store keeps the rows no window reaches too.
    package mutating func add(_ dossier: Dossier) {
        // A fixed hash, not Swift's seeded one: a collision (which only costs time) then happens on every run or none.
        var hasher = WordHasher()
        var code = dossier.code
        code.withUTF8 { bytes in
            hasher.mix(UInt64(bytes.count))
            hasher.mix(bytes)
        }
        codeHashes.append(hasher.value)
        let received = dossier.receivedAt?.secondsSinceEpoch, finish = dossier.finish?.secondsSinceEpoch
        guard windows.contains(where: { $0.reaches(received: received, finish: finish) }) else { return }
        if detailed.reaches(received: received, finish: finish) {
            aggregator.add(dossier)
        } else {
            var d = dossier
            d.code = ""; d.applicant = nil; d.officer = nil
            aggregator.add(d)
        }
    }
}

/// A MaHoSo met a second time in the files read straight into a report: only a
/// store can settle which of its lines wins (docs/rules.md#import).
package struct RepeatedDossierCode: Error {
    package init() {}
}
