extension WorkCalendar {
    /// The calendar as bytes: one bit per day of the table (working or not)
    /// and the working hours. Two calendars with the same bytes compute the
    /// same due dates, so an import may reuse what the other decoded
    /// (docs/rules.md#source-digests).
    package var identityBytes: [UInt8] {
        var bytes = [UInt8](repeating: 0, count: (working.count + 7) / 8)
        for (i, w) in working.enumerated() where w { bytes[i >> 3] |= 1 << UInt8(i & 7) }
        for s in workingHours.sessions {
            for v in [s.start, s.end] { withUnsafeBytes(of: Int64(v).littleEndian) { bytes += $0 } }
        }
        return bytes
    }
}
