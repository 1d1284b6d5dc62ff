import Foundation
import MotCuaCore
import MotCuaIngest
@testable import MotCuaGenerator

/// One generated export read back through the real import.
struct ImportedExport {
    let summary: SyntheticExport.Summary
    let units: [OrgUnit]
    let procedures: [Procedure]
    let file: DossierFile
    let unitRejections: [RowRejection]
    let procedureRejections: [RowRejection]

    var unitsByCode: [String: OrgUnit] { Dictionary(uniqueKeysWithValues: units.map { ($0.code, $0) }) }
}

enum GeneratorFixture {
    /// A fresh temporary folder, removed by the caller's teardown.
    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "motcua-gen-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Generates into `directory` and imports the three files.
    static func generateAndImport(_ options: SyntheticExport.Options, in directory: String) throws -> ImportedExport {
        let summary = try SyntheticExport.write(options, to: directory)
        let units = try UnitsFile.read(path: summary.units.path)
        let procedures = try ProceduresFile.read(path: summary.procedures.path)
        let reference = ReferenceData(units: units.units, catalogue: ProcedureCatalogue(procedures.procedures))
        let file = try DossierFileReader.read(path: summary.dossiers.path, reference: reference)
        return ImportedExport(summary: summary, units: units.units, procedures: procedures.procedures, file: file,
                              unitRejections: units.rejections, procedureRejections: procedures.rejections)
    }

    static func bytes(_ path: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path) ?? Data()) }
}
