import Foundation
import MotCuaCore
import MotCuaIngest
import MotCuaReport

/// Opens the dossiers a report reads: the database, or (with `--input`) a
/// temporary database filled from the given files and deleted afterwards.
struct ReportInputs {
    let store: any DossierRepository
    /// Rows the run's own import (`--input`) rejected, for the data-quality sheet.
    let rejections: [RejectedRow]
    var rejectedRows: Int { rejections.count }
    private let temporaryDirectory: URL?

    init(database: String, inputs: [String], units: String?, procedures: String?, evaluations: String? = nil,
         mapping: ResolvedMapping, calendar: WorkCalendar, rejectsBeside output: String) throws {
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
            store = try DossierDatabase.openScratch(dir.appendingPathComponent("report.sqlite").path)
            // Beside the report: the temporary database is deleted after the run.
            let base = output.hasSuffix(".xlsx") || output.hasSuffix(".csv")
                ? String(output[..<output.lastIndex(of: ".")!]) : output
            var importer = Importer(store: store, mapping: mapping, calendar: calendar,
                                    rejectsPath: base + ".rejects.csv")
            importer.quiet = true
            importer.keepsRecords = false
            do {
                rejections = try importer.run(units: units, procedures: procedures, dossierFiles: inputs,
                                              evaluations: evaluations).rejections.map {
                    RejectedRow(file: $0.file, line: $0.line, column: $0.column, value: $0.value,
                                reason: $0.reason.body())
                }
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

    /// Aggregates the period over the stored dossiers.
    func aggregate(period: ReportPeriod, calendar: WorkCalendar, unit: String?, rubric: Rubric? = nil,
                   dimensions: Set<ReportDimension> = [], attribution: Attribution = .handling) throws -> PeriodReport {
        try ReportInputs.aggregate(store: store, period: period, calendar: calendar, unit: unit, rubric: rubric,
                                   dimensions: dimensions, attribution: attribution,
                                   evaluations: rubric == nil ? [:] : try store.evaluations())
    }

    /// Aggregates a period over a store's dossiers, scoped to `unit`'s subtree;
    /// `evaluations` are passed in so that a run writing several reports reads them once.
    static func aggregate(store: any DossierRepository, period: ReportPeriod, calendar: WorkCalendar, unit: String?,
                          rubric: Rubric?, dimensions: Set<ReportDimension> = [], attribution: Attribution = .handling,
                          evaluations: [String: [Int: Int]]) throws -> PeriodReport {
        let tree = UnitTree(try store.units())
        if let unit, tree[unit] == nil {
            throw Message("report.unknown-unit", vi: "Không có đơn vị mã \"\(unit)\" trong cơ sở dữ liệu.",
                           en: "No unit with code \"\(unit)\" in the database.")
        }
        let catalogue = ProcedureCatalogue(try store.procedures())
        let knownUnits = Set(tree.allInDisplayOrder)
        // The comparison periods in the same pass over the store (docs/rules.md#comparisons).
        var aggregator = ComparingAggregator(period: period) { p, figuresOnly in
            PeriodAggregator(period: p, catalogue: catalogue, calendar: calendar, rubric: rubric, evaluations: evaluations,
                             dimensions: dimensions, attribution: attribution, knownUnits: knownUnits,
                             figuresOnly: figuresOnly)
        }
        // The report's own period on a second thread (the machine has two cores).
        let windows = aggregator.windows, detailed = aggregator.detailedWindow
        try aggregator.add(concurrentlyDecoding: { put in try store.forEachDossierBatch(relevantTo: windows, detailedIn: detailed, put) })
        return aggregator.report(scope: unit, tree: tree)
    }
}
