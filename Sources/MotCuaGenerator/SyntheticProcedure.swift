import MotCuaCore

/// One procedure of the generated catalogue.
struct SyntheticProcedure: Sendable {
    /// e.g. `1.001193.000.00.00.H29`.
    let code: String
    let name: VietText
    let fieldCode: String
    let fieldName: VietText
    /// Mức độ: 2, 3 or 4.
    let level: Int
    let duration: ProcedureDuration
    /// CapThucHien; empty = every level.
    let levels: [String]
    /// CongKhai: 2/1/0, `nil` = blank.
    let disclosure: Int?
    /// Relative popularity among the procedures a unit may use.
    let weight: Double
    /// Code suffix of the department that handles it at province level.
    let department: String

    /// Whether a unit of level `cap` may receive it (blank = every level).
    func applies(to cap: String) -> Bool { levels.isEmpty || levels.contains(cap) }

    /// Whether it can be filed online (levels 3 and 4).
    var isOnline: Bool { level >= 3 }
}

/// Builds the catalogue from ``CatalogueSeeds``: parses the compact lines,
/// adds licence variants, draws codes, weights and disclosure.
enum CatalogueBuilder {
    static func build(twoLevel: Bool, seed: UInt64) -> [SyntheticProcedure] {
        var rng = SplitMix64(seed: seed, stream: 2)
        var out: [SyntheticProcedure] = []
        var usedCodes = Set<String>()
        var usedNames = Set<String>()

        func code() -> String {
            while true {
                let r = rng.unit()
                let (prefix, high) = r < 0.6 ? ("1", 11_000) : r < 0.9 ? ("2", 2_700) : ("3", 400)
                let number = String(rng.int(in: 1...high))
                let c = "\(prefix).\(String(repeating: "0", count: 6 - number.count))\(number).000.00.00.\(PlaceNames.provinceCode)"
                if usedCodes.insert(c).inserted { return c }
            }
        }
        func disclosure() -> Int? {
            let r = rng.unit()
            return r < 0.86 ? 2 : r < 0.95 ? 1 : r < 0.975 ? 0 : nil
        }

        for field in CatalogueSeeds.fields {
            let fieldName = VietText(field.name)
            for line in field.procedures {
                let parts = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                let levels = capLevels(parts[0], twoLevel: twoLevel)
                let duration = parseDuration(parts[2])
                let level = parts.count > 3 ? Int(parts[3])! : 2
                let weight = parts.count > 4 && !parts[4].isEmpty ? Double(parts[4])! : rng.double(0.01, 0.08)
                var names = [(parts[1], duration, weight)]
                if parts.count > 5 && parts[5] == "v" {
                    let rest = String(parts[1].dropFirst("Cấp ".count))
                    let shorter = ProcedureDuration(max(1, (duration.value * 0.7).rounded()), duration.unit)
                    names.append(("Cấp lại \(rest)", shorter, weight * 0.25))
                    names.append(("Điều chỉnh \(rest)", shorter, weight * 0.15))
                    if rest.lowercased().hasPrefix("giấy phép") {
                        names.append(("Gia hạn \(rest)", shorter, weight * 0.1))
                    }
                }
                for (name, d, w) in names where usedNames.insert(name).inserted {
                    out.append(SyntheticProcedure(
                        code: code(), name: VietText(name), fieldCode: field.code, fieldName: fieldName,
                        level: level, duration: d, levels: levels, disclosure: disclosure(), weight: w,
                        department: field.department))
                }
            }
        }
        return out
    }

    /// The CapThucHien list of a seed line. In the two-level model (2025) the
    /// district's procedures moved to the communes.
    static func capLevels(_ letter: String, twoLevel: Bool) -> [String] {
        switch letter {
        case "T": return ["tinh"]
        case "S": return ["so-nganh"]
        case "P": return ["tinh", "so-nganh"]
        case "H": return twoLevel ? ["xa"] : ["huyen"]
        case "X": return ["xa"]
        case "B": return twoLevel ? ["xa"] : ["huyen", "xa"]
        default: return []
        }
    }

    /// `5` working days, `0.5`, `8h` working hours, `30n` calendar days.
    static func parseDuration(_ text: String) -> ProcedureDuration {
        if text.hasSuffix("h") { return .workingHours(Double(text.dropLast())!) }
        if text.hasSuffix("n") { return .calendarDays(Double(text.dropLast())!) }
        return .workingDays(Double(text)!)
    }
}
