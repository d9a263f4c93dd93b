/// The proof a citizen keeps of one request (PROTOCOL §11.2): the scheme that named the
/// holder's keys, the request and the holder's receipt, in one file (0600).
public struct DisputeProof: Codable, Sendable, Hashable {
    public static let typeName = "bk-request-proof"
    public static let maxBytes = 512 << 10

    public var type: String
    public var version: Int
    public var scheme: String
    public var request: String
    public var receipt: String

    public init(scheme: String, request: String, receipt: String) {
        self.type = Self.typeName
        self.version = 1
        self.scheme = scheme
        self.request = request
        self.receipt = receipt
    }

    /// What a proof file proves, once verified.
    public struct Proven: Sendable {
        public let request: DisputeRequest
        public let receipt: DisputeReceipt
        /// The holder's name as the embedded scheme lists it.
        public let holderName: String
    }

    /// Why a proof file proves nothing, by `bk verify`'s exit codes (§11.2).
    public enum Failure: Error, Sendable {
        /// The scheme inside is not signed by the trust anchor (exit 2).
        case untrustedScheme(String)
        /// The request, the receipt or their binding fails (exit 4).
        case differs(DisputeError)
        /// Not a proof file (exit 1).
        case unreadable(String)
    }

    private struct TypeOnly: Decodable {
        let type: String
    }

    /// Whether these bytes are meant as a proof file (a JSON object whose `type` says so),
    /// whatever else holds; an overview or any other file is not.
    public static func isProofFile(_ bytes: [UInt8]) -> Bool {
        bytes.count <= maxBytes && (try? JSONCoding.decode(TypeOnly.self, from: bytes))?.type == typeName
    }

    private struct FiledAt: Decodable {
        let iat: Int64
    }

    /// Proves offline what was filed, with whom and when: the embedded scheme verifies against
    /// the trust anchor and was current when the request was signed (it may have expired since),
    /// the request against its own credential, and the receipt against the holder's
    /// keys in that scheme and against that exact request.
    public static func verify(bytes: [UInt8], trustAnchor: TrustAnchor, environment: String) -> Result<Proven, Failure> {
        guard bytes.count <= maxBytes else { return .failure(.unreadable("the file is larger than 512 KiB")) }
        let proof: DisputeProof
        do {
            proof = try JSONCoding.decode(DisputeProof.self, from: bytes)
        } catch {
            return .failure(.unreadable("not a request proof file: \(error)"))
        }
        guard proof.type == typeName, proof.version == 1 else { return .failure(.unreadable("not a request proof file of version 1")) }
        // The scheme must have been current when the request was signed; the request's `iat`
        // is read here unverified and proven below, when the request is.
        guard let filedAt = (try? JWS(compact: proof.request.trimmingASCIIWhitespace)).flatMap({ try? JSONCoding.decode(FiledAt.self, from: $0.payload) })
        else { return .failure(.differs(DisputeError(.malformed, "the request in the file is malformed"))) }
        let scheme: VerifiedScheme
        do {
            scheme = try VerifiedScheme(compact: proof.scheme, trustAnchor: trustAnchor, environment: environment, now: filedAt.iat)
        } catch {
            return .failure(.untrustedScheme(error.detail))
        }
        do throws(DisputeError) {
            let request = try DisputeRequest(compact: proof.request, scheme: scheme)
            guard let holder = scheme.document.organizations.first(where: { $0.oin == request.claims.aud }),
                let keys = scheme.organizationKeys[holder.oin]
            else { throw DisputeError(.receiptMismatch, "the request is addressed to an organisation the scheme does not list") }
            let receipt = try DisputeReceipt(compact: proof.receipt, holderOIN: holder.oin, holderKeys: keys, for: request)
            return .success(Proven(request: request, receipt: receipt, holderName: holder.name))
        } catch {
            return .failure(.differs(error))
        }
    }
}
