/// A row an import rejected, as the data-quality sheet lists it.
public struct RejectedRow: Sendable, Hashable {
    public let file: String
    public let line: Int
    public let column: String
    public let value: String
    public let reason: String

    public init(file: String, line: Int, column: String, value: String, reason: String) {
        self.file = file; self.line = line; self.column = column; self.value = value; self.reason = reason
    }
}
