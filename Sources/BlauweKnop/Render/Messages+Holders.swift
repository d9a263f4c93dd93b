extension Messages {
    /// A contact option's kind (PROTOCOL §5 `soort`, a Dutch word) in this language; a kind bk
    /// does not know is shown as the holder wrote it.
    public func contactKind(_ soort: String) -> String {
        let keys: [String: MessageKey] = [
            "telefoon": .contactPhone, "website": .contactWebsite, "email": .contactEmail, "e-mail": .contactEmail, "post": .contactPost,
            "adres": .contactAddress, "chat": .contactChat, "whatsapp": .contactWhatsApp,
        ]
        return keys[soort.lowercased()].map { self[$0] } ?? soort
    }

    /// A status word for a holder, as a person reads it.
    public func status(_ status: HolderStatus) -> String {
        switch status {
        case .ok: self[.statusOK]
        case .okWithWarnings: self[.statusOKWithWarnings]
        case .unreachable: self[.statusUnreachable]
        case .timeout: self[.statusTimeout]
        case .httpError: self[.statusHTTPError]
        case .unauthorized: self[.statusUnauthorized]
        case .invalidSignature: self[.statusInvalidSignature]
        case .invalidDocument: self[.statusInvalidDocument]
        case .unsupportedVersion: self[.statusUnsupportedVersion]
        case .notInConsent: self[.statusNotInConsent]
        case .notSupported: self[.statusNotSupported]
        }
    }

    /// Why a holder is missing, in plain words (the technical reason is for `--verbose`).
    /// - Parameter forRequester: the reader fetched under a client's consent, so the advice is
    ///   theirs (ask the client for a new consent), never the citizen's (`bk login`).
    public func reason(_ status: HolderStatus, forRequester: Bool = false) -> String {
        switch status {
        case .unauthorized where forRequester: self[.reasonUnauthorizedClient]
        case .ok, .okWithWarnings: ""
        case .unreachable: self[.reasonUnreachable]
        case .timeout: self[.reasonTimeout]
        case .httpError: self[.reasonHTTPError]
        case .unauthorized: self[.reasonUnauthorized]
        case .invalidSignature, .invalidDocument: self[.reasonIntegrity]
        case .unsupportedVersion: self[.reasonUnsupportedVersion]
        case .notInConsent: self[.reasonNotInConsent]
        case .notSupported: self[.reasonNotSupported]
        }
    }
}
