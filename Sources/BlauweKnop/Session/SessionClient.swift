/// The client side of CreateSession (PROTOCOL §4): challenge, proof of possession, token.
public struct SessionClient: Sendable {
    /// The JWS type of session proofs.
    public static let proofType = "bk-session-proof+jws"
    static let maxResponseBytes = 64 << 10

    public let http: HTTPClient
    public let identity: CitizenIdentity
    public let clock: WallClock

    public init(http: HTTPClient, identity: CitizenIdentity, clock: WallClock) {
        self.http = http
        self.identity = identity
        self.clock = clock
    }

    struct Challenge: Codable {
        var challenge: String
        var exp: Int64
    }

    /// The proof payload.
    public struct Proof: Codable, Sendable, Hashable {
        public var aud: String
        public var nonce: String
        public var iat: Int64

        public init(aud: String, nonce: String, iat: Int64) {
            self.aud = aud
            self.nonce = nonce
            self.iat = iat
        }
    }

    /// The session request body.
    public struct SessionRequest: Codable, Sendable {
        public var credential: String
        public var proof: String

        public init(credential: String, proof: String) {
            self.credential = credential
            self.proof = proof
        }
    }

    /// The session the holder granted.
    public struct Session: Codable, Sendable {
        public var sessionToken: String
        public var exp: Int64

        enum CodingKeys: String, CodingKey {
            case exp
            case sessionToken = "session_token"
        }

        public init(sessionToken: String, exp: Int64) {
            self.sessionToken = sessionToken
            self.exp = exp
        }
    }

    /// Obtains a session token from one organisation.
    public func createSession(organizationOIN: String, sessionURL: String) async throws(HolderFailure) -> Session {
        let challenge: Challenge = try await http.exchangeJSON(
            .postJSON(url: sessionURL + "/challenge", body: Array("{}".utf8), maxResponseBytes: Self.maxResponseBytes),
            expecting: [200, 201], step: "session challenge")
        let proof: String
        do {
            let payload = JSONCoding.encode(Proof(aud: organizationOIN, nonce: challenge.challenge, iat: clock.epochSeconds))
            proof = try JWS.sign(payload: payload, type: Self.proofType, key: identity.appKey)
        } catch {
            throw HolderFailure(.unauthorized, "session: cannot sign the proof: \(error)")
        }
        let body = JSONCoding.encode(SessionRequest(credential: identity.credential.compact, proof: proof))
        let session: Session = try await http.exchangeJSON(
            .postJSON(url: sessionURL, body: body, maxResponseBytes: Self.maxResponseBytes), expecting: [200, 201], step: "session")
        guard session.sessionToken.utf8.count >= 16 else { throw HolderFailure(.invalidDocument, "session: the token is too short") }
        return session
    }
}
