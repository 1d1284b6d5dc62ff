import Foundation

/// Reads the text of a calendar file (`calendar/*.csv`, docs/rules.md#working-days):
///
/// ```
/// # comment lines and blank lines are ignored
/// date,kind,note                      ← optional header
/// 2025-05-02,nghi,Hoán đổi ngày làm việc với thứ Bảy 26/4 | Công văn 8/VPCP-KGVX
/// 2025-04-26,lam-bu,Làm bù cho thứ Sáu 2/5
/// ```
///
/// `kind` is `nghi` (day off) or `lam-bu` (make-up working day); `nghỉ`,
/// `làm bù`, `lam bu` and any case are accepted too. The note is everything
/// after the second comma (it may contain commas, or be quoted). A UTF-8 BOM
/// and CRLF line ends are accepted. The caller reads the file (the core does
/// no I/O) and passes its name for messages.
package enum CalendarFile {
    /// The entries of one file, in line order.
    /// - throws: ``CalendarFileError`` for the first malformed line.
    package static func parse(_ text: String, fileName: String) throws -> [CalendarEntry] {
        var entries: [CalendarEntry] = []
        var seen: [CivilDate: (kind: CalendarEntry.Kind, line: Int)] = [:]
        var lineNumber = 0
        // Split on the LF scalar, the CR of a CRLF dropped below: splitting the
        // Characters ("\r\n" is one) was a quarter of parsing the calendar files.
        for rawLine in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.hasSuffix("\r") { line = line.dropLast() }
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
                .map { $0.trimmingSpaces() }
            if entries.isEmpty && seen.isEmpty && isHeader(fields) { continue }
            func fail(_ p: CalendarFileError.Problem) -> CalendarFileError {
                CalendarFileError(file: fileName, line: lineNumber, problem: p)
            }
            guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw fail(.missingColumns(found: fields.filter { !$0.isEmpty }.count))
            }
            let date = try parseDate(fields[0], fail: fail)
            guard let kind = parseKind(fields[1]) else { throw fail(.unknownKind(fields[1])) }
            let note = fields.count > 2 ? unquote(fields[2]) : ""
            if let previous = seen[date], previous.kind != kind {
                throw fail(.conflictingKinds(date: date.description, firstLine: previous.line))
            }
            seen[date] = (kind, lineNumber)
            entries.append(CalendarEntry(date: date, kind: kind, note: note, file: fileName, line: lineNumber))
        }
        return entries
    }

    static func isHeader(_ fields: [String]) -> Bool {
        guard let first = fields.first?.lowercased() else { return false }
        return ["date", "ngay", "ngày"].contains(first)
    }

    static func parseDate(_ s: String, fail: (CalendarFileError.Problem) -> CalendarFileError) throws -> CivilDate {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { throw fail(.badDateFormat(s)) }
        guard let date = CivilDate(year: y, month: m, day: d) else { throw fail(.impossibleDate(s)) }
        guard (WorkCalendar.firstTableYear...WorkCalendar.lastTableYear).contains(y) else {
            throw fail(.yearOutOfRange(y))
        }
        return date
    }

    static func parseKind(_ s: String) -> CalendarEntry.Kind? {
        switch s.precomposedStringWithCanonicalMapping.lowercased() {
        case "nghi", "nghỉ": return .dayOff
        case "lam-bu", "lam bu", "làm bù", "làm-bù", "lam_bu": return .makeUp
        default: return nil
        }
    }

    static func unquote(_ s: String) -> String {
        guard s.count >= 2, s.hasPrefix("\""), s.hasSuffix("\"") else { return s }
        return String(s.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }
}
