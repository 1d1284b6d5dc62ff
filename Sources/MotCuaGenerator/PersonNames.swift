import MotCuaCore
/// Name parts of the people of a northern mountain province (Kinh, Thái,
/// Mông, Dao, Hà Nhì, Giáy), and of the businesses that file dossiers with
/// the departments. Invented combinations of common parts: real-sounding,
/// not real people.
enum PersonNames {
    struct Group: Sendable {
        let surnames: [VietText]
        let male: [VietText]
        let female: [VietText]
    }

    static let groups: [Group] = [
        // Kinh
        Group(surnames: texts(["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô", "Dương", "Đinh", "Trịnh", "Đào", "Phan", "Hà", "Lương", "Tạ", "Cao", "Mai"]),
              male: texts(["Văn An", "Văn Bình", "Đức Thắng", "Minh Tuấn", "Văn Hùng", "Quang Huy", "Văn Long", "Mạnh Cường", "Xuân Trường", "Văn Thành", "Đình Khoa", "Ngọc Sơn", "Văn Tâm", "Hữu Nghĩa", "Trung Kiên", "Đức Anh", "Văn Quyết", "Tiến Dũng", "Công Minh", "Hải Đăng"]),
              female: texts(["Thị Hoa", "Thu Hằng", "Thị Lan", "Thị Mai", "Thị Thu Trang", "Thị Hồng", "Thanh Huyền", "Thị Ngọc Ánh", "Thị Hạnh", "Thị Phương", "Thị Bích", "Thị Thảo", "Minh Nguyệt", "Thị Dung", "Thùy Linh", "Thị Yến", "Phương Thảo", "Thị Hương Giang"])),
        // Thái
        Group(surnames: texts(["Lò", "Lường", "Tòng", "Tao", "Cầm", "Vì", "Quàng", "Điêu", "Lù", "Hoàng", "Kiềm", "Mè", "Bạc", "Khoàng"]),
              male: texts(["Văn Piếng", "Văn Xiêng", "Văn Khăm", "Văn Pánh", "Văn Hơn", "Văn Chum", "Văn Bun", "Văn Thoan", "Văn Dương", "Văn Phong", "Văn Tiến", "Văn Ún", "Văn Hặc", "Văn Sướng", "Văn Inh", "Văn Chiến"]),
              female: texts(["Thị Ón", "Thị Ỏn", "Thị Chăm", "Thị Xuân", "Thị Hương", "Thị Sương", "Thị Luyến", "Thị Ngọc", "Thị Pấng", "Thị Ọn", "Thị Hiên", "Thị Kim", "Thị Inh", "Thị Thương", "Thị Ính"])),
        // Mông
        Group(surnames: texts(["Giàng", "Vàng", "Thào", "Lý", "Sùng", "Mùa", "Hầu", "Chảo", "Hạng", "Lầu", "Cứ", "Tráng"]),
              male: texts(["A Páo", "A Sềnh", "A Chứ", "A Dế", "A Pó", "A Chá", "A Dia", "A Súa", "A Lử", "A Dính", "A Phừ", "A Vừ", "Seo Chư", "A Tủa", "Seo Lùng", "A Sáng"]),
              female: texts(["Thị Mỷ", "Thị Dở", "Thị Mua", "Thị Pà", "Thị Sua", "Thị Chi", "Thị Dợ", "Thị Máy", "Thị Say", "Thị Dinh", "Thị Vư", "Thị Súa"])),
        // Dao
        Group(surnames: texts(["Tẩn", "Phàn", "Chảo", "Lý", "Triệu", "Đặng", "Bàn"]),
              male: texts(["Láo Sử", "Văn Chỉn", "A Sành", "Láo Quẩy", "Văn Tả", "Láo Lở", "Văn Chản", "Phủ Mẩy", "Kiềm Chòi"]),
              female: texts(["Thị Chòi", "Thị Mẩy", "Thị Sành", "Thị Kiều", "Thị Dua", "Thị Tả", "Mý Chạn"])),
        // Hà Nhì
        Group(surnames: texts(["Pờ", "Lỳ", "Chu", "Phìn", "Pha", "Lò"]),
              male: texts(["A Giò", "Hừ Xá", "Chà Giò", "Xá Phạ", "Phì Xe", "A Chừ", "Gió Xá"]),
              female: texts(["Mò Xé", "Lò Me", "Xe Mé", "Nhù Mé", "Mé Xá", "Thị Su"])),
        // Giáy
        Group(surnames: texts(["Hoàng", "Lù", "Vương", "Lục", "Lồ", "Sầm"]),
              male: texts(["Văn Sáng", "Văn Lợi", "Văn Chung", "Văn Dũng", "Văn Pao", "Văn Thanh"]),
              female: texts(["Thị Dung", "Thị Chiêng", "Thị Lả", "Thị Mẩy", "Thị Dìn", "Thị Lan"])),
    ]

    /// Business applicants of department procedures. Some names carry a comma
    /// (so the writer must quote them); a few carry a line break, as a clerk's
    /// Alt+Enter in an Excel cell does.
    static let businessKinds = texts([
        "Công ty TNHH", "Công ty cổ phần", "Công ty TNHH MTV", "Hợp tác xã", "Doanh nghiệp tư nhân",
        "Công ty TNHH Xây dựng, Thương mại và Dịch vụ", "Công ty cổ phần Đầu tư, Phát triển",
    ])
    static let businessNames = texts([
        "Minh Phát", "Hoàng Long", "Tây Bắc", "Sơn Hà", "Phong Thổ Xanh", "Tam Đường", "Thành Đạt", "Nậm Na",
        "Sông Đà 9", "Chè Tân Uyên", "Thảo Quả Sìn Hồ", "Đá Đen", "Biên Cương", "Hưng Thịnh", "Lai Châu Green",
        "Mường Thanh", "Quang Minh", "Phúc Khang", "An Bình", "Đông Dương", "Thủy điện Nậm Mu", "Vận tải Bình Minh",
    ])

    /// How many people of each group live in a commune of a given character
    /// (weights in group order): mostly Kinh in towns, mixed in the valleys,
    /// mostly Mông or Hà Nhì on the highlands.
    static let mixes: [[Double]] = [
        [7, 2, 0.5, 0.2, 0, 0.3],
        [1.5, 6, 2, 0.5, 0, 0.5],
        [0.5, 2, 7, 1, 0, 0.2],
        [0.5, 1, 2, 5, 0, 0.3],
        [0.3, 1, 2, 0.5, 5, 0.2],
        [1, 2, 2, 0.5, 0, 4],
    ]

    private static func texts(_ names: [String]) -> [VietText] { names.map(VietText.init) }
}

/// A person's name as indices into ``PersonNames/groups``: two small integers
/// instead of a String per row.
struct PersonName: Sendable, Hashable {
    let group: UInt8
    let surname: UInt8
    let given: UInt8
    let female: Bool

    static func random(_ rng: inout SplitMix64, mix: WeightedTable) -> PersonName {
        let g = mix.pick(&rng)
        let group = PersonNames.groups[g]
        let female = rng.chance(0.48)
        return PersonName(group: UInt8(g), surname: UInt8(rng.below(group.surnames.count)),
                          given: UInt8(rng.below(female ? group.female.count : group.male.count)), female: female)
    }

}
