import Foundation

/// A citizen's request about a zaak (PROTOCOL §11.1): an objection, correction or erasure,
/// signed with the app key and carrying the App Manager credential that binds the key to the
/// citizen, so that the holder and, later, anyone with the proof file can check who asked.
public struct DisputeRequest: Sendable {
    /// The JWS type of requests.
    public static let jwsType = "bk-request+jws"
    /// Largest request accepted (a credential inside is about 1 KB, the grounds up to 16 KB).
    public static let maxBytes = 64 << 10
    /// Most characters of the grounds and of what the citizen wants.
    public static let maxGroundsCharacters = 4000
    public static let maxWantedCharacters = 1000

    /// A Dutch postal address; all parts are required for a bezwaar.
    public struct Address: Codable, Sendable, Hashable {
        public var straat: String
        public var huisnummer: String
        public var postcode: String
        public var woonplaats: String

        public init(straat: String, huisnummer: String, postcode: String, woonplaats: String) {
            self.straat = straat
            self.huisnummer = huisnummer
            self.postcode = postcode
            self.woonplaats = woonplaats
        }

        var parts: [String] { [straat, huisnummer, postcode, woonplaats] }

        /// The address as people write it on one line: `Dorpsstraat 1a, 3511 AA Utrecht`.
        public var line: String { "\(straat) \(huisnummer), \(postcode) \(woonplaats)" }

        /// Reads `Street number, postcode town` (a Dutch postcode: four digits, two letters);
        /// nil when it is not written that way.
        public static func parse(_ text: String) -> Address? {
            let halves = text.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard halves.count == 2 else { return nil }
            var street = halves[0].split(separator: " ").map(String.init)
            guard street.count >= 2, let number = street.popLast(), number.first?.isNumber == true else { return nil }
            let place = halves[1].split(separator: " ").map(String.init)
            guard place.count >= 2 else { return nil }
            let digits = place[0]
            let joinedLetters = place.count >= 3 && place[1].count == 2 && place[1].allSatisfy(\.isLetter)
            let postcode: String
            let town: [String]
            if digits.count == 4, digits.allSatisfy(\.isNumber), joinedLetters {
                postcode = digits + " " + place[1].uppercased()
                town = Array(place.dropFirst(2))
            } else if digits.count == 6, digits.prefix(4).allSatisfy(\.isNumber), digits.suffix(2).allSatisfy(\.isLetter) {
                postcode = digits.prefix(4) + " " + digits.suffix(2).uppercased()
                town = Array(place.dropFirst())
            } else {
                return nil
            }
            guard !town.isEmpty else { return nil }
            return Address(straat: street.joined(separator: " "), huisnummer: number, postcode: postcode, woonplaats: town.joined(separator: " "))
        }
    }

    /// Who files (Awb 6:5): DigiD gives bk the BSN only, so the name comes from the citizen.
    public struct Filer: Codable, Sendable, Hashable {
        public var naam: String?
        public var adres: Address?
        public var email: String?
        public var telefoon: String?

        public init(naam: String? = nil, adres: Address? = nil, email: String? = nil, telefoon: String? = nil) {
            self.naam = naam
            self.adres = adres
            self.email = email
            self.telefoon = telefoon
        }
    }

    /// The signed claims.
    public struct Claims: Codable, Sendable, Hashable, AppKeySignedClaims {
        /// base64url of 16 random bytes; never reused for other content.
        public var jti: String
        /// The thumbprint of the citizen's app key.
        public var iss: String
        /// The citizen's BSN.
        public var sub: String
        /// The holder's OIN.
        public var aud: String
        public var iat: Int64
        public var kind: DisputeKind
        public var zaakkenmerk: String
        public var beschikkingsnummer: String?
        /// base64url SHA-256 of the FCID JWS the citizen saw.
        public var document: String
        public var gronden: String
        public var gewenst: String?
        public var uitstelGevraagd: Bool?
        public var indiener: Filer?
        /// The App Manager credential JWS (§3).
        public var credential: String

        enum CodingKeys: String, CodingKey {
            case jti, iss, sub, aud, iat, kind, zaakkenmerk, beschikkingsnummer, document, gronden, gewenst, indiener, credential
            case uitstelGevraagd = "uitstel_gevraagd"
        }

        public init(
            jti: String, iss: String, sub: String, aud: String, iat: Int64, kind: DisputeKind, zaakkenmerk: String, beschikkingsnummer: String?,
            document: String, gronden: String, gewenst: String?, uitstelGevraagd: Bool?, indiener: Filer?, credential: String
        ) {
            self.jti = jti
            self.iss = iss
            self.sub = sub
            self.aud = aud
            self.iat = iat
            self.kind = kind
            self.zaakkenmerk = zaakkenmerk
            self.beschikkingsnummer = beschikkingsnummer
            self.document = document
            self.gronden = gronden
            self.gewenst = gewenst
            self.uitstelGevraagd = uitstelGevraagd
            self.indiener = indiener
            self.credential = credential
        }

        /// The rules of §11.1 that need no scheme: texts, the filer of a bezwaar, the id, and
        /// deferral asked only with a bezwaar.
        public func checkShape() throws(DisputeError) {
            try DisputeText.check(gronden, field: "gronden", maxCharacters: DisputeRequest.maxGroundsCharacters)
            if let gewenst { try DisputeText.check(gewenst, field: "gewenst", maxCharacters: DisputeRequest.maxWantedCharacters, mayBeEmpty: true) }
            for (field, value) in [("zaakkenmerk", zaakkenmerk), ("beschikkingsnummer", beschikkingsnummer ?? "x")] {
                try DisputeText.check(value, field: field, maxCharacters: 128, singleLine: true)
            }
            if let indiener {
                let given = [indiener.naam, indiener.email, indiener.telefoon].compactMap { $0 } + (indiener.adres?.parts ?? [])
                for value in given { try DisputeText.check(value, field: "indiener", maxCharacters: 200, singleLine: true) }
            }
            if kind == .bezwaar {
                guard indiener?.naam != nil, indiener?.adres != nil else {
                    throw DisputeError(.filerMissing, "a bezwaar needs the filer's name and complete postal address (Awb 6:5)")
                }
            } else if uitstelGevraagd == true {
                throw DisputeError(.malformed, "deferral of payment can only be asked with a bezwaar")
            }
            guard let id = Base64URL.decode(jti), id.count == 16 else { throw DisputeError(.malformed, "the request id is not 16 bytes in base64url") }
            guard Identifiers.isBSN(sub) else { throw DisputeError(.malformed, "the request does not name a valid BSN") }
            guard let digest = Base64URL.decode(document), digest.count == 32 else {
                throw DisputeError(.malformed, "the request's document is not a SHA-256 in base64url")
            }
        }
    }

    /// The JWS as given, with surrounding ASCII whitespace removed.
    public let compact: String
    public let claims: Claims

    /// The request's digest as the receipt names it: base64url SHA-256 of the JWS (ASCII).
    public var sha256: String { Self.digest(of: compact) }

    /// base64url SHA-256 of a JWS's ASCII bytes (the request, or the FCID document it is about).
    public static func digest(of compact: String) -> String { Base64URL.encode(Digest.sha256(Array(compact.utf8))) }

    /// Signs request claims with the citizen's app key, after checking their shape.
    public static func sign(_ claims: Claims, appKey: PrivateKey) throws(DisputeError) -> DisputeRequest {
        try claims.checkShape()
        do {
            let compact = try JWS.sign(claims: claims, type: jwsType, key: appKey)
            return DisputeRequest(compact: compact, claims: claims)
        } catch {
            throw DisputeError(.malformed, "the request could not be signed: \(error)")
        }
    }

    private init(compact: String, claims: Claims) {
        self.compact = compact
        self.claims = claims
    }

    /// Verifies a request against the App Managers of a scheme: its shape, the credential that
    /// binds the signing key to `sub` (its lifetime must contain the request's `iat`), and the
    /// signature. The clock and the holder's own checks (`aud`, the zaak) are the caller's.
    public init(compact: String, scheme: VerifiedScheme) throws(DisputeError) {
        guard compact.utf8.count <= Self.maxBytes else { throw DisputeError(.malformed, "the request is larger than 64 KiB") }
        let compact = compact.trimmingASCIIWhitespace
        let claims: Claims
        do {
            claims = try AppKeySignedJWS.verify(compact, type: Self.jwsType, noun: "the request", scheme: scheme) { $0.iat }
        } catch {
            switch error {
            case .malformed(let detail): throw DisputeError(.malformed, detail)
            case .badSignature(let detail): throw DisputeError(.badSignature, detail)
            }
        }
        try claims.checkShape()
        self.compact = compact
        self.claims = claims
    }
}

/// The plain-text rules of §11.1 for what a citizen types.
public enum DisputeText {
    /// Checks a text: not empty (unless allowed), at most `maxCharacters`, no control or
    /// format characters (a bidi override could make a text read otherwise than it says) but
    /// a line feed where lines are allowed.
    public static func check(
        _ text: String, field: String, maxCharacters: Int, mayBeEmpty: Bool = false, singleLine: Bool = false
    )
        throws(DisputeError)
    {
        guard mayBeEmpty || !text.isEmpty else { throw DisputeError(.invalidText, "\(field) is empty", values: ["field": field]) }
        guard text.count <= maxCharacters else {
            throw DisputeError(.invalidText, "\(field) is longer than \(maxCharacters) characters", values: ["field": field])
        }
        for scalar in text.unicodeScalars {
            if scalar == "\n" && !singleLine { continue }
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
                throw DisputeError(
                    .invalidText, "\(field) holds a control character (U+\(String(scalar.value, radix: 16, uppercase: true)))", values: ["field": field])
            default: continue
            }
        }
    }
}
