/// An organisational unit that receives or resolves dossiers (đơn vị / cơ quan):
/// a commune People's Committee, a district desk, a department.
public struct OrgUnit: Sendable, Hashable {
    /// Mã đơn vị.
    public var code: String
    /// Tên đơn vị, as printed in reports.
    public var name: String
    /// Cấp: `tinh`, `so-nganh`, `huyen`, `xa` or another word; matched against a
    /// procedure's CapThucHien.
    public var level: String
    /// Mã đơn vị cha; `nil` for a top-level unit.
    public var parentCode: String?
    /// Thứ tự: display order among siblings (the STT of reports).
    public var sortOrder: Int
    /// True when the unit was not in the units file and was created from a
    /// dossier's unit name; reported so the clerk can add it properly.
    public var isImplicit: Bool

    public init(code: String, name: String, level: String = "", parentCode: String? = nil,
                sortOrder: Int = 0, isImplicit: Bool = false) {
        self.code = code; self.name = name; self.level = level; self.parentCode = parentCode
        self.sortOrder = sortOrder; self.isImplicit = isImplicit
    }
}

/// The unit hierarchy of any depth: province → district → commune, or
/// province → commune after the 2025 reform, with departments beside them.
public struct UnitTree: Sendable {
    public let units: [String: OrgUnit]
    /// Children of each unit, in display order; the key `nil` holds the top level.
    private let children: [String?: [String]]

    /// Units whose parent is unknown are placed at the top level; a cycle is
    /// broken there too, so that every unit is reachable exactly once.
    public init(_ list: [OrgUnit]) {
        var units: [String: OrgUnit] = [:]
        for u in list { units[u.code] = u }
        func parent(of u: OrgUnit) -> String? {
            guard let p = u.parentCode, p != u.code, units[p] != nil else { return nil }
            // Walk up; if we come back to u, it is in a cycle: treat as top level.
            var seen: Set<String> = [u.code]
            var cur: String? = p
            while let c = cur {
                if seen.contains(c) { return nil }
                seen.insert(c)
                cur = units[c]?.parentCode.flatMap { units[$0] != nil ? $0 : nil }
            }
            return p
        }
        var children: [String?: [String]] = [:]
        for u in units.values { children[parent(of: u), default: []].append(u.code) }
        for key in children.keys {
            children[key]!.sort { a, b in
                let ua = units[a]!, ub = units[b]!
                return (ua.sortOrder, ua.name, ua.code) < (ub.sortOrder, ub.name, ub.code)
            }
        }
        self.units = units
        self.children = children
    }

    public subscript(code: String) -> OrgUnit? { units[code] }

    public var topLevel: [String] { children[nil] ?? [] }

    public func children(of code: String?) -> [String] { children[code] ?? [] }

    /// The unit and all its descendants, parents before children, siblings in display order.
    public func subtree(of code: String) -> [String] {
        var out: [String] = []
        var stack = [code]
        while let c = stack.popLast() {
            out.append(c)
            stack.append(contentsOf: children(of: c).reversed())
        }
        return out
    }

    /// Every unit in display order, depth first.
    public var allInDisplayOrder: [String] { topLevel.flatMap { subtree(of: $0) } }

    /// Maps every unit code to the code of the row it is counted in when the
    /// report lists `rows` (each row covers its whole subtree).
    public func rowIndex(forRows rows: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, row) in rows.enumerated() {
            for c in subtree(of: row) where index[c] == nil { index[c] = i }
        }
        return index
    }
}
