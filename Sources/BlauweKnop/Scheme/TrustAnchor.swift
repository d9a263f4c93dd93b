import Foundation

/// The scheme operator key(s) a user configured: the root of all trust in bk.
public struct TrustAnchor: Sendable {
    /// The trusted operator keys, by thumbprint.
    public let keys: TrustedKeys

    /// A JWK Set (`{"keys":[…]}`) as bytes.
    public init(jwkSet bytes: [UInt8]) throws(SchemeError) {
        struct JWKSet: Decodable { var keys: [JWK] }
        let set: JWKSet
        do {
            set = try JSONCoding.decode(JWKSet.self, from: bytes)
        } catch {
            throw SchemeError(.configuration, "the trust anchor is not a JWK Set: \(error)", concernsTrustAnchor: true)
        }
        guard !set.keys.isEmpty else { throw SchemeError(.configuration, "the trust anchor holds no keys", concernsTrustAnchor: true) }
        do {
            keys = try TrustedKeys(set.keys)
        } catch {
            throw SchemeError(.configuration, "the trust anchor has an unusable key: \(error)", concernsTrustAnchor: true)
        }
    }

    /// Reads a JWK Set file.
    public init(path: String) throws(SchemeError) {
        let bytes: [UInt8]?
        do {
            bytes = try AtomicFile.read(path)
        } catch {
            throw SchemeError(.configuration, "cannot read the trust anchor: \(error)", concernsTrustAnchor: true)
        }
        guard let bytes else { throw SchemeError(.configuration, "the trust anchor file \(path) does not exist", concernsTrustAnchor: true) }
        try self.init(jwkSet: bytes)
    }
}
