import Foundation
import MotCuaCore

/// The JSON form of a report, version 2 (docs/rules.md#json): the same
/// figures as the workbook, unrounded, for other systems and for tests.
/// `docs/report.schema.json` describes it; the figures of every entry
/// are the catalogue's (``FigureCatalogue``), under their JSON names.
package enum ReportJSON {
    package static let schemaVersion = 2

    /// - Parameters:
    ///   - rows: the first unit table of the template, whose rows `rows` lists as printed.
    ///   - groups: the dimension of `report --by`; without it, the first table's
    ///     when that table groups by a dimension other than units.
    package static func encode(_ report: PeriodReport, rows spec: TableSpec = TableSpec(),
                              groups: ReportDimension? = nil) throws -> Data {
        let p = report.period
        var doc: [String: JSONValue] = [
            "schema_version": .int(schemaVersion),
            "attribution": .string(report.attribution.rawValue),
            "period": .object(["from": .string(p.from.description), "to": .string(p.to.description),
                               "cutoff": .string("\(p.to)T23:59:59+07:00"), "label": .string(p.label)]
                .merging(p.cutoffDay.map { ["cutoff_day": JSONValue.int($0)] } ?? [:]) { a, _ in a }),
            "units": .array(report.units.map { entry in
                var o = figures(entry.subtree, rubric: report.rubric)
                o["code"] = .string(entry.unit.code)
                o["name"] = .string(entry.unit.name)
                o["parent"] = entry.parent.map(JSONValue.string) ?? .null
                o["level"] = .string(entry.unit.level)
                o["depth"] = .int(entry.depth)
                o["own"] = .object(figures(entry.own, rubric: report.rubric))
                return .object(o)
            }),
            "rows": .array(try report.table(spec).map { row in
                var o = figures(row, rubric: report.rubric)
                o["code"] = .string(row.key)
                o["name"] = .string(row.name)
                o["own"] = .bool(row.kind == .own)
                o["kind"] = .string(row.kind.rawValue)
                o["depth"] = .int(row.depth)
                return .object(o)
            }),
            "total": .object(named(report.total, rubric: report.rubric)),
        ]
        if !report.comparisonReports.isEmpty {
            doc["comparisons"] = .object(Dictionary(uniqueKeysWithValues: report.comparisonReports.map { kind, other in
                var o = periodBlock(other.period)
                o["has_data"] = .bool(other.dossiersUsed > 0)
                return (kind.rawValue, JSONValue.object(o))
            }))
        }
        if let by = groups ?? (spec.rows.isUnitDimension ? nil : spec.rows) {
            let items = try report.table(TableSpec(rows: by))
            doc["groups"] = .object(["by": .string(by.rawValue), "items": .array(items.map { row in
                var o = figures(row, rubric: report.rubric)
                o["key"] = .string(row.key)
                o["name"] = .string(row.name)
                return .object(o)
            })])
        }
        var text = try JSONText.prettyPrinted(.object(doc))
        text.append(0x0A)
        return Data(text)
    }

    private static func named(_ row: ReportRow, rubric: Rubric?) -> [String: JSONValue] {
        var o = figures(row, rubric: rubric)
        o["code"] = .string(row.key)
        o["name"] = .string(row.name)
        return o
    }

    /// Which period a comparison is: its key (`2024-Q1`, as `--period`
    /// spells it, or `from_to`), its name in words and its dates.
    private static func periodBlock(_ p: ReportPeriod) -> [String: JSONValue] {
        ["key": .string(p.label), "label": .string(p.vietnameseName),
         "from": .string(p.from.description), "to": .string(p.to.description)]
    }

    /// The catalogue's figures of a row under their JSON paths, its
    /// Thông tư 01 score when the report has a rubric, and the same figures in
    /// the comparison periods (docs/rules.md#comparisons): `has_data` false and
    /// no figures when the row had no dossier there, never zeros to read as 0 %.
    static func figures(_ row: ReportRow, rubric: Rubric?) -> [String: JSONValue] {
        var o = catalogueFigures(row, rubric: rubric)
        for (kind, compared) in row.comparisons {
            var c = compared.row.map { catalogueFigures($0, rubric: nil) } ?? [:]
            c["period"] = .object(periodBlock(compared.period))
            c["has_data"] = .bool(compared.row != nil)
            o[kind.rawValue] = .object(c)
        }
        return o
    }

    private static func catalogueFigures(_ row: ReportRow, rubric: Rubric?) -> [String: JSONValue] {
        var o: [String: JSONValue] = [:]
        for figure in FigureCatalogue.all {
            guard let path = figure.json else { continue }
            let value: JSONValue
            switch figure.value(row) {
            case .count(let n): value = .int(n)
            case .number(let x): value = .double(x)
            case .text(let t): value = .string(t)
            case .none: value = .null
            }
            o.set(value, at: path[...])
        }
        o["index766"] = index766(row.figures.index766)
        if let score = row.score, let rubric {
            o["tt01"] = .object([
                "points": .int(score.points), "max": .int(score.maxPoints), "percent": .double(score.percent),
                "band": score.band(in: rubric).map { .string($0.name) } ?? .null,   // null when nothing was scored
                "scored": .int(score.scored),
                // The average points of each indicator, beyond the tt01 object of docs/rules.md#tt01.
                "indicators": .object(Dictionary(uniqueKeysWithValues: rubric.enabledIndicators.compactMap { i in
                    score.average(of: i.number).map { (String(i.number), JSONValue.double($0)) }
                })),
            ])
        }
        return o
    }
}

extension ReportJSON {
    /// `index766` of docs/rules.md#index766: null for an indicator without data.
    static func index766(_ index: Index766) -> JSONValue {
        var o: [String: JSONValue] = [:]
        for (kind, value) in index.indicators {
            o[kind.rawValue] = value.map { i in
                .object(["in_scope": .int(i.denominator), "on_time": .int(i.numerator),
                         "rate": i.rate.map(JSONValue.double) ?? .null,
                         "points": i.points.map(JSONValue.double) ?? .null, "max": .double(i.max)])
            } ?? .null
        }
        o["points"] = .double(index.points)
        o["max"] = .double(index.max)
        return .object(o)
    }
}

/// A JSON value, so that entries can be built from the figure catalogue.
enum JSONValue: Encodable, Equatable {
    case int(Int)
    case double(Double)
    case string(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .int(let n): try c.encode(n)
        case .double(let x): try c.encode(x)
        case .string(let s): try c.encode(s)
        case .bool(let b): try c.encode(b)
        case .null: try c.encodeNil()
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}

extension Dictionary where Key == String, Value == JSONValue {
    /// Sets a value at a path of nested objects (`["tthc", "total"]`).
    mutating func set(_ value: JSONValue, at path: ArraySlice<String>) {
        guard let key = path.first else { return }
        if path.count == 1 { self[key] = value; return }
        var inner: [String: JSONValue] = [:]
        if case .object(let existing)? = self[key] { inner = existing }
        inner.set(value, at: path.dropFirst())
        self[key] = .object(inner)
    }
}
