/// Dossiers packed into a few flat arrays (text bytes, integers), as they
/// travel from the thread that reads an export to the thread that stores it.
///
/// An import of a million rows handed over a million ``Dossier`` values, each
/// with eight strings: storing them meant retaining and releasing strings
/// made on the other core, and a tenth of the storing thread's time went to
/// reference counts and cross-thread frees. A batch is five arrays whatever
/// its size; the store binds its text bytes as they are and rebuilds a
/// ``Dossier`` only for a row it must compare with a stored one.
package struct DossierBatch: Sendable {
    /// The text fields of a dossier, in the order they are packed.
    package enum Text: Int, CaseIterable, Sendable {
        case code, unitCode, procedureCode, procedureName, fieldCode, fieldName, applicant, officer
        case receivingUnit
    }
    /// The integer fields (enums by raw value, moments in seconds since the epoch).
    package enum Number: Int, CaseIterable, Sendable {
        case channel, declaredLevel, receivedAt, dueAt, finishedAt, returnedAt, status, supplementCount
        case supplementRequestedAt, supplementReceivedAt, apologyCount, newDueAt, updatedAt, stateMoment
        /// The QĐ 766 columns: 1 yes, 0 no, blank unknown.
        case electronicResult, digitisedComponents, digitised, paidOnline

        static let index766Flags: [Number] = [.electronicResult, .digitisedComponents, .digitised, .paidOnline]
    }

    /// Stands for "blank" among the numbers.
    package static let null = Int64.min

    package private(set) var bytes: [UInt8] = []
    /// Start and length in `bytes` of each text, `Text.allCases.count` per row; length -1 for none.
    private var spans: [(start: Int32, count: Int32)] = []
    private var numbers: [Int64] = []
    /// The line of the export each row comes from.
    package private(set) var lines: [Int] = []
    /// Rows per unit code: counted as rows are added, where the strings are at hand.
    package private(set) var rowsByUnit: [String: Int] = [:]
    /// Each row's ``contentHash(of:)``-style digest, computed as it is packed (0 without ``digests``).
    package private(set) var contentHashes: [Int64] = []

    /// Whether ``contentHashes`` are computed (else 0): dossiers that are
    /// only counted (`report --input` read straight) need none, and the
    /// digest was a twelfth of the reading thread's time.
    package let digests: Bool

    /// The rows counted as they were added (`report --input`): their texts are
    /// then not packed, only their numbers and lines.
    package private(set) var tally: BatchTally?

    /// - Parameter tally: counts the rows as they are added, empty; a batch
    ///   with one carries no digests and no texts.
    package init(capacity: Int = 0, digests: Bool = true, tally: BatchTally? = nil) {
        precondition(tally == nil || !digests, "a tallied batch is counted, not stored")
        self.digests = digests
        self.tally = tally
        bytes.reserveCapacity(capacity * 256)
        spans.reserveCapacity(capacity * Text.allCases.count)
        numbers.reserveCapacity(capacity * Number.allCases.count)
        lines.reserveCapacity(capacity)
        contentHashes.reserveCapacity(capacity)
    }

    package var count: Int { lines.count }
    package var isEmpty: Bool { lines.isEmpty }

    /// Moves every row's line down by `offset`: a stretch of the export read
    /// on its own counts its lines from 0 (``CSVSegments``).
    package mutating func shiftLines(by offset: Int) {
        for k in lines.indices { lines[k] += offset }
    }

    package mutating func append(_ d: Dossier, line: Int) { append(d, line: line, countingUnit: true) }

    /// Adds `rows` rows of `unit` to ``rowsByUnit``, for a reader that counts
    /// the rows it appends without `countingUnit` itself.
    package mutating func count(_ rows: Int, ofUnit unit: String) { rowsByUnit[unit, default: 0] += rows }

    package mutating func append(_ d: Dossier, line: Int, countingUnit: Bool) {
        func text(_ s: String?) {
            guard let s else { spans.append((0, -1)); return }
            spans.append((Int32(bytes.count), Int32(s.utf8.count)))
            // From the string's own buffer in one copy (the UTF-8 view's generic append is twice the work).
            if s.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil { bytes.append(contentsOf: s.utf8) }
        }
        func number(_ v: Int?) { numbers.append(v.map(Int64.init) ?? DossierBatch.null) }
        func moment(_ t: LocalDateTime?) { numbers.append(t?.secondsSinceEpoch ?? DossierBatch.null) }
        if tally == nil {
            text(d.code); text(d.unitCode); text(d.procedureCode); text(d.procedureName)
            text(d.fieldCode); text(d.fieldName); text(d.applicant); text(d.officer); text(d.receivingUnitCode)
        }
        number(d.channel.rawValue); number(d.declaredLevel?.rawValue); moment(d.receivedAt); moment(d.dueAt)
        moment(d.finishedAt); moment(d.returnedAt); number(d.status?.rawValue); number(d.supplementCount)
        moment(d.supplementRequestedAt); moment(d.supplementReceivedAt); number(d.apologyCount); moment(d.newDueAt)
        moment(d.updatedAt); moment(d.stateMoment)
        func flag(_ b: Bool?) { number(b.map { $0 ? 1 : 0 }) }
        flag(d.hasElectronicResult); flag(d.hasDigitisedComponents); flag(d.isDigitised); flag(d.isPaidOnline)
        lines.append(line)
        if countingUnit { rowsByUnit[d.unitCode, default: 0] += 1 }
        contentHashes.append(digests ? contentHash(ofRow: count - 1) : 0)
        tally?.add(d)
    }

    /// A 64-bit digest of everything a row says: its texts, each with its
    /// length, and its numbers (the derived state moment left out).
    ///
    /// Stored with each dossier, so that re-importing an unchanged export
    /// compares digests instead of reading every row back. It is persisted:
    /// changing how it is computed only makes the next import compare rows in
    /// full once (a stored digest that differs means "maybe changed").
    func contentHash(ofRow row: Int) -> Int64 {
        var hasher = WordHasher()
        bytes.withUnsafeBufferPointer { buffer in
            for field in Text.allCases {
                // A blank receiving unit mixes nothing, so the digests stored before
                // the column existed still match an unchanged export.
                if field == .receivingUnit && span(row, field) == nil { continue }
                guard let span = span(row, field) else { hasher.mix(UInt64.max); continue }
                hasher.mix(UInt64(span.count))
                hasher.mix(UnsafeBufferPointer(rebasing: buffer[span]))
            }
        }
        // The numbers as stored (blank is `null`), in the order of `Number`: those
        // before the state moment, which is derived and left out; then the QĐ 766
        // columns, which come last. Read in place: an array of the flags per row
        // was an allocation per imported line.
        let first = row * Number.allCases.count
        numbers.withUnsafeBufferPointer { n in
            for i in 0..<Number.stateMoment.rawValue { hasher.mix(UInt64(bitPattern: n[first + i])) }
            // The QĐ 766 columns are mixed only when the row has one: a row without
            // them keeps the digest it had before they existed, so databases stored
            // then need no full comparison on their next import.
            let flags = first + Number.electronicResult.rawValue..<first + Number.allCases.count
            if flags.contains(where: { n[$0] != DossierBatch.null }) {
                for i in flags { hasher.mix(UInt64(bitPattern: n[i])) }
            }
        }
        return Int64(bitPattern: hasher.value)
    }

    /// The digest of one dossier, as a batch holding it would compute it (for
    /// a stored row that has none yet).
    package static func contentHash(of dossier: Dossier) -> Int64 {
        var batch = DossierBatch(capacity: 1)
        batch.append(dossier, line: 0)
        return batch.contentHashes[0]
    }

    /// The newest state moment of the batch's rows (``Dossier/stateMoment``), `nil` when none has one:
    /// what an import keeps per file (`import_batch.newest_state`).
    package var newestStateMoment: Int64? {
        var newest: Int64? = nil
        for k in 0..<count { if let m = number(k, .stateMoment) { newest = max(newest ?? m, m) } }
        return newest
    }

    /// Where text `field` of row `row` is in ``bytes``, or `nil` when blank.
    package func span(_ row: Int, _ field: Text) -> Range<Int>? {
        assert(tally == nil, "a tallied batch keeps no texts")
        let s = spans[row * Text.allCases.count + field.rawValue]
        return s.count < 0 ? nil : Int(s.start)..<Int(s.start + s.count)
    }

    /// Number `field` of row `row`, `nil` when blank.
    package func number(_ row: Int, _ field: Number) -> Int64? {
        let v = numbers[row * Number.allCases.count + field.rawValue]
        return v == DossierBatch.null ? nil : v
    }

    package func text(_ row: Int, _ field: Text) -> String? {
        span(row, field).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// Row `row` as a ``Dossier`` again.
    package func dossier(_ row: Int) -> Dossier {
        func moment(_ f: Number) -> LocalDateTime? { number(row, f).map(LocalDateTime.init(secondsSinceEpoch:)) }
        func int(_ f: Number) -> Int? { number(row, f).map { Int($0) } }
        func flag(_ f: Number) -> Bool? { number(row, f).map { $0 != 0 } }
        return Dossier(
            code: text(row, .code) ?? "", unitCode: text(row, .unitCode) ?? "",
            procedureCode: text(row, .procedureCode), procedureName: text(row, .procedureName),
            fieldCode: text(row, .fieldCode), fieldName: text(row, .fieldName),
            channel: int(.channel).flatMap(Channel.init(rawValue:)) ?? .direct,
            declaredLevel: int(.declaredLevel).flatMap(ServiceLevel.init(rawValue:)),
            receivedAt: moment(.receivedAt), dueAt: moment(.dueAt), finishedAt: moment(.finishedAt),
            returnedAt: moment(.returnedAt), status: int(.status).flatMap(DossierStatus.init(rawValue:)),
            supplementCount: int(.supplementCount), supplementRequestedAt: moment(.supplementRequestedAt),
            supplementReceivedAt: moment(.supplementReceivedAt), apologyCount: int(.apologyCount) ?? 0,
            newDueAt: moment(.newDueAt), applicant: text(row, .applicant), officer: text(row, .officer),
            updatedAt: moment(.updatedAt), hasElectronicResult: flag(.electronicResult),
            hasDigitisedComponents: flag(.digitisedComponents), isDigitised: flag(.digitised), isPaidOnline: flag(.paidOnline),
            receivingUnitCode: text(row, .receivingUnit))
    }
}
