import Foundation
import XCTest

/// A JSON value read strictly (a boolean is never a number), for schema checks.
public indirect enum JSONDocument: Decodable, Equatable {
    case null, bool(Bool), integer(Int), number(Double), string(String)
    case array([JSONDocument]), object([String: JSONDocument])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .integer(i) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONDocument].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONDocument].self)) }
    }

    public static func read(_ data: Data) throws -> JSONDocument { try JSONDecoder().decode(JSONDocument.self, from: data) }
}

/// Checks a document against the subset of JSON Schema (2020-12) that
/// `docs/report.schema.json` uses: type, const, enum, required, properties,
/// additionalProperties, items, allOf, local $ref, minimum, maximum, pattern.
/// A keyword it does not know is an error, so the schema cannot silently
/// use more than is checked.
public struct JSONSchemaValidator {
    let root: JSONDocument

    public init(schema: Data) throws { root = try JSONDocument.read(schema) }

    /// The schema file of the report JSON, from the checkout.
    public static func reportSchema() throws -> JSONSchemaValidator {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/report.schema.json")
        return try JSONSchemaValidator(schema: Data(contentsOf: url))
    }

    /// The problems found, each with its JSON path; empty when the document is valid.
    public func problems(in document: JSONDocument) -> [String] {
        var out: [String] = []
        check(document, against: root, at: "$", into: &out)
        return out
    }

    private static let known: Set<String> = ["$schema", "$id", "title", "description", "type", "const", "enum", "required",
                                             "properties", "additionalProperties", "items", "allOf", "$ref", "$defs",
                                             "minimum", "maximum", "pattern"]

    private func check(_ value: JSONDocument, against schema: JSONDocument, at path: String, into out: inout [String]) {
        guard case .object(let s) = schema else { out.append("\(path): schema is not an object"); return }
        for key in s.keys where !Self.known.contains(key) { out.append("\(path): schema keyword \(key) is not supported") }
        if case .string(let ref)? = s["$ref"] {
            guard let target = resolve(ref) else { out.append("\(path): unknown $ref \(ref)"); return }
            check(value, against: target, at: path, into: &out)
        }
        if case .array(let all)? = s["allOf"] { for sub in all { check(value, against: sub, at: path, into: &out) } }
        if let type = s["type"] {
            let types: [String]
            switch type {
            case .string(let t): types = [t]
            case .array(let a): types = a.compactMap { if case .string(let t) = $0 { return t } else { return nil } }
            default: types = []
            }
            if !types.contains(where: { matches(value, type: $0) }) {
                out.append("\(path): expected \(types.joined(separator: " or ")), found \(describe(value))")
                return
            }
        }
        if let c = s["const"], !same(c, value) { out.append("\(path): expected \(describe(c)), found \(describe(value))") }
        if case .array(let options)? = s["enum"], !options.contains(where: { same($0, value) }) {
            out.append("\(path): \(describe(value)) is not one of the allowed values")
        }
        if let n = number(value) {
            if let m = s["minimum"].flatMap(number), n < m { out.append("\(path): \(n) is below the minimum \(m)") }
            if let m = s["maximum"].flatMap(number), n > m { out.append("\(path): \(n) is above the maximum \(m)") }
        }
        if case .string(let text) = value, case .string(let pattern)? = s["pattern"],
           text.range(of: pattern, options: .regularExpression) == nil {
            out.append("\(path): \"\(text)\" does not match \(pattern)")
        }
        if case .object(let o) = value {
            if case .array(let required)? = s["required"] {
                for case .string(let key) in required where o[key] == nil { out.append("\(path): missing \(key)") }
            }
            var properties: [String: JSONDocument] = [:]
            if case .object(let p)? = s["properties"] { properties = p }
            for (key, v) in o.sorted(by: { $0.key < $1.key }) {
                if let sub = properties[key] {
                    check(v, against: sub, at: "\(path).\(key)", into: &out)
                } else if let extra = s["additionalProperties"] {
                    if case .bool(false) = extra { out.append("\(path): unexpected key \(key)") }
                    else if case .object = extra { check(v, against: extra, at: "\(path).\(key)", into: &out) }
                }
            }
        }
        if case .array(let items) = value, let itemSchema = s["items"] {
            for (i, item) in items.enumerated() { check(item, against: itemSchema, at: "\(path)[\(i)]", into: &out) }
        }
    }

    private func resolve(_ ref: String) -> JSONDocument? {
        guard ref.hasPrefix("#/") else { return nil }
        var node = root
        for part in ref.dropFirst(2).split(separator: "/") {
            guard case .object(let o) = node, let next = o[String(part)] else { return nil }
            node = next
        }
        return node
    }

    private func matches(_ value: JSONDocument, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("integer", .integer), ("number", .integer), ("number", .number),
             ("string", .string), ("array", .array), ("object", .object): return true
        case ("integer", .number(let d)): return d.rounded() == d
        default: return false
        }
    }

    private func number(_ value: JSONDocument) -> Double? {
        switch value {
        case .integer(let i): return Double(i)
        case .number(let d): return d
        default: return nil
        }
    }

    private func same(_ a: JSONDocument, _ b: JSONDocument) -> Bool {
        if let x = number(a), let y = number(b) { return x == y }
        return a == b
    }

    private func describe(_ value: JSONDocument) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return String(b)
        case .integer(let i): return String(i)
        case .number(let d): return String(d)
        case .string(let s): return "\"\(s.prefix(40))\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// Reads a report JSON the product wrote and fails the test when it does
/// not follow `docs/report.schema.json`; every test that reads one uses this.
public func validatedReportJSON(at path: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    assertValidReportJSON(data, name: path, file: file, line: line)
    return try JSONSerialization.jsonObject(with: data) as! [String: Any]
}

public func assertValidReportJSON(_ data: Data, name: String, file: StaticString = #filePath, line: UInt = #line) {
    do {
        let problems = try JSONSchemaValidator.reportSchema().problems(in: JSONDocument.read(data))
        XCTAssertTrue(problems.isEmpty, "\(name) does not follow docs/report.schema.json:\n"
                      + problems.prefix(10).joined(separator: "\n"), file: file, line: line)
    } catch {
        XCTFail("\(name): \(error)", file: file, line: line)
    }
}
