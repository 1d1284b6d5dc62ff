import MotCuaCore
import XCTest

/// The unit tree must keep every subtree whatever mistakes the units file has
/// (issue 14: a self-parent detached 22,676 of 24,120 dossiers' units).
final class UnitTreeTests: XCTestCase {
    func unit(_ code: String, _ parent: String?) -> OrgUnit { OrgUnit(code: code, name: code, parentCode: parent) }

    func testSelfParentKeepsItsSubtree() {
        let tree = UnitTree([unit("T00", "T00"), unit("H1", "T00"), unit("X1", "H1"), unit("X2", "H1")])
        XCTAssertEqual(tree.topLevel, ["T00"])
        XCTAssertEqual(tree.subtree(of: "T00"), ["T00", "H1", "X1", "X2"])
        XCTAssertEqual(tree.selfParents, ["T00"])
        XCTAssertEqual(tree.cycles, [])
    }

    func testCycleIsBrokenAtItsSmallestCodeAndReported() {
        // B → C → D → B, with A hanging under C and E under D.
        let tree = UnitTree([unit("C", "B"), unit("D", "C"), unit("B", "D"), unit("A", "C"), unit("E", "D")])
        XCTAssertEqual(tree.cycles, [["B", "D", "C"]], "listed from the smallest code along the parent links")
        XCTAssertEqual(tree.topLevel, ["B"])
        XCTAssertEqual(Set(tree.subtree(of: "B")), ["A", "B", "C", "D", "E"])
        XCTAssertEqual(tree.children(of: "C"), ["A", "D"])
    }

    /// For random parent links (unknown parents, self-parents, cycles of any
    /// length): every unit appears exactly once; every unit keeps its declared
    /// parent unless it is a self-parent, a cycle's smallest code or has an
    /// unknown parent; the reported cycles are real cycles.
    func testRandomParentLinksLoseNoUnit() {
        var rng = SplitMix64(seed: 766)
        for _ in 0..<500 {
            let n = Int.random(in: 1...12, using: &rng)
            let codes = (0..<n).map { "U\($0)" }
            let units = codes.map { code -> OrgUnit in
                let r = Int.random(in: 0..<10, using: &rng)
                let parent: String? = r == 0 ? nil : r == 1 ? "missing" : codes.randomElement(using: &rng)
                return unit(code, parent)
            }
            let tree = UnitTree(units)
            XCTAssertEqual(tree.allInDisplayOrder.sorted(), codes.sorted())
            let declared = Dictionary(uniqueKeysWithValues: units.map { ($0.code, $0.parentCode) })
            let broken = Set(tree.selfParents + tree.cycles.map { $0[0] })
            for cycle in tree.cycles {
                for (i, code) in cycle.enumerated() {
                    XCTAssertEqual(declared[code]!, cycle[(i + 1) % cycle.count], "\(cycle) follows the parent links")
                }
            }
            var treeParent: [String: String] = [:]
            for code in codes { for child in tree.children(of: code) { treeParent[child] = code } }
            for code in codes {
                let p = declared[code]!
                let expected = (p == nil || p == "missing" || broken.contains(code)) ? nil : p
                XCTAssertEqual(treeParent[code], expected, "\(code) in \(units.map { "\($0.code)→\($0.parentCode ?? "-")" })")
            }
        }
    }
}
