import Foundation
import MotCuaCore
import MotCuaIngest
import MotCuaStore
@testable import MotCuaGenerator

/// One generated export read back through the real import: decoded by the
/// reader, stored in a SQLite database by the store's rules, read back.
struct ImportedExport {
    let summary: SyntheticExport.Summary
    let units: [OrgUnit]
    let procedures: [Procedure]
    let file: ImportedFile
    let unitRejections: [RowRejection]
    let procedureRejections: [RowRejection]

    var unitsByCode: [String: OrgUnit] { Dictionary(uniqueKeysWithValues: units.map { ($0.code, $0) }) }
}

/// What the import of a dossier file found and stored.
struct ImportedFile {
    /// Records read, header excluded.
    let rowsRead: Int
    /// Online registrations never received (status 1 without NgayTiepNhan).
    let skipped: Int
    let rejections: [RowRejection]
    /// Lines that repeat an earlier line's MaHoSo with other content.
    let duplicates: [(line: Int, code: String, firstLine: Int)]
    let counts: ImportCounts
    /// The stored dossiers, one per MaHoSo, by code.
    let dossiers: [Dossier]
}

enum GeneratorFixture {
    /// A fresh temporary folder, removed by the caller's teardown.
    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "motcua-gen-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Generates into `directory` and imports the three files into a database there.
    static func generateAndImport(_ options: SyntheticExport.Options, in directory: String) throws -> ImportedExport {
        let summary = try SyntheticExport.write(options, to: directory)
        let units = try UnitsFile.read(path: summary.units.path)
        let procedures = try ProceduresFile.read(path: summary.procedures.path)
        let store: any DossierRepository = try DossierStore(path: directory + "/imported.sqlite")
        try store.saveUnits(units.units)
        try store.saveProcedures(procedures.procedures)
        let file = try importFile(summary.dossiers.path, into: store)
        return ImportedExport(summary: summary, units: units.units, procedures: procedures.procedures, file: file,
                              unitRejections: units.rejections, procedureRejections: procedures.rejections)
    }

    /// Imports one dossier file as `motcua import` does (without recomputing due dates).
    static func importFile(_ path: String, into store: any DossierRepository) throws -> ImportedFile {
        let reference = ReferenceData(units: try store.units(), catalogue: ProcedureCatalogue(try store.procedures()))
        var summary: DossierFileSummary?
        let counts = try store.importDossiers(fileName: path, sha256: nil) { consume in
            let s = try DossierFileReader.streamBatches(path: path, reference: reference, onBatch: consume)
            summary = s
            return ImportFileFacts(rowsRead: s.rowsRead, rejected: s.rejections.count, skipped: s.skipped,
                                   unitNames: s.unitNames)
        }
        var dossiers: [Dossier] = []
        try store.forEachDossier(relevantFrom: LocalDateTime(year: 1900, month: 1, day: 1)!,
                                 to: LocalDateTime(year: 2199, month: 12, day: 31)!) { dossiers.append($0) }
        return ImportedFile(rowsRead: summary!.rowsRead, skipped: summary!.skipped, rejections: summary!.rejections,
                            duplicates: counts.duplicates, counts: counts,
                            dossiers: dossiers.sorted { $0.code < $1.code })
    }

    static func bytes(_ path: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path) ?? Data()) }
}
