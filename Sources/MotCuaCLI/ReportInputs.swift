import Foundation
import MotCuaCore
import MotCuaIngest
import MotCuaReport

/// Opens the dossiers a report reads: the database, or (with `--input`) a
/// temporary database filled from the given files and deleted afterwards.
/// With `--input`, the dossier files go straight into the report when they
/// can (docs/rules.md#scratch-store): the temporary database then holds only
/// the units, procedures and evaluations.
struct ReportInputs {
    private(set) var store: any DossierRepository
    /// Rows the run's own import (`--input`) rejected, for the data-quality sheet.
    /// Known after ``aggregate(period:calendar:unit:rubric:dimensions:attribution:)``
    /// when the files are read straight into the report.
    private(set) var rejections: [RejectedRow]
    var rejectedRows: Int { rejections.count }
    private let temporaryDirectory: URL?
    /// Where the `--input` dossiers are.
    private var dossiers: InputDossiers = .inStore
    /// Whether the last report read the dossier files straight, not through the temporary database.
    var readStraight: Bool { if case .readStraight = dossiers { true } else { false } }

    private enum InputDossiers {
        /// In `store` (or there is no `--input`).
        case inStore
        /// Still to read, straight into the report if it can be.
        case unread(Files)
        /// Read straight into a report: not in `store`.
        case readStraight(Files)
    }

    /// The files of `--input` and how to read them.
    private struct Files {
        let dossiers: [String]
        let units: String?, procedures: String?, evaluations: String?
        let mapping: ResolvedMapping
        let calendar: WorkCalendar
        let rejectsPath: String
    }

    /// - Parameter straight: the dossier files may go straight into the report;
    ///   `false` stores them first, always (a test compares the two).
    init(database: String, inputs: [String], units: String?, procedures: String?, evaluations: String? = nil,
         mapping: ResolvedMapping, calendar: WorkCalendar, rejectsBeside output: String, straight: Bool = true) throws {
        if inputs.isEmpty {
            guard FileManager.default.fileExists(atPath: database) else {
                throw Message("store.no-database", vi: "\(database): chưa có cơ sở dữ liệu. Hãy chạy motcua import trước, hoặc dùng --input.",
                               en: "\(database): no database yet. Run motcua import first, or use --input.")
            }
            store = try DossierDatabase.open(database)
            rejections = []
            temporaryDirectory = nil
        } else {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-\(UUID().uuidString)")
            // Only the run's own folder is created: a TMPDIR that does not
            // exist (mistyped in a crontab) is an error, not a folder to make
            // and leave behind.
            do { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: false) } catch {
                throw Message.fileSystem(error, code: "report.temporary-folder", path: dir.path,
                                         vi: "không tạo được thư mục tạm cho --input (trong thư mục TMPDIR)",
                                         en: "cannot create the temporary folder for --input (in the TMPDIR folder)")
            }
            temporaryDirectory = dir
            // Beside the report: the temporary database is deleted after the run.
            let base = output.hasSuffix(".xlsx") || output.hasSuffix(".csv")
                ? String(output[..<output.lastIndex(of: ".")!]) : output
            let files = Files(dossiers: inputs, units: units, procedures: procedures, evaluations: evaluations,
                              mapping: mapping, calendar: calendar, rejectsPath: base + ".rejects.csv")
            do {
                store = try DossierDatabase.openScratch(dir.appendingPathComponent("report.sqlite").path)
                rejections = []
                if straight { dossiers = .unread(files) } else { rejections = try Self.store(files, into: store) }
            } catch {
                // No caller gets to close() inputs that failed to open: remove the folder here.
                try? FileManager.default.removeItem(at: dir)
                throw error
            }
        }
    }

    func close() {
        if let temporaryDirectory { try? FileManager.default.removeItem(at: temporaryDirectory) }
    }

    /// Aggregates the period over the dossiers: the stored ones, or the
    /// `--input` files read straight into it. A MaHoSo that comes twice in
    /// them, or reception counted for the receiving unit (which needs every
    /// unit known before the first dossier), has them stored first.
    mutating func aggregate(period: ReportPeriod, calendar: WorkCalendar, unit: String?, rubric: Rubric? = nil,
                            dimensions: Set<ReportDimension> = [], attribution: Attribution = .handling) throws -> PeriodReport {
        switch dossiers {
        case .inStore:
            break
        case .unread(let files) where attribution == .handling:
            let messages = HeldMessages()
            do {
                let report = try countStraight(files, messages: messages, period: period, calendar: calendar, unit: unit,
                                               rubric: rubric, dimensions: dimensions)
                messages.show()
                dossiers = .readStraight(files)
                return report
            } catch is RepeatedDossierCode {
                // Stored after all; that import says the warnings, once.
                try storeInNewDatabase(files, quietly: false)
            } catch {
                messages.show()
                throw error
            }
        case .unread(let files):
            rejections = try Self.store(files, into: store)
            dossiers = .inStore
        case .readStraight(let files):
            // Read straight before, for another period: stored this time, quietly (their messages were said).
            try storeInNewDatabase(files, quietly: true)
        }
        return try ReportInputs.aggregate(store: store, period: period, calendar: calendar, unit: unit, rubric: rubric,
                                          dimensions: dimensions, attribution: attribution,
                                          evaluations: rubric == nil ? [:] : try store.evaluations())
    }

    /// Aggregates a period over a store's dossiers, scoped to `unit`'s subtree;
    /// `evaluations` are passed in so that a run writing several reports reads them once.
    static func aggregate(store: any DossierRepository, period: ReportPeriod, calendar: WorkCalendar, unit: String?,
                          rubric: Rubric?, dimensions: Set<ReportDimension> = [], attribution: Attribution = .handling,
                          evaluations: [String: [Int: Int]]) throws -> PeriodReport {
        let tree = try scope(unit, in: store)
        var aggregator = comparing(period: period, catalogue: ProcedureCatalogue(try store.procedures()), calendar: calendar,
                                   rubric: rubric, evaluations: evaluations, dimensions: dimensions, attribution: attribution,
                                   knownUnits: Set(tree.allInDisplayOrder))
        aggregator = try store.tally(relevantTo: aggregator.windows, detailedIn: aggregator.detailedWindow, into: aggregator,
                                     add: { $0.add($1) }, merge: { $0.merge($1) })
        return aggregator.report(scope: unit, tree: tree)
    }

    /// Stores the files in a temporary database of their own: the one read
    /// straight into holds the units created from them.
    private mutating func storeInNewDatabase(_ files: Files, quietly: Bool) throws {
        store = try DossierDatabase.openScratch(temporaryDirectory!.appendingPathComponent("stored-\(UUID().uuidString).sqlite").path)
        rejections = try Self.store(files, into: store, quietly: quietly)
        dossiers = .inStore
    }

    /// The `--input` files read straight into the report, the units,
    /// procedures and evaluations stored first (docs/rules.md#scratch-store).
    /// - throws: ``RepeatedDossierCode`` when a MaHoSo comes twice.
    private mutating func countStraight(_ files: Files, messages: HeldMessages, period: ReportPeriod, calendar: WorkCalendar,
                                        unit: String?, rubric: Rubric?, dimensions: Set<ReportDimension>) throws -> PeriodReport {
        var importer = Self.importer(files, into: store)
        importer.emit = messages.hold
        var counted: ComparingAggregator?
        let store = store
        let outcome = try importer.read(units: files.units, procedures: files.procedures, dossierFiles: files.dossiers,
                                        evaluations: files.evaluations) { readDossiers in
            // Every unit counts for itself (.handling): no unit needs to be known beforehand.
            var aggregator = Self.comparing(period: period, catalogue: ProcedureCatalogue(try store.procedures()),
                                            calendar: calendar, rubric: rubric,
                                            evaluations: rubric == nil ? [:] : try store.evaluations(),
                                            dimensions: dimensions, attribution: .handling, knownUnits: nil)
            // Each batch comes counted by the thread that read it; merged in file order.
            var codes = CodeHashes(expected: Self.expectedRows(files.dossiers))
            try readDossiers(BatchTally(aggregator)) { batch in
                guard let tally = batch.tally else { preconditionFailure("a batch read straight is tallied") }
                for hash in tally.codeHashes where !codes.insert(hash) { throw RepeatedDossierCode() }
                aggregator.merge(tally.aggregator)
            }
            counted = aggregator
        }
        rejections = Self.rejectedRows(outcome)
        // The units the files created are in the tree now.
        return counted!.report(scope: unit, tree: try Self.scope(unit, in: store))
    }

    /// About how many rows dossier files of this size hold: an iGate-style
    /// export has 250–450 bytes a row (an .xlsx fewer, compressed; its
    /// table then grows as it fills).
    private static func expectedRows(_ paths: [String]) -> Int {
        paths.reduce(0) { rows, path in
            var info = stat()
            return rows + (stat(path, &info) == 0 ? Int(info.st_size) / 300 : 0)
        }
    }

    /// The unit tree, checked to hold the report's unit.
    private static func scope(_ unit: String?, in store: any DossierRepository) throws -> UnitTree {
        let tree = UnitTree(try store.units())
        if let unit, tree[unit] == nil {
            throw Message("report.unknown-unit", vi: "Không có đơn vị mã \"\(unit)\" trong cơ sở dữ liệu.",
                           en: "No unit with code \"\(unit)\" in the database.")
        }
        return tree
    }

    /// The period's aggregator with those of its comparison periods, counted in the same pass (docs/rules.md#comparisons).
    private static func comparing(period: ReportPeriod, catalogue: ProcedureCatalogue, calendar: WorkCalendar, rubric: Rubric?,
                                  evaluations: [String: [Int: Int]], dimensions: Set<ReportDimension>, attribution: Attribution,
                                  knownUnits: Set<String>?) -> ComparingAggregator {
        ComparingAggregator(period: period) { p, figuresOnly in
            PeriodAggregator(period: p, catalogue: catalogue, calendar: calendar, rubric: rubric, evaluations: evaluations,
                             dimensions: dimensions, attribution: attribution, knownUnits: knownUnits,
                             figuresOnly: figuresOnly)
        }
    }

    private static func importer(_ files: Files, into store: any DossierRepository) -> Importer {
        var importer = Importer(store: store, mapping: files.mapping, calendar: files.calendar, rejectsPath: files.rejectsPath)
        importer.quiet = true
        importer.keepsRecords = false
        return importer
    }

    /// The files imported into the temporary database; the rows rejected.
    /// `quietly` for files whose messages were said already.
    private static func store(_ files: Files, into store: any DossierRepository, quietly: Bool = false) throws -> [RejectedRow] {
        var importer = importer(files, into: store)
        if quietly { importer.emit = { _, _ in } }
        return rejectedRows(try importer.run(units: files.units, procedures: files.procedures,
                                             dossierFiles: files.dossiers, evaluations: files.evaluations))
    }

    private static func rejectedRows(_ outcome: Importer.Outcome) -> [RejectedRow] {
        outcome.rejections.map {
            RejectedRow(file: $0.file, line: $0.line, column: $0.column, value: $0.value, reason: $0.reason.body())
        }
    }
}

/// An import's messages held back while the files are read straight into a
/// report: when they must be stored after all, that import says them again.
private final class HeldMessages {
    private var held: [(text: String, isError: Bool)] = []

    func hold(_ text: String, _ isError: Bool) { held.append((text, isError)) }

    func show() {
        for (text, isError) in held { Importer.toTerminal(text, isError) }
        held = []
    }
}
