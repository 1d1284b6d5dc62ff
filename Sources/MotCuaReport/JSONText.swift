import Foundation

/// The text of a ``JSONValue`` exactly as `JSONEncoder` writes it with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: two-space
/// indents, `" : "`, keys in the order of their UTF-8 bytes, an empty array
/// or object as a bracket, an empty line and its closing bracket, doubles as
/// Swift prints them without a trailing `.0`.
///
/// Through `JSONEncoder` (an `Encodable` tree, a dynamic cast and a
/// container per value) the JSON of a 100,000-row quarter report cost 390 M
/// instructions, a tenth of the whole report; written here, 116 M
/// (callgrind, BENCHMARKS.md). A test compares both on random trees.
enum JSONText {
    /// A double JSON cannot hold (NaN, ±infinity), as `JSONEncoder` refuses it.
    struct NonFiniteNumber: Error, CustomStringConvertible {
        let value: Double
        var description: String { "Unable to encode Double.\(value) directly in JSON." }
    }

    static func prettyPrinted(_ value: JSONValue) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        try write(value, indent: 0, into: &out)
        return out
    }

    private static func write(_ value: JSONValue, indent: Int, into out: inout [UInt8]) throws {
        switch value {
        case .int(let n): out.append(contentsOf: String(n).utf8)
        case .double(let x):
            guard x.isFinite else { throw NonFiniteNumber(value: x) }
            var text = x.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            out.append(contentsOf: text.utf8)
        case .string(let s): string(s, into: &out)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                out.append(contentsOf: k == 0 ? "\n".utf8 : ",\n".utf8)
                spaces(indent + 2, into: &out)
                try write(item, indent: indent + 2, into: &out)
            }
            close("]", empty: items.isEmpty, indent: indent, into: &out)
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (k, member) in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }).enumerated() {
                out.append(contentsOf: k == 0 ? "\n".utf8 : ",\n".utf8)
                spaces(indent + 2, into: &out)
                string(member.key, into: &out)
                out.append(contentsOf: " : ".utf8)
                try write(member.value, indent: indent + 2, into: &out)
            }
            close("}", empty: members.isEmpty, indent: indent, into: &out)
        }
    }

    private static func close(_ bracket: Unicode.Scalar, empty: Bool, indent: Int, into out: inout [UInt8]) {
        out.append(contentsOf: empty ? "\n\n".utf8 : "\n".utf8)
        spaces(indent, into: &out)
        out.append(UInt8(ascii: bracket))
    }

    private static func spaces(_ n: Int, into out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: n))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Quoted, with `"` and `\` escaped and control characters as `\n`, `\t`,
    /// `\r`, `\b`, `\f` or `\u00xx`; everything else as it is.
    private static func string(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x08: out.append(contentsOf: "\\b".utf8)
            case 0x0C: out.append(contentsOf: "\\f".utf8)
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigits[Int(byte >> 4)]); out.append(hexDigits[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
