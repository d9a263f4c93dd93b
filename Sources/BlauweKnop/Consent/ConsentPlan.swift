/// What a citizen is about to consent to, checked against the scheme before anything is
/// signed or sent: the requester, its purpose, the organisations, the detail and the dates.
public struct ConsentPlan: Sendable {
    public let requester: SchemeDocument.Requester
    public let purpose: String
    /// The organisations that may answer, in scheme order.
    public let organizations: [SchemeDocument.Organization]
    public let detail: Consent.Detail
    public let iat: Int64
    public let exp: Int64
    /// The requester's case reference for this citizen, when the counsellor gave one.
    public let reference: String?

    /// Resolves what the citizen typed: the requester by OIN or short name, organisations
    /// (`only`, by OIN or short name; all of the scheme when empty), and the end as a number
    /// of days or a last day (`YYYY-MM-DD`, the consent then ends at the end of that day in
    /// Europe/Amsterdam). Anything the scheme does not allow is refused with `.notAllowed`.
    public init(
        scheme: VerifiedScheme, to requesterName: String, purpose: String, days: Int?, until: String?, only: [String], detail: Consent.Detail,
        reference: String? = nil, now: Int64
    ) throws(ConsentError) {
        if let reference, !Consent.isValidReference(reference) {
            throw ConsentError(.notAllowed, "the reference must be 1 to 64 printable characters, without control characters", refusal: .badReference)
        }
        guard let requester = scheme.document.requester(named: requesterName) else {
            throw ConsentError(
                .notAllowed, "'\(TerminalText.sanitized(requesterName))' is not a requester of the scheme", refusal: .unknownRequester,
                values: ["value": requesterName])
        }
        guard requester.purposes.contains(purpose) else {
            throw ConsentError(
                .notAllowed,
                "'\(TerminalText.sanitized(purpose))' is not a purpose of \(TerminalText.sanitized(requester.name)); it has: \(requester.purposes.joined(separator: ", "))",
                refusal: .unknownPurpose, values: ["value": purpose, "requester": requester.name, "choices": requester.purposes.joined(separator: ", ")])
        }
        let exp: Int64
        switch (days, until) {
        case (let days?, nil):
            guard days >= 1 else { throw ConsentError(.notAllowed, "a consent lasts at least one day", refusal: .tooShort) }
            exp = now + Int64(days) * 86_400
        case (nil, let until?):
            guard let end = Timestamps.endOfDay(until) else {
                throw ConsentError(
                    .notAllowed, "'\(TerminalText.sanitized(until))' is not a date (YYYY-MM-DD or DD-MM-YYYY)", refusal: .notADate, values: ["value": until])
            }
            guard end > now else { throw ConsentError(.notAllowed, "\(until) has passed", refusal: .datePassed, values: ["value": until]) }
            exp = end
        default:
            throw ConsentError(.notAllowed, "say how long: --days N or --until YYYY-MM-DD", refusal: .noDuration)
        }
        guard exp - now <= Int64(requester.maxConsentDays) * 86_400 else {
            throw ConsentError(
                .notAllowed, "the scheme allows \(TerminalText.sanitized(requester.name)) at most \(requester.maxConsentDays) days", refusal: .tooLong,
                values: ["requester": requester.name, "days": String(requester.maxConsentDays)])
        }
        var organizations = scheme.document.organizations
        if !only.isEmpty {
            organizations = []
            for name in only {
                guard let organization = scheme.document.organization(named: name) else {
                    throw ConsentError(
                        .notAllowed, "'\(TerminalText.sanitized(name))' is not an organisation of the scheme", refusal: .unknownOrganization,
                        values: ["value": name])
                }
                if !organizations.contains(where: { $0.oin == organization.oin }) { organizations.append(organization) }
            }
        }
        self.requester = requester
        self.purpose = purpose
        self.organizations = organizations
        self.detail = detail
        self.iat = now
        self.exp = exp
        self.reference = reference
    }

    /// The signed consent for this plan, with the claims it signs.
    public func sign(identity: CitizenIdentity) throws(JOSEError) -> (compact: String, claims: Consent.Claims) {
        let claims = Consent.Claims(
            jti: Consent.newID(), iss: try identity.appKey.keyID(), sub: identity.bsn, aud: requester.oin, purpose: purpose,
            organizations: organizations.map(\.oin), detail: detail, iat: iat, exp: exp, credential: identity.credential.compact,
            reference: reference)
        return (try Consent.sign(claims, appKey: identity.appKey), claims)
    }
}
