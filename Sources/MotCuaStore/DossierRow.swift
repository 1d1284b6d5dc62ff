import Foundation
import GRDB
import GRDBSQLite
import MotCuaCore

/// The line of the export where each row of the table was last seen in this
/// import. Rows inserted by the import get consecutive rowids, so their lines
/// are an array (8 bytes a row); rows that existed before go to a dictionary.
struct LinesByRow {
    private var firstInserted: Int64 = 0
    private var insertedLines: [Int] = []
    private var others: [Int64: Int] = [:]

    mutating func inserted(_ rowID: Int64, line: Int) {
        if insertedLines.isEmpty { firstInserted = rowID }
        if rowID == firstInserted + Int64(insertedLines.count) { insertedLines.append(line) } else { others[rowID] = line }
    }

    func contains(_ rowID: Int64) -> Bool { insertedIndex(rowID) != nil || others[rowID] != nil }

    /// Records `line` for `rowID` and returns the line it was last seen on in this import.
    mutating func reached(_ rowID: Int64, line: Int) -> Int? {
        guard let i = insertedIndex(rowID) else { return others.updateValue(line, forKey: rowID) }
        defer { insertedLines[i] = line }
        return insertedLines[i]
    }

    private func insertedIndex(_ rowID: Int64) -> Int? {
        let offset = rowID - firstInserted
        return !insertedLines.isEmpty && offset >= 0 && offset < Int64(insertedLines.count) ? Int(offset) : nil
    }
}

/// The mapping between ``Dossier`` and the `dossier` table's columns.
enum DossierRow {
    static let columns = [
        "code", "unit_code", "procedure_code", "procedure_name", "field_code", "field_name", "channel",
        "declared_level", "received_at", "due_at", "finished_at", "returned_at", "status", "supplement_count",
        "supplement_requested_at", "supplement_received_at", "apology_count", "new_due_at", "applicant", "officer",
        "updated_at", "state_at", "electronic_result", "digitised_components", "digitised", "paid_online",
        "receiving_unit_code", "content_hash",
    ]
    static var contentHashColumn: Int { columns.count - 1 }
    /// SQLITE_TRANSIENT: SQLite copies the bound value.
    static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    static let columnList = columns.joined(separator: ", ")
    /// `columnList` for reading dossiers: the columns ``dossier(from:)`` does
    /// not read (state_at, content_hash) selected as NULL, so that every
    /// other column keeps its place and SQLite does not decode them for every row.
    static let readColumnList = columns.enumerated().map { unreadColumns.contains($0.offset) ? "NULL" : $0.element }
        .joined(separator: ", ")
    /// The columns a read of dossiers selects as NULL (see `readColumnList`).
    static let unreadColumns: Set<Int> = Set(["state_at", "content_hash"].map { columns.firstIndex(of: $0)! })
    static var columnCount: Int { columns.count }

    /// Dossiers per multi-row INSERT (28 values each, well under SQLite's limit of 32,766 variables).
    static let batchRows = 32

    /// `INSERT [OR IGNORE] INTO dossier (columns, import_id) VALUES (?, …), … <onConflict>`.
    static func insertSQL(rows: Int, orIgnore: Bool = false, onConflict: String = "") -> String {
        let tuple = "(" + Array(repeating: "?", count: columnCount + 1).joined(separator: ", ") + ")"
        return "INSERT \(orIgnore ? "OR IGNORE " : "")INTO dossier (\(columnList), import_id) VALUES "
            + Array(repeating: tuple, count: rows).joined(separator: ", ") + " " + onConflict
    }

    /// Binds dossiers to a prepared INSERT (or upsert) of as many rows of
    /// `columns` + import_id, and runs it through SQLite's C API. Building GRDB
    /// StatementArguments (boxed values, generic metadata) for every row cost
    /// a tenth of a 100,000-row import.
    static func write(_ batch: DossierBatch, rows: Range<Int>, importID: Int64, with statement: Statement, db: Database) throws {
        // A stored digest of 0 would make the next import take a changed row for unchanged.
        precondition(batch.digests, "a batch stored carries its content digests")
        let stmt = statement.sqliteStatement
        // Text is bound from the batch's bytes without SQLite copying it
        // (SQLITE_STATIC): the batch outlives the step.
        let code: Int32 = batch.bytes.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self)
            var index: Int32 = 0
            for k in rows {
                forEachColumn(of: batch, row: k, text: { span in
                    index += 1
                    if let span {
                        sqlite3_bind_text(stmt, index, base + span.lowerBound, Int32(span.count), nil)
                    } else {
                        sqlite3_bind_null(stmt, index)
                    }
                }, number: { value in
                    index += 1
                    if let value { sqlite3_bind_int64(stmt, index, value) } else { sqlite3_bind_null(stmt, index) }
                })
                index += 1
                sqlite3_bind_int64(stmt, index, importID)
            }
            precondition(index == Int32((columnCount + 1) * rows.count) && index == sqlite3_bind_parameter_count(stmt),
                         "every column of DossierRow.columns is bound for every row")
            let code = sqlite3_step(stmt)
            sqlite3_reset(stmt)  // no clear_bindings: every parameter is bound again next time
            return code
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
        }
    }

    /// Row `k` of `batch` as the table stores it: each column of `columns`
    /// in order, a text as its place in `batch.bytes`, an integer as it is,
    /// `nil` for NULL: the mapping of a batch to the table that the INSERT binds.
    @inline(__always)
    static func forEachColumn(of batch: DossierBatch, row k: Int, text: (Range<Int>?) -> Void, number: (Int64?) -> Void) {
        func t(_ field: DossierBatch.Text) { text(batch.span(k, field)) }
        func n(_ field: DossierBatch.Number) { number(batch.number(k, field)) }
        t(.code); t(.unitCode); t(.procedureCode); t(.procedureName); t(.fieldCode); t(.fieldName)
        n(.channel); n(.declaredLevel); n(.receivedAt); n(.dueAt); n(.finishedAt)
        n(.returnedAt); n(.status); n(.supplementCount); n(.supplementRequestedAt)
        n(.supplementReceivedAt); n(.apologyCount); n(.newDueAt)
        t(.applicant); t(.officer); n(.updatedAt); n(.stateMoment)
        n(.electronicResult); n(.digitisedComponents); n(.digitised); n(.paidOnline)
        t(.receivingUnit)
        number(batch.contentHashes[k])
    }

    /// The current row of a statement selecting `columns`.
    static func dossier(from stmt: OpaquePointer) -> Dossier {
        var strings = RowStrings(memoising: false)
        return dossier(from: stmt, strings: &strings, detailed: true)
    }

    /// The current row of a statement selecting `columns`, its repeated texts
    /// (unit, procedure, field, officer) taken from `strings`. Without
    /// `detailed`, what only a report's own period reads is left out: the
    /// code, the applicant and the officer (``DossierRepository/forEachDossier(relevantTo:detailedIn:_:)``).
    static func dossier(from stmt: OpaquePointer, strings: inout RowStrings, detailed: Bool) -> Dossier {
        let row = StatementColumns(stmt: stmt)
        func text(_ i: Int32) -> String? { row.text(i).map { String(decoding: $0, as: UTF8.self) } }
        func shared(_ i: Int32, _ memo: inout TextMemo) -> String? { row.text(i).map { memo.string($0) } }
        func int(_ i: Int32) -> Int? { row.value(i).map { Int($0) } }
        func flag(_ i: Int32) -> Bool? { row.value(i).map { $0 != 0 } }
        func time(_ i: Int32) -> LocalDateTime? { row.value(i).map { LocalDateTime(secondsSinceEpoch: $0) } }
        return Dossier(
            code: detailed ? text(0) ?? "" : "", unitCode: shared(1, &strings.unit) ?? "",
            procedureCode: shared(2, &strings.procedure), procedureName: shared(3, &strings.procedureName),
            fieldCode: shared(4, &strings.field), fieldName: shared(5, &strings.fieldName),
            channel: int(6).flatMap(Channel.init(rawValue:)) ?? .direct,
            declaredLevel: int(7).flatMap(ServiceLevel.init(rawValue:)),
            receivedAt: time(8), dueAt: time(9), finishedAt: time(10), returnedAt: time(11),
            status: int(12).flatMap(DossierStatus.init(rawValue:)), supplementCount: int(13),
            supplementRequestedAt: time(14), supplementReceivedAt: time(15), apologyCount: int(16) ?? 0,
            newDueAt: time(17), applicant: detailed ? text(18) : nil, officer: detailed ? shared(19, &strings.officer) : nil,
            updatedAt: time(20),
            hasElectronicResult: flag(22), hasDigitisedComponents: flag(23), isDigitised: flag(24), isPaidOnline: flag(25),
            receivingUnitCode: shared(26, &strings.unit))
    }
}

/// The current row of a SQLite statement.
struct StatementColumns {
    let stmt: OpaquePointer

    /// The bytes of a text column; `nil` when NULL.
    func text(_ i: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard let p = sqlite3_column_text(stmt, i) else { return nil }
        return UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(stmt, i)))
    }

    /// An integer column, `nil` when NULL. The value first, the type only when it is 0 (which NULL also gives):
    /// one call into SQLite per column instead of two, for millions of rows.
    func value(_ i: Int32) -> Int64? {
        let v = sqlite3_column_int64(stmt, i)
        return v == 0 && sqlite3_column_type(stmt, i) == SQLITE_NULL ? nil : v
    }
}

/// The texts a read of many rows builds once per distinct value: a column of
/// few values (a province's units, its catalogue, its officers) gives every
/// row the same `String`, where building one per row was most of the cost of
/// decoding a row.
struct RowStrings {
    var unit: TextMemo, procedure: TextMemo, procedureName: TextMemo, field: TextMemo, fieldName: TextMemo, officer: TextMemo

    /// Without `memoising`, every text is built anew (a single row).
    init(memoising: Bool) {
        let limit = memoising ? 1 << 16 : 0
        unit = TextMemo(limit: limit); procedure = TextMemo(limit: limit); procedureName = TextMemo(limit: limit)
        field = TextMemo(limit: limit); fieldName = TextMemo(limit: limit); officer = TextMemo(limit: limit)
    }
}

/// The `String` of each distinct byte sequence seen, up to `limit` of them
/// (beyond it, texts are built anew: the column has too many values to share).
/// An open-addressing table on an FNV-1a hash of the bytes; the same bytes
/// always give the same string (`String(decoding:as:)` of them).
struct TextMemo {
    private var keys: [[UInt8]] = []
    private var lengths: [Int] = []
    private var strings: [String] = []
    private var table: [Int32]
    private let limit: Int

    init(limit: Int) {
        self.limit = limit
        table = limit > 0 ? [Int32](repeating: -1, count: 256) : []
    }

    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard limit > 0 else { return String(decoding: bytes, as: UTF8.self) }
        let mask = table.count - 1
        var slot = Self.hash(bytes) & mask
        while case let e = Int(table[slot]), e >= 0 {
            if lengths[e] == bytes.count,
               bytes.isEmpty || keys[e].withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
                return strings[e]
            }
            slot = (slot + 1) & mask
        }
        let string = String(decoding: bytes, as: UTF8.self)
        guard strings.count < limit else { return string }
        table[slot] = Int32(strings.count)
        keys.append(Array(bytes))
        lengths.append(bytes.count)
        strings.append(string)
        if strings.count * 2 > table.count { rehash() }
        return string
    }

    /// A hash of the length and of three words of the bytes (the first, the
    /// middle and the last eight): enough to tell a column's values apart,
    /// which are then compared in full. (FNV-1a over every byte of a
    /// procedure's name was a tenth of a report.)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let n = bytes.count
        var h = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
        if n >= 8 {
            let raw = UnsafeRawPointer(bytes.baseAddress!)
            func mix(_ offset: Int) {
                h = (h ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 33
            }
            mix(0); mix((n - 8) / 2); mix(n - 8)
        } else {
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            h ^= h >> 29
        }
        return Int(truncatingIfNeeded: h)
    }

    private mutating func rehash() {
        table = [Int32](repeating: -1, count: table.count * 2)
        let mask = table.count - 1
        for (e, key) in keys.enumerated() {
            var slot = key.withUnsafeBufferPointer(Self.hash) & mask
            while table[slot] >= 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(e)
        }
    }
}
