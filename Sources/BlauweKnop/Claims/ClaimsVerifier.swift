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
    public static func verify(
        compact: String, organization: SchemeDocument.Organization, keys: TrustedKeys, bsn: String, appKeyThumbprint: String?, now: Int64,
        today: String
    ) throws(HolderFailure) -> Result {
        let payload: [UInt8]
        do {
            payload = try JWS(compact: compact).verified(with: keys, type: FinancialClaimsDocument.jwsType)
        } catch {
            throw HolderFailure(.invalidSignature, "document signature rejected: \(error)")
        }
        let document: FinancialClaimsDocument
        do {
            document = try JSONCoding.decode(FinancialClaimsDocument.self, from: payload)
        } catch {
            throw HolderFailure(.invalidDocument, "document malformed: \(error)")
        }
        guard document.iss == organization.oin else {
            throw HolderFailure(.invalidDocument, "document issued by \(document.iss), not by \(organization.oin)")
        }
        guard document.sub == bsn else { throw HolderFailure(.invalidDocument, "document is about another citizen") }
        guard appKeyThumbprint == nil || document.aud == appKeyThumbprint else { throw HolderFailure(.invalidDocument, "document was made for another app key (replay refused)") }
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
        do {
            return Result(compact: compact, document: document, zaken: try ClaimsFold.fold(document, today: today))
        } catch {
            throw HolderFailure(.invalidDocument, "document content rejected: \(error)")
        }
    }
}
