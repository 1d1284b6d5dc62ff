import MotCuaCore

/// Writes one dossier row in a style. Every text a row can hold — unit and
/// procedure names in the style's Unicode form, status and channel words,
/// name parts — is turned into bytes once here, so a row is only byte copies
/// and digits.
struct DossierRowWriter {
    let style: ExportStyle
    private let officers: [[PersonName]]
    private let unitCodes: ByteTable
    private let unitNames: ByteTable
    private let unitPrefixes: ByteTable
    private let procedureLevels: [Int]
    private let procedureCodes: ByteTable
    private let procedureNames: ByteTable
    private let fieldCodes: ByteTable
    private let fieldNames: ByteTable
    private let levels: ByteTable
    private let statuses: ByteTable
    private let channels: ByteTable
    private let apologies: ByteTable
    private let surnames: [ByteTable]
    private let maleNames: [ByteTable]
    private let femaleNames: [ByteTable]
    private let businessKinds: ByteTable
    private let businessNames: ByteTable
    private let representative: [UInt8]

    init(style: ExportStyle, units: [SyntheticUnit], procedures: [SyntheticProcedure]) {
        self.style = style
        let nfd = style.decomposedNames
        let delimiter = style.delimiter
        func table(_ entries: [[UInt8]]) -> ByteTable { ByteTable(entries, delimiter: delimiter) }
        func texts(_ entries: [VietText]) -> ByteTable { table(entries.map { $0.bytes(decomposed: nfd) }) }
        officers = units.map(\.officers)
        unitCodes = table(units.map { Array($0.code.utf8) })
        unitNames = texts(units.map(\.name))
        unitPrefixes = table(units.map { Array(($0.dossierPrefix + "-").utf8) })
        procedureLevels = procedures.map(\.level)
        procedureCodes = table(procedures.map { Array($0.code.utf8) })
        procedureNames = texts(procedures.map(\.name))
        fieldCodes = table(procedures.map { Array($0.fieldCode.utf8) })
        fieldNames = texts(procedures.map(\.fieldName))
        levels = table((0...4).map { Array(style.level($0).utf8) })
        statuses = table((0...10).map { DossierStatus(rawValue: $0).map { Array(style.status($0).utf8) } ?? [] })
        channels = table((0...3).map { Channel(rawValue: $0).map { Array(style.channel($0).utf8) } ?? [] })
        apologies = table((0...2).map { Array(style.apologies($0).utf8) })
        surnames = PersonNames.groups.map { texts($0.surnames) }
        maleNames = PersonNames.groups.map { texts($0.male) }
        femaleNames = PersonNames.groups.map { texts($0.female) }
        businessKinds = texts(PersonNames.businessKinds)
        businessNames = texts(PersonNames.businessNames)
        representative = VietText("Người đại diện: ").bytes(decomposed: nfd)
    }

    func write(_ d: SyntheticDossier, to w: CSVWriter) {
        let u = Int(d.unit), p = Int(d.procedure)
        // MaHoSo: <unit prefix>-<yyMMdd>-<sequence>.
        w.startRawField()
        w.raw(unitPrefixes, u)
        let c = CivilDate(dayNumber: Int(d.codeDay)).components
        w.appendDigits(c.year % 100, width: 2); w.appendDigits(c.month, width: 2); w.appendDigits(c.day, width: 2)
        w.raw(0x2D)
        w.appendDigits(Int(d.sequence), width: 4)

        w.field(unitCodes, u)
        w.field(unitNames, u)
        w.field(procedureCodes, p)
        w.field(procedureNames, p)
        w.field(fieldCodes, p)
        w.field(fieldNames, p)
        w.field(channels, d.channel.rawValue)
        if d.writesLevel { w.field(levels, procedureLevels[p]) } else { w.empty() }
        w.timestamp(d.receivedAt)
        w.timestamp(d.dueAt)
        w.timestamp(d.finishedAt)
        w.timestamp(d.returnedAt)
        w.field(statuses, d.status.rawValue)
        w.number(Int(d.supplements))
        w.timestamp(d.supplementRequestedAt)
        w.timestamp(d.supplementReceivedAt)
        w.field(apologies, min(2, Int(d.apologies)))
        w.timestamp(d.newDueAt)
        applicant(d.applicant, to: w)
        w.scratch.removeAll(keepingCapacity: true)
        appendName(officers[u][Int(d.officer)], to: &w.scratch)
        w.scratchField()
    }

    private func applicant(_ a: Applicant, to w: CSVWriter) {
        w.scratch.removeAll(keepingCapacity: true)
        if a.businessKind < 0 {
            appendName(a.person, to: &w.scratch)
        } else {
            w.scratch.append(contentsOf: businessKinds[Int(a.businessKind)])
            w.scratch.append(0x20)
            w.scratch.append(contentsOf: businessNames[Int(a.businessName)])
            if a.multiline {
                w.scratch.append(0x0A)
                w.scratch.append(contentsOf: representative)
                appendName(a.person, to: &w.scratch)
            }
        }
        w.scratchField()
    }

    /// Appends a person's full name: surname, space, given names.
    private func appendName(_ person: PersonName, to out: inout [UInt8]) {
        let g = Int(person.group)
        out.append(contentsOf: surnames[g][Int(person.surname)])
        out.append(0x20)
        out.append(contentsOf: (person.female ? femaleNames : maleNames)[g][Int(person.given)])
    }
}
