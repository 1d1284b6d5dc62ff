/// A file decoded with `Decodable` (a template, a mapping file) that does not
/// fit: the key path and the problem in words a maintainer can act on,
/// instead of Swift's `DecodingError` description.
package enum DecodingProblem {
    package static func describe(_ error: DecodingError) -> (String, String) {
        func path(_ p: [CodingKey]) -> String {
            p.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: ["."])
        }
        switch error {
        case .keyNotFound(let key, let ctx):
            let where_ = path(ctx.codingPath)
            return ("thiếu khóa \"\(key.stringValue)\"\(where_.isEmpty ? "" : " trong \(where_)").",
                    "missing key \"\(key.stringValue)\"\(where_.isEmpty ? "" : " in \(where_)").")
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx):
            return ("giá trị sai kiểu ở \(path(ctx.codingPath)).", "wrong kind of value at \(path(ctx.codingPath)).")
        case .dataCorrupted(let ctx):
            return ("dữ liệu không hợp lệ ở \(path(ctx.codingPath)): \(ctx.debugDescription)",
                    "invalid data at \(path(ctx.codingPath)): \(ctx.debugDescription)")
        @unknown default:
            return ("mẫu không hợp lệ.", "invalid template.")
        }
    }
}
