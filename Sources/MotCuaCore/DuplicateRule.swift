/// Hồ sơ trùng trong một tệp (docs/rules.md#import): a line of an export whose MaHoSo an
/// earlier line of the same file already had.
///
/// A later line with other content supersedes the earlier one as the file's
/// word on the dossier and is reported as a duplicate (trùng mã), not
/// rejected; an identical repeat (lặp y hệt) is counted once. Which state is
/// then stored is not this rule's call: the line competes with the stored
/// state like any other (``DossierVersion/newer(stored:incoming:)``), so that
/// a file's own line order cannot move a dossier back either.
package enum DuplicateRule {
    package enum Verdict: Sendable, Equatable {
        /// Lặp y hệt: the same content as the earlier line; counted once, nothing else happens.
        case `repeat`
        /// Trùng mã: other content; reported with the earlier line's number,
        /// and the line is the one a further line is compared with.
        case supersedes
    }

    /// The verdict on `later`, given `earlier`: the nearest earlier line of
    /// the file with the same MaHoSo. Contents are compared by their digests
    /// (``DossierBatch/contentHash(of:)``), as the store keeps them.
    package static func resolve(earlier: Int64, later: Int64) -> Verdict {
        earlier == later ? .repeat : .supersedes
    }

    /// The verdict on `later` given the earlier line `earlier` of the same MaHoSo.
    package static func resolve(earlier: Dossier, later: Dossier) -> Verdict {
        resolve(earlier: DossierBatch.contentHash(of: earlier), later: DossierBatch.contentHash(of: later))
    }
}
