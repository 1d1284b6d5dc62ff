import Foundation
import GRDB
import GRDBSQLite
import MotCuaCore

/// What one import did to the database.
public struct ImportCounts: Sendable {
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    /// Dossiers whose stored state is newer than the file's: kept as stored.
    public var olderInFile = 0
    /// The newest state stored before this import, and the file's newest;
    /// an older file imported after a newer one is worth a warning (SPEC §10.4).
    public var newestStoredBefore: LocalDateTime?
    public var newestInFile: LocalDateTime?
    /// Lines that repeated an earlier line's MaHoSo with other content (the later one is used),
    /// as (line, code, first line).
    public var duplicates: [(line: Int, code: String, firstLine: Int)] = []
    /// Lines that repeated an earlier line exactly (counted once).
    public var identicalRepeats = 0
    /// Units created from dossiers because the units file lacked them.
    public var implicitUnits: [String] = []
    /// New and updated dossiers by unit code.
    public var changedByUnit: [String: Int] = [:]
    public init() {}
}

/// What reading a file found besides its dossiers, for the audit row.
public struct ImportFileFacts: Sendable {
    public var rowsRead: Int
    public var rejected: Int
    public var skipped: Int
    public var unitNames: [String: String]
    public init(rowsRead: Int, rejected: Int, skipped: Int, unitNames: [String: String]) {
        self.rowsRead = rowsRead; self.rejected = rejected; self.skipped = skipped; self.unitNames = unitNames
    }
}

/// The audit facts of one import, written in the same transaction.
public struct ImportAudit: Sendable {
    public var fileName: String
    public var sha256: String?
    public var rowsRead: Int
    public var rejected: Int
    public var skipped: Int
    public init(fileName: String, sha256: String? = nil, rowsRead: Int, rejected: Int, skipped: Int) {
        self.fileName = fileName; self.sha256 = sha256; self.rowsRead = rowsRead
        self.rejected = rejected; self.skipped = skipped
    }
}

extension DossierStore {
    /// Stores dossiers by MaHoSo in one transaction: new ones are inserted,
    /// changed ones updated, identical ones left alone. Nothing is ever
    /// deleted because an export omits it.
    ///
    /// - Parameter unitNames: names for unit codes not yet in the database.
    public func importDossiers(_ dossiers: [Dossier], unitNames: [String: String],
                               audit: ImportAudit) throws -> ImportCounts {
        try importDossiers(fileName: audit.fileName, sha256: audit.sha256) { consume in
            var batch = DossierBatch(capacity: dossiers.count)
            for (i, d) in dossiers.enumerated() { batch.append(d, line: i + 2) }
            try consume(batch)
            return ImportFileFacts(rowsRead: audit.rowsRead, rejected: audit.rejected, skipped: audit.skipped,
                                   unitNames: unitNames)
        }
    }

    /// Streams one file's dossiers into the database in one transaction.
    /// `produce` reads the file and hands batches of dossiers, with their
    /// lines, to `consume`; it returns what it found besides. A later line with the same
    /// MaHoSo supersedes an earlier one of the same file (SPEC §10.4); across
    /// imports the newer state wins. If anything throws, nothing is kept.
    /// `sha256` is asked for at the end, so that it can be computed meanwhile.
    public func importDossiers(
        fileName: String, sha256: @autoclosure () throws -> String?,
        _ produce: (_ consume: (DossierBatch) throws -> Void) throws -> ImportFileFacts
    ) throws -> ImportCounts {
        try queue.write { db in
            var counts = ImportCounts()
            try db.execute(sql: """
                INSERT INTO import_batch (file_name, imported_at, rows_read, inserted, updated, unchanged, rejected, skipped)
                VALUES (?, ?, 0, 0, 0, 0, 0, 0)
                """, arguments: [fileName, ISO8601DateFormatter().string(from: Date())])
            let importID = db.lastInsertedRowID
            // A 64 MB page cache for the import (SQLite's default is 2 MB): the
            // indexes' pages stay in memory instead of being written and read back.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -65536")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            counts.newestStoredBefore = try Int64.fetchOne(db, sql: "SELECT MAX(state_at) FROM dossier")
                .map(LocalDateTime.init(secondsSinceEpoch:))
            let select = try db.cachedStatement(sql: "SELECT \(DossierRow.columnList), rowid, import_id FROM dossier WHERE code = ?")
            // Insert first: in a first import of a big export nearly every row is new,
            // and a SELECT before each INSERT doubled the store's work.
            let insert = try db.cachedStatement(sql: DossierRow.insertSQL(rows: 1, onConflict: "ON CONFLICT(code) DO NOTHING"))
            // Rows go in `batchRows` at a time: one statement (cursors opened, the
            // program started) per row cost as much again as the B-tree work.
            // OR IGNORE rather than ON CONFLICT DO NOTHING: a statement that may abort
            // halfway keeps a statement journal, and writing it doubled the disk
            // writes. The only constraint a bound row can break is the code's
            // uniqueness (unit, channel and apologies are never NULL), so the two agree.
            let insertBatch = try db.cachedStatement(sql: DossierRow.insertSQL(rows: DossierRow.batchRows, orIgnore: true))
            // The same values in the same order as the insert: one binder serves both.
            let update = try db.cachedStatement(sql: DossierRow.insertSQL(rows: 1, onConflict: """
                ON CONFLICT(code) DO UPDATE SET \((DossierRow.columns.dropFirst() + ["import_id"]).map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
                """))
            // Rows this file has reached, by rowid, with the line of its latest
            // occurrence: a MaHoSo seen before in the same file is a duplicate. Keyed
            // by rowid rather than by code: a million codes as strings cost 100 MB.
            var lineOfRow = LinesByRow()

            func inserted(_ d: Dossier, _ line: Int, rowID: Int64) {
                lineOfRow.inserted(rowID, line: line)
                counts.inserted += 1
                counts.changedByUnit[d.unitCode, default: 0] += 1
            }
            /// Settles row `k` of `batch`, whose MaHoSo is in the table: inserted by
            /// the statement just run (written by this import, not yet seen), or stored before.
            func settle(_ batch: DossierBatch, _ k: Int) throws {
                let d = batch.dossier(k)
                let line = batch.lines[k]
                // Read through the C API like the report: re-importing an unchanged
                // export reads every row back, and GRDB row decoding tripled that.
                let stmt = select.sqliteStatement
                try select.setArguments([d.code])
                defer { sqlite3_reset(stmt) }
                guard sqlite3_step(stmt) == SQLITE_ROW else {
                    throw DatabaseError(message: "dossier \(d.code) was not stored and cannot be read back")
                }
                let rowID = sqlite3_column_int64(stmt, Int32(DossierRow.columnCount))
                let writtenBy = sqlite3_column_type(stmt, Int32(DossierRow.columnCount + 1)) == SQLITE_NULL
                    ? nil : sqlite3_column_int64(stmt, Int32(DossierRow.columnCount + 1))
                if writtenBy == importID && !lineOfRow.contains(rowID) {
                    return inserted(d, line, rowID: rowID)
                }
                let firstInFile = lineOfRow.reached(rowID, line: line)
                let existing = DossierRow.dossier(from: stmt)
                sqlite3_reset(stmt)  // done reading before the row may be written
                if existing == d {
                    if firstInFile != nil { counts.identicalRepeats += 1 } else { counts.unchanged += 1 }
                    return
                }
                if let firstLine = firstInFile {
                    // The same file says two things: its later line wins.
                    counts.duplicates.append((line, d.code, firstLine))
                } else if let stored = existing.stateMoment, let incoming = d.stateMoment, incoming < stored {
                    counts.olderInFile += 1
                    return
                } else {
                    counts.updated += 1
                    counts.changedByUnit[d.unitCode, default: 0] += 1
                }
                try DossierRow.write(batch, rows: k..<k + 1, importID: importID, with: update, db: db)
            }
            var newest = DossierBatch.null
            let facts = try produce { batch in
                for k in 0..<batch.count { newest = max(newest, batch.number(k, .stateMoment) ?? DossierBatch.null) }
                // Statements whose rows were all new; the others were settled row by row.
                var allNew: [Range<Int>] = []
                var start = 0
                while start < batch.count {
                    let rows = start..<min(start + DossierRow.batchRows, batch.count)
                    start = rows.upperBound
                    if rows.count == DossierRow.batchRows {
                        try DossierRow.write(batch, rows: rows, importID: importID, with: insertBatch, db: db)
                        if db.changesCount == rows.count {
                            // New rows get consecutive rowids, the last one reported by SQLite.
                            let first = db.lastInsertedRowID - Int64(rows.count) + 1
                            for k in rows { lineOfRow.inserted(first + Int64(k - rows.lowerBound), line: batch.lines[k]) }
                            counts.inserted += rows.count
                            allNew.append(rows)
                        } else {
                            for k in rows { try settle(batch, k) }
                        }
                    } else {
                        for k in rows {
                            try DossierRow.write(batch, rows: k..<k + 1, importID: importID, with: insert, db: db)
                            if db.changesCount == 1 {
                                lineOfRow.inserted(db.lastInsertedRowID, line: batch.lines[k])
                                counts.inserted += 1
                                allNew.append(k..<k + 1)
                            } else {
                                try settle(batch, k)
                            }
                        }
                    }
                }
                if allNew.reduce(0, { $0 + $1.count }) == batch.count {
                    counts.changedByUnit.merge(batch.rowsByUnit, uniquingKeysWith: +)
                } else {
                    for rows in allNew { for k in rows { counts.changedByUnit[batch.text(k, .unitCode) ?? "", default: 0] += 1 } }
                }
            }
            if newest != DossierBatch.null { counts.newestInFile = LocalDateTime(secondsSinceEpoch: newest) }
            // Units referenced by dossiers but absent from the units file. Units are
            // never deleted, so only the dossiers this import wrote can bring new ones.
            let known = Set(try String.fetchAll(db, sql: "SELECT code FROM unit"))
            let missing = counts.changedByUnit.keys.filter { !known.contains($0) }.sorted()
            for code in missing {
                try db.execute(sql: "INSERT INTO unit (code, name, is_implicit, sort_order) VALUES (?, ?, 1, 9999)",
                               arguments: [code, facts.unitNames[code] ?? code])
            }
            counts.implicitUnits = missing
            try db.execute(sql: """
                UPDATE import_batch SET sha256 = ?, rows_read = ?, inserted = ?, updated = ?, unchanged = ?, rejected = ?, skipped = ?
                WHERE id = ?
                """, arguments: [try sha256(), facts.rowsRead, counts.inserted, counts.updated, counts.unchanged + counts.identicalRepeats,
                                 facts.rejected, facts.skipped, importID])
            return counts
        }
    }

    /// Calls `body` with every dossier that may matter for a period ending at
    /// `cutoff` and starting at `start`: received by the cutoff and not
    /// finished before the start. The classifier decides the rest.
    public func forEachDossier(relevantFrom start: LocalDateTime, to cutoff: LocalDateTime,
                               _ body: (Dossier) throws -> Void) throws {
        try queue.read { db in
            let statement = try db.makeStatement(sql: """
                SELECT \(DossierRow.columnList) FROM dossier
                WHERE received_at <= ? AND COALESCE(finished_at, returned_at, ?) >= ?
                """)
            try statement.setArguments([cutoff.secondsSinceEpoch, start.secondsSinceEpoch, start.secondsSinceEpoch])
            // Stepped and read through SQLite's C API: decoding GRDB rows was a
            // third of a quarter report over a million stored dossiers.
            let stmt = statement.sqliteStatement
            defer { sqlite3_reset(stmt) }
            while true {
                switch sqlite3_step(stmt) {
                case SQLITE_ROW: try body(DossierRow.dossier(from: stmt))
                case SQLITE_DONE: return
                case let code:
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
                }
            }
        }
    }

    /// Whether a file with this SHA-256 was imported before (its transaction committed).
    public func hasImported(sha256: String) throws -> Bool {
        try queue.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM import_batch WHERE sha256 = ?)", arguments: [sha256]) ?? false
        }
    }

    public func dossierCount() throws -> Int {
        try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dossier") ?? 0 }
    }
}

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

    func contains(_ rowID: Int64) -> Bool {
        let offset = rowID - firstInserted
        if !insertedLines.isEmpty, offset >= 0, offset < Int64(insertedLines.count) { return true }
        return others[rowID] != nil
    }

    /// Records `line` for `rowID` and returns the line it was last seen on in this import.
    mutating func reached(_ rowID: Int64, line: Int) -> Int? {
        let offset = rowID - firstInserted
        if !insertedLines.isEmpty, offset >= 0, offset < Int64(insertedLines.count) {
            defer { insertedLines[Int(offset)] = line }
            return insertedLines[Int(offset)]
        }
        return others.updateValue(line, forKey: rowID)
    }
}

/// The mapping between ``Dossier`` and the `dossier` table's columns.
enum DossierRow {
    static let columns = [
        "code", "unit_code", "procedure_code", "procedure_name", "field_code", "field_name", "channel",
        "declared_level", "received_at", "due_at", "finished_at", "returned_at", "status", "supplement_count",
        "supplement_requested_at", "supplement_received_at", "apology_count", "new_due_at", "applicant", "officer",
        "updated_at", "state_at",
    ]
    static let columnList = columns.joined(separator: ", ")
    static var columnCount: Int { columns.count }

    /// Dossiers per multi-row INSERT (23 values each, well under SQLite's limit of 32,766 variables).
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
        let stmt = statement.sqliteStatement
        // Text is bound from the batch's bytes without SQLite copying it
        // (SQLITE_STATIC): the batch outlives the step.
        let code: Int32 = batch.bytes.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self)
            var index: Int32 = 0
            for k in rows {
                func text(_ field: DossierBatch.Text) {
                    index += 1
                    if let span = batch.span(k, field) {
                        sqlite3_bind_text(stmt, index, base + span.lowerBound, Int32(span.count), nil)
                    } else {
                        sqlite3_bind_null(stmt, index)
                    }
                }
                func number(_ field: DossierBatch.Number) {
                    index += 1
                    if let v = batch.number(k, field) { sqlite3_bind_int64(stmt, index, v) } else { sqlite3_bind_null(stmt, index) }
                }
                // In the order of `columns`, then import_id.
                text(.code); text(.unitCode); text(.procedureCode); text(.procedureName); text(.fieldCode); text(.fieldName)
                number(.channel); number(.declaredLevel); number(.receivedAt); number(.dueAt); number(.finishedAt)
                number(.returnedAt); number(.status); number(.supplementCount); number(.supplementRequestedAt)
                number(.supplementReceivedAt); number(.apologyCount); number(.newDueAt)
                text(.applicant); text(.officer); number(.updatedAt); number(.stateMoment)
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

    /// The current row of a statement selecting `columns`.
    static func dossier(from stmt: OpaquePointer) -> Dossier {
        func isNull(_ i: Int32) -> Bool { sqlite3_column_type(stmt, i) == SQLITE_NULL }
        func text(_ i: Int32) -> String? {
            guard let p = sqlite3_column_text(stmt, i) else { return nil }
            return String(decoding: UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(stmt, i))), as: UTF8.self)
        }
        func int(_ i: Int32) -> Int? { isNull(i) ? nil : Int(sqlite3_column_int64(stmt, i)) }
        func time(_ i: Int32) -> LocalDateTime? {
            isNull(i) ? nil : LocalDateTime(secondsSinceEpoch: sqlite3_column_int64(stmt, i))
        }
        return Dossier(
            code: text(0) ?? "", unitCode: text(1) ?? "", procedureCode: text(2), procedureName: text(3),
            fieldCode: text(4), fieldName: text(5), channel: int(6).flatMap(Channel.init(rawValue:)) ?? .direct,
            declaredLevel: int(7).flatMap(ServiceLevel.init(rawValue:)),
            receivedAt: time(8), dueAt: time(9), finishedAt: time(10), returnedAt: time(11),
            status: int(12).flatMap(DossierStatus.init(rawValue:)), supplementCount: int(13),
            supplementRequestedAt: time(14), supplementReceivedAt: time(15), apologyCount: int(16) ?? 0,
            newDueAt: time(17), applicant: text(18), officer: text(19), updatedAt: time(20))
    }
}
