import MotCuaCore

/// Weighted choice among `count` items in O(log n): cumulative weights and a
/// binary search. Built once per pool (a unit's procedures, the units).
struct WeightedTable: Sendable {
    private let cumulative: [Double]
    let items: [Int]

    /// - Parameter weighted: item index and its weight (> 0).
    package init(_ weighted: [(item: Int, weight: Double)]) {
        var total = 0.0
        var cumulative: [Double] = []
        cumulative.reserveCapacity(weighted.count)
        for w in weighted { total += w.weight; cumulative.append(total) }
        self.cumulative = cumulative
        self.items = weighted.map(\.item)
    }

    var isEmpty: Bool { items.isEmpty }

    @inline(__always)
    package func pick(_ rng: inout SplitMix64) -> Int {
        let target = rng.unit() * cumulative[cumulative.count - 1]
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > target { high = mid } else { low = mid + 1 }
        }
        return items[low]
    }
}
