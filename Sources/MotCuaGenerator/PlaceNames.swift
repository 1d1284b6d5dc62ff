import MotCuaCore
/// Place names of a northern mountain province: the real districts of Lai
/// Châu (before 2025) and invented commune names made of common Thái, Mông
/// and Kinh place-name syllables ("Nậm" river, "Mường" valley, "Pa"/"Pá"
/// flat land…). Uniqueness matters, exact geography does not.
enum PlaceNames {
    static let province = "Lai Châu"
    /// Province code of the national TTHC database (H29 = Lai Châu), used in
    /// procedure and dossier codes.
    static let provinceCode = "H29"

    /// District name and whether it is a city (thành phố: wards, no town).
    static let districts: [(name: String, isCity: Bool)] = [
        ("Lai Châu", true), ("Tam Đường", false), ("Phong Thổ", false), ("Sìn Hồ", false),
        ("Mường Tè", false), ("Than Uyên", false), ("Tân Uyên", false), ("Nậm Nhùn", false),
    ]

    static let firstSyllables = [
        "Nậm", "Mường", "Pa", "Pú", "Tà", "Bản", "Sì", "Hua", "Khun", "Ka", "Thu", "Dào", "Ma", "Lản", "Huổi",
        "Phìn", "Sin", "Tung", "Chăn", "Lùng", "Hồ", "Nà", "Pắc", "Bum", "Mù", "Vàng", "Thèn", "Căn", "Noong", "Hố",
        "Phúc", "Trung", "Tân", "Bình", "Khoen", "Pha", "Hừa", "Làng", "Pậu", "Tả",
    ]
    static let secondSyllables = [
        "Khoa", "Cắn", "Sỏ", "Mít", "Ta", "Than", "Hồ", "Nưa", "Tở", "Mạ", "Tè", "Lum", "Vây", "Ban", "Giàng",
        "Pin", "Ché", "Hăn", "Xe", "Luông", "Sáng", "Sử", "Chản", "Hạc", "Bon", "Nhé", "Lếch", "Hao", "Cang", "Tủng",
        "Kim", "Bo", "Pe", "Lư", "Phìn", "Chà", "Cuổi", "Mo", "On", "Đồng",
    ]
    /// Ward names of the city (phường).
    static let wards = ["Tân Phong", "Đông Phong", "Quyết Thắng", "Quyết Tiến", "Đoàn Kết", "Tân Phú", "Bình Minh", "Nam Sơn"]

    /// Unique commune names: `count` draws from the syllable grid, never one
    /// already in `used` (which grows).
    static func communeNames(_ count: Int, rng: inout SplitMix64, used: inout Set<String>) -> [String] {
        var names: [String] = []
        while names.count < count {
            let first = rng.pick(firstSyllables), second = rng.pick(secondSyllables)
            let name = first + " " + second
            if first != second, used.insert(name).inserted { names.append(name) }
        }
        return names
    }
}
