import MotCuaCore

/// Everything read from one dossier export, before it is stored.
public struct DossierFile: Sendable {
    public let file: String
    /// Records read, header excluded.
    public internal(set) var rowsRead = 0
    /// Usable dossiers, one per MaHoSo; a later line supersedes an earlier one.
    public internal(set) var dossiers: [Dossier] = []
    /// Online registrations never received (status 1 without NgayTiepNhan).
    public internal(set) var skipped = 0
    /// Lines superseded by a later line with the same MaHoSo and other content.
    public internal(set) var duplicates: [RowRejection] = []
    /// Identical repeats of an earlier line (counted once).
    public internal(set) var identicalRepeats = 0
    public internal(set) var rejections: [RowRejection] = []
    /// OrgUnit names as written in the file, for units missing from the units file.
    public internal(set) var unitNames: [String: String] = [:]
}

/// Reads a dossier export file into ``DossierFile``.
public enum DossierFileReader {
    public static func read(path: String, reference: ReferenceData,
                            mapping: ResolvedMapping = ResolvedMapping(),
                            endOfWorkingDay: Int = 17 * 3600,
                            recomputeDue: (@Sendable (Dossier) -> LocalDateTime?)? = nil) throws -> DossierFile {
        var csv = try CSVFile(path: path, encoding: mapping.encoding, delimiter: mapping.delimiter)
        let map = HeaderMap<DossierColumn>(dossierHeader: csv.header, extraAliases: mapping.aliases)
        let decoder = DossierRowDecoder(file: csv.fileName, header: map, reference: reference,
                                        timestamps: TimestampParser(endOfWorkingDay: endOfWorkingDay, dayFirst: mapping.dayFirst),
                                        vocabulary: mapping.vocabulary, recomputeDue: recomputeDue)
        let missing = decoder.missingRequiredColumns()
        if !missing.isEmpty {
            let recognised = map.index.isEmpty
            throw InputFileError(
                file: csv.fileName, line: 1,
                recognised ? "Không nhận ra dòng tiêu đề của tệp hồ sơ (cần các cột như MaHoSo, MaDonVi, MaTTHC, NgayTiepNhan…). Có thể tệp bị chọn nhầm, hoặc cần tệp ánh xạ cột (--mapping)."
                           : "Thiếu cột bắt buộc: \(missing.joined(separator: ", ")).",
                recognised ? "No recognisable dossier header (expected columns such as MaHoSo, MaDonVi, MaTTHC, NgayTiepNhan…). Wrong file, or a column mapping is needed (--mapping)."
                           : "Missing required columns: \(missing.joined(separator: ", ")).")
        }
        var result = DossierFile(file: csv.fileName)
        var position: [String: Int] = [:]
        var lineOf: [String: Int] = [:]
        let unitNameIndex = map.index[.unitName]
        while let record = try csv.reader.next() {
            result.rowsRead += 1
            switch decoder.decode(record) {
            case .skipped:
                result.skipped += 1
            case .rejected(let r):
                result.rejections.append(r)
            case .dossier(let d, let line):
                if let i = unitNameIndex, i < record.fields.count, result.unitNames[d.unitCode] == nil {
                    let name = TextFolding.nfc(record.fields[i].trimmedSpaces)
                    if !name.isEmpty { result.unitNames[d.unitCode] = name }
                }
                if let p = position[d.code] {
                    if result.dossiers[p] == d {
                        result.identicalRepeats += 1
                    } else {
                        result.duplicates.append(RowRejection(
                            file: csv.fileName, line: line, column: map.header(of: .code), value: d.code,
                            reason: BilingualText(
                                vi: "Mã hồ sơ trùng với dòng \(lineOf[d.code]!) nhưng khác nội dung; dùng dòng sau.",
                                en: "Same dossier code as line \(lineOf[d.code]!) with other content; the later line is used.")))
                        result.dossiers[p] = d
                    }
                    lineOf[d.code] = line
                } else {
                    position[d.code] = result.dossiers.count
                    lineOf[d.code] = line
                    result.dossiers.append(d)
                }
            }
        }
        return result
    }
}
