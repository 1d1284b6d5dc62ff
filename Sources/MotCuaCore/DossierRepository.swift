/// Where imported dossiers are kept (kho hồ sơ): what the commands need of a
/// store, whatever keeps it. The SQLite database (`DossierStore`) is one; a
/// second store conforms to this and applies the same rules of docs/rules.md#import —
/// ``DuplicateRule`` within a file, ``DossierVersion/newer(stored:incoming:)``
/// against what is stored — instead of re-deriving them.
///
/// Declared in the core so that it names no storage type: its methods speak
/// of units, procedures, dossiers and evaluations only.
package protocol DossierRepository {
    /// Checks the stored data before anything is written; throws, saying what
    /// to do, when the store is damaged.
    func checkIntegrity() throws

    /// Inserts or replaces units from the units file. Units created earlier
    /// from dossiers become explicit when the file names them.
    func saveUnits(_ units: [OrgUnit]) throws
    func units() throws -> [OrgUnit]
    /// Inserts or replaces procedures from the catalogue file.
    func saveProcedures(_ procedures: [Procedure]) throws
    func procedures() throws -> [Procedure]
    /// Creates the units dossiers name but the units file does not, from the
    /// names in the export (docs/rules.md#units-file), as an import of those
    /// dossiers does; returns the codes created, sorted.
    func addImplicitUnits(_ codes: [String], names: [String: String]) throws -> [String]

    /// Stores one file's dossiers, all or nothing. `produce` reads the file
    /// and hands batches of dossiers, with their lines, to `consume`; it
    /// returns what it found besides. Of the lines with the same MaHoSo, in
    /// this file or imported before, the newer state wins, so the order of the
    /// imports does not matter; a line repeating one of the file's earlier
    /// lines is a duplicate or a repeat (``DuplicateRule``). Nothing is ever
    /// deleted because an export omits it. `sha256` is asked for at the end,
    /// so that it can be computed meanwhile.
    func importDossiers(
        fileName: String, sha256: @autoclosure () throws -> String?,
        _ produce: (_ consume: (DossierBatch) throws -> Void) throws -> ImportFileFacts
    ) throws -> ImportCounts

    /// Whether a file with this SHA-256 was imported before (its import completed).
    func hasImported(sha256: String) throws -> Bool
    /// The whole files and chunks applied before under a decoding context
    /// (docs/rules.md#source-digests); empty once any stored dossier was deleted
    /// or changed outside an import.
    func sourceDigests(context: String) throws -> SourceDigests
    /// The newest moment any stored dossier's state was recorded, `nil` when
    /// nothing is stored: how recent the newest imported export is.
    func newestStateTime() throws -> LocalDateTime?
    /// Calls `body` once with every dossier that one of `windows` reaches
    /// (``RelevanceWindow/reaches(_:)``), in the order the dossiers were first
    /// stored, however the store finds them: a report's lists and sums then
    /// come out the same whatever the windows or the indexes. A report reads
    /// its period and its comparison periods in one such call
    /// (docs/rules.md#comparisons).
    func forEachDossier(relevantTo windows: [RelevanceWindow], _ body: (Dossier) throws -> Void) throws
    /// The same dossiers, but one that `detailed` (the window of a report's
    /// own period) does not reach may come without what only that period
    /// reads: its code, applicant and officer are then empty. The comparison
    /// periods count figures only (docs/rules.md#comparisons), and those
    /// never depend on them. `nil` asks for every dossier in full.
    func forEachDossier(relevantTo windows: [RelevanceWindow], detailedIn detailed: RelevanceWindow?,
                        _ body: (Dossier) throws -> Void) throws
    /// Counts the dossiers of ``forEachDossier(relevantTo:detailedIn:_:)``
    /// into `empty`, a tally that has counted nothing, with `add`; a store may
    /// count consecutive stretches of them into copies of `empty` on several
    /// threads at once and `merge` the copies in order, so a tally whose
    /// merge of two copies gives what one copy fed both stretches gives
    /// (``ComparingAggregator/merge(_:)``) comes out the same either way.
    func tally<Tally: Sendable>(relevantTo windows: [RelevanceWindow], detailedIn detailed: RelevanceWindow?,
                                into empty: Tally, add: @escaping @Sendable (inout Tally, Dossier) -> Void,
                                merge: @escaping @Sendable (inout Tally, Tally) -> Void) throws -> Tally
    func dossierCount() throws -> Int

    /// Stores evaluation points (dossier code → indicator → points), all or
    /// nothing; a later evaluation of the same indicator replaces the earlier.
    /// - Returns: the number of (dossier, indicator) values written.
    @discardableResult
    func saveEvaluations(_ evaluations: [String: [Int: Int]]) throws -> Int
    func evaluations() throws -> [String: [Int: Int]]
}

extension DossierRepository {
    /// One tally fed every dossier in order, on the calling thread.
    package func tally<Tally: Sendable>(relevantTo windows: [RelevanceWindow], detailedIn detailed: RelevanceWindow?,
                                        into empty: Tally, add: @escaping @Sendable (inout Tally, Dossier) -> Void,
                                        merge: @escaping @Sendable (inout Tally, Tally) -> Void) throws -> Tally {
        var tally = empty
        try forEachDossier(relevantTo: windows, detailedIn: detailed) { add(&tally, $0) }
        return tally
    }

    /// Every dossier in full.
    package func forEachDossier(relevantTo windows: [RelevanceWindow], detailedIn detailed: RelevanceWindow?,
                                _ body: (Dossier) throws -> Void) throws {
        try forEachDossier(relevantTo: windows, body)
    }

    /// Calls `body` with every dossier that may matter for a period ending at
    /// `cutoff` and starting at `start`: received by the cutoff and not
    /// finished before the start. The classifier decides the rest.
    package func forEachDossier(relevantFrom start: LocalDateTime, to cutoff: LocalDateTime,
                                _ body: (Dossier) throws -> Void) throws {
        try forEachDossier(relevantTo: [RelevanceWindow(start: start, cutoff: cutoff)], body)
    }

    /// Stores dossiers already in memory (lines 2, 3, … in order), as one file.
    ///
    /// - Parameter unitNames: names for unit codes not yet stored.
    package func importDossiers(_ dossiers: [Dossier], unitNames: [String: String],
                               audit: ImportAudit) throws -> ImportCounts {
        try importDossiers(fileName: audit.fileName, sha256: audit.sha256) { consume in
            var batch = DossierBatch(capacity: dossiers.count)
            for (i, d) in dossiers.enumerated() { batch.append(d, line: i + 2) }
            try consume(batch)
            return ImportFileFacts(rowsRead: audit.rowsRead, rejected: audit.rejected, skipped: audit.skipped,
                                   unitNames: unitNames)
        }
    }
}

/// What one import did to the stored dossiers.
package struct ImportCounts: Sendable {
    package var inserted = 0
    package var updated = 0
    package var unchanged = 0
    /// Dossiers whose stored state is newer than the file's: kept as stored.
    package var olderInFile = 0
    /// The newest state stored before this import, and the file's newest;
    /// an older file imported after a newer one is worth a warning (docs/rules.md#import).
    package var newestStoredBefore: LocalDateTime?
    package var newestInFile: LocalDateTime?
    /// Lines that repeated an earlier line's MaHoSo with other content
    /// (``DuplicateRule/Verdict/supersedes``; the newer state is kept), as
    /// (line, code, the nearest earlier line with that code).
    package var duplicates: [(line: Int, code: String, firstLine: Int)] = []
    /// Lines that repeated the nearest earlier line of their MaHoSo exactly
    /// (``DuplicateRule/Verdict/repeat``; counted once).
    package var identicalRepeats = 0
    /// Units created from dossiers because the units file lacked them.
    package var implicitUnits: [String] = []
    /// New and updated dossiers by unit code.
    package var changedByUnit: [String: Int] = [:]
    package init() {}
}

/// What reading a file found besides its dossiers, for the audit record.
package struct ImportFileFacts: Sendable {
    package var rowsRead: Int
    package var rejected: Int
    package var skipped: Int
    package var unitNames: [String: String]
    /// Digests to keep with the rows (docs/rules.md#source-digests), `nil` for none.
    package var source: SourceRecord?
    package init(rowsRead: Int, rejected: Int, skipped: Int, unitNames: [String: String], source: SourceRecord? = nil) {
        self.rowsRead = rowsRead; self.rejected = rejected; self.skipped = skipped; self.unitNames = unitNames
        self.source = source
    }
}

/// The audit facts of one import of dossiers already in memory.
package struct ImportAudit: Sendable {
    package var fileName: String
    package var sha256: String?
    package var rowsRead: Int
    package var rejected: Int
    package var skipped: Int
    package init(fileName: String, sha256: String? = nil, rowsRead: Int, rejected: Int, skipped: Int) {
        self.fileName = fileName; self.sha256 = sha256; self.rowsRead = rowsRead
        self.rejected = rejected; self.skipped = skipped
    }
}
