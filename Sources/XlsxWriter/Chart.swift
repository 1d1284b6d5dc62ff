import CXlsxWriter

/// A native Excel chart. Insert it into exactly one worksheet.
package struct Chart {
    package enum Kind: Sendable {
        case bar, column
        var code: UInt8 {
            switch self {
            case .bar: return UInt8(LXW_CHART_BAR.rawValue)
            case .column: return UInt8(LXW_CHART_COLUMN.rawValue)
            }
        }
    }

    let handle: UnsafeMutablePointer<lxw_chart>
    let kind: Kind

    /// libxlsxwriter swaps the axes of a bar chart: there `x_axis` is the
    /// (horizontal) value axis and `y_axis` the category axis.
    private var valueAxis: UnsafeMutablePointer<lxw_chart_axis> { kind == .bar ? handle.pointee.x_axis : handle.pointee.y_axis }
    private var categoryAxis: UnsafeMutablePointer<lxw_chart_axis> { kind == .bar ? handle.pointee.y_axis : handle.pointee.x_axis }

    /// Adds a series from cell ranges of `sheet` (the setters quote sheet names).
    package func addSeries(sheet: String, categories: (firstRow: Int, lastRow: Int, column: Int),
                          values: (firstRow: Int, lastRow: Int, column: Int), numberFormat: String? = nil) {
        let s = chart_add_series(handle, nil, nil)!
        chart_series_set_categories(s, sheet, lxw_row_t(categories.firstRow), lxw_col_t(categories.column),
                                    lxw_row_t(categories.lastRow), lxw_col_t(categories.column))
        chart_series_set_values(s, sheet, lxw_row_t(values.firstRow), lxw_col_t(values.column),
                                lxw_row_t(values.lastRow), lxw_col_t(values.column))
        chart_series_set_labels(s)
        if let numberFormat { chart_series_set_labels_num_format(s, numberFormat) }
    }

    package func setTitle(_ title: String) { chart_title_set_name(handle, title) }

    /// Lists categories top-down in a bar chart, in the table's order.
    package func reverseCategories() { chart_axis_set_reverse(categoryAxis) }

    package func hideLegend() { chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_NONE.rawValue)) }

    /// Bounds of the value axis (the y axis of a column chart, the x axis of a bar chart).
    package func setValueAxis(min: Double, max: Double, name: String? = nil, numberFormat: String? = nil) {
        let axis = valueAxis
        chart_axis_set_min(axis, min)
        chart_axis_set_max(axis, max)
        if let name { chart_axis_set_name(axis, name) }
        if let numberFormat { chart_axis_set_num_format(axis, numberFormat) }
    }
}
