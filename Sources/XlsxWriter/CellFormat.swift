import CXlsxWriter

/// The look of a cell, described as a value so that formats can be shared:
/// a workbook creates one libxlsxwriter format per distinct description,
/// fully configured before any cell uses it.
package struct CellFormat: Hashable, Sendable {
    package enum HorizontalAlignment: Hashable, Sendable { case general, left, center, right }
    package enum VerticalAlignment: Hashable, Sendable { case top, center, bottom }

    package var fontName: String = "Times New Roman"
    package var fontSize: Double = 12
    package var bold = false
    package var italic = false
    package var underline = false
    package var wrap = false
    package var horizontal: HorizontalAlignment = .general
    package var vertical: VerticalAlignment = .center
    /// Thin border on all four sides.
    package var border = false
    /// Thin border below only (the rule under the national motto).
    package var bottomBorder = false
    /// US-locale Excel number format (`"0"`, `"#,##0"`, `"0.0"`); Excel shows it in the reader's locale.
    package var numberFormat: String? = nil
    /// Background fill as 0xRRGGBB.
    package var fill: UInt32? = nil
    /// Indent level of the text (about three spaces each), for nested rows.
    package var indent = 0

    package init() {}

    package init(_ configure: (inout CellFormat) -> Void) {
        var f = CellFormat()
        configure(&f)
        self = f
    }

    func apply(to format: UnsafeMutablePointer<lxw_format>) {
        format_set_font_name(format, fontName)
        format_set_font_size(format, fontSize)
        if bold { format_set_bold(format) }
        if italic { format_set_italic(format) }
        if underline { format_set_underline(format, UInt8(LXW_UNDERLINE_SINGLE.rawValue)) }
        if wrap { format_set_text_wrap(format) }
        switch horizontal {
        case .general: break
        case .left: format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center: format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right: format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue))
        }
        switch vertical {
        case .top: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        case .center: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        case .bottom: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_BOTTOM.rawValue))
        }
        if border { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        if bottomBorder { format_set_bottom(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        if let nf = numberFormat { format_set_num_format(format, nf) }
        if indent > 0 { format_set_indent(format, UInt8(min(indent, 15))) }
        if let fill {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, fill)
        }
    }
}
