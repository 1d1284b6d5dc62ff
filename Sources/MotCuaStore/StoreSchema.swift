import GRDB

/// The database schema. Migrations are named for what they do and never
/// change once shipped: a new need is a new migration.
enum StoreSchema {
    /// Its record in `grdb_migrations` marks a database as motcua's.
    static let firstMigration = "Create units, procedures and dossiers"
    static let index766Migration = "index766Columns: electronic result, digitisation and online payment"
    static let sourceDigestsMigration = "sourceDigests: whole files and chunks already applied"
    /// What a period query reads first (``DossierStore/forEachDossier(relevantTo:detailedIn:_:)``).
    static let periodIndex = "dossier_on_finish"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(firstMigration) { db in
            try db.create(table: "unit") { t in
                t.primaryKey("code", .text)
                t.column("name", .text).notNull()
                t.column("level", .text).notNull().defaults(to: "")
                t.column("parent_code", .text)
                t.column("sort_order", .integer).notNull().defaults(to: 0)
                // Created from a dossier's unit name because the units file lacked it.
                t.column("is_implicit", .boolean).notNull().defaults(to: false)
            }
            try db.create(table: "procedure") { t in
                t.primaryKey("code", .text)
                t.column("name", .text).notNull()
                t.column("field_code", .text)
                t.column("field_name", .text)
                t.column("level", .integer)
                t.column("duration", .double)
                t.column("duration_unit", .text).notNull().defaults(to: "ngay-lam-viec")
                t.column("applicable_levels", .text).notNull().defaults(to: "")
                t.column("disclosure", .integer)
            }
            // Timestamps are seconds since 1970-01-01 00:00 Vietnam local time.
            try db.create(table: "dossier") { t in
                t.primaryKey("code", .text)
                t.column("unit_code", .text).notNull()
                t.column("procedure_code", .text)
                t.column("procedure_name", .text)
                t.column("field_code", .text)
                t.column("field_name", .text)
                t.column("channel", .integer).notNull()
                t.column("declared_level", .integer)
                t.column("received_at", .integer)
                t.column("due_at", .integer)
                t.column("finished_at", .integer)
                t.column("returned_at", .integer)
                t.column("status", .integer)
                t.column("supplement_count", .integer)
                t.column("supplement_requested_at", .integer)
                t.column("supplement_received_at", .integer)
                t.column("apology_count", .integer).notNull().defaults(to: 0)
                t.column("new_due_at", .integer)
                t.column("applicant", .text)
                t.column("officer", .text)
                t.column("import_id", .integer)
            }
            try db.create(index: "dossier_on_received_at", on: "dossier", columns: ["received_at"])
            try db.create(table: "import_batch") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("file_name", .text).notNull()
                t.column("sha256", .text)
                t.column("imported_at", .text).notNull()
                t.column("rows_read", .integer).notNull()
                t.column("inserted", .integer).notNull()
                t.column("updated", .integer).notNull()
                t.column("unchanged", .integer).notNull()
                t.column("rejected", .integer).notNull()
                t.column("skipped", .integer).notNull()
            }
        }
        migrator.registerMigration("Record when each dossier's state was last changed") { db in
            // updated_at: the export's own NgayCapNhat; state_at: that, or the
            // dossier's latest event. An older export never overwrites a newer state.
            try db.alter(table: "dossier") { t in
                t.add(column: "updated_at", .integer)
                t.add(column: "state_at", .integer)
            }
            try db.execute(sql: """
                UPDATE dossier SET state_at = MAX(COALESCE(received_at, 0), COALESCE(finished_at, 0),
                  COALESCE(returned_at, 0), COALESCE(supplement_requested_at, 0), COALESCE(supplement_received_at, 0))
                """)
            try db.create(index: "dossier_on_state_at", on: "dossier", columns: ["state_at"])
        }
        migrator.registerMigration("Create Thông tư 01 evaluations") { db in
            // Points (CS1…CS9) given by an assessor or the citizen survey; they
            // override the points derived from the dossier's data.
            try db.create(table: "evaluation") { t in
                t.column("dossier_code", .text).notNull()
                t.column("indicator", .integer).notNull()
                t.column("points", .integer).notNull()
                t.primaryKey(["dossier_code", "indicator"])
            }
        }
        migrator.registerMigration("Keep a digest of each dossier's content") { db in
            // DossierBatch.contentHash: an unchanged row of a re-imported export is
            // recognised without reading it back. NULL for rows stored before.
            try db.alter(table: "dossier") { t in t.add(column: "content_hash", .integer) }
        }
        migrator.registerMigration(index766Migration) { db in
            // The QĐ 766 columns of an export (docs/rules.md#index766-columns): 1 yes,
            // 0 no, NULL when the export had no such column (unknown, not "no").
            try db.alter(table: "dossier") { t in
                t.add(column: "electronic_result", .integer)
                t.add(column: "digitised_components", .integer)
                t.add(column: "digitised", .integer)
                t.add(column: "paid_online", .integer)
            }
        }
        migrator.registerMigration("Record the receiving unit of each dossier (receivingUnit)") { db in
            // MaDonViTiepNhan: where the dossier was received when another unit
            // handles it (docs/rules.md#receiving-unit). NULL when the export does not say.
            try db.alter(table: "dossier") { t in t.add(column: "receiving_unit_code", .text) }
        }
        migrator.registerMigration("periodIndexes: dossiers by finish moment, in place of by receipt") { db in
            // What a period reads (DossierStore.forEachDossier(relevantTo:)):
            // finished at or after its start, or never, and received by its
            // cutoff. The period's start is the selective side over years of
            // history; received_at as the last column answers the cutoff
            // without reading the table. No query read the receipt index (the
            // period query scanned the table), so it goes: an import still
            // maintains as many indexes as before.
            try db.create(index: periodIndex, on: "dossier", columns: ["finished_at", "returned_at", "received_at"])
            try db.drop(index: "dossier_on_received_at")
        }
        migrator.registerMigration(sourceDigestsMigration) { db in
            // docs/rules.md#source-digests. `context` names the header, mapping,
            // reference data and calendar the bytes were decoded under; `layout`
            // the dossier columns they were stored into (a new column makes every
            // file read again once, to fill it).
            try db.execute(sql: """
                CREATE TABLE source_file (
                  context TEXT NOT NULL, layout TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL,
                  records INTEGER NOT NULL, not_received INTEGER NOT NULL, import_id INTEGER NOT NULL,
                  PRIMARY KEY (context, layout, sha256, size));
                CREATE TABLE source_chunk (
                  context TEXT NOT NULL, layout TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
                  sha256 TEXT NOT NULL, records INTEGER NOT NULL, not_received INTEGER NOT NULL, lines INTEGER NOT NULL,
                  newest_state INTEGER, import_id INTEGER NOT NULL,
                  PRIMARY KEY (context, layout, start, "end", sha256));
                """)
            // A digest says "these rows are stored". Once a stored dossier is deleted,
            // or changed by anything but an import (which always changes its
            // import_id or its content digest), that is no longer sure: forget them all.
            try db.execute(sql: """
                CREATE TRIGGER dossier_deleted_forgets_sources AFTER DELETE ON dossier BEGIN
                  DELETE FROM source_file; DELETE FROM source_chunk;
                END;
                CREATE TRIGGER dossier_edited_forgets_sources AFTER UPDATE ON dossier
                WHEN NEW.import_id IS OLD.import_id AND NEW.content_hash IS OLD.content_hash BEGIN
                  DELETE FROM source_file; DELETE FROM source_chunk;
                END;
                """)
        }
        migrator.registerMigration("newestState: the newest stored state per import, in place of an index on state_at") { db in
            // MAX(state_at) was the only use of dossier_on_state_at; each import now
            // records the newest state moment of its stored lines
            // (DossierStore.newestState). What was imported before is summed up
            // once, on the latest import's row.
            try db.alter(table: "import_batch") { t in t.add(column: "newest_state", .integer) }
            try db.execute(sql: """
                UPDATE import_batch SET newest_state = (SELECT MAX(state_at) FROM dossier)
                WHERE id = (SELECT MAX(id) FROM import_batch)
                """)
            try db.drop(index: "dossier_on_state_at")
        }
        return migrator
    }
}
