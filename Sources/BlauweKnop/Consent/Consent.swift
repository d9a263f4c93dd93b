/// A citizen's consent for Blauwe Knop Plus (PROTOCOL §10.2): one requester, one purpose, the
/// organisations that may answer, the detail, and a time limit, signed with the citizen's app
/// key and carrying the App Manager credential that binds that key to the citizen's BSN.
public struct Consent: Sendable {
    /// The JWS type of consents.
    public static let jwsType = "bk-consent+jws"
    /// Largest consent accepted (a credential inside is about 1 KB).
    public static let maxBytes = 64 << 10
    /// How far `iat` may lie in the future.
    public static let clockSkewSeconds: Int64 = 300

    /// What the requester gets: the document of §5, or only the figures (§10.5).
    public typealias Detail = DisclosureDetail

    /// The signed claims.
    public struct Claims: Codable, Sendable, Hashable, AppKeySignedClaims {
        /// base64url of 16 random bytes; never reused for other content.
        public var jti: String
        /// The thumbprint of the citizen's app key.
        public var iss: String
        /// The citizen's BSN.
        public var sub: String
        /// The requester's OIN.
        public var aud: String
        public var purpose: String
        /// OINs of the holders that may answer.
        public var organizations: [String]
        public var detail: Detail
        public var iat: Int64
        public var exp: Int64
        /// The App Manager credential JWS (§3).
        public var credential: String
        /// The requester's own case reference for this citizen (§10.2), typed at grant.
        public var reference: String?

        public init(
            jti: String, iss: String, sub: String, aud: String, purpose: String, organizations: [String], detail: Detail, iat: Int64, exp: Int64,
            credential: String, reference: String? = nil
        ) {
            self.jti = jti
            self.iss = iss
            self.sub = sub
            self.aud = aud
            self.purpose = purpose
            self.organizations = organizations
            self.detail = detail
            self.iat = iat
            self.exp = exp
            self.credential = credential
            self.reference = reference
        }
    }

    /// Whether a case reference is one §10.2 allows: 1–64 characters, none of them a control,
    /// format (such as a bidi override) or line separator character.
    public static func isValidReference(_ reference: String) -> Bool {
        guard (1...64).contains(reference.count) else { return false }
        return reference.unicodeScalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse: false
            default: true
            }
        }
    }

    /// The JWS as given, with surrounding ASCII whitespace removed.
    public let compact: String
    public let claims: Claims
    /// The requester the consent is for, as the scheme lists it.
    public let requester: SchemeDocument.Requester

    /// A fresh consent id: 16 random bytes in base64url, never starting with '-' (people type
    /// it after a command, where a leading '-' would read as an option such as `-h`).
    public static func newID() -> String {
        while true {
            let id = SecureRandom.token(bytes: 16)
            if id.first != "-" { return id }
        }
    }

    /// A code to read out on the phone: the first 16 hex digits of the SHA-256 of the consent
    /// JWS (surrounding whitespace removed), in groups of four.
    public static func shortCode(_ compact: String) -> String {
        Digest.groupsOfFour(String(Digest.sha256Hex(Array(compact.trimmingASCIIWhitespace.utf8)).prefix(16))).joined(separator: " ")
    }

    /// Signs consent claims with the citizen's app key.
    public static func sign(_ claims: Claims, appKey: PrivateKey) throws(JOSEError) -> String {
        try JWS.sign(claims: claims, type: jwsType, key: appKey)
    }

    /// Verifies a consent against the current scheme: every rule of §10.2, and (unless
    /// `checkExpiry` is false, as for listing consents that have run out) not expired.
    public init(compact: String, scheme: VerifiedScheme, now: Int64, checkExpiry: Bool = true) throws(ConsentError) {
        guard compact.utf8.count <= Self.maxBytes else { throw ConsentError(.malformed, "the consent is larger than 64 KiB") }
        let compact = compact.trimmingASCIIWhitespace
        let claims: Claims
        do {
            claims = try AppKeySignedJWS.verify(compact, type: Self.jwsType, noun: "the consent", scheme: scheme) { _ in now }
        } catch {
            switch error {
            case .malformed(let detail): throw ConsentError(.malformed, detail)
            case .badSignature(let detail): throw ConsentError(.badSignature, detail)
            }
        }
        if let reference = claims.reference, !Self.isValidReference(reference) {
            throw ConsentError(.malformed, "the consent's reference is not 1 to 64 printable characters")
        }
        guard let id = Base64URL.decode(claims.jti), id.count == 16 else { throw ConsentError(.malformed, "the consent id is not 16 bytes in base64url") }
        guard let requester = scheme.document.requesters?.first(where: { $0.oin == claims.aud }) else {
            throw ConsentError(.notAllowed, "the requester \(TerminalText.sanitized(String(claims.aud.prefix(40)))) is not in the scheme")
        }
        guard requester.purposes.contains(claims.purpose) else {
            throw ConsentError(
                .notAllowed, "'\(TerminalText.sanitized(String(claims.purpose.prefix(64))))' is not a purpose of \(TerminalText.sanitized(requester.name))")
        }
        let known = Set(scheme.document.organizations.map(\.oin))
        guard !claims.organizations.isEmpty, Set(claims.organizations).count == claims.organizations.count,
            claims.organizations.allSatisfy({ known.contains($0) })
        else {
            throw ConsentError(.notAllowed, "the consent's organisations are empty, repeat one or name one outside the scheme")
        }
        let lifetime = claims.exp.subtractingReportingOverflow(claims.iat)
        guard claims.exp > claims.iat, !lifetime.overflow, lifetime.partialValue <= Int64(requester.maxConsentDays) * 86_400 else {
            throw ConsentError(
                .notAllowed, "the consent runs longer than the \(requester.maxConsentDays) days the scheme allows \(TerminalText.sanitized(requester.name))")
        }
        guard claims.iat <= now + Self.clockSkewSeconds else { throw ConsentError(.malformed, "the consent is issued in the future") }
        if checkExpiry, claims.exp <= now { throw ConsentError(.expired, "the consent expired at \(EpochTime.describe(claims.exp))") }
        self.compact = compact
        self.claims = claims
        self.requester = requester
    }
}
