/// The rules in words, for the legend printed under the scoring table, so
/// that a reader sees the rules actually used (they come from an editable file).
extension PointRule {
    /// "Trước hạn: 2 điểm; đúng hạn: 1 điểm; trễ hạn: 0 điểm."
    package var vietnameseDescription: String {
        func p(_ n: Int) -> String { "\(n) điểm" }
        switch self {
        case let .onTimeClass(early, onTime, late):
            return "Trước hạn: \(p(early)); đúng hạn: \(p(onTime)); trễ hạn: \(p(late))."
        case let .supplementCount(thresholds, more):
            var parts: [String] = []
            var from = 0
            for t in thresholds.sorted(by: { $0.atMost < $1.atMost }) where t.atMost >= from {
                let range = t.atMost == from ? "\(from) lần" : "từ \(from) đến \(t.atMost) lần"
                parts.append("\(range): \(p(t.points))")
                from = t.atMost + 1
            }
            parts.append(from == 0 ? "mọi số lần: \(p(more))" : "từ \(from) lần trở lên: \(p(more))")
            return "Số lần phải bổ sung hồ sơ — " + parts.joined(separator: "; ") + "."
        case let .disclosure(full, partial, none):
            return "Công khai đầy đủ: \(p(full)); công khai một phần: \(p(partial)); không công khai: \(p(none))."
        case let .serviceLevel(level4, level3, other):
            return "Mức độ 4 (toàn trình): \(p(level4)); mức độ 3 (một phần): \(p(level3)); mức độ khác: \(p(other))."
        case let .steps(allEarly, allOnTime, anyLate):
            return "Mọi bước trước hạn: \(p(allEarly)); mọi bước đúng hạn: \(p(allOnTime)); có bước trễ hạn: \(p(anyLate))."
        case .notDerived:
            return "Theo phiếu đánh giá."
        }
    }
}

extension IndicatorSource {
    /// Where the points come from when no evaluation gives them.
    package var vietnameseDescription: String {
        switch self {
        case .onTimeClass: return "Phân loại trước hạn / đúng hạn / trễ hạn của hồ sơ"
        case .supplementCount: return "Số lần yêu cầu bổ sung (SoLanBoSung; để trống = 0 lần)"
        case .disclosure: return "Mức công khai của thủ tục (cột CongKhai của danh mục TTHC)"
        case .serviceLevel: return "Mức độ dịch vụ công trực tuyến của thủ tục trong danh mục TTHC"
        case .steps: return "Thời gian từng bước xử lý (dữ liệu xuất chưa có: chỉ theo phiếu đánh giá)"
        case .notDerived: return "Chỉ theo phiếu đánh giá"
        }
    }
}
