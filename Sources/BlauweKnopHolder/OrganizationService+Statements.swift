import BlauweKnop
import Hummingbird

/// Saldo statements (PROTOCOL §12.1): the same data as the FCID, as an SD-JWT bound to the
/// session's app key, with decoys, sealed like every document of an encrypting session; and
/// the faults that test a client's refusal of a statement that does not hold.
extension OrganizationService {
    static let statementPath = "/v1/saldo-statement"
    /// How long a statement is valid (the protocol allows at most 30 days).
    static let statementLifetime: Int64 = 30 * 86_400

    /// Whether discovery offers statements (every organisation unless `"statements": false`).
    nonisolated var issuesStatements: Bool { organization.settings.statements != false }

    /// `GET /v1/saldo-statement` with a citizen session.
    func statement(authorization: String?, fault: HolderFault?) -> Response {
        let now = clock.epochSeconds
        guard let session = citizenSession(authorization, now: now) else { return HolderResponse.problem(.unauthorized, "No valid session") }
        do {
            let compact = try statement(for: session, now: now, fault: fault)
            var response = deliver(compact, to: session.sealing, fault: fault)
            if session.sealing == nil || fault == .plaintextAfterKey { response.headers[.contentType] = SaldoStatement.contentType }
            return response
        } catch {
            return HolderResponse.problem(.internalServerError, "Signing failed")
        }
    }

    /// The statement of the session's citizen, folded from the same document as the FCID.
    func statement(for session: Session, now: Int64, fault: HolderFault?) throws -> String {
        let document = document(for: session, now: now)
        let zaken = try ClaimsFold.fold(document, today: Timestamps.calendarDate(clock.now))
        var appKey = session.appKey
        if fault == .statementOtherAppKey { appKey = try PrivateKey.generate(.p256).publicJWK }
        let claims = SaldoStatement.Claims(
            iss: organization.settings.oin, iat: now, exp: now + Self.statementLifetime, cnf: .init(jwk: appKey), saldoDatumtijd: Timestamps.rfc3339(clock.now))
        var issuer = SaldoStatementIssuer(claims: claims, bsn: session.bsn, zaken: zaken)
        if fault == .statementTotalsDiffer { issuer.totalen.saldo += 100 }
        var (payload, disclosures) = try issuer.unsigned()
        var smuggled: String?
        switch fault {
        case .statementDuplicateDigest:
            if case .array(let digests)? = payload["_sd"], let first = digests.first { payload["_sd"] = .array(digests + [first]) }
        case .statementDisclosureWithSD:
            // Written by hand: bk's own disclosures refuse the name `_sd`, as every reader must.
            let encoded = Base64URL.encode(Array(#"["\#(SecureRandom.token(bytes: 16))","_sd",["\#(disclosures[0].digest)"]]"#.utf8))
            if case .array(let digests)? = payload["_sd"] {
                payload["_sd"] = .array(digests + [.string(Base64URL.encode(Digest.sha256(Array(encoded.utf8))))])
            }
            smuggled = encoded
        default:
            break
        }
        let compact = try SaldoStatementIssuer.signed(payload: payload, disclosures: disclosures, key: organization.key)
        return smuggled.map { compact + $0 + "~" } ?? compact
    }
}
