/// A holder's confirmation that it received a request (PROTOCOL §11.2, "ontvangstbevestiging",
/// Awb 6:14): signed with a key the scheme lists for the holder, bound to the exact request.
public struct DisputeReceipt: Sendable {
    /// The JWS type of receipts.
    public static let jwsType = "bk-receipt+jws"
    public static let maxBytes = 16 << 10

    /// The signed claims.
    public struct Claims: Codable, Sendable, Hashable {
        /// The holder's OIN.
        public var iss: String
        /// The citizen's BSN.
        public var sub: String
        /// The thumbprint of the citizen's app key.
        public var aud: String
        public var iat: Int64
        /// The request's `jti`.
        public var request: String
        /// base64url SHA-256 of the request JWS.
        public var requestSHA256: String
        public var kind: DisputeKind
        public var zaakkenmerk: String
        /// When the holder received the request (RFC 3339).
        public var ontvangenOp: String
        /// The holder's own reference.
        public var kenmerk: String
        /// The date by which the holder must answer (`YYYY-MM-DD`).
        public var beslissenVoor: String

        enum CodingKeys: String, CodingKey {
            case iss, sub, aud, iat, request, kind, zaakkenmerk, kenmerk
            case requestSHA256 = "request_sha256"
            case ontvangenOp = "ontvangen_op"
            case beslissenVoor = "beslissen_voor"
        }

        public init(
            iss: String, sub: String, aud: String, iat: Int64, request: String, requestSHA256: String, kind: DisputeKind, zaakkenmerk: String,
            ontvangenOp: String, kenmerk: String, beslissenVoor: String
        ) {
            self.iss = iss
            self.sub = sub
            self.aud = aud
            self.iat = iat
            self.request = request
            self.requestSHA256 = requestSHA256
            self.kind = kind
            self.zaakkenmerk = zaakkenmerk
            self.ontvangenOp = ontvangenOp
            self.kenmerk = kenmerk
            self.beslissenVoor = beslissenVoor
        }
    }

    public let compact: String
    public let claims: Claims

    /// Signs a receipt with the holder's key.
    public static func sign(_ claims: Claims, key: PrivateKey) throws(JOSEError) -> String {
        try JWS.sign(claims: claims, type: jwsType, key: key)
    }

    /// Verifies a receipt for `request` from the holder `holderOIN`, whose keys are the ones the
    /// current scheme lists: the signature, then every binding of §11.2 (`iss`, `sub`, `aud`,
    /// `request`, `request_sha256`, and the kind and zaak the request named). Any difference
    /// is a failed filing.
    public init(compact: String, holderOIN: String, holderKeys: TrustedKeys, for request: DisputeRequest) throws(DisputeError) {
        guard compact.utf8.count <= Self.maxBytes else { throw DisputeError(.malformed, "the receipt is larger than 16 KiB") }
        let compact = compact.trimmingASCIIWhitespace
        let claims: Claims
        do {
            claims = try JSONCoding.decode(Claims.self, from: JWS(compact: compact).verified(with: holderKeys, type: Self.jwsType))
        } catch {
            throw DisputeError(.badSignature, "the receipt is not signed by the organisation it was sent to: \(error)")
        }
        let expected = request.claims
        let differences = [
            (claims.iss == holderOIN, "it is issued by another organisation"),
            (claims.sub == expected.sub, "it is for another citizen"),
            (claims.aud == expected.iss, "it is for another app key"),
            (claims.request == expected.jti, "it confirms another request"),
            (claims.requestSHA256 == request.sha256, "it confirms other content under this request's id"),
            (claims.kind == expected.kind && claims.zaakkenmerk == expected.zaakkenmerk, "it names another kind or zaak"),
            (Timestamps.parseRFC3339(claims.ontvangenOp) != nil && Timestamps.isCalendarDate(claims.beslissenVoor), "its dates are malformed"),
            (Consent.isValidReference(claims.kenmerk), "its reference is not 1 to 64 printable characters"),
        ]
        if let difference = differences.first(where: { !$0.0 }) {
            throw DisputeError(.receiptMismatch, "the receipt does not confirm this request: \(difference.1)")
        }
        self.compact = compact
        self.claims = claims
    }
}
