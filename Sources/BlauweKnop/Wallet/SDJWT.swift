/// An SD-JWT or an SD-JWT presentation (RFC 9901 §4): the issuer-signed JWT, the disclosures
/// it carries, and optionally a Key Binding JWT. Reading splits and decodes; `disclosed`
/// checks every digest against every disclosure (PROTOCOL §12.2) and returns the claims
/// with what was disclosed put in place and everything undisclosed left out.
public struct SDJWT: Sendable {
    /// The issuer-signed JWT, compact.
    public let issuerJWT: String
    public let disclosures: [SDJWTDisclosure]
    /// The Key Binding JWT, compact, when presented.
    public let keyBinding: String?

    /// The only digest algorithm this profile uses.
    public static let digestAlgorithm = "sha-256"
    /// Largest presentation read.
    public static let maxBytes = 1 << 20

    public init(issuerJWT: String, disclosures: [SDJWTDisclosure], keyBinding: String? = nil) {
        self.issuerJWT = issuerJWT
        self.disclosures = disclosures
        self.keyBinding = keyBinding
    }

    /// Reads `<jwt>~<disclosure>~…~` or `<jwt>~<disclosure>~…~<kb-jwt>`.
    public init(compact: String) throws(SDJWTError) {
        guard compact.utf8.count <= Self.maxBytes else { throw SDJWTError(.malformed, "the SD-JWT is larger than 1 MiB") }
        let parts = compact.split(separator: "~", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, !parts[0].isEmpty else { throw SDJWTError(.malformed, "not an SD-JWT: no '~' after the issuer's JWT") }
        issuerJWT = parts[0]
        var disclosures: [SDJWTDisclosure] = []
        for part in parts[1..<(parts.count - 1)] {
            guard !part.isEmpty else { throw SDJWTError(.malformed, "an empty disclosure ('~~')") }
            disclosures.append(try SDJWTDisclosure(encoded: part))
        }
        self.disclosures = disclosures
        let last = parts[parts.count - 1]
        keyBinding = last.isEmpty ? nil : last
    }

    /// The SD-JWT as presented without its key binding: `<jwt>~<d1>~…~<dn>~`, the text that
    /// `sd_hash` covers (RFC 9901 §4.3.1).
    public var withoutKeyBinding: String {
        ([issuerJWT] + disclosures.map(\.encoded)).joined(separator: "~") + "~"
    }

    /// The whole presentation text.
    public var compact: String { withoutKeyBinding + (keyBinding ?? "") }

    /// The `sd_hash` a key binding must carry for this presentation.
    public var sdHash: String { SDJWTDisclosure.digest(of: withoutKeyBinding) }

    /// The payload with every disclosure put in place (RFC 9901 §7.1): `_sd` and `_sd_alg`
    /// removed, array elements `{"...": digest}` replaced by their value or left out when not
    /// disclosed. Refused: a digest that occurs twice, a disclosure whose digest does not occur
    /// or occurs in the wrong kind of place, a name the object already has, `_sd_alg` other
    /// than `sha-256`.
    public func disclosed(payload: JSONValue) throws(SDJWTError) -> JSONValue {
        guard case .object(var top) = payload else { throw SDJWTError(.malformed, "the SD-JWT's payload is not an object") }
        if let algorithm = top["_sd_alg"] {
            guard algorithm == .string(Self.digestAlgorithm) else { throw SDJWTError(.malformed, "the digest algorithm is not sha-256") }
            top["_sd_alg"] = nil
        }
        var pending: [String: SDJWTDisclosure] = [:]
        for disclosure in disclosures {
            guard pending.updateValue(disclosure, forKey: disclosure.digest) == nil else {
                throw SDJWTError(.ambiguous, "the same disclosure is presented twice")
            }
        }
        var seen = Set<String>()
        let result = try Self.replace(.object(top), pending: &pending, seen: &seen)
        guard pending.isEmpty else { throw SDJWTError(.ambiguous, "a disclosure's digest does not occur in the signed payload") }
        return result
    }

    private static func replace(_ value: JSONValue, pending: inout [String: SDJWTDisclosure], seen: inout Set<String>) throws(SDJWTError) -> JSONValue {
        switch value {
        case .object(var members):
            var digests: [JSONValue] = []
            if let listed = members.removeValue(forKey: "_sd") {
                guard case .array(let items) = listed else { throw SDJWTError(.malformed, "'_sd' is not an array") }
                digests = items
            }
            var result: [String: JSONValue] = [:]
            for (name, member) in members { result[name] = try replace(member, pending: &pending, seen: &seen) }
            for item in digests {
                guard case .string(let digest) = item else { throw SDJWTError(.malformed, "'_sd' holds something other than a digest") }
                guard seen.insert(digest).inserted else { throw SDJWTError(.ambiguous, "a digest occurs twice in the signed payload") }
                guard let disclosure = pending.removeValue(forKey: digest) else { continue }  // undisclosed, or a decoy
                guard let name = disclosure.name else { throw SDJWTError(.ambiguous, "an array element's disclosure stands for a property") }
                guard result[name] == nil else { throw SDJWTError(.ambiguous, "a disclosure names '\(name)', which the object already has") }
                result[name] = try replace(disclosure.value, pending: &pending, seen: &seen)
            }
            return .object(result)
        case .array(let items):
            var result: [JSONValue] = []
            for item in items {
                if case .object(let members) = item, let marker = members["..."] {
                    guard members.count == 1, case .string(let digest) = marker else {
                        throw SDJWTError(.malformed, "an array element '...' is not alone or not a digest")
                    }
                    guard seen.insert(digest).inserted else { throw SDJWTError(.ambiguous, "a digest occurs twice in the signed payload") }
                    guard let disclosure = pending.removeValue(forKey: digest) else { continue }
                    guard disclosure.name == nil else { throw SDJWTError(.ambiguous, "a property's disclosure stands for an array element") }
                    result.append(try replace(disclosure.value, pending: &pending, seen: &seen))
                } else {
                    result.append(try replace(item, pending: &pending, seen: &seen))
                }
            }
            return .array(result)
        default:
            return value
        }
    }
}
