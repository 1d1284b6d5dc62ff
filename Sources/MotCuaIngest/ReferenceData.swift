import MotCuaCore

/// Units and procedures known before dossiers are read, indexed for the
/// lookups a dossier row needs: by code, or by name when the export has no code.
package struct ReferenceData: Sendable {
    package var units: [String: OrgUnit]
    package var catalogue: ProcedureCatalogue
    private var unitCodeByName: [String: String] = [:]
    private var procedureCodeByName: [String: String] = [:]

    package init(units: [OrgUnit], catalogue: ProcedureCatalogue) {
        self.units = Dictionary(units.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        self.catalogue = catalogue
        for u in units { unitCodeByName[TextFolding.key(u.name)] = u.code }
        for p in catalogue.procedures where procedureCodeByName[TextFolding.key(p.name)] == nil {
            procedureCodeByName[TextFolding.key(p.name)] = p.code
        }
    }

    package func unitCode(named name: String) -> String? { unitCodeByName[TextFolding.key(name)] }
    package func procedureCode(named name: String) -> String? { procedureCodeByName[TextFolding.key(name)] }
}
