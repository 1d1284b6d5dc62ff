import ArgumentParser
import MotCuaCore
import MotCuaReport

/// What a report's letterhead and signature block say, per run.
struct HeadingOptions: ParsableArguments {
    @Option(help: "Cơ quan ban hành (mặc định: tên đơn vị gốc, ví dụ \"UBND huyện Tân Uyên\").") var issuer: String?
    @Option(name: .customLong("parent-issuer"), help: "Cơ quan chủ quản in phía trên (ví dụ \"UBND tỉnh Lai Châu\").")
    var parentIssuer: String?
    @Option(help: "Số, ký hiệu văn bản (ví dụ 125/BC-UBND).") var number: String?
    @Option(help: "Địa danh ghi trước ngày tháng (mặc định: từ tên đơn vị gốc).") var place: String?
    @Option(help: "Ngày lập báo cáo (yyyy-MM-dd; mặc định: hôm nay).") var date: String?
    @Option(name: .customLong("signer-title"), help: "Chức vụ người ký, mỗi dòng một lần (ví dụ --signer-title \"TM. ỦY BAN NHÂN DÂN\" --signer-title \"CHỦ TỊCH\").")
    var signerTitle: [String] = []
    @Option(name: .customLong("signer-name"), help: "Họ tên người ký.") var signerName: String?

    func validate() throws {
        if let date, parseISODate(date) == nil { throw invalidDate(date) }
    }

    var heading: ReportHeading {
        ReportHeading(issuer: issuer, parentIssuer: parentIssuer, number: number, place: place,
                      date: date.flatMap(parseISODate), signerTitle: signerTitle, signerName: signerName)
    }

    func context(for report: PeriodReport, rejections: [RejectedRow] = []) -> ReportContext {
        heading.context(for: report, rejections: rejections)
    }
}

/// The letterhead and signature facts of one run, from flags or a run configuration.
struct ReportHeading {
    var issuer: String?
    var parentIssuer: String?
    var number: String?
    var place: String?
    var date: CivilDate?
    var signerTitle: [String] = []
    var signerName: String?

    func context(for report: PeriodReport, rejections: [RejectedRow] = []) -> ReportContext {
        let rootName = report.root?.name ?? ""
        return ReportContext(
            report: report, issuer: issuer ?? rootName, place: place ?? placeName(issuer ?? rootName),
            reportDate: date ?? today(), parentIssuer: parentIssuer, documentNumber: number,
            signerTitle: signerTitle, signerName: signerName, rejections: rejections)
    }
}
