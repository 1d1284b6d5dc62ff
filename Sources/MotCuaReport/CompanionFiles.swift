import Foundation
import MotCuaCore

/// Where the long lists go (tệp kèm theo): files written beside the report,
/// so that the report a clerk prints stays a few pages however many
/// dossiers are overdue (docs/rules.md#companion-files).
package enum CompanionFiles {
    /// What a companion holds.
    package enum Kind: String, Sendable {
        /// The full overdue list, one sheet per top-level unit.
        case overdue = "qua-han"
        /// The data-quality findings in full.
        case dataQuality = "kiem-tra-du-lieu"
    }

    /// `bao-cao.xlsx` → `bao-cao-qua-han.xlsx` in the same folder.
    package static func path(beside main: String, kind: Kind) -> String {
        let base = (main as NSString).pathExtension.lowercased() == "xlsx" ? (main as NSString).deletingPathExtension : main
        return base + "-" + kind.rawValue + ".xlsx"
    }
}

/// The overdue entries under each top-level unit of the report (the units
/// whose rows the unit tables print), in display order; the root's own
/// dossiers first, dossiers of a unit the tree does not know last.
struct OverdueGroup {
    /// The unit's name, or the unknown code.
    let name: String
    let entries: [OverdueEntry]

    static func groups(_ entries: [OverdueEntry], tree: UnitTree, root: OrgUnit?) -> [OverdueGroup] {
        let tops = root.map { tree.children(of: $0.code) } ?? tree.topLevel
        var groupOf: [String: Int] = [:]
        var order: [(code: String, name: String)] = []
        if let root {
            groupOf[root.code] = 0
            order.append((root.code, root.name))
        }
        for top in tops {
            let i = order.count
            order.append((top, tree[top]?.name ?? top))
            for c in tree.subtree(of: top) { groupOf[c] = i }
        }
        var buckets = Array(repeating: [OverdueEntry](), count: order.count)
        var unknown: [String: [OverdueEntry]] = [:]
        for e in entries {
            if let i = groupOf[e.dossier.unitCode] { buckets[i].append(e) } else { unknown[e.dossier.unitCode, default: []].append(e) }
        }
        return zip(order, buckets).filter { !$0.1.isEmpty }.map { OverdueGroup(name: $0.0.name, entries: $0.1) }
            + unknown.keys.sorted().map { OverdueGroup(name: $0, entries: unknown[$0]!) }
    }
}

/// Excel sheet names: at most 31 characters, none of `[]:*?/\`, unique
/// ignoring case.
struct SheetNames {
    private var used: Set<String> = []

    mutating func make(_ wanted: String) -> String {
        let clean = String(wanted.map { "[]:*?/\\".contains($0) ? "-" : $0 })
            .trimmingCharacters(in: CharacterSet(charactersIn: "' "))
        let base = clean.isEmpty ? "Trang" : clean
        var name = String(base.prefix(31))
        var n = 2
        while used.contains(name.lowercased()) {
            let suffix = " (\(n))"
            name = String(base.prefix(31 - suffix.count)) + suffix
            n += 1
        }
        used.insert(name.lowercased())
        return name
    }
}
