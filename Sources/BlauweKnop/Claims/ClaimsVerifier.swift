/// Verifies a signed FCID document and folds it (PROTOCOL §5). Any failure rejects the whole
/// document: nothing of it is merged.
public enum ClaimsVerifier {
    /// How far `iat` may lie in the future.
    public static let clockSkewSeconds: Int64 = 300

    /// A verified, folded document.
    public struct Result: Sendable {
        public let compact: String
        public let document: FinancialClaimsDocument
        public let zaken: [FoldedZaak]
    }

    /// Verifies `compact` as the organisation's document for this citizen and app key.
    /// - Parameters:
    ///   - appKeyThumbprint: the app key the document must be for; `nil` only when verifying
    ///     evidence offline, where the caller compares the `aud` of all documents instead.
    ///   - now: the moment the document must be valid at (seconds since the epoch).
    ///   - today: the calendar date deciding what is overdue.
    ///   - detail: `saldo` for a requester's minimised document (§10.5): its stated figures are
    ///     taken, and a document with more than §10.5 allows is refused.
    public static func verify(
        compact: String, organization: SchemeDocument.Organization, keys: TrustedKeys, bsn: String, appKeyThumbprint: String?, now: Int64,
        today: String, detail: DisclosureDetail = .full
    ) throws(HolderFailure) -> Result {
        let payload: [UInt8]
        do {
            payload = try JWS(compact: compact).verified(with: keys, type: FinancialClaimsDocument.jwsType)
        } catch {
            throw HolderFailure(.invalidSignature, "document signature rejected: \(error)")
        }
        if detail == .saldo {
            return try verifySaldo(
                compact: compact, payload: payload, organization: organization, bsn: bsn, appKeyThumbprint: appKeyThumbprint, now: now, today: today)
        }
        let document: FinancialClaimsDocument
        do {
            document = try JSONCoding.decode(FinancialClaimsDocument.self, from: payload)
        } catch {
            throw HolderFailure(.invalidDocument, "document malformed: \(error)")
        }
        try checkClaims(document, organization: organization, bsn: bsn, appKeyThumbprint: appKeyThumbprint, now: now)
        do {
            return Result(compact: compact, document: document, zaken: try ClaimsFold.fold(document, today: today))
        } catch {
            throw HolderFailure(.invalidDocument, "document content rejected: \(error)")
        }
    }

    /// A saldo document (§10.5): every claim of §5, no member a saldo zaak may not have, and
    /// the stated figures folded as they are.
    private static func verifySaldo(
        compact: String, payload: [UInt8], organization: SchemeDocument.Organization, bsn: String, appKeyThumbprint: String?, now: Int64, today: String
    ) throws(HolderFailure) -> Result {
        let saldo: SaldoDocument
        let tree: JSONValue
        do {
            saldo = try JSONCoding.decode(SaldoDocument.self, from: payload)
            tree = try JSONCoding.parse(payload)
        } catch {
            throw HolderFailure(.invalidDocument, "document malformed (a saldo document was expected): \(error)")
        }
        if case .object(let root) = tree, case .array(let zaken)? = root["financiele_zaken"] {
            for case .object(let zaak) in zaken where !Set(zaak.keys).isSubset(of: SaldoDocument.zaakMembers) {
                throw HolderFailure(
                    .invalidDocument,
                    "the document holds more than the consent's detail 'saldo' allows (\(Set(zaak.keys).subtracting(SaldoDocument.zaakMembers).sorted().joined(separator: ", ")))"
                )
            }
        }
        let envelope = FinancialClaimsDocument(
            iss: saldo.iss, sub: saldo.sub, aud: saldo.aud, iat: saldo.iat, exp: saldo.exp, documentType: saldo.documentType,
            documentVersion: saldo.documentVersion, financieleZaken: [], consent: saldo.consent, purpose: saldo.purpose, detail: saldo.detail)
        try checkClaims(envelope, organization: organization, bsn: bsn, appKeyThumbprint: appKeyThumbprint, now: now)
        var zaken: [FoldedZaak] = []
        for zaak in saldo.financieleZaken { zaken.append(try zaak.folded(today: today)) }
        return Result(compact: compact, document: envelope, zaken: zaken)
    }

    /// The claims of §5 every document must pass.
    private static func checkClaims(
        _ document: FinancialClaimsDocument, organization: SchemeDocument.Organization, bsn: String, appKeyThumbprint: String?, now: Int64
    ) throws(HolderFailure) {
        guard document.iss == organization.oin else {
            throw HolderFailure(.invalidDocument, "document issued by \(document.iss), not by \(organization.oin)")
        }
        guard document.sub == bsn else { throw HolderFailure(.invalidDocument, "document is about another citizen") }
        guard appKeyThumbprint == nil || document.aud == appKeyThumbprint else {
            throw HolderFailure(.invalidDocument, "document was made for another app key (replay refused)")
        }
        guard document.exp > now else { throw HolderFailure(.invalidDocument, "document expired at \(EpochTime.describe(document.exp))") }
        guard document.iat <= now + clockSkewSeconds else {
            throw HolderFailure(.invalidDocument, "document is issued in the future (\(EpochTime.describe(document.iat)))")
        }
        guard document.documentType == FinancialClaimsDocument.documentType else {
            throw HolderFailure(.unsupportedVersion, "document type '\(document.documentType)' is not \(FinancialClaimsDocument.documentType)")
        }
        let major = document.documentVersion.split(separator: ".", omittingEmptySubsequences: false).first.flatMap { Int($0) }
        guard major == FinancialClaimsDocument.supportedMajorVersion else {
            throw HolderFailure(.unsupportedVersion, "document version \(document.documentVersion) is not supported (bk reads 3.x)")
        }
    }
}
