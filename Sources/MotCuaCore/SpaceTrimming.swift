extension StringProtocol {
    /// The text without the spaces and tabs around it (*bỏ khoảng trắng hai
    /// đầu*): what Foundation's `trimmingCharacters(in: .whitespaces)` gives
    /// (Unicode category Zs, U+0009 and, in swift-corelibs-foundation, the
    /// zero-width space U+200B; scalar by scalar, line ends kept).
    ///
    /// Every command reads its calendar files first, and Foundation's trim,
    /// about 23,000 instructions a call through its character set, was half
    /// of parsing them: 36 M of the 300 M instructions spent before an
    /// export's first row (callgrind, BENCHMARKS.md).
    package func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpaceOrTab }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isSpaceOrTab })!
        // Sliced at scalar boundaries, which need not be a character's: a
        // combining mark after a space stays, as Foundation leaves it.
        return String(self[first..<scalars.index(after: last)])
    }
}

extension Unicode.Scalar {
    /// U+0009, U+200B or a space separator (Zs): Foundation's
    /// `CharacterSet.whitespaces` on Linux, checked scalar by scalar over all
    /// of Unicode when this was written.
    @inline(__always)
    fileprivate var isSpaceOrTab: Bool {
        value < 0x80 ? (value == 0x20 || value == 0x09)
            : (value == 0x200B || properties.generalCategory == .spaceSeparator)
    }
}
