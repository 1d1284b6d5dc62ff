import CXlsxWriter

/// A libxlsxwriter failure: the C error code and what was being done.
public struct XlsxError: Error, CustomStringConvertible, Sendable {
    public let code: Int
    public let operation: String
    public let detail: String

    init(_ error: lxw_error, _ operation: String) {
        self.code = Int(error.rawValue)
        self.operation = operation
        self.detail = String(cString: lxw_strerror(error))
    }

    public var description: String { "\(operation): \(detail) (libxlsxwriter error \(code))" }
}

@inline(__always)
func check(_ error: lxw_error, _ operation: @autoclosure () -> String) throws {
    if error != LXW_NO_ERROR { throw XlsxError(error, operation()) }
}
