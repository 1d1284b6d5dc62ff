/// Where one version of a dossier stands among the versions that exports
/// give of it: of two versions the greater is kept (docs/rules.md#import, "the newer
/// state wins").
///
/// The order is total over contents — the state moment, then the latest
/// event (two exports stamped with the same NgayCapNhat, one further on),
/// then the content digest — so the stored state is the greatest version
/// of all the lines ever imported, whatever the order of the files. A tie
/// broken by "the later import" made the result depend on that order.
public struct DossierVersion: Comparable, Sendable {
    let moment: Int64
    let latestEvent: Int64
    let digest: Int64

    /// - Parameter digest: the content digest of `dossier` (``DossierBatch/contentHash(of:)``).
    public init(_ dossier: Dossier, digest: Int64) {
        moment = dossier.stateMoment?.secondsSinceEpoch ?? DossierBatch.null
        latestEvent = dossier.latestEvent?.secondsSinceEpoch ?? DossierBatch.null
        self.digest = digest
    }

    public static func < (a: DossierVersion, b: DossierVersion) -> Bool {
        (a.moment, a.latestEvent, a.digest) < (b.moment, b.latestEvent, b.digest)
    }
}
