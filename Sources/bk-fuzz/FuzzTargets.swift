import BlauweKnop

/// The parsers `make fuzz` exercises with libFuzzer. Each takes one input and must never crash,
/// whatever the bytes.
enum FuzzTargets {
    /// Trusted keys of both types, made once, so that inputs reach signature verification.
    static let keys: TrustedKeys = {
        do {
            return try TrustedKeys([PrivateKey.generate(.p256).publicJWK, PrivateKey.generate(.ed25519).publicJWK])
        } catch {
            fatalError("cannot make fuzzing keys: \(error)")
        }
    }()

    static let operatorKey: PrivateKey = {
        do {
            return try PrivateKey.generate(.p256)
        } catch {
            fatalError("cannot make the fuzzing key: \(error)")
        }
    }()

    static let anchor: TrustAnchor = {
        do {
            return try TrustAnchor(jwkSet: JSONCoding.encode(["keys": [operatorKey.publicJWK]]))
        } catch {
            fatalError("cannot make the fuzzing trust anchor: \(error)")
        }
    }()

    /// The JWS parser and verifier, and base64url.
    static func jws(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        if let jws = try? JWS(compact: text) {
            _ = try? jws.verified(with: keys, type: nil)
            _ = try? jws.verified(with: keys, type: FinancialClaimsDocument.jwsType)
        }
        _ = Base64URL.decode(text)
    }

    /// The FCID decoder and the event fold, and reading overview files back (JSON and XML).
    static func claims(_ bytes: [UInt8]) {
        if let document = try? JSONCoding.decode(FinancialClaimsDocument.self, from: bytes), let zaken = try? ClaimsFold.fold(document, today: "2026-11-23") {
            _ = HolderTotals(zaken)
        }
        _ = try? OverviewDocument.parse(bytes)
    }

    /// The scheme decoder and its content rules: each input is signed with a fixed operator key
    /// and verified, so that the checks behind the signature are reached.
    static func scheme(_ bytes: [UInt8]) {
        _ = try? JSONCoding.decode(SchemeDocument.self, from: bytes)
        if let compact = try? JWS.sign(payload: bytes, type: VerifiedScheme.jwsType, key: operatorKey),
            let scheme = try? VerifiedScheme(compact: compact, trustAnchor: anchor, environment: "test", now: 1_795_000_000)
        {
            _ = SchemeSummary(scheme)
        }
    }
}
