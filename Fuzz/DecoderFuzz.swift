import Foundation
import MotCuaCore
import MotCuaIngest

// libFuzzer entry point for the export decoder: encoding and BOM detection,
// delimiter detection, CSV records, header matching, value words, timestamps
// and row decoding. Any input must end in records, rejections or a clear
// input.* Message — never a crash or a hang.
private let reference = ReferenceData(
    units: [OrgUnit(code: "TU", name: "UBND huyện Tân Uyên", level: "huyen")],
    catalogue: ProcedureCatalogue([Procedure(code: "P2", name: "Đăng ký khai sinh", level: .two, duration: 1)]))
private let parser = TimestampParser()
private let monthFirst = TimestampParser(dayFirst: false)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    // Timestamps straight from the bytes.
    if let text = String(data: data.prefix(64), encoding: .utf8) {
        _ = parser.parse(text, .startOfDay)
        _ = monthFirst.parse(text, .endOfWorkingDay)
    }
    do {
        let text = try CSVText(file: "fuzz.csv", data: data)
        let delimiter = try CSVReader.detectDelimiter(in: text)
        var reader = CSVReader(text: text, delimiter: delimiter)
        guard let header = try reader.next() else { return 0 }
        let decoder = DossierRowDecoder(file: "fuzz.csv", header: HeaderMap(dossierHeader: header.fields),
                                        reference: reference)
        var rows = 0
        while let record = try reader.next(), rows < 10_000 {
            _ = decoder.decode(record)
            rows += 1
        }
    } catch let message as Message where message.code.hasPrefix("input.") {
        // A clear message for the clerk: the expected outcome for bad files.
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    return 0
}
