import MotCuaCore

/// Simulates the life of each dossier — submission, supplements, processing,
/// apology letters, return of the result — up to the moment the export is
/// taken, and sets the status the one-stop system would show then.
///
/// Shares are those of a typical 2020s province: about 95 % finished on time,
/// a few percent late (most of them with an apology letter), 5 % with a
/// supplement request, and rare withdrawn, stopped, refused and never-received
/// online registrations. Working time comes from the core's calendar
/// (``Deadline``), so the exported due dates are exactly what
/// `--recompute-due` and the data-quality check compute.
struct DossierSimulator {
    let calendar: WorkCalendar
    let units: [SyntheticUnit]
    let procedures: [SyntheticProcedure]
    /// When the export is taken: nothing after it is known.
    let exportAt: LocalDateTime
    private let unitTable: WeightedTable
    private let onlineUnitTable: WeightedTable
    private let pools: [WeightedTable]
    private let onlinePools: [WeightedTable]
    private let landField: [Bool]
    private var rng: SplitMix64

    init(calendar: WorkCalendar, units: [SyntheticUnit], procedures: [SyntheticProcedure],
         exportAt: LocalDateTime, seed: UInt64) {
        self.calendar = calendar
        self.units = units
        self.procedures = procedures
        self.exportAt = exportAt
        self.rng = SplitMix64(seed: seed, stream: 3)
        var pools: [WeightedTable] = []
        var onlinePools: [WeightedTable] = []
        for unit in units {
            let usable = procedures.indices.filter { Self.unit(unit, mayUse: procedures[$0]) }
            pools.append(WeightedTable(usable.map { ($0, procedures[$0].weight) }))
            // Online, the fully online (level 4) services dominate.
            onlinePools.append(WeightedTable(usable.filter { procedures[$0].isOnline }
                .map { ($0, procedures[$0].weight * (procedures[$0].level == 4 ? 3 : 1)) }))
        }
        self.pools = pools
        self.onlinePools = onlinePools
        unitTable = WeightedTable(units.indices.filter { units[$0].volume > 0 && !pools[$0].isEmpty }
            .map { ($0, units[$0].volume) })
        onlineUnitTable = WeightedTable(units.indices.filter { units[$0].volume > 0 && !onlinePools[$0].isEmpty }
            .map { ($0, units[$0].volume) })
        landField = procedures.map { $0.fieldCode == "DATDAI" }
    }

    /// Whether a unit receives dossiers of a procedure: its level is in the
    /// procedure's CapThucHien, and a department only takes its own fields.
    static func unit(_ unit: SyntheticUnit, mayUse p: SyntheticProcedure) -> Bool {
        switch unit.role {
        case .administration: return false
        case .department(let code): return p.levels.isEmpty || (p.applies(to: unit.level) && p.department == code)
        default: return p.applies(to: unit.level)
        }
    }

    // MARK: - A day

    /// The `count` dossiers submitted on `date`, in submission order, with
    /// their codes' sequence numbers set.
    mutating func dossiers(on date: CivilDate, count: Int, sequences: inout [Int32]) -> [SyntheticDossier] {
        let working = calendar.isWorkingDay(date)
        var drawn: [SyntheticDossier] = []
        drawn.reserveCapacity(count)
        for _ in 0..<count { drawn.append(submission(on: date, working: working)) }
        // Order by time of day; equal times keep the order drawn. One integer
        // key per dossier (second of day, then index) sorts far faster than
        // comparing structs.
        var keys = drawn.indices.map { UInt64(drawn[$0].submittedAt.secondOfDay) << 40 | UInt64($0) }
        keys.sort()
        var day = keys.map { drawn[Int($0 & 0xFF_FFFF_FFFF)] }
        for i in day.indices {
            let u = Int(day[i].unit)
            sequences[u] += 1
            day[i].sequence = sequences[u]
            live(&day[i])
        }
        return day
    }

    /// Who submits what, when and how.
    private mutating func submission(on date: CivilDate, working: Bool) -> SyntheticDossier {
        let unitIndex: Int, procIndex: Int, channel: Channel, second: Int
        if working {
            unitIndex = unitTable.pick(&rng)
            procIndex = pools[unitIndex].pick(&rng)
            channel = self.channel(for: procedures[procIndex])
            second = channel == .online && rng.chance(0.35) ? offHoursSecond() : workingSecond()
        } else {
            // Weekends and holidays: only the online portal is open.
            unitIndex = onlineUnitTable.pick(&rng)
            procIndex = onlinePools[unitIndex].pick(&rng)
            channel = .online
            second = rng.int(in: 6 * 3600...23 * 3600)
        }
        let unit = units[unitIndex]
        let at = LocalDateTime(date: date, secondOfDay: second)
        return SyntheticDossier(
            unit: Int32(unitIndex), procedure: Int32(procIndex), codeDay: Int32(date.dayNumber),
            submittedAt: at, channel: channel, writesLevel: rng.chance(0.2),
            applicant: applicant(for: unit), officer: UInt8(rng.below(unit.officers.count)))
    }

    private mutating func channel(for p: SyntheticProcedure) -> Channel {
        let r = rng.unit()
        switch p.level {
        case 4: return r < 0.55 ? .online : r < 0.57 ? .postal : .direct
        case 3: return r < 0.2 ? .online : r < 0.23 ? .postal : .direct
        default: return r < 0.03 ? .postal : .direct
        }
    }

    /// A second inside office hours: mornings are busier.
    private mutating func workingSecond() -> Int {
        let sessions = calendar.workingHours.sessions
        let s = sessions.count > 1 && rng.chance(0.4) ? sessions[1] : sessions[0]
        return s.start + rng.below(s.length)
    }

    /// Early morning, lunch break or evening.
    private mutating func offHoursSecond() -> Int {
        let r = rng.unit()
        if r < 0.15 { return rng.int(in: 5 * 3600 + 1800...7 * 3600 + 1799) }
        if r < 0.35 { return rng.int(in: 11 * 3600 + 1800...13 * 3600 + 1799) }
        return rng.int(in: 17 * 3600...23 * 3600 + 1800)
    }

    private mutating func applicant(for unit: SyntheticUnit) -> Applicant {
        let person = PersonName.random(&rng, mix: unit.mix)
        guard rng.chance(unit.businessShare) else {
            return Applicant(person: person, businessKind: -1, businessName: 0, multiline: false)
        }
        return Applicant(person: person, businessKind: Int16(rng.below(PersonNames.businessKinds.count)),
                         businessName: Int16(rng.below(PersonNames.businessNames.count)), multiline: rng.chance(0.03))
    }

    // MARK: - A life

    private mutating func live(_ d: inout SyntheticDossier) {
        let p = procedures[Int(d.procedure)]
        let r = d.submittedAt
        let ch = SubmissionChannel(d.channel)

        // Registered online but never received (status 1): no dates at all.
        if d.channel == .online && rng.chance(0.004) { d.status = .registered; return }
        d.receivedAt = r
        let fate = rng.unit()
        // Refused at the desk (status 3): no due date.
        if fate < 0.003 { d.status = .notAccepted; return }

        var due = Deadline.due(receivedAt: r, channel: ch, duration: p.duration, calendar: calendar)
        d.dueAt = due
        // Withdrawn by the applicant (7) or stopped (8) part-way.
        if fate < 0.009 {
            let begin = Deadline.countingStart(receivedAt: r, channel: ch, calendar: calendar)
            let end = workingMoment(begin, fraction: rng.double(0.05, 0.9), of: due)
            if end <= exportAt {
                d.status = fate < 0.008 ? .withdrawn : .stopped
                d.finishedAt = end
                return
            }
        }

        // Supplement requests: the count restarts when the papers arrive.
        var start = r
        if rng.chance(0.05) {
            let rounds = rng.chance(0.12) ? 2 : 1
            for round in 0..<rounds {
                let begin = Deadline.countingStart(receivedAt: start, channel: ch, calendar: calendar)
                let request = workingMoment(begin, fraction: rng.double(0.1, 0.6), of: due)
                let arrival = calendar.adding(workingSeconds: Int64(rng.double(0.3, 12) * Double(calendar.dayLength)),
                                              to: request)
                // An export keeps only the last request and arrival: a second
                // request still unanswered would hide the restart of the first,
                // and the exported due date could not be recomputed.
                guard request <= exportAt, round == 0 || arrival <= exportAt else { break }
                d.supplements += 1
                d.supplementRequestedAt = request
                d.supplementReceivedAt = nil
                if arrival > exportAt { d.status = .supplementRequested; return }
                d.supplementReceivedAt = arrival
                start = arrival
                due = Deadline.due(receivedAt: arrival, channel: ch, duration: p.duration, calendar: calendar)
                d.dueAt = due
            }
        }

        // Processing: most finish well before the due date, a few late.
        let begin = Deadline.countingStart(receivedAt: start, channel: ch, calendar: calendar)
        let allowed = max(calendar.workingSeconds(from: begin, to: due), 60)
        let worked: Int64
        if rng.chance(0.045) {
            worked = allowed + Int64(rng.double(0.05, 1) * Double(calendar.dayLength) * Double(rng.int(in: 1...8)))
        } else {
            let u = (rng.unit() + rng.unit()) / 2
            worked = min(allowed, max(300, Int64(Double(allowed) * (0.05 + 0.95 * u))))
        }
        let finish = calendar.adding(workingSeconds: worked, to: begin)

        // Late (or about to be): an apology letter with a new date, usually.
        if due < min(finish, exportAt) && rng.chance(0.85) {
            d.apologies = rng.chance(0.03) ? 2 : 1
            let later = calendar.adding(workingSeconds: Int64(rng.int(in: 2...10) * calendar.dayLength), to: due)
            d.newDueAt = calendar.endOfWorkingDay(later.date)
        }

        if finish > exportAt {
            let lastDay = calendar.previousWorkingDay(before: exportAt.date.adding(days: 1))
            if r.date >= lastDay && rng.chance(0.5) { d.status = .accepted }
            else if landField[Int(d.procedure)] && rng.chance(0.3) { d.status = .financialObligation }
            else { d.status = .processing }
            return
        }
        d.finishedAt = finish

        // The result is handed back the same day, or a few days later.
        let delay = rng.chance(0.55) ? Int64(rng.int(in: 300...7200))
                                     : Int64(rng.double(0.2, 5) * Double(calendar.dayLength))
        let returned = calendar.adding(workingSeconds: delay, to: finish)
        if returned > exportAt { d.status = .processed; return }
        d.status = .returned
        d.returnedAt = returned
        // Some systems only record the return (NgayKetThucXuLy blank).
        if rng.chance(0.005) { d.finishedAt = nil }
    }

    /// The moment `fraction` of the working time from `begin` to `due` has
    /// elapsed (at least five minutes in).
    private func workingMoment(_ begin: LocalDateTime, fraction: Double, of due: LocalDateTime) -> LocalDateTime {
        let allowed = max(calendar.workingSeconds(from: begin, to: due), 600)
        return calendar.adding(workingSeconds: max(300, Int64(Double(allowed) * fraction)), to: begin)
    }
}
