import Foundation
import GRDB
import MotCuaCore

/// The SQLite database of units, procedures and dossiers (cơ sở dữ liệu hồ sơ).
///
/// Every import is one transaction: a failure or a kill leaves the database as
/// it was before the import started.
package final class DossierStore: Sendable {
    let queue: DatabaseQueue
    package let path: String
    /// Whether `dossier_on_finish` exists: a scratch store has none, and a
    /// period is then read in one scan (``forEachDossier(relevantTo:detailedIn:_:)``).
    let hasPeriodIndex: Bool

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// - throws: a ``Message`` coded `store.*` when it cannot be opened, is damaged, or is another program's database.
    package init(path: String) throws {
        self.path = path
        hasPeriodIndex = true
        var config = Configuration()
        config.busyMode = .timeout(5)
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            // Checked before the migrations, which would create motcua's tables in it.
            if try DossierStore.isForeign(queue) { throw Message.foreignDatabase(path: path) }
            try StoreSchema.migrator.migrate(queue)
        } catch let error as DatabaseError {
            throw Message(error, path: path)
        }
    }

    /// Opens an existing database for reading only: it creates no file and
    /// migrates nothing (`motcua run --check` must change nothing).
    package init(readingExisting path: String) throws {
        self.path = path
        hasPeriodIndex = true
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(5)
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch let error as DatabaseError {
            throw Message(error, path: path)
        }
        if try Self.hasNoTables(queue, path: path) { throw Message.blankDatabase(path: path) }
    }

    /// A new database that lives for one command (cơ sở dữ liệu tạm of
    /// `report --input`) and is deleted after it: nothing in it must survive a
    /// crash, so nothing is synced to disk, and no query but the one period
    /// read ever runs on it, so it keeps no index for periods. The finish
    /// index was half of the store's CPU on a million new rows (BENCHMARKS.md,
    /// "What each index costs"); one scan of a table read once costs less
    /// than maintaining it. The rules of an import (the unique MaHoSo, the
    /// newer state wins) are those of every store (docs/rules.md#scratch-store).
    /// - precondition: no file at `path`.
    package init(scratchAt path: String) throws {
        self.path = path
        hasPeriodIndex = false
        var config = Configuration()
        config.prepareDatabase { db in
            // No fsync, and the rollback journal in memory: a failed import ends the command.
            try db.execute(sql: "PRAGMA synchronous = OFF; PRAGMA journal_mode = MEMORY")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            try StoreSchema.migrator.migrate(queue)
            try queue.write { db in try db.drop(index: StoreSchema.periodIndex) }
        } catch let error as DatabaseError {
            throw Message(error, path: path)
        }
    }

    /// Whether `path` is a database file without a single table: an empty
    /// file, as a run killed between SQLite creating the file and the schema's
    /// transaction committing leaves it. A writing open gives it the schema;
    /// readers treat it as no database yet (the nightly run used to fail on
    /// it every night after).
    package static func isBlank(path: String) -> Bool {
        var config = Configuration()
        config.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: config) else { return false }
        return (try? hasNoTables(queue, path: path)) ?? false
    }

    private static func hasNoTables(_ queue: DatabaseQueue, path: String) throws -> Bool {
        do {
            return try queue.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'") == 0
            }
        } catch let error as DatabaseError {
            throw Message(error, path: path)
        }
    }

    // MARK: Reference data

    /// Inserts or replaces units from the units file. Units created earlier
    /// from dossiers become explicit when the file names them.
    package func saveUnits(_ units: [OrgUnit]) throws {
        try write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO unit (code, name, level, parent_code, sort_order, is_implicit)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(code) DO UPDATE SET name = excluded.name, level = excluded.level,
                  parent_code = excluded.parent_code, sort_order = excluded.sort_order, is_implicit = excluded.is_implicit
                """)
            for u in units {
                try statement.execute(arguments: [u.code, u.name, u.level, u.parentCode, u.sortOrder, u.isImplicit])
            }
        }
    }

    package func saveProcedures(_ procedures: [Procedure]) throws {
        try write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO procedure
                  (code, name, field_code, field_name, level, duration, duration_unit, applicable_levels, disclosure)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for p in procedures {
                try statement.execute(arguments: [
                    p.code, p.name, p.fieldCode, p.fieldName, p.level?.rawValue, p.duration,
                    p.durationUnit.rawValue, p.applicableLevels.sorted().joined(separator: ";"), p.disclosure,
                ])
            }
        }
    }

    package func units() throws -> [OrgUnit] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT code, name, level, parent_code, sort_order, is_implicit FROM unit").map {
                OrgUnit(code: $0[0], name: $0[1], level: $0[2], parentCode: $0[3], sortOrder: $0[4], isImplicit: $0[5])
            }
        }
    }

    package func procedures() throws -> [Procedure] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT code, name, field_code, field_name, level, duration, duration_unit, applicable_levels, disclosure
                FROM procedure ORDER BY code
                """).map { row in
                let levels: String = row[7]
                return Procedure(
                    code: row[0], name: row[1], fieldCode: row[2], fieldName: row[3],
                    level: (row[4] as Int?).flatMap(ServiceLevel.init(rawValue:)), duration: row[5],
                    durationUnit: DurationUnit(rawValue: row[6]) ?? .workingDays,
                    applicableLevels: Set(levels.split(separator: ";").map(String.init)), disclosure: row[8])
            }
        }
    }
}
