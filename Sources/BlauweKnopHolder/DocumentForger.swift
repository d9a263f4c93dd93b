import BlauweKnop
import Foundation

/// Makes the signed FCID document, honestly or with one of the document attacks of
/// `HolderFault`, for the adversarial tests.
struct DocumentForger: Sendable {
    let key: PrivateKey
    let otherKey: PrivateKey
    let clock: WallClock

    /// The JWS for `document`, attacked as `fault` says.
    func jws(for document: FinancialClaimsDocument, fault: HolderFault?) throws -> String {
        var document = document
        let now = clock.epochSeconds
        switch fault {
        case .expiredDocument:
            document.iat = now - 2 * 86_400
            document.exp = now - 60
        case .otherCitizen: document.sub = document.sub == "999991024" ? "999991036" : "999991024"
        case .otherAppKey: document.aud = SecureRandom.token(bytes: 32)
        case .futureIssuedAt: document.iat = now + 3600
        case .otherConsentID where document.consent != nil: document.consent = SecureRandom.token(bytes: 16)
        case .unsupportedVersion: document.documentVersion = "4.0"
        case .duplicateEventID:
            if let first = document.financieleZaken.first?.gebeurtenissen.first { document.financieleZaken[0].gebeurtenissen.append(first) }
        case .negativeAmount:
            if !document.financieleZaken.isEmpty, !document.financieleZaken[0].gebeurtenissen.isEmpty {
                document.financieleZaken[0].gebeurtenissen[0].bedrag = -100
            }
        case .statedTotalsMismatch:
            if !document.financieleZaken.isEmpty { document.financieleZaken[0].saldo = (document.financieleZaken[0].saldo ?? 0) + 100 }
        case .unknownEventType:
            if let zaak = document.financieleZaken.first {
                document.financieleZaken[0].gebeurtenissen.append(
                    Gebeurtenis(
                        gebeurtenisType: "RenteBijgeschreven", gebeurtenisKenmerk: "unknown-1", datumtijdGebeurtenis: Timestamps.rfc3339(clock.now),
                        zaakkenmerk: zaak.zaakkenmerk, bedrag: 50))
            }
        default: break
        }
        var payload = try JSONCoding.encode(document)
        switch fault {
        case .fractionalAmount:
            let text = String(decoding: payload, as: UTF8.self)
            if let range = text.range(of: #""bedrag":[0-9]+"#, options: .regularExpression) {
                payload = Array(text.replacingCharacters(in: range, with: text[range] + ".5").utf8)
            }
        case .malformedJSON: payload = Array(#"{"iss":"#.utf8)
        case .wrongShape: payload = Array(#"{"documents":[1,2,3]}"#.utf8)
        default: break
        }
        let type = FinancialClaimsDocument.jwsType
        let kid = try key.keyID()
        switch fault {
        case .otherOrganizationKey: return try JWS.sign(payload: payload, type: type, key: otherKey)
        case .tamperedPayload: return Self.tampered(try JWS.sign(payload: payload, type: type, key: key))
        case .algNone: return Self.encode(header: #"{"alg":"none","typ":"\#(type)","kid":"\#(kid)"}"#, payload: payload) + "."
        case .algHS256:
            let input = Self.encode(header: #"{"alg":"HS256","typ":"\#(type)","kid":"\#(kid)"}"#, payload: payload)
            let secret = try JSONCoding.encode(key.publicJWK)
            return input + "." + Base64URL.encode(Digest.hmacSHA256(key: secret, message: Array(input.utf8)))
        case .embeddedJWK:
            let attacker = try PrivateKey.generate(.p256)
            let jwk = String(decoding: try JSONCoding.encode(attacker.publicJWK), as: UTF8.self)
            let input = Self.encode(header: #"{"alg":"ES256","typ":"\#(type)","kid":"\#(try attacker.keyID())","jwk":\#(jwk)}"#, payload: payload)
            return input + "." + Base64URL.encode(try attacker.sign(Array(input.utf8)))
        case .critHeader:
            let input = Self.encode(
                header: #"{"alg":"\#(key.type.signingAlgorithm)","typ":"\#(type)","kid":"\#(kid)","crit":["exp"]}"#, payload: payload)
            return input + "." + Base64URL.encode(try key.sign(Array(input.utf8)))
        case .derSignature:
            let input = Self.encode(header: #"{"alg":"ES256","typ":"\#(type)","kid":"\#(kid)"}"#, payload: payload)
            let raw = try key.sign(Array(input.utf8))
            return input + "." + Base64URL.encode(PublicKey.derSignature(fromRaw: raw) ?? raw)
        default: return try JWS.sign(payload: payload, type: type, key: key)
        }
    }

    static func encode(header: String, payload: [UInt8]) -> String {
        Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(payload)
    }

    /// The JWS with one payload byte changed and the signature kept.
    static func tampered(_ compact: String) -> String {
        let parts = compact.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, var payload = Base64URL.decode(parts[1]), !payload.isEmpty else { return compact }
        payload[payload.count / 2] ^= 0x01
        return [parts[0], Base64URL.encode(payload), parts[2]].joined(separator: ".")
    }
}
