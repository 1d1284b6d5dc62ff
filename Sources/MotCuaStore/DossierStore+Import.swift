import Foundation
import GRDB
import MotCuaCore

/// What one import did to the database.
public struct ImportCounts: Sendable, Hashable {
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    /// Dossiers whose stored state is newer than the file's: kept as stored.
    public var olderInFile = 0
    /// The newest state stored before this import, and the file's newest;
    /// an older file imported after a newer one is worth a warning (SPEC §10.4).
    public var newestStoredBefore: LocalDateTime?
    public var newestInFile: LocalDateTime?
    /// Units created from dossiers because the units file lacked them.
    public var implicitUnits: [String] = []
    /// New and updated dossiers by unit code.
    public var changedByUnit: [String: Int] = [:]
    public init() {}
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
        try queue.write { db in
            var counts = ImportCounts()
            try db.execute(sql: """
                INSERT INTO import_batch (file_name, sha256, imported_at, rows_read, inserted, updated, unchanged, rejected, skipped)
                VALUES (?, ?, ?, ?, 0, 0, 0, ?, ?)
                """, arguments: [audit.fileName, audit.sha256, ISO8601DateFormatter().string(from: Date()),
                                 audit.rowsRead, audit.rejected, audit.skipped])
            let importID = db.lastInsertedRowID
            counts.newestStoredBefore = try Int64.fetchOne(db, sql: "SELECT MAX(state_at) FROM dossier")
                .map(LocalDateTime.init(secondsSinceEpoch:))
            counts.newestInFile = dossiers.compactMap(\.stateMoment).max()
            let select = try db.cachedStatement(sql: "SELECT \(DossierRow.columnList) FROM dossier WHERE code = ?")
            // Insert first: in a first import of a big export nearly every row is new,
            // and a SELECT before each INSERT doubled the store's work.
            let insert = try db.cachedStatement(sql: """
                INSERT INTO dossier (\(DossierRow.columnList), import_id)
                VALUES (\(Array(repeating: "?", count: DossierRow.columnCount + 1).joined(separator: ", ")))
                ON CONFLICT(code) DO NOTHING
                """)
            let update = try db.cachedStatement(sql: """
                UPDATE dossier SET \(DossierRow.columns.dropFirst().map { "\($0) = ?" }.joined(separator: ", ")),
                  import_id = ? WHERE code = ?
                """)
            for d in dossiers {
                try insert.execute(arguments: StatementArguments(DossierRow.values(of: d) + [importID]))
                if db.changesCount == 1 {
                    counts.inserted += 1
                    counts.changedByUnit[d.unitCode, default: 0] += 1
                    continue
                }
                let existing = try Row.fetchOne(select, arguments: [d.code]).map(DossierRow.dossier(from:))
                if let stored = existing?.stateMoment, let incoming = d.stateMoment, incoming < stored,
                          existing != d {
                    counts.olderInFile += 1
                } else if existing != d {
                    var values = Array(DossierRow.values(of: d).dropFirst())
                    values.append(importID)
                    values.append(d.code)
                    try update.execute(arguments: StatementArguments(values))
                    counts.updated += 1
                    counts.changedByUnit[d.unitCode, default: 0] += 1
                } else {
                    counts.unchanged += 1
                }
            }
            // Units referenced by dossiers but absent from the units file.
            let missing = try String.fetchAll(db, sql: """
                SELECT DISTINCT unit_code FROM dossier WHERE unit_code NOT IN (SELECT code FROM unit)
                """)
            for code in missing {
                try db.execute(sql: "INSERT INTO unit (code, name, is_implicit, sort_order) VALUES (?, ?, 1, 9999)",
                               arguments: [code, unitNames[code] ?? code])
            }
            counts.implicitUnits = missing
            try db.execute(sql: "UPDATE import_batch SET inserted = ?, updated = ?, unchanged = ? WHERE id = ?",
                           arguments: [counts.inserted, counts.updated, counts.unchanged, importID])
            return counts
        }
    }

    /// Calls `body` with every dossier that may matter for a period ending at
    /// `cutoff` and starting at `start`: received by the cutoff and not
    /// finished before the start. The classifier decides the rest.
    public func forEachDossier(relevantFrom start: LocalDateTime, to cutoff: LocalDateTime,
                               _ body: (Dossier) throws -> Void) throws {
        try queue.read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT \(DossierRow.columnList) FROM dossier
                WHERE received_at <= ? AND COALESCE(finished_at, returned_at, ?) >= ?
                """, arguments: [cutoff.secondsSinceEpoch, start.secondsSinceEpoch, start.secondsSinceEpoch])
            while let row = try cursor.next() { try body(DossierRow.dossier(from: row)) }
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

    static func values(of d: Dossier) -> [(any DatabaseValueConvertible)?] {
        [d.code, d.unitCode, d.procedureCode, d.procedureName, d.fieldCode, d.fieldName, d.channel.rawValue,
         d.declaredLevel?.rawValue, d.receivedAt?.secondsSinceEpoch, d.dueAt?.secondsSinceEpoch,
         d.finishedAt?.secondsSinceEpoch, d.returnedAt?.secondsSinceEpoch, d.status?.rawValue, d.supplementCount,
         d.supplementRequestedAt?.secondsSinceEpoch, d.supplementReceivedAt?.secondsSinceEpoch, d.apologyCount,
         d.newDueAt?.secondsSinceEpoch, d.applicant, d.officer, d.updatedAt?.secondsSinceEpoch,
         d.stateMoment?.secondsSinceEpoch]
    }

    static func dossier(from row: Row) -> Dossier {
        func time(_ i: Int) -> LocalDateTime? { (row[i] as Int64?).map(LocalDateTime.init(secondsSinceEpoch:)) }
        return Dossier(
            code: row[0], unitCode: row[1], procedureCode: row[2], procedureName: row[3],
            fieldCode: row[4], fieldName: row[5], channel: Channel(rawValue: row[6]) ?? .direct,
            declaredLevel: (row[7] as Int?).flatMap(ServiceLevel.init(rawValue:)),
            receivedAt: time(8), dueAt: time(9), finishedAt: time(10), returnedAt: time(11),
            status: (row[12] as Int?).flatMap(DossierStatus.init(rawValue:)), supplementCount: row[13],
            supplementRequestedAt: time(14), supplementReceivedAt: time(15), apologyCount: row[16],
            newDueAt: time(17), applicant: row[18], officer: row[19], updatedAt: time(20))
    }
}
