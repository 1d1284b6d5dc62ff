import MotCuaCore

/// `t("2020-10-01 08:00")` — a local moment for tests.
func t(_ s: String) -> LocalDateTime {
    let parts = s.split(separator: " ")
    let d = parts[0].split(separator: "-").map { Int($0)! }
    let time = parts.count > 1 ? parts[1].split(separator: ":").map { Int($0)! } : [0, 0]
    return LocalDateTime(year: d[0], month: d[1], day: d[2], hour: time[0], minute: time[1],
                         second: time.count > 2 ? time[2] : 0)!
}

func day(_ s: String) -> CivilDate { t(s).date }

func dossier(_ code: String = "H1", unit: String = "U", procedure: String? = "P2", channel: Channel = .direct,
             received: String?, due: String? = "2020-10-20 17:00", finished: String? = nil, returned: String? = nil,
             status: DossierStatus? = .processing, level: ServiceLevel? = nil,
             supplementRequested: String? = nil, supplementReceived: String? = nil) -> Dossier {
    Dossier(code: code, unitCode: unit, procedureCode: procedure, channel: channel, declaredLevel: level,
            receivedAt: received.map(t), dueAt: due.map(t), finishedAt: finished.map(t), returnedAt: returned.map(t),
            status: status, supplementRequestedAt: supplementRequested.map(t), supplementReceivedAt: supplementReceived.map(t))
}

let october2020 = ReportPeriod.parse("2020-10")!
