import MotCuaCore

/// The dossiers of parsed exports handed to a report as a scratch store
/// would give them back (hồ sơ đọc thẳng từ tệp, `report --input`;
/// docs/rules.md#scratch-store): the rows some window reaches, in the order
/// of the files, in ``StoredRowBatch``es decoded like rows read from SQLite.
///
/// Storing a million rows only to read them back once was half of `report
/// --input` (BENCHMARKS.md). Without a store, the rows a store would keep are
/// the rows parsed, in the same order and with the same values, as long as
/// no MaHoSo comes twice: a store then keeps one row, at the first line's
/// place, in the state that wins (docs/rules.md#import), which is known only
/// once every file is read. So a repeated MaHoSo stops the reading
/// (``RepeatedDossierCode``; two MaHoSo with the same 64-bit hash stop it just
/// as safely), and the caller stores the files after all.
package struct ParsedDossiers: ParsedDossierRows {
    private let windows: [RelevanceWindow]
    private let detailed: RelevanceWindow?
    private let strings = SharedRowStrings()
    private var pending: StoredRowBatch
    private var codes = CodeHashes()

    /// Rows reaching one of `windows`; those `detailed` does not reach come
    /// without code, applicant and officer, as from
    /// ``DossierStore/forEachDossierBatch(relevantTo:detailedIn:_:)``.
    package init(windows: [RelevanceWindow], detailedIn detailed: RelevanceWindow?) {
        self.windows = windows
        self.detailed = detailed
        pending = StoredRowBatch(strings: strings)
    }

    /// Takes a parsed batch: every row's MaHoSo is checked (a store keeps
    /// rows no window reaches too), the reached rows go to `put` in batches
    /// of ``DecodedDossiers/batchSize``.
    /// - throws: ``RepeatedDossierCode`` when a MaHoSo was met before.
    package mutating func add(_ batch: DossierBatch, put: (any DossierRows) throws -> Void) throws {
        try batch.bytes.withUnsafeBufferPointer { bytes in
            for k in 0..<batch.count {
                // A fixed hash, not Swift's seeded one: a collision (which only costs time) then happens on every run or none.
                var hasher = WordHasher()
                let code = batch.span(k, .code) ?? 0..<0
                hasher.mix(UInt64(code.count))
                hasher.mix(UnsafeBufferPointer(rebasing: bytes[code]))
                guard codes.insert(hasher.value) else { throw RepeatedDossierCode() }
            }
        }
        for k in 0..<batch.count {
            let received = batch.number(k, .receivedAt)
            let finish = batch.number(k, .finishedAt) ?? batch.number(k, .returnedAt)
            guard windows.contains(where: { $0.reaches(received: received, finish: finish) }) else { continue }
            pending.append(batch, row: k, detailed: detailed?.reaches(received: received, finish: finish) ?? true)
            if pending.count == DecodedDossiers.batchSize {
                try put(pending)
                pending = StoredRowBatch(strings: strings)
            }
        }
    }

    /// Hands over the rows still held.
    package mutating func finish(put: (any DossierRows) throws -> Void) throws {
        if pending.count > 0 { try put(pending) }
        pending = StoredRowBatch(strings: strings)
    }
}
