import Foundation

/// A scheme document whose signature, environment, validity and content rules all passed.
public struct VerifiedScheme: Sendable {
    /// The JWS type of scheme documents.
    public static let jwsType = "bk-scheme+jws"
    /// Largest scheme accepted (PROTOCOL §6).
    public static let maxBytes = 1 << 20
    /// How far `iat` may lie in the future.
    public static let clockSkewSeconds: Int64 = 300

    /// The decoded payload.
    public let document: SchemeDocument
    /// The JWS exactly as received: the evidence.
    public let compact: String
    /// SHA-256 (hex) of the signed payload bytes, to tell versions apart.
    public let payloadDigest: String
    /// Keys per organisation OIN.
    public let organizationKeys: [String: TrustedKeys]
    /// Keys per App Manager OIN.
    public let appManagerKeys: [String: TrustedKeys]
    /// Keys per requester OIN (PROTOCOL §10.1).
    public let requesterKeys: [String: TrustedKeys]

    /// Verifies a scheme JWS against the trust anchor and the rules of PROTOCOL §1 (1–3, 5).
    /// Rollback (rule 4) needs local state: see `SchemeState`.
    public init(compact: String, trustAnchor: TrustAnchor, environment: String, now: Int64) throws(SchemeError) {
        guard compact.utf8.count <= Self.maxBytes else {
            throw SchemeError(.invalidContent, "the scheme is larger than \(ByteCount.describe(Self.maxBytes))")
        }
        let compact = compact.trimmingASCIIWhitespace
        let payload: [UInt8]
        do {
            payload = try JWS(compact: compact).verified(with: trustAnchor.keys, type: Self.jwsType)
        } catch {
            throw SchemeError(.untrusted, "the scheme is not signed by the configured scheme operator: \(error)")
        }
        let document: SchemeDocument
        do {
            document = try JSONCoding.decode(SchemeDocument.self, from: payload)
        } catch {
            throw SchemeError(.invalidContent, "the scheme payload is malformed: \(error)")
        }
        guard document.environment == environment else {
            throw SchemeError(.wrongEnvironment, "the scheme is for environment '\(document.environment)', but '\(environment)' is configured")
        }
        guard document.exp > now else {
            throw SchemeError(.notCurrent, "the scheme expired at \(EpochTime.describe(document.exp)); the operator must publish a new one")
        }
        guard document.iat <= now + Self.clockSkewSeconds else {
            throw SchemeError(.notCurrent, "the scheme is issued in the future (\(EpochTime.describe(document.iat))); check this computer's clock")
        }
        self.organizationKeys = try Self.keys(for: document.organizations.map { ($0.oin, $0.name, $0.publicKeys, $0.discoveryURL) }, kind: "organisation")
        self.appManagerKeys = try Self.keys(for: document.appManagers.map { ($0.oin, $0.name, $0.publicKeys, $0.registrationURL) }, kind: "App Manager")
        self.requesterKeys = try Self.requesterKeys(document)
        self.document = document
        self.compact = compact
        self.payloadDigest = Digest.sha256Hex(payload)
    }

    /// The §1 rules for requesters (§10.1): a valid OIN that no other entry of the scheme has,
    /// usable keys that no other entry lists, well-formed purposes and 1–366 days.
    private static func requesterKeys(_ document: SchemeDocument) throws(SchemeError) -> [String: TrustedKeys] {
        let requesters = document.requesters ?? []
        guard !requesters.isEmpty else { return [:] }
        let others = document.organizations.map { ($0.oin, $0.name, $0.publicKeys) } + document.appManagers.map { ($0.oin, $0.name, $0.publicKeys) }
        var owners: [String: String] = [:]
        for (_, name, keys) in others {
            for key in keys { if let thumbprint = try? key.thumbprint() { owners[thumbprint] = name } }
        }
        let otherOINs = Set(others.map(\.0))
        var result: [String: TrustedKeys] = [:]
        for requester in requesters {
            let name = TerminalText.sanitized(requester.name)
            guard Identifiers.isOIN(requester.oin) else {
                throw SchemeError(.invalidContent, "requester '\(name)' has an invalid OIN '\(TerminalText.sanitized(requester.oin))'")
            }
            guard result[requester.oin] == nil, !otherOINs.contains(requester.oin) else {
                throw SchemeError(.invalidContent, "OIN \(requester.oin) appears twice in the scheme")
            }
            guard !requester.publicKeys.isEmpty else { throw SchemeError(.invalidContent, "requester '\(name)' has no public keys") }
            guard !requester.purposes.isEmpty, requester.purposes.allSatisfy({ SchemeDocument.Requester.isPurposeName($0) }),
                Set(requester.purposes).count == requester.purposes.count
            else {
                throw SchemeError(.invalidContent, "requester '\(name)' has no purposes, a malformed one or one twice (lowercase a-z, 0-9 and _)")
            }
            guard (1...366).contains(requester.maxConsentDays) else {
                throw SchemeError(.invalidContent, "requester '\(name)' has max_consent_days \(requester.maxConsentDays); it must be 1 to 366")
            }
            for key in requester.publicKeys {
                guard let thumbprint = try? key.thumbprint() else { throw SchemeError(.invalidContent, "requester '\(name)' has an unusable key") }
                if let owner = owners[thumbprint] {
                    throw SchemeError(.invalidContent, "requester '\(name)' shares a key with '\(TerminalText.sanitized(owner))'")
                }
                owners[thumbprint] = requester.name
            }
            do {
                result[requester.oin] = try TrustedKeys(requester.publicKeys)
            } catch {
                throw SchemeError(.invalidContent, "requester '\(name)' has an unusable key: \(error)")
            }
        }
        return result
    }

    private static func keys(for entries: [(oin: String, name: String, keys: [JWK], url: String)], kind: String) throws(SchemeError) -> [String: TrustedKeys] {
        var result: [String: TrustedKeys] = [:]
        for entry in entries {
            guard Identifiers.isOIN(entry.oin) else { throw SchemeError(.invalidContent, "\(kind) '\(entry.name)' has an invalid OIN '\(entry.oin)'") }
            guard result[entry.oin] == nil else { throw SchemeError(.invalidContent, "OIN \(entry.oin) appears twice in the scheme") }
            guard URLParts.isHTTPS(entry.url) else { throw SchemeError(.invalidContent, "\(kind) '\(entry.name)' has a non-https URL: \(entry.url)") }
            guard !entry.keys.isEmpty else { throw SchemeError(.invalidContent, "\(kind) '\(entry.name)' has no public keys") }
            do {
                result[entry.oin] = try TrustedKeys(entry.keys)
            } catch {
                throw SchemeError(.invalidContent, "\(kind) '\(entry.name)' has an unusable key: \(error)")
            }
        }
        return result
    }
}

/// Human-readable epoch seconds.
enum EpochTime {
    static func describe(_ seconds: Int64) -> String {
        Timestamps.rfc3339(Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
