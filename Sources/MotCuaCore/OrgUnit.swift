/// An organisational unit that receives or resolves dossiers (đơn vị / cơ quan):
/// a commune People's Committee, a district desk, a department.
package struct OrgUnit: Sendable, Hashable {
    /// Mã đơn vị.
    package var code: String
    /// Tên đơn vị, as printed in reports.
    package var name: String
    /// Cấp: `tinh`, `so-nganh`, `huyen`, `xa` or another word; matched against a
    /// procedure's CapThucHien.
    package var level: String
    /// Mã đơn vị cha; `nil` for a top-level unit.
    package var parentCode: String?
    /// Thứ tự: display order among siblings (the STT of reports).
    package var sortOrder: Int
    /// True when the unit was not in the units file and was created from a
    /// dossier's unit name; reported so the clerk can add it properly.
    package var isImplicit: Bool

    package init(code: String, name: String, level: String = "", parentCode: String? = nil,
                sortOrder: Int = 0, isImplicit: Bool = false) {
        self.code = code; self.name = name; self.level = level; self.parentCode = parentCode
        self.sortOrder = sortOrder; self.isImplicit = isImplicit
    }
}

/// The unit hierarchy of any depth: province → district → commune, or
/// province → commune after the 2025 reform, with departments beside them.
package struct UnitTree: Sendable {
    package let units: [String: OrgUnit]
    /// Children of each unit, in display order; the key `nil` holds the top level.
    private let children: [String?: [String]]

    /// Units that name themselves as their parent (MaDonViCha = MaDonVi);
    /// they are placed at the top level, with their subtrees.
    package let selfParents: [String]
    /// Parent cycles (A → B → A), each listed from its smallest code along
    /// the parent links; each is broken at that smallest code, which is
    /// placed at the top level, so the rest of the cycle stays beneath it.
    package let cycles: [[String]]

    /// Units whose parent is unknown are placed at the top level; a
    /// self-parent or a cycle is broken as ``selfParents`` and ``cycles``
    /// say, so that every unit is reachable exactly once and no subtree is
    /// lost because something above it is wrong.
    package init(_ list: [OrgUnit]) {
        var units: [String: OrgUnit] = [:]
        for u in list { units[u.code] = u }
        var parent: [String: String] = [:]
        var selfParents: [String] = []
        for u in units.values {
            guard let p = u.parentCode, units[p] != nil else { continue }
            if p == u.code { selfParents.append(u.code) } else { parent[u.code] = p }
        }
        // Each unit has at most one parent, so walking up from any unit ends
        // at a root or enters exactly one cycle; colour units as walked.
        var cycles: [[String]] = []
        var done: Set<String> = []
        for start in units.keys.sorted() where !done.contains(start) {
            var path: [String] = [], onPath: [String: Int] = [:]
            var cur: String? = start
            while let c = cur, !done.contains(c) {
                if let i = onPath[c] {
                    var cycle = Array(path[i...])
                    let smallest = cycle.indices.min { cycle[$0] < cycle[$1] }!
                    cycle = Array(cycle[smallest...] + cycle[..<smallest])
                    cycles.append(cycle)
                    parent[cycle[0]] = nil
                    break
                }
                onPath[c] = path.count
                path.append(c)
                cur = parent[c]
            }
            done.formUnion(path)
        }
        var children: [String?: [String]] = [:]
        for u in units.values { children[parent[u.code], default: []].append(u.code) }
        for key in children.keys {
            children[key]!.sort { a, b in
                let ua = units[a]!, ub = units[b]!
                return (ua.sortOrder, ua.name, ua.code) < (ub.sortOrder, ub.name, ub.code)
            }
        }
        self.units = units
        self.children = children
        self.selfParents = selfParents.sorted()
        self.cycles = cycles.sorted { $0[0] < $1[0] }
    }

    package subscript(code: String) -> OrgUnit? { units[code] }

    package var topLevel: [String] { children[nil] ?? [] }

    package func children(of code: String?) -> [String] { children[code] ?? [] }

    /// The unit and all its descendants, parents before children, siblings in display order.
    package func subtree(of code: String) -> [String] {
        var out: [String] = []
        var stack = [code]
        while let c = stack.popLast() {
            out.append(c)
            stack.append(contentsOf: children(of: c).reversed())
        }
        return out
    }

    /// The sum of `own` over a unit's subtree: the roll-up of docs/rules.md#rollup,
    /// for figures and scores alike.
    package func subtreeSum<Value: Summable>(of code: String, _ own: [String: Value]) -> Value {
        var sum = Value()
        for c in subtree(of: code) { if let v = own[c] { sum += v } }
        return sum
    }

    /// Every unit in display order, depth first.
    package var allInDisplayOrder: [String] { topLevel.flatMap { subtree(of: $0) } }

}

/// Counts that roll up by addition (``UnitFigures``, ``UnitScore``).
package protocol Summable {
    init()
    static func += (a: inout Self, b: Self)
}

extension UnitFigures: Summable {}
extension UnitScore: Summable {}
