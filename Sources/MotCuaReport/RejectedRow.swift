/// A row an import rejected, as the data-quality sheet lists it.
package struct RejectedRow: Sendable, Hashable {
    package let file: String
    package let line: Int
    package let column: String
    package let value: String
    package let reason: String

    package init(file: String, line: Int, column: String, value: String, reason: String) {
        self.file = file; self.line = line; self.column = column; self.value = value; self.reason = reason
    }
}
