extension ExitStatus {
    /// The exit code a command ends with when `error` stops it, whatever the command: a
    /// scheme that fails verification is 2, a PDF shaped otherwise than bk writes it is 4
    /// (possible tampering), no login or an expired one is 77, anything else is 1.
    public init(for error: any Error) {
        switch error {
        case let error as SchemeError where error.isVerificationFailure: self = .schemeRejected
        case let error as IdentityError where error.code == .notLoggedIn || error.code == .expired: self = .loginRequired
        case let error as PDFError where error.code == .notBKShape: self = .integrityFailure
        default: self = .failure
        }
    }
}
