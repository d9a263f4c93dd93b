/// How one holder's part of the overview ended (PROTOCOL §7).
public enum HolderStatus: String, Codable, Sendable, CaseIterable {
    case ok
    case okWithWarnings = "ok_with_warnings"
    case unreachable
    case timeout
    case httpError = "http_error"
    case unauthorized
    case invalidSignature = "invalid_signature"
    case invalidDocument = "invalid_document"
    case unsupportedVersion = "unsupported_version"
    /// A requester's overview (PROTOCOL §10.6): the holder is outside the consent's
    /// organisations and was not contacted.
    case notInConsent = "not_in_consent"
    /// A requester's overview: the holder is in the consent but does not take part in Plus.
    case notSupported = "not_supported"

    /// The holder's document was verified and merged.
    public var isSuccess: Bool { self == .ok || self == .okWithWarnings }

    /// Outside what a requester's consent covers: neither success nor failure, and never
    /// counted against `complete` (PROTOCOL §10.6).
    public var isOutOfScope: Bool { self == .notInConsent || self == .notSupported }

    /// The holder answered, but what it sent failed verification: possible tampering.
    public var isIntegrityFailure: Bool { self == .invalidSignature || self == .invalidDocument || self == .unsupportedVersion }
}

/// bk's exit codes (PROTOCOL §7 and §9): the one table every command ends with. What an error
/// ends with is `ExitStatus(for:)`.
public enum ExitStatus: Int32, Sendable {
    /// Every holder ok.
    case complete = 0
    /// Other errors.
    case failure = 1
    /// The scheme failed verification; nothing fetched.
    case schemeRejected = 2
    /// Some holders could not be reached or refused; no integrity failure.
    case partial = 3
    /// At least one holder's document failed verification (never masked by 3).
    case integrityFailure = 4
    /// Bad command-line use.
    case usage = 64
    /// Nobody is logged in here, or the login expired: run `bk login` first (sysexits'
    /// EX_NOPERM), so that a script can tell it from a failure.
    case loginRequired = 77

    /// The exit code for a set of holder statuses.
    public static func forStatuses<S: Sequence>(_ statuses: S) -> ExitStatus where S.Element == HolderStatus {
        var partial = false
        for status in statuses {
            if status.isIntegrityFailure { return .integrityFailure }
            if !status.isSuccess && !status.isOutOfScope { partial = true }
        }
        return partial ? .partial : .complete
    }
}
