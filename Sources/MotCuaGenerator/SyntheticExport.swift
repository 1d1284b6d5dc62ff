import Foundation
import MotCuaCore

/// Deterministic synthetic one-stop exports of any size, for benchmarks and
/// tests: a province's unit tree (`units.csv`), a procedure catalogue
/// (`procedures.csv`) and `dossiers.csv` with one row per dossier and every
/// canonical column of docs/rules.md#headers.
///
/// The same options give byte-identical files, and the same seed and size
/// give the same dossiers in every ``ExportStyle`` (only the encoding
/// differs), so a test can check that importing any style stores the same data.
///
/// ```swift
/// let options = SyntheticExport.Options(dossiers: 100_000, seed: 7)
/// let summary = try SyntheticExport.write(options, to: "/tmp/lai-chau")
/// ```
package enum SyntheticExport {
    package struct Options: Sendable {
        package var dossiers: Int
        /// First and last day of receipt (inclusive).
        package var from: CivilDate
        package var to: CivilDate
        package var style: ExportStyle
        package var seed: UInt64
        /// The 2025 two-level model: province → communes, no districts.
        package var twoLevel: Bool
        /// With `twoLevel`, the whole number of units of the province (đơn vị):
        /// the communes are as many as it takes. `nil` keeps the usual 38 communes
        /// (50 units), so that existing parameters give the same bytes.
        package var units: Int?

        /// Units of a two-level province that are not communes: the province,
        /// the service centre and the departments.
        package static var twoLevelFixedUnits: Int { 2 + CatalogueSeeds.departments.count }
        /// Enough for a large province; more would exhaust the commune names.
        package static let maximumUnits = 400

        package init(dossiers: Int = 10_000,
                    from: CivilDate = CivilDate(year: 2024, month: 1, day: 1)!,
                    to: CivilDate = CivilDate(year: 2024, month: 12, day: 31)!,
                    style: ExportStyle = .canonical, seed: UInt64 = 2024, twoLevel: Bool = false, units: Int? = nil) {
            self.dossiers = dossiers; self.from = from; self.to = to
            self.style = style; self.seed = seed; self.twoLevel = twoLevel; self.units = units
        }

        /// Checks the options; the messages say which option is wrong.
        package func validate() throws {
            guard dossiers >= 0 else {
                throw Message("generate.negative-count", vi: "--dossiers phải là số không âm.", en: "--dossiers must not be negative.")
            }
            guard from <= to else {
                throw Message("generate.reversed-range", vi: "--to phải không trước --from.", en: "--to must not be before --from.")
            }
            if let units {
                guard twoLevel else {
                    throw Message("generate.units-need-two-level", vi: "--units chỉ dùng với --two-level (mô hình ba cấp luôn có 126 đơn vị).",
                                  en: "--units needs --two-level (the three-level model always has 126 units).")
                }
                let least = Self.twoLevelFixedUnits + 2
                guard (least...Self.maximumUnits).contains(units) else {
                    throw Message("generate.units-out-of-range", vi: "--units phải từ \(least) đến \(Self.maximumUnits).",
                                  en: "--units must be between \(least) and \(Self.maximumUnits).")
                }
            }
            guard from.year >= 1901, to.year <= 2190 else {
                throw Message("generate.range-out-of-years", vi: "Khoảng ngày phải nằm trong các năm 1901–2190.",
                                     en: "The date range must lie within 1901–2190.")
            }
        }
    }

    package struct WrittenFile: Sendable {
        package let path: String
        /// Data rows, header excluded.
        package let rows: Int
        package let bytes: Int64
        package init(path: String, rows: Int, bytes: Int64) { self.path = path; self.rows = rows; self.bytes = bytes }
    }

    package struct Summary: Sendable {
        package let units: WrittenFile
        package let procedures: WrittenFile
        package let dossiers: WrittenFile
        /// When the simulated export was taken: statuses are the state then.
        package let exportedAt: LocalDateTime
        package var files: [WrittenFile] { [units, procedures, dossiers] }
    }

    /// Writes `units.csv`, `procedures.csv` and `dossiers.csv` into
    /// `directory` (created if missing).
    /// - throws: a ``Message`` (`generate.*`) for bad options or a file that cannot be written.
    package static func write(_ options: Options, to directory: String,
                             calendar: WorkCalendar = WorkCalendar()) throws -> Summary {
        try options.validate()
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw Message("generate.cannot-create-folder", vi: "Không tạo được thư mục \(directory).", en: "Cannot create the folder \(directory).")
        }
        let units = ProvinceBuilder.build(twoLevel: options.twoLevel, communes: options.units.map { $0 - Options.twoLevelFixedUnits }, seed: options.seed)
        let procedures = CatalogueBuilder.build(twoLevel: options.twoLevel, seed: options.seed)
        let exportAt = exportMoment(after: options.to, calendar: calendar)
        let path = { (name: String) in (directory as NSString).appendingPathComponent(name) }

        let unitsFile = try writeUnits(units, style: options.style, path: path("units.csv"))
        let proceduresFile = try writeProcedures(procedures, style: options.style, path: path("procedures.csv"))
        var simulator = DossierSimulator(calendar: calendar, units: units, procedures: procedures,
                                         exportAt: exportAt, seed: options.seed)
        let dossiersFile = try writeDossiers(options, simulator: &simulator, path: path("dossiers.csv"))
        return Summary(units: unitsFile, procedures: proceduresFile, dossiers: dossiersFile, exportedAt: exportAt)
    }

    /// The export is taken at 17:30 on the third working day after the last
    /// day of receipt, like a monthly report prepared early the next month.
    package static func exportMoment(after last: CivilDate, calendar: WorkCalendar) -> LocalDateTime {
        var day = last
        for _ in 0..<3 { day = calendar.nextWorkingDay(after: day) }
        return LocalDateTime(date: day, secondOfDay: 17 * 3600 + 1800)
    }

    // MARK: - Reference files

    static func writeUnits(_ units: [SyntheticUnit], style: ExportStyle, path: String) throws -> WrittenFile {
        let w = try CSVWriter(path: path, style: style)
        do {
            try w.row(style.unitHeader)
            for u in units {
                w.field(u.code)
                w.field(u.name.bytes(decomposed: style.decomposedNames))
                w.field(style.unitLevel(u.level))
                w.field(u.parentCode ?? "")
                w.number(u.order)
                try w.endRow()
            }
            try w.finish()
        } catch { w.abandon(); throw error }
        return WrittenFile(path: path, rows: w.rows - 1, bytes: w.bytesWritten)
    }

    static func writeProcedures(_ procedures: [SyntheticProcedure], style: ExportStyle, path: String) throws -> WrittenFile {
        let w = try CSVWriter(path: path, style: style)
        do {
            try w.row(style.procedureHeader)
            for p in procedures {
                w.field(p.code)
                w.field(p.name.bytes(decomposed: style.decomposedNames))
                w.field(p.fieldCode)
                w.field(p.fieldName.bytes(decomposed: style.decomposedNames))
                w.field(style.level(p.level))
                w.field(style.number(p.duration.value))
                w.field(style.durationUnit(p.duration.unit))
                w.field(style.unitLevels(p.levels))
                w.field(p.disclosure.map(String.init) ?? "")
                try w.endRow()
            }
            try w.finish()
        } catch { w.abandon(); throw error }
        return WrittenFile(path: path, rows: w.rows - 1, bytes: w.bytesWritten)
    }

    // MARK: - Dossiers

    static func writeDossiers(_ options: Options, simulator: inout DossierSimulator, path: String) throws -> WrittenFile {
        let w = try CSVWriter(path: path, style: options.style)
        do {
            let row = DossierRowWriter(style: options.style, units: simulator.units, procedures: simulator.procedures)
            try w.row(options.style.dossierHeader)
            var sequences = [Int32](repeating: 0, count: simulator.units.count)
            var previousDay = Int32.min
            for (date, count) in DayVolumes.allocate(options.dossiers, from: options.from, to: options.to,
                                                     calendar: simulator.calendar) {
                // Codes number the dossiers of a unit within one day.
                if Int32(date.dayNumber) != previousDay {
                    for i in sequences.indices { sequences[i] = 0 }
                    previousDay = Int32(date.dayNumber)
                }
                guard count > 0 else { continue }
                for d in simulator.dossiers(on: date, count: count, sequences: &sequences) {
                    row.write(d, to: w)
                    try w.endRow()
                }
            }
            try w.finish()
        } catch { w.abandon(); throw error }
        return WrittenFile(path: path, rows: w.rows - 1, bytes: w.bytesWritten)
    }
}
