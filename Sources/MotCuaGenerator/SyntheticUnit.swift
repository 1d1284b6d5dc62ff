import MotCuaCore
/// What a unit does in the simulation.
enum UnitRole: Sendable {
    /// UBND tỉnh / UBND huyện: a node of the tree that receives nothing itself.
    case administration
    /// Trung tâm Phục vụ hành chính công tỉnh: the UBND tỉnh's own procedures.
    case serviceCentre
    /// A department (sở): the `so-nganh` procedures of its fields.
    case department(String)
    /// Bộ phận Một cửa of a district: the `huyen` procedures.
    case districtDesk
    /// UBND xã / phường / thị trấn.
    case commune
}

/// One unit of the generated province, with what the simulation needs to
/// give it dossiers: a volume, a dossier-code prefix, its officers and the
/// ethnic mix of its applicants.
struct SyntheticUnit: Sendable {
    let code: String
    let name: VietText
    /// Cấp: `tinh`, `so-nganh`, `huyen` or `xa`.
    let level: String
    let parentCode: String?
    let order: Int
    let role: UnitRole
    /// Relative number of dossiers received (0 = none).
    let volume: Double
    /// Start of its dossier codes, e.g. `H29.22.05` → `H29.22.05-240312-0007`.
    let dossierPrefix: String
    let officers: [PersonName]
    /// Applicants' ethnic groups (weights over ``PersonNames/groups``).
    let mix: WeightedTable
    /// Share of applicants that are businesses.
    let businessShare: Double
}

/// Builds the unit tree: province → (departments, service centre, districts →
/// (one-stop desk, communes)), or with `twoLevel` the 2025 model where the
/// communes hang directly under the province (`communes` of them, 38 when nil).
enum ProvinceBuilder {
    static func build(twoLevel: Bool, communes communeCount: Int? = nil, seed: UInt64) -> [SyntheticUnit] {
        var rng = SplitMix64(seed: seed, stream: 1)
        var units: [SyntheticUnit] = []
        var order = 0
        let root = "LC"
        let h = PlaceNames.provinceCode

        func add(_ code: String, _ name: String, _ level: String, parent: String?, role: UnitRole,
                 volume: Double, prefix: String, mix: Int, business: Double = 0) {
            let table = WeightedTable(PersonNames.mixes[mix].enumerated().map { ($0.offset, $0.element) }.filter { $0.1 > 0 })
            // Officers are mostly Kinh or Thái whatever the commune: civil servants.
            let officerMix = WeightedTable([(0, 4), (1, 3), (2, 1), (3, 0.5), (5, 0.5)])
            let officers = (0..<rng.int(in: 2...5)).map { _ in PersonName.random(&rng, mix: mix == 0 ? table : officerMix) }
            units.append(SyntheticUnit(code: code, name: VietText(name), level: level, parentCode: parent, order: order,
                                       role: role, volume: volume, dossierPrefix: prefix, officers: officers,
                                       mix: table, businessShare: business))
            order += 1
        }

        add(root, "UBND tỉnh \(PlaceNames.province)", "tinh", parent: nil, role: .administration,
            volume: 0, prefix: "\(h).00", mix: 0)
        add("\(root).TTPVHCC", "Trung tâm Phục vụ hành chính công tỉnh \(PlaceNames.province)", "tinh", parent: root,
            role: .serviceCentre, volume: 2, prefix: "\(h).TT", mix: 0, business: 0.6)
        for (i, d) in CatalogueSeeds.departments.enumerated() {
            let busy = ["SKHDT", "SGTVT", "STP", "SNNPTNT"].contains(d.code) ? 2.0 : 1.0
            add("\(root).\(d.code)", d.name, "so-nganh", parent: root, role: .department(d.code),
                volume: 3 * busy * rng.double(0.6, 1.4), prefix: "\(h).S\(pad2(i + 1))", mix: 0, business: 0.35)
        }

        var used = Set(PlaceNames.districts.map(\.name) + PlaceNames.wards)
        if twoLevel {
            // 2025: about 38 larger communes and wards directly under the province.
            for (i, ward) in PlaceNames.wards.prefix(2).enumerated() {
                add("\(root).\(ward.asciiCode)", "UBND phường \(ward)", "xa", parent: root, role: .commune,
                    volume: rng.double(5, 9), prefix: "\(h).X\(pad2(i + 1))", mix: 0, business: 0.03)
            }
            // Two names can fold to one code (Nậm Cắn, Nậm Cần): the second gets a number.
            var codes = Set(units.map(\.code))
            for (i, name) in PlaceNames.communeNames((communeCount ?? 38) - 2, rng: &rng, used: &used).enumerated() {
                var code = "\(root).\(name.asciiCode)"
                var n = 2
                while codes.contains(code) { code = "\(root).\(name.asciiCode)\(n)"; n += 1 }
                codes.insert(code)
                add(code, "UBND xã \(name)", "xa", parent: root, role: .commune,
                    volume: rng.double(1.5, 6), prefix: "\(h).X\(pad2(i + 3))", mix: 1 + rng.below(5), business: 0.01)
            }
            return units
        }

        for (i, district) in PlaceNames.districts.enumerated() {
            let dCode = "\(root).\(district.name.asciiCode)"
            let kind = district.isCity ? "thành phố" : "huyện"
            let dPrefix = "\(h).\(20 + i)"
            add(dCode, "UBND \(kind) \(district.name)", "huyen", parent: root, role: .administration,
                volume: 0, prefix: dPrefix + ".00", mix: 0)
            add("\(dCode).BPMC", "Bộ phận Một cửa \(kind) \(district.name)", "huyen", parent: dCode, role: .districtDesk,
                volume: 6 * rng.double(0.7, 1.3), prefix: dPrefix, mix: district.isCity ? 0 : 1, business: 0.05)
            var communes: [(kind: String, name: String, mix: Int, volume: Double)] = []
            if district.isCity {
                for ward in PlaceNames.wards.prefix(6) { communes.append(("phường", ward, 0, rng.double(1.5, 3))) }
                for name in PlaceNames.communeNames(2, rng: &rng, used: &used) { communes.append(("xã", name, 1, rng.double(0.5, 1.5))) }
            } else {
                communes.append(("thị trấn", district.name, 0, rng.double(1.8, 3.5)))
                for name in PlaceNames.communeNames(rng.int(in: 9...14), rng: &rng, used: &used) {
                    communes.append(("xã", name, 1 + rng.below(5), rng.double(0.4, 2.5)))
                }
            }
            for (j, c) in communes.enumerated() {
                add("\(dCode).\(c.name.asciiCode)", "UBND \(c.kind) \(c.name)", "xa", parent: dCode, role: .commune,
                    volume: c.volume, prefix: "\(dPrefix).\(pad2(j + 1))", mix: c.mix, business: 0.01)
            }
        }
        return units
    }
}

/// Two digits, zero-padded.
func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
