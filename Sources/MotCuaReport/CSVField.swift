/// One field of a CSV file motcua writes (the overdue list, the rejected
/// rows), made safe for the spreadsheet that will open it.
///
/// Those files start with a BOM so that Excel opens them directly, and Excel
/// runs a cell that starts with `=`, `+`, `-` or `@` as a formula (CSV
/// injection: `=HYPERLINK(…)`, `=cmd|' /C calc'!A0`); tab and CR start one in
/// some versions too. Such text gets a leading apostrophe, which Excel shows as
/// plain text. A plain number (`-5`, `+3,5`) is left as it is: it is no formula.
package enum CSVField {
    package static func text(_ value: String) -> String {
        var s = value
        if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), !isPlainNumber(s) {
            s = "'" + s
        }
        return s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    package static func number(_ value: Int) -> String { String(value) }

    /// An optional sign, digits, and at most one decimal point or comma.
    static func isPlainNumber(_ s: String) -> Bool {
        var scalars = Substring(s).unicodeScalars[...]
        if let f = scalars.first, f == "-" || f == "+" { scalars = scalars.dropFirst() }
        var digits = 0, separators = 0
        for c in scalars {
            switch c {
            case "0"..."9": digits += 1
            case ".", ",": separators += 1
            default: return false
            }
        }
        return digits > 0 && separators <= 1
    }
}
