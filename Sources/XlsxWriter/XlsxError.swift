import CXlsxWriter

/// A libxlsxwriter failure: the C error code and what was being done.
package struct XlsxError: Error, CustomStringConvertible, Sendable {
    package let code: Int
    package let operation: String
    package let detail: String

    init(_ error: lxw_error, _ operation: String) {
        self.code = Int(error.rawValue)
        self.operation = operation
        self.detail = String(cString: lxw_strerror(error))
    }

    package var description: String { "\(operation): \(detail) (libxlsxwriter error \(code))" }
}

@inline(__always)
func check(_ error: lxw_error, _ operation: @autoclosure () -> String) throws {
    if error != LXW_NO_ERROR { throw XlsxError(error, operation()) }
}
