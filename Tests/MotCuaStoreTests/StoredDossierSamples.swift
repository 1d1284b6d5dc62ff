import MotCuaTestSupport
import MotCuaCore

/// Random dossiers for the period-query tests over a real SQLite file.
enum StoredDossierSamples {
    /// Dossiers spread over two years from `base`, some never finished, some
    /// with only a return moment, some without a receipt, in an order
    /// unrelated to their dates. `detailed` fills the other fields too (names,
    /// channel, status, officer, receiving unit) for tests that compare every
    /// field read back.
    static func spreadOverTwoYears(_ random: inout SplitMix64, count: Int, from base: LocalDateTime,
                                   detailed: Bool = false) -> [Dossier] {
        let day: Int64 = 86_400
        return (0..<count).map { i in
            let received = random.chance(0.03) ? nil : base.adding(seconds: Int64(random.below(730)) * day + Int64(random.below(86_400)))
            func later() -> LocalDateTime? {
                guard let received, random.chance(0.8) else { return nil }
                return received.adding(seconds: Int64(random.below(200)) * day + Int64(random.below(86_400)))
            }
            let finished = later()
            let returned = finished == nil && random.chance(0.3) ? later() : finished.flatMap { random.chance(0.5) ? $0 : nil }
            let code = "D\(random.below(1_000_000_000))-\(i)"
            guard detailed else {
                return Dossier(code: code, unitCode: "U", receivedAt: received, finishedAt: finished, returnedAt: returned)
            }
            return Dossier(code: code, unitCode: random.pick(["U1", "U2", "Ủy ban xã"]),
                           procedureCode: random.pick(["P1", "P2", nil]), procedureName: random.pick(["Cấp bản sao", nil]),
                           fieldCode: random.pick(["HT", nil]), fieldName: random.pick(["Hộ tịch", nil]),
                           channel: random.pick(Channel.allCases), receivedAt: received, dueAt: later(),
                           finishedAt: finished, returnedAt: returned, status: random.pick([nil, .processing, .withdrawn]),
                           supplementCount: random.pick([nil, 1]), apologyCount: random.pick([0, 1]),
                           applicant: "Trần Thị \(i)", officer: random.pick(["Cán bộ \(i % 7)", nil]),
                           hasElectronicResult: random.pick([nil, true]), receivingUnitCode: random.pick([nil, "U2"]))
        }
    }
}
