import Foundation
import MotCuaCore

/// The JSON form of a report (docs/rules.md#json): the same figures as the workbook,
/// unrounded, for other systems and for tests.
public enum ReportJSON {
    struct Document: Encodable {
        let period: Period
        let units: [UnitJSON]
        let total: UnitJSON
    }

    struct Period: Encodable {
        let from: String
        let to: String
        let cutoff: String
    }

    struct UnitJSON: Encodable {
        let code: String
        let name: String
        let backlog: Int
        let received: Int
        let received_direct: Int
        let received_online: Int
        let received_postal: Int
        let received_level: [String: Int]
        let received_level3_online: Int
        let received_level4_online: Int
        let finished: Int
        let finished_level: [String: Int]
        let early: Int
        let on_time: Int
        let late: Int
        let unclassified: Int
        let pending: Int
        let pending_in_time: Int
        let pending_overdue: Int
        let pending_supplement: Int
        let resolution_rate: Double
        let on_time_rate: Double
        let late_rate: Double
        let online_rate: Double
        let avg_processing_days: Double
        let tthc: [String: Int]
        let tt01: TT01JSON?

        init(_ row: ReportRow, rubric: Rubric?) {
            let f = row.figures
            func levels(_ c: LevelCounts) -> [String: Int] {
                Dictionary(uniqueKeysWithValues: LevelBucket.allCases.map { ($0.key, c[$0]) })
            }
            code = row.unit.code; name = row.unit.name
            backlog = f.backlog; received = f.received
            received_direct = f.receivedDirect; received_online = f.receivedOnline; received_postal = f.receivedPostal
            received_level = levels(f.receivedByLevel)
            received_level3_online = f.receivedOnlineByLevel.level3
            received_level4_online = f.receivedOnlineByLevel.level4
            finished = f.finished; finished_level = levels(f.finishedByLevel)
            early = f.early; on_time = f.onTime; late = f.late; unclassified = f.unclassified
            pending = f.pending; pending_in_time = f.pendingInTime; pending_overdue = f.pendingOverdue
            pending_supplement = f.pendingSupplement
            resolution_rate = f.resolutionRate; on_time_rate = f.onTimeRate; late_rate = f.lateRate
            online_rate = f.onlineRate
            avg_processing_days = row.averageProcessingDays
            let p = row.procedures
            tthc = ["total": p.total, "2": p.level2, "3": p.level3, "4": p.level4]
            if let score = row.score, let rubric {
                tt01 = TT01JSON(points: score.points, max: score.maxPoints, percent: score.percent,
                                band: score.band(in: rubric)?.name, scored: score.scored,
                                indicators: Dictionary(uniqueKeysWithValues: rubric.enabledIndicators.compactMap { i in
                                    score.average(of: i.number).map { (String(i.number), $0) }
                                }))
            } else {
                tt01 = nil
            }
        }
    }

    /// The `tt01` object (docs/rules.md#tt01), plus the average points of each indicator.
    struct TT01JSON: Encodable {
        let points: Int
        let max: Int
        let percent: Double
        let band: String?
        let scored: Int
        let indicators: [String: Double]

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(points, forKey: .points)
            try c.encode(max, forKey: .max)
            try c.encode(percent, forKey: .percent)
            try c.encode(band, forKey: .band)   // null when nothing was scored
            try c.encode(scored, forKey: .scored)
            try c.encode(indicators, forKey: .indicators)
        }
        enum CodingKeys: String, CodingKey { case points, max, percent, band, scored, indicators }
    }

    public static func encode(_ report: PeriodReport) throws -> Data {
        let p = report.period
        let doc = Document(
            period: Period(from: p.from.description, to: p.to.description,
                           cutoff: "\(p.to)T23:59:59+07:00"),
            units: report.rows.map { UnitJSON($0, rubric: report.rubric) }, total: UnitJSON(report.total, rubric: report.rubric))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(doc)
        data.append(0x0A)
        return data
    }
}
