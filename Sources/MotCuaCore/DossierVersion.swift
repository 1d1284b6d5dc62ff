/// Where one version of a dossier stands among the versions that exports
/// give of it — the rule "trạng thái mới hơn thắng" (the newer state wins,
/// docs/rules.md#import): of two versions the greater is kept, in one file as across
/// imports.
///
/// The order is total over contents — the state moment (NgayCapNhat, else
/// the latest event), then the latest event (two exports stamped with the
/// same NgayCapNhat, one further on), then the content digest — so the stored
/// state is the greatest version of all the lines ever imported, whatever the
/// order of the files. A tie broken by "the later import" made the result
/// depend on that order.
///
/// Two versions are equal when their contents are (equal digests; the
/// moments follow from the content).
package struct DossierVersion: Comparable, Hashable, Sendable {
    /// ``Dossier/stateMoment`` in seconds, ``DossierBatch/null`` for none.
    package let moment: Int64
    /// ``Dossier/latestEvent`` in seconds, ``DossierBatch/null`` for none.
    package let latestEvent: Int64
    /// ``DossierBatch/contentHash(of:)``: what the version says, in 64 bits.
    package let digest: Int64

    /// - Parameter digest: the content digest of `dossier` (``DossierBatch/contentHash(of:)``),
    ///   when the caller has it already (a batch computes it as it packs a row).
    package init(_ dossier: Dossier, digest: Int64) {
        moment = dossier.stateMoment?.secondsSinceEpoch ?? DossierBatch.null
        latestEvent = dossier.latestEvent?.secondsSinceEpoch ?? DossierBatch.null
        self.digest = digest
    }

    package init(_ dossier: Dossier) {
        self.init(dossier, digest: DossierBatch.contentHash(of: dossier))
    }

    package static func < (a: DossierVersion, b: DossierVersion) -> Bool {
        (a.moment, a.latestEvent, a.digest) < (b.moment, b.latestEvent, b.digest)
    }

    /// Trạng thái mới hơn thắng: whether `incoming` replaces `stored` — the
    /// state kept so far, from earlier lines of the file or earlier imports.
    /// Only a strictly newer version does: the same content again changes
    /// nothing, and an older one never moves a dossier back.
    ///
    /// Every store decides with this function, so that the final state of a
    /// dossier is the greatest of its versions whatever the order of the lines
    /// and the files.
    package static func newer(stored: DossierVersion, incoming: DossierVersion) -> Bool {
        incoming > stored
    }
}
