/// Why a request about a zaak (PROTOCOL §11) could not be made, filed or proven.
public struct DisputeError: CodedError, Hashable {
    /// The reasons of this domain.
    public typealias Code = ErrorCode<DisputeError>

    public let code: Code
    public let detail: String
    /// The names a sentence in the reader's language needs (`zaak`, `organization`, `field`, `name`).
    public let values: [String: String]

    public init(_ code: Code, _ detail: String, values: [String: String] = [:]) {
        self.code = code
        self.detail = detail
        self.values = values
    }
}

extension ErrorCode where Domain == DisputeError {
    /// A text of the request breaks §11.1: empty, too long, or with control characters.
    public static var invalidText: Self { Self("invalidText") }
    /// A bezwaar without the filer's name and complete postal address (Awb 6:5).
    public static var filerMissing: Self { Self("filerMissing") }
    /// The organisation's document has no zaak with the given zaakkenmerk.
    public static var unknownZaak: Self { Self("unknownZaak") }
    /// The organisation named is not in the scheme.
    public static var unknownOrganization: Self { Self("unknownOrganization") }
    /// Which organisation holds the zaak is not known (no overview yet) or not one: `--org`.
    public static var organizationNeeded: Self { Self("organizationNeeded") }
    /// Not a well-formed request, receipt or proof file.
    public static var malformed: Self { Self("malformed") }
    /// A signature, or the credential that binds the app key to the citizen, fails.
    public static var badSignature: Self { Self("badSignature") }
    /// The receipt does not confirm this request from this holder for this citizen.
    public static var receiptMismatch: Self { Self("receiptMismatch") }
}
