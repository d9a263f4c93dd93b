/// Why a request about a zaak (PROTOCOL §11) could not be made, filed or proven.
public struct DisputeError: CodedError, Hashable {
    /// The reasons of this domain.
    public typealias Code = ErrorCode<DisputeError>

    public let code: Code
    public let detail: String

    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }
}

extension ErrorCode where Domain == DisputeError {
    /// A text of the request breaks §11.1: empty, too long, or with control characters.
    public static var invalidText: Self { Self("invalidText") }
    /// A bezwaar without the filer's name and complete postal address (Awb 6:5).
    public static var filerMissing: Self { Self("filerMissing") }
    /// Not a well-formed request, receipt or proof file.
    public static var malformed: Self { Self("malformed") }
    /// A signature, or the credential that binds the app key to the citizen, fails.
    public static var badSignature: Self { Self("badSignature") }
    /// The receipt does not confirm this request from this holder for this citizen.
    public static var receiptMismatch: Self { Self("receiptMismatch") }
}
