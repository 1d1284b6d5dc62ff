import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaIngest

/// `motcua import`: loads exports into the database, one transaction per file.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập tệp hồ sơ (CSV) vào cơ sở dữ liệu.",
        discussion: """
        Mỗi tệp được nhập trong một giao dịch: nhập lại cùng một tệp không thay đổi gì; \
        tệp mới hơn cập nhật hồ sơ theo mã hồ sơ; hồ sơ không bao giờ bị xóa vì tệp sau thiếu nó. \
        Dòng lỗi bị từ chối (ghi rõ tệp, dòng, cột, lý do) và ghi vào tệp CSV cạnh cơ sở dữ liệu; \
        mã thoát 3 khi có dòng bị từ chối.
        """)

    @OptionGroup var common: CommonOptions
    @Option(help: "Tệp danh sách đơn vị (MaDonVi, TenDonVi, Cap, MaDonViCha, ThuTu).") var units: String?
    @Option(help: "Tệp danh mục thủ tục hành chính.") var procedures: String?
    @Option(help: "Tệp điểm đánh giá TT01 (MaHoSo, CS1…CS9) của cán bộ đánh giá hoặc khảo sát người dân.")
    var evaluations: String?
    @OptionGroup var input: InputOptions
    @Argument(help: "Các tệp hồ sơ (CSV hoặc .xlsx).") var files: [String] = []

    func validate() throws {
        if files.isEmpty && units == nil && procedures == nil && evaluations == nil && input.mapping == nil {
            throw usageError("Cần ít nhất một tệp hồ sơ, hoặc --units / --procedures.",
                             "Give at least one dossier file, or --units / --procedures.")
        }
    }

    func run() throws {
        try reportingErrors {
            let (mapping, resolved, dir) = try input.loadMapping()
            let calendar = try input.loadCalendar(mapping: mapping, relativeTo: dir, library: try input.library())
            let store = try DossierDatabase.open(common.database)
            let importer = Importer(store: store, mapping: resolved, calendar: calendar,
                                    rejectsPath: DossierDatabase.rejectsFile(of: common.database))
            let outcome = try importer.run(units: units ?? mapping.units.map { resolve($0, relativeTo: dir) },
                                           procedures: procedures ?? mapping.procedures.map { resolve($0, relativeTo: dir) },
                                           dossierFiles: files, evaluations: evaluations)
            if outcome.rejectedRows > 0 { throw ExitCode(ExitStatus.rejectedRows) }
        }
    }
}

enum Delimiter: String, ExpressibleByArgument, CaseIterable {
    case comma, semicolon, tab
    var byte: UInt8 {
        switch self {
        case .comma: return 0x2C
        case .semicolon: return 0x3B
        case .tab: return 0x09
        }
    }
}

extension TextEncoding: ExpressibleByArgument {}
