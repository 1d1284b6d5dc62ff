extension SubmissionChannel {
    /// The deadline view of a dossier's channel (KenhThucHien).
    package init(_ channel: Channel) {
        switch channel {
        case .direct: self = .direct
        case .online: self = .online
        case .postal: self = .postal
        }
    }
}
