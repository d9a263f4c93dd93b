/// Issues saldo statements (PROTOCOL §12.1), as a data holder does: the BSN, the totals and
/// each zaak a disclosure of its own with a fresh salt, decoy digests among the real ones, and
/// the digests of `_sd` sorted so that their order tells nothing.
public struct SaldoStatementIssuer: Sendable {
    public var claims: SaldoStatement.Claims
    public var bsn: String
    public var totalen: SaldoStatement.Totalen
    public var zaken: [SaldoStatement.Zaak]
    /// Decoy digests among the top-level digests.
    public var decoys: Int
    /// Decoy elements among the zaken, so that the list's length does not count them.
    public var zaakDecoys: Int

    /// A statement of `zaken` as the organisation derives them, with their totals. One decoy
    /// by default, none among the zaken: every byte of the signed JWT is in each QR code on
    /// paper (§12.3), and the totals disclose the number of zaken anyway.
    public init(claims: SaldoStatement.Claims, bsn: String, zaken: [FoldedZaak], decoys: Int = 1, zaakDecoys: Int = 0) {
        self.claims = claims
        self.bsn = bsn
        self.totalen = SaldoStatement.Totalen(zaken)
        self.zaken = zaken.map(SaldoStatement.Zaak.init)
        self.decoys = decoys
        self.zaakDecoys = zaakDecoys
    }

    /// The payload to sign and the disclosures that go with it, for a caller that signs them
    /// itself (or, in bk-holder's fault modes, bends them first).
    public func unsigned() throws(SDJWTError) -> (payload: [String: JSONValue], disclosures: [SDJWTDisclosure]) {
        let bsnDisclosure = try SDJWTDisclosure(name: "bsn", value: .string(bsn))
        let totalenDisclosure = try SDJWTDisclosure(name: "totalen", value: try Self.json(totalen))
        var zaakDisclosures: [SDJWTDisclosure] = []
        for zaak in zaken { zaakDisclosures.append(try SDJWTDisclosure(name: nil, value: try Self.json(zaak))) }
        guard case .object(var payload) = try Self.json(claims) else { throw SDJWTError(.malformed, "the statement's claims are not an object") }
        payload["_sd_alg"] = .string(SDJWT.digestAlgorithm)
        let digests = [bsnDisclosure.digest, totalenDisclosure.digest] + (0..<decoys).map { _ in Self.decoyDigest() }
        payload["_sd"] = .array(digests.sorted().map { .string($0) })
        var elements = zaakDisclosures.map(\.digest)
        for _ in 0..<zaakDecoys { elements.insert(Self.decoyDigest(), at: Int.random(in: 0...elements.count)) }
        payload["zaken"] = .array(elements.map { .object(["...": .string($0)]) })
        return (payload, [bsnDisclosure, totalenDisclosure] + zaakDisclosures)
    }

    /// The statement as a holder sends it: `<issuer-signed JWT>~<disclosure>~…~`.
    public func issue(key: PrivateKey) throws(SDJWTError) -> String {
        let (payload, disclosures) = try unsigned()
        return try Self.signed(payload: payload, disclosures: disclosures, key: key)
    }

    /// Signs `payload` as a statement's JWT and appends the disclosures.
    public static func signed(payload: [String: JSONValue], disclosures: [SDJWTDisclosure], key: PrivateKey) throws(SDJWTError) -> String {
        do {
            let jwt = try JWS.sign(claims: JSONValue.object(payload), type: SaldoStatement.jwsType, key: key)
            return SDJWT(issuerJWT: jwt, disclosures: disclosures).withoutKeyBinding
        } catch {
            throw SDJWTError(.invalidSignature, "the statement cannot be signed: \(error.detail)")
        }
    }

    /// A digest that stands for no disclosure (RFC 9901 §4.2.5).
    static func decoyDigest() -> String { Base64URL.encode(Digest.sha256(SecureRandom.bytes(32))) }

    private static func json(_ value: some Encodable) throws(SDJWTError) -> JSONValue {
        do {
            return try JSONCoding.parse(try JSONCoding.encode(value))
        } catch {
            throw SDJWTError(.malformed, "a statement's part cannot be written: \(error)")
        }
    }
}
