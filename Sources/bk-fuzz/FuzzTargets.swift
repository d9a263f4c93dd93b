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

    /// The SD-JWT presentation reader (PROTOCOL §12): split, disclosures, and the payload with
    /// what was disclosed put in place; whatever it accepts has used every disclosure once.
    static func sdjwt(_ bytes: [UInt8]) {
        guard let presentation = try? SDJWT(compact: String(decoding: bytes, as: UTF8.self)) else { return }
        _ = presentation.sdHash
        guard let jws = try? JWS(compact: presentation.issuerJWT), let payload = try? JSONCoding.parse(jws.payload),
            let disclosed = try? presentation.disclosed(payload: payload)
        else { return }
        if case .object(let members) = disclosed, members["_sd"] != nil || members["_sd_alg"] != nil {
            fatalError("a processed SD-JWT still has _sd or _sd_alg")
        }
    }

    /// The FCID decoder and the event fold.
    static func claims(_ bytes: [UInt8]) {
        if let document = try? JSONCoding.decode(FinancialClaimsDocument.self, from: bytes), let zaken = try? ClaimsFold.fold(document, today: "2026-11-23") {
            _ = HolderTotals(zaken)
        }
    }

    /// The overview reader of `bk verify` (JSON and XML) and the verifier behind it, with the
    /// differential property: whatever the strict reader accepts, and its re-serialisation,
    /// is read alike by a last-wins and a first-wins reader (one file never says two things).
    static func overview(_ bytes: [UInt8]) {
        guard let file = try? OverviewDocument.parse(bytes) else { return }
        _ = OverviewVerifier(trustAnchor: anchor, environment: "test").verify(file)
        if case .json = file.form, !StrictJSONParser.lenientReadersAgree(bytes) {
            fatalError("accepted JSON that first-wins and last-wins readers read differently")
        }
        let rendered = Array(OverviewJSON.render(file.overview).utf8)
        guard StrictJSONParser.lenientReadersAgree(rendered), let again = try? OverviewDocument.parse(rendered) else {
            fatalError("an accepted overview does not re-serialise to a file every reader reads alike")
        }
        if Array(OverviewJSON.render(again.overview).utf8) != rendered { fatalError("an accepted overview does not survive a round trip") }
        if case .xml = file.form {
            guard let xml = try? OverviewXML.render(file.overview), let back = try? OverviewDocument.parse(Array(xml.utf8)),
                Array(OverviewJSON.render(back.overview).utf8) == rendered
            else { fatalError("an accepted XML overview does not survive a round trip through XML") }
        }
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

    /// The PDF attachment reader: a raw `/FlateDecode` stream (after two bytes that give the
    /// declared size) inflates to exactly that size or is refused, never past it; an input
    /// that is a PDF goes through the whole attachment reader.
    static func attachment(_ bytes: [UInt8]) {
        if bytes.starts(with: Array("%PDF-".utf8)) {
            _ = try? OverviewPDF.contents(of: bytes)
            return
        }
        guard bytes.count >= 2 else { return }
        let size = Int(bytes[0]) << 8 | Int(bytes[1])
        if let inflated = BoundedInflate.inflate(Array(bytes.dropFirst(2)), size: size), inflated.count != size {
            fatalError("inflated \(inflated.count) bytes for a declared \(size)")
        }
    }
}
