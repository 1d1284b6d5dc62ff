/// An appendix table (Phụ lục) as an office published it: the rows as
/// written, blanks kept blank, to be checked for rows that do not add up and
/// compared with the figures computed from the dossiers.
package struct PublishedTable: Sendable, Hashable {
    /// One line of the table.
    package struct Row: Sendable, Hashable {
        /// STT as written: "5" for a unit, "TỔNG CỘNG" (or blank) for the total row.
        package var stt: String
        /// Tên cơ quan as written.
        package var unitName: String
        /// The numeric cells; a column absent here was blank (or not in the table).
        package var values: [AppendixColumn: Double]
        /// Physical line in the file, for messages; `nil` for rows built in code.
        package var line: Int?

        package init(stt: String, unitName: String, values: [AppendixColumn: Double] = [:], line: Int? = nil) {
            self.stt = stt; self.unitName = unitName; self.values = values; self.line = line
        }

        package subscript(column: AppendixColumn) -> Double? {
            get { values[column] }
            set { values[column] = newValue }
        }

        /// The total row is the one whose STT is not a number ("TỔNG CỘNG",
        /// or blank with the label in the name column).
        package var isTotal: Bool { Int(stt.trimmedWhitespace) == nil }

        /// How messages name the row.
        package var label: RowLabel {
            RowLabel(stt: stt.trimmedWhitespace, unitName: unitName.trimmedWhitespace, isTotal: isTotal)
        }
    }

    package var rows: [Row]
    /// The columns the file has; a rule that needs a missing column is skipped.
    package var columns: Set<AppendixColumn>

    package init(rows: [Row], columns: Set<AppendixColumn> = Set(AppendixColumn.allCases)) {
        self.rows = rows; self.columns = columns
    }

    /// The unit rows, in the order of the table (STT order).
    package var unitRows: [Row] { rows.filter { !$0.isTotal } }
    /// The TỔNG CỘNG row, if the table has one.
    package var totalRow: Row? { rows.first { $0.isTotal } }
}

/// How a finding names a row: "STT 5 – UBND xã Trung Đồng" or "TỔNG CỘNG".
package struct RowLabel: Sendable, Hashable, CustomStringConvertible {
    package var stt: String
    package var unitName: String
    package var isTotal: Bool

    package init(stt: String, unitName: String, isTotal: Bool = false) {
        self.stt = stt; self.unitName = unitName; self.isTotal = isTotal
    }

    package func text(_ language: Language = .current) -> String {
        if isTotal {
            let written = [stt, unitName].first { !$0.isEmpty }
            return language.pick(written ?? "Dòng tổng cộng", "Total row" + (written.map { " (\($0))" } ?? ""))
        }
        let number = stt.isEmpty ? "" : language.pick("STT \(stt)", "Row \(stt)")
        return [number, unitName].filter { !$0.isEmpty }.joined(separator: " – ")
    }

    package var description: String { text(.vi) }
}
