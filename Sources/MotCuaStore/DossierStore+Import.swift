import Foundation
import GRDB
import GRDBSQLite
import MotCuaCore

extension DossierStore: DossierRepository {
    /// Streams one file's dossiers into the database in one transaction.
    /// `produce` reads the file and hands batches of dossiers, with their
    /// lines, to `consume`; it returns what it found besides. A line that
    /// repeats an earlier line's MaHoSo is a repeat or a duplicate
    /// (``DuplicateRule``); of the lines with the same MaHoSo, in this file or
    /// imported before, the newer state wins
    /// (``DossierVersion/newer(stored:incoming:)``; docs/rules.md#import), so the order
    /// of the imports does not matter. If anything throws, nothing is kept.
    /// New rows (the INSERT finds the code free) and unchanged ones (equal
    /// digests) need neither rule; the other lines are settled by them, row by row.
    /// `sha256` is asked for at the end, so that it can be computed meanwhile.
    package func importDossiers(
        fileName: String, sha256: @autoclosure () throws -> String?,
        _ produce: (_ consume: (DossierBatch) throws -> Void) throws -> ImportFileFacts
    ) throws -> ImportCounts {
        try write { db in
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
            counts.newestStoredBefore = try Self.newestState(db)
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
            // occurrence: a MaHoSo seen before in the same file is a duplicate or a
            // repeat. Keyed by rowid rather than by code: a million codes as strings
            // cost 100 MB.
            var lineOfRow = LinesByRow()
            // The digest of a row's latest line in this file when that line is not
            // what is stored (it lost to the stored state): the line a later one
            // with its MaHoSo is compared with. Otherwise that line is the stored
            // state. Only lines that lost land here: none for a newer export, 16
            // bytes a row (and the table's slack) for an older one imported after it.
            var lostLine: [Int64: Int64] = [:]

            func inserted(unit: String, _ line: Int, rowID: Int64) {
                lineOfRow.inserted(rowID, line: line)
                counts.inserted += 1
                counts.changedByUnit[unit, default: 0] += 1
            }
            let fillHash = try db.cachedStatement(sql: "UPDATE dossier SET content_hash = ? WHERE rowid = ?")
            /// Settles row `k` of `batch`, whose MaHoSo is in the table: inserted by
            /// the statement just run (written by this import, not yet seen), or stored
            /// before, or by an earlier line of this file.
            func settle(_ batch: DossierBatch, _ k: Int) throws {
                let line = batch.lines[k]
                // Read through the C API like the report: re-importing an unchanged
                // export reads every row back, and GRDB row decoding tripled that.
                let stmt = select.sqliteStatement
                defer { sqlite3_reset(stmt) }
                let found: Int32 = batch.bytes.withUnsafeBufferPointer { buffer in
                    let code = batch.span(k, .code) ?? 0..<0
                    let base = UnsafeRawPointer(buffer.baseAddress! + code.lowerBound).assumingMemoryBound(to: CChar.self)
                    sqlite3_bind_text(stmt, 1, base, Int32(code.count), DossierRow.transient)
                    return sqlite3_step(stmt)
                }
                guard found == SQLITE_ROW else {
                    throw DatabaseError(message: "dossier \(batch.text(k, .code) ?? "") was not stored and cannot be read back")
                }
                func int64(_ column: Int) -> Int64? {
                    sqlite3_column_type(stmt, Int32(column)) == SQLITE_NULL ? nil : sqlite3_column_int64(stmt, Int32(column))
                }
                let rowID = int64(DossierRow.columnCount)!
                let writtenByThisImport = int64(DossierRow.columnCount + 1) == importID
                if writtenByThisImport && !lineOfRow.contains(rowID) {
                    return inserted(unit: batch.text(k, .unitCode) ?? "", line, rowID: rowID)
                }
                let earlierLine = lineOfRow.reached(rowID, line: line)
                let incomingHash = batch.contentHashes[k]
                /// Hồ sơ trùng trong một tệp: a line after another of its MaHoSo is
                /// compared with the file's latest line of the dossier — the one that
                /// lost, else the one whose state is stored. `true` for a repeat, which
                /// is counted once and changes nothing.
                func isRepeat(storedDigest: Int64) -> Bool {
                    guard let earlierLine else { return false }
                    switch DuplicateRule.resolve(earlier: lostLine[rowID] ?? storedDigest, later: incomingHash) {
                    case .repeat:
                        counts.identicalRepeats += 1
                        return true
                    case .supersedes:
                        counts.duplicates.append((line, batch.text(k, .code) ?? "", earlierLine))
                        return false
                    }
                }
                /// The line says what is stored: no version is newer than itself.
                /// (Only a line after another of the row's can have left a lost one.)
                func sameAsStored() {
                    if isRepeat(storedDigest: incomingHash) { return }
                    if earlierLine == nil { counts.unchanged += 1 } else { lostLine[rowID] = nil }
                }
                // Equal digests: the same content (a 64-bit digest; see DossierBatch.contentHash).
                let storedHash = int64(DossierRow.contentHashColumn)
                if storedHash == incomingHash { return sameAsStored() }
                let d = batch.dossier(k)
                let existing = DossierRow.dossier(from: stmt)
                sqlite3_reset(stmt)  // done reading before the row may be written
                if existing == d {
                    // Stored before digests were kept (or under another digest): keep
                    // this one now, for the next import and for the file's later lines.
                    try fillHash.execute(arguments: [incomingHash, rowID])
                    return sameAsStored()
                }
                let storedDigest = storedHash ?? DossierBatch.contentHash(of: existing)
                if isRepeat(storedDigest: storedDigest) { return }
                // Trạng thái mới hơn thắng. Every line, a duplicate within the file too,
                // goes through it: the stored state is the greatest version ever imported.
                guard DossierVersion.newer(stored: DossierVersion(existing, digest: storedDigest),
                                           incoming: DossierVersion(d, digest: incomingHash)) else {
                    if earlierLine == nil { counts.olderInFile += 1 }
                    lostLine[rowID] = incomingHash
                    return
                }
                if earlierLine != nil { lostLine[rowID] = nil }
                // An update of what was stored before this import; a row this import
                // wrote already (an earlier line of the file) was counted then.
                if !writtenByThisImport {
                    counts.updated += 1
                    counts.changedByUnit[d.unitCode, default: 0] += 1
                }
                try DossierRow.write(batch, rows: k..<k + 1, importID: importID, with: update, db: db)
            }
            var newest = DossierBatch.null
            let facts = try produce { batch in
                if let moment = batch.newestStateMoment { newest = max(newest, moment) }
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
            // Units are never deleted, so only the dossiers this import wrote can bring new ones.
            counts.implicitUnits = try Self.addImplicitUnits(counts.changedByUnit.keys, names: facts.unitNames, db: db)
            let fileDigest = try sha256()
            if let source = facts.source { try record(source, importID: importID, db: db) }
            // newest_state: the newest state moment of the file's stored lines. A line
            // that lost has a moment no newer than the row that beat it (versions are
            // ordered by moment first), so the greatest over the imports is the greatest
            // over the stored rows (see newestState).
            try db.execute(sql: """
                UPDATE import_batch SET sha256 = ?, rows_read = ?, inserted = ?, updated = ?, unchanged = ?, rejected = ?, skipped = ?,
                newest_state = ? WHERE id = ?
                """, arguments: [fileDigest, facts.rowsRead, counts.inserted, counts.updated, counts.unchanged + counts.identicalRepeats,
                                 facts.rejected, facts.skipped, newest == DossierBatch.null ? nil : newest, importID])
            return counts
        }
    }

    /// Units referenced by dossiers but absent from the units file, created
    /// from the names in the file (docs/rules.md#units-file).
    /// - Returns: the codes created, sorted.
    private static func addImplicitUnits(_ codes: some Sequence<String>, names: [String: String], db: Database) throws -> [String] {
        let known = Set(try String.fetchAll(db, sql: "SELECT code FROM unit"))
        let missing = codes.filter { !known.contains($0) }.sorted()
        for code in missing {
            try db.execute(sql: "INSERT INTO unit (code, name, is_implicit, sort_order) VALUES (?, ?, 1, 9999)",
                           arguments: [code, names[code] ?? code])
        }
        return missing
    }

    package func addImplicitUnits(_ codes: [String], names: [String: String]) throws -> [String] {
        try write { db in try Self.addImplicitUnits(codes, names: names, db: db) }
    }

    /// Keeps an import's chunk and file digests in its own transaction: they
    /// exist exactly when the rows they stand for do (docs/rules.md#source-digests).
    private func record(_ source: SourceRecord, importID: Int64, db: Database) throws {
        let chunk = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO source_chunk (context, layout, start, "end", sha256, records, not_received, lines, newest_state, import_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for c in source.chunks {
            try chunk.execute(arguments: [source.context, DossierRow.columnList, c.start, c.end, c.sha256,
                                          c.records, c.notReceived, c.lines, c.newestState, importID])
        }
        if let whole = source.wholeFile {
            try db.execute(sql: """
                INSERT OR IGNORE INTO source_file (context, layout, sha256, size, records, not_received, import_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [source.context, DossierRow.columnList, try whole.digest(), whole.size, whole.records,
                                 whole.notReceived, importID])
        }
    }

    package func sourceDigests(context: String) throws -> SourceDigests {
        try read { db in
            let arguments: StatementArguments = [context, DossierRow.columnList]
            let files = try Row.fetchAll(db, sql: """
                SELECT sha256, size, records, not_received FROM source_file WHERE context = ? AND layout = ?
                """, arguments: arguments).map { SourceFile(sha256: $0[0], size: $0[1], records: $0[2], notReceived: $0[3]) }
            let chunks = try Row.fetchAll(db, sql: """
                SELECT start, "end", sha256, records, not_received, lines, newest_state FROM source_chunk
                WHERE context = ? AND layout = ? ORDER BY start
                """, arguments: arguments).map {
                SourceChunk(start: $0[0], end: $0[1], sha256: $0[2], records: $0[3], notReceived: $0[4], lines: $0[5], newestState: $0[6])
            }
            return SourceDigests(files: files, chunks: chunks)
        }
    }

    /// Whether a file with this SHA-256 was imported before (its transaction committed).
    package func hasImported(sha256: String) throws -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM import_batch WHERE sha256 = ?)", arguments: [sha256]) ?? false
        }
    }

    /// The newest moment any stored dossier's state was recorded, or `nil`
    /// for an empty store. It says how recent the newest imported export is.
    package func newestStateTime() throws -> LocalDateTime? {
        try read { db in try Self.newestState(db) }
    }

    /// MAX(state_at) over the stored dossiers, kept per import in
    /// `import_batch.newest_state` rather than read from an index on
    /// `state_at`: a row's state only moves to a newer moment
    /// (``DossierVersion``), so the greatest over the imports is the same,
    /// and maintaining that index was a tenth of the SQLite work of an import
    /// (BENCHMARKS.md). The import table has a row per file, not per dossier.
    static func newestState(_ db: Database) throws -> LocalDateTime? {
        try Int64.fetchOne(db, sql: "SELECT MAX(newest_state) FROM import_batch").map(LocalDateTime.init(secondsSinceEpoch:))
    }

    package func dossierCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dossier") ?? 0 }
    }
}
