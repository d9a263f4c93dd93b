/// A saldo statement (PROTOCOL §12.1): an SD-JWT in which an organisation signs, bound to one
/// citizen's app key, the totals of what the citizen owes it and each of its zaken — the BSN,
/// the totals and every zaak each a disclosure of its own, shown only where the citizen
/// chooses. Reading one verifies the issuer's signature and puts in place what was disclosed.
public struct SaldoStatement: Sendable {
    /// The JWS type of the issuer-signed JWT.
    public static let jwsType = "dc+sd-jwt"
    /// The media type a holder answers with.
    public static let contentType = "application/dc+sd-jwt"
    /// The statement's verifiable credential type (`vct`).
    public static let credentialType = "urn:nl:blauweknop:saldo:1"
    /// The longest a statement may be valid (`exp − iat`).
    public static let maxLifetimeSeconds: Int64 = 30 * 86_400
    /// How far `iat` may lie in the future.
    public static let clockSkewSeconds: Int64 = 300

    /// The totals of one organisation, in cents; `volgende_vervaldatum` a date or null.
    public struct Totalen: Codable, Sendable, Hashable {
        public var saldo: Int
        public var achterstallig: Int
        public var zaken: Int
        @EncodedAsNull public var volgendeVervaldatum: String?

        enum CodingKeys: String, CodingKey {
            case saldo, achterstallig, zaken
            case volgendeVervaldatum = "volgende_vervaldatum"
        }

        public init(saldo: Int, achterstallig: Int, zaken: Int, volgendeVervaldatum: String?) {
            self.saldo = saldo
            self.achterstallig = achterstallig
            self.zaken = zaken
            self.volgendeVervaldatum = volgendeVervaldatum
        }

        /// The totals of zaken as the client folded them (PROTOCOL §5).
        public init(_ zaken: [FoldedZaak]) {
            self.init(
                saldo: CheckedSum.of(zaken.map(\.saldo)), achterstallig: CheckedSum.of(zaken.map(\.achterstallig)), zaken: zaken.count,
                volgendeVervaldatum: FoldedZaak.nextDueDate(in: zaken))
        }
    }

    /// One zaak as a statement states it, in cents.
    public struct Zaak: Codable, Sendable, Hashable {
        public var zaakkenmerk: String
        @EncodedAsNull public var omschrijving: String?
        public var saldo: Int
        public var achterstallig: Int
        @EncodedAsNull public var volgendeVervaldatum: String?

        enum CodingKeys: String, CodingKey {
            case zaakkenmerk, omschrijving, saldo, achterstallig
            case volgendeVervaldatum = "volgende_vervaldatum"
        }

        public init(zaakkenmerk: String, omschrijving: String?, saldo: Int, achterstallig: Int, volgendeVervaldatum: String?) {
            self.zaakkenmerk = zaakkenmerk
            self.omschrijving = omschrijving
            self.saldo = saldo
            self.achterstallig = achterstallig
            self.volgendeVervaldatum = volgendeVervaldatum
        }

        /// A zaak as the client folded it.
        public init(_ zaak: FoldedZaak) {
            self.init(
                zaakkenmerk: zaak.zaakkenmerk, omschrijving: zaak.omschrijving, saldo: zaak.saldo, achterstallig: zaak.achterstallig,
                volgendeVervaldatum: zaak.volgendeVervaldatum)
        }
    }

    /// What every presentation shows: signed, never selectively disclosable.
    public struct Claims: Codable, Sendable, Hashable {
        /// The organisation's OIN.
        public var iss: String
        public var iat: Int64
        public var exp: Int64
        public var vct: String
        /// The app key the statement is bound to (RFC 7800).
        public var cnf: Credential.Confirmation
        /// The moment the figures are of (RFC 3339); overdue is decided on its date.
        public var saldoDatumtijd: String

        enum CodingKeys: String, CodingKey {
            case iss, iat, exp, vct, cnf
            case saldoDatumtijd = "saldo_datumtijd"
        }

        public init(iss: String, iat: Int64, exp: Int64, cnf: Credential.Confirmation, saldoDatumtijd: String) {
            self.iss = iss
            self.iat = iat
            self.exp = exp
            self.vct = SaldoStatement.credentialType
            self.cnf = cnf
            self.saldoDatumtijd = saldoDatumtijd
        }
    }

    /// The statement as received or presented.
    public let sdJWT: SDJWT
    public let claims: Claims
    /// The citizen's BSN, when disclosed.
    public let bsn: String?
    /// The totals, when disclosed.
    public let totalen: Totalen?
    /// The zaken disclosed, in the order signed.
    public let zaken: [Zaak]

    /// What the disclosed payload holds beyond the signed claims.
    private struct Disclosed: Decodable {
        var bsn: String?
        var totalen: Totalen?
        var zaken: [Zaak]
    }

    /// The `iss` the statement claims, before anything is verified: which organisation's keys
    /// to verify it with.
    public static func claimedIssuer(of sdJWT: SDJWT) throws(SDJWTError) -> String {
        struct Issuer: Decodable { var iss: String }
        do {
            return try JSONCoding.decode(Issuer.self, from: try JWS(compact: sdJWT.issuerJWT).payload).iss
        } catch {
            throw SDJWTError(.malformed, "the statement does not name its issuer")
        }
    }

    /// Verifies the issuer's signature with `keys` (the scheme's keys of the organisation it
    /// claims), the claims of §12.1, and every disclosure against the signed digests (§12.2).
    /// Whether it is still valid (`exp`) is the caller's to judge.
    public init(verifying sdJWT: SDJWT, keys: TrustedKeys, now: Int64) throws(SDJWTError) {
        let payload: JSONValue
        do {
            payload = try JSONCoding.parse(try JWS(compact: sdJWT.issuerJWT).verified(with: keys, type: Self.jwsType))
        } catch let error as JOSEError {
            throw SDJWTError(.invalidSignature, "the statement's signature does not verify with the organisation's keys in the scheme: \(error.detail)")
        } catch {
            throw SDJWTError(.malformed, "the statement's payload is not strict JSON")
        }
        let content = try sdJWT.disclosed(payload: payload)
        do {
            // The claims come from what was signed in the open: a disclosure cannot supply them.
            claims = try JSONCoding.decode(Claims.self, from: payload)
            guard case .object(let signed) = payload, case .array? = signed["zaken"] else {
                throw SDJWTError(.malformed, "the statement's signed payload has no list of zaken")
            }
            let disclosed = try JSONCoding.decode(Disclosed.self, from: content)
            (bsn, totalen, zaken) = (disclosed.bsn, disclosed.totalen, disclosed.zaken)
        } catch let error as SDJWTError {
            throw error
        } catch {
            throw SDJWTError(.malformed, "the statement is not a saldo statement: \(error)")
        }
        guard claims.vct == Self.credentialType else { throw SDJWTError(.malformed, "the statement's type is '\(claims.vct)', not a saldo statement") }
        guard claims.iat <= now + Self.clockSkewSeconds else { throw SDJWTError(.malformed, "the statement is issued in the future") }
        guard claims.exp > claims.iat, claims.exp - claims.iat <= Self.maxLifetimeSeconds else {
            throw SDJWTError(.malformed, "the statement is valid for longer than 30 days")
        }
        guard Timestamps.epochSeconds(rfc3339: claims.saldoDatumtijd) != nil else {
            throw SDJWTError(.malformed, "the statement's saldo_datumtijd is not a moment")
        }
        self.sdJWT = sdJWT
    }

    /// Whether the issuer's validity has passed.
    public func isExpired(now: Int64) -> Bool { claims.exp <= now }
}
