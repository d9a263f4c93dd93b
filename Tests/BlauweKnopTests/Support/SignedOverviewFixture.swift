import BlauweKnop
import Foundation

/// A small signed world for verifier tests: an operator, two organisations with their keys,
/// and an honest overview made from their signed documents.
struct SignedOverviewFixture {
    static let bsn = "999993653"
    static let organizationOINs = ["00000001003214345000", "00000001822477348000"]

    let operatorKey: PrivateKey
    let organizationKeys: [PrivateKey]
    let anchor: TrustAnchor
    let scheme: SchemeDocument
    let schemeJWS: String
    let appKeyThumbprint = "app-key-thumbprint"
    /// When the documents were issued and the overview made.
    let now: Int64

    init(now: Int64 = 1_788_213_600) throws {
        self.now = now
        operatorKey = try PrivateKey.generate(.p256)
        organizationKeys = [try PrivateKey.generate(.p256), try PrivateKey.generate(.ed25519)]
        anchor = try TrustAnchor(jwkSet: JSONCoding.encode(["keys": [operatorKey.publicJWK]]))
        let managerKey = try PrivateKey.generate(.p256)
        scheme = SchemeDocument(
            iss: "00000001234567890000", environment: "test", version: 1, iat: now - 3600, exp: now + 8 * 86_400,
            organizations: zip(Self.organizationOINs, organizationKeys).enumerated().map { index, pair in
                .init(
                    oin: pair.0, name: "Organisatie \(index + 1)", shortName: "ORG\(index + 1)", discoveryURL: "https://127.0.0.1/\(index)",
                    publicKeys: [pair.1.publicJWK])
            },
            appManagers: [.init(oin: "00000001800866472000", name: "AM", registrationURL: "https://127.0.0.1/am", publicKeys: [managerKey.publicJWK])])
        schemeJWS = try JWS.sign(payload: JSONCoding.encode(scheme), type: VerifiedScheme.jwsType, key: operatorKey)
    }

    static func zaak(_ id: String, omschrijving: String = "Boete", amount: Int = 10_000, due: String = "2026-08-31") -> FinancieleZaak {
        let time = "2026-08-01T09:00:00+02:00"
        return FinancieleZaak(
            zaakkenmerk: id, omschrijving: omschrijving,
            gebeurtenissen: [
                Gebeurtenis(
                    gebeurtenisType: "FinancieleVerplichtingOpgelegd", gebeurtenisKenmerk: id + "-1", datumtijdGebeurtenis: time, zaakkenmerk: id,
                    datumtijdOpgelegd: time, beschikkingsnummer: "B", primaireVerplichting: true, type: "org_boete", bedrag: amount, omschrijving: omschrijving),
                Gebeurtenis(
                    gebeurtenisType: "BetalingsverplichtingOpgelegd", gebeurtenisKenmerk: id + "-2", datumtijdGebeurtenis: time, zaakkenmerk: id,
                    type: "Aanschrijving", bedrag: amount, betalingskenmerk: "K", vervaldatum: due),
            ])
    }

    /// The signed document of organisation `index` with these zaken.
    func document(_ index: Int, zaken: [FinancieleZaak]) throws -> String {
        let document = FinancialClaimsDocument(
            iss: Self.organizationOINs[index], sub: Self.bsn, aud: appKeyThumbprint, iat: now, exp: now + 86_400, financieleZaken: zaken)
        return try JWS.sign(payload: JSONCoding.encode(document), type: FinancialClaimsDocument.jwsType, key: organizationKeys[index])
    }

    /// An honest overview made at `generatedAt` from these documents (nil: the organisation
    /// failed with `failure`).
    func overview(documents: [String?], generatedAt: String? = nil, failure: HolderStatus = .timeout) throws -> Overview {
        let generated = generatedAt ?? Timestamps.rfc3339(Date(timeIntervalSince1970: TimeInterval(now)))
        let today = Timestamps.calendarDate(try requireDate(generated))
        var holders: [HolderResult] = []
        var evidence: [Overview.Evidence.Document] = []
        for (index, organization) in scheme.organizations.enumerated() {
            if let compact = documents[index] {
                let keys = try TrustedKeys(organization.publicKeys)
                let verified = try ClaimsVerifier.verify(
                    compact: compact, organization: organization, keys: keys, bsn: Self.bsn, appKeyThumbprint: nil, now: now, today: today)
                holders.append(.verified(organization, zaken: verified.zaken, fetchedAt: generated, durationMs: 12))
                evidence.append(.init(oin: organization.oin, jws: compact))
            } else {
                holders.append(
                    HolderResult(
                        oin: organization.oin, name: organization.name, shortName: organization.shortName, status: failure, error: "did not answer in time",
                        warnings: [], fetchedAt: nil, durationMs: 3000, zaken: []))
            }
        }
        return Overview.merge(holders: holders, evidence: .init(scheme: schemeJWS, documents: evidence), scheme: scheme, bsn: Self.bsn, generatedAt: generated)
    }

    var verifier: OverviewVerifier {
        OverviewVerifier(trustAnchor: anchor, environment: "test", clock: WallClock { Date(timeIntervalSince1970: TimeInterval(now + 60)) })
    }

    /// Verifies bytes as `bk verify` does: a file that cannot be parsed is malformed (exit 4).
    func verify(_ bytes: [UInt8], maxAge: Int64? = nil) -> VerificationReport {
        let verifier = OverviewVerifier(trustAnchor: anchor, environment: "test", clock: self.verifier.clock, maxAgeSeconds: maxAge)
        do {
            return verifier.verify(try OverviewDocument.parse(bytes))
        } catch {
            return .malformed(error.detail)
        }
    }

    func verify(_ text: String, maxAge: Int64? = nil) -> VerificationReport { verify(Array(text.utf8), maxAge: maxAge) }
}

private func requireDate(_ text: String) throws -> Date {
    guard let date = Timestamps.parseRFC3339(text) else { throw FixtureError() }
    return date
}

struct FixtureError: Error {}
