/// The counts behind the QĐ 766 index of one unit (or subtree, or group):
/// plain sums, so that a parent's index is computed from its children's
/// sums, never averaged (docs/rules.md#rollup).
package struct Index766Counts: Sendable, Hashable, Summable {
    /// Tiến độ: dossiers in scope, and those on time by the portal's rule.
    package var progressInScope = 0
    package var progressOnTime = 0
    /// Received in the period with the column known, and of those the "yes":
    /// kết quả điện tử, số hóa, thanh toán trực tuyến.
    package var electronicResultKnown = 0, electronicResult = 0
    package var digitisationKnown = 0, digitised = 0
    package var paymentKnown = 0, paidOnline = 0

    package init() {}

    /// Counts one dossier in scope. The columns' indicators count received
    /// dossiers only (docs/rules.md#index766-other).
    package mutating func add(_ d: Dossier, state: PeriodState, verdict: Index766Verdict) {
        progressInScope += 1
        if verdict.isOnTime { progressOnTime += 1 }
        guard state.isReceived else { return }
        func count(_ value: Bool?, _ known: inout Int, _ yes: inout Int) {
            guard let value else { return }
            known += 1
            if value { yes += 1 }
        }
        count(d.hasElectronicResult, &electronicResultKnown, &electronicResult)
        count(d.digitisation, &digitisationKnown, &digitised)
        count(d.isPaidOnline, &paymentKnown, &paidOnline)
    }

    package static func += (a: inout Index766Counts, b: Index766Counts) {
        a.progressInScope += b.progressInScope; a.progressOnTime += b.progressOnTime
        a.electronicResultKnown += b.electronicResultKnown; a.electronicResult += b.electronicResult
        a.digitisationKnown += b.digitisationKnown; a.digitised += b.digitised
        a.paymentKnown += b.paymentKnown; a.paidOnline += b.paidOnline
    }
}
