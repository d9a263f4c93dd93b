/// The client side of CreateSession (PROTOCOL §4): challenge, proof of possession, token.
public struct SessionClient: Sendable {
    /// The JWS type of session proofs.
    public static let proofType = "bk-session-proof+jws"
    static let maxResponseBytes = 64 << 10

    public let http: HTTPClient
    /// Who asks for the session.
    public let presenter: SessionPresenter
    public let clock: WallClock

    /// A session for the citizen (§4).
    public init(http: HTTPClient, identity: CitizenIdentity, clock: WallClock) {
        self.init(http: http, presenter: .citizen(identity), clock: clock)
    }

    public init(http: HTTPClient, presenter: SessionPresenter, clock: WallClock) {
        self.http = http
        self.presenter = presenter
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
        /// The run's key, offered when discovery lists X-Wing (PROTOCOL §13): inside the signed
        /// proof, so that nobody on the way can swap it.
        public var enc: EncryptionOffer?

        public init(aud: String, nonce: String, iat: Int64, enc: EncryptionOffer? = nil) {
            self.aud = aud
            self.nonce = nonce
            self.iat = iat
            self.enc = enc
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
        /// How this session's documents are read: encrypted to the run's key when one was
        /// offered (PROTOCOL §13), else as sent over TLS. Not part of the holder's answer.
        public var documents = SessionDocuments.plain

        enum CodingKeys: String, CodingKey {
            case exp
            case sessionToken = "session_token"
        }

        public init(sessionToken: String, exp: Int64) {
            self.sessionToken = sessionToken
            self.exp = exp
        }
    }

    /// Whether `token` has the bearer-token syntax of RFC 6750 (token68) and at most 4 KiB.
    static func isToken68(_ token: String) -> Bool {
        let bytes = Array(token.utf8)
        guard !bytes.isEmpty, bytes.count <= 4096 else { return false }
        let body = bytes.prefix { $0 != UInt8(ascii: "=") }
        guard !body.isEmpty, bytes[body.count...].allSatisfy({ $0 == UInt8(ascii: "=") }) else { return false }
        return body.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
            case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "/"): true
            default: false
            }
        }
    }

    /// Obtains a session token from one organisation.
    ///
    /// The session POST spends its challenge, so it is never resent as it is: after a
    /// transient failure (429/502/503/504, or no connection) the whole exchange starts again
    /// with a fresh challenge, within the retry policy and deadline of `http`.
    /// - Parameter offering: the run's key, offered in the proof when the holder encrypts.
    public func createSession(organizationOIN: String, sessionURL: String, offering key: RunEncryptionKey? = nil) async throws(HolderFailure) -> Session {
        var attempt = 1
        while true {
            let (outcome, challenge) = try await attemptSession(organizationOIN: organizationOIN, sessionURL: sessionURL, offering: key)
            guard let wait = http.retryWait(after: outcome, attempt: attempt) else {
                var session: Session = try HTTPClient.reply(from: outcome, expecting: [200, 201], step: "session")
                if let key { session.documents = .encrypted(key: key, info: DocumentEncryption.info(holderOIN: organizationOIN, challenge: challenge)) }
                return try checked(session)
            }
            do {
                try await Task.sleep(for: wait)
            } catch {
                throw HolderFailure(.timeout, "session: cancelled")
            }
            attempt += 1
        }
    }

    /// One challenge and one session POST, sent once; the outcome and the challenge it spent.
    private func attemptSession(
        organizationOIN: String, sessionURL: String, offering key: RunEncryptionKey?
    ) async throws(HolderFailure) -> (Result<HTTPResponse, TransportError>, String) {
        let challenge: Challenge = try await http.exchangeJSON(
            .postJSON(url: sessionURL + "/challenge", body: Array("{}".utf8), maxResponseBytes: Self.maxResponseBytes),
            expecting: [200, 201], step: "session challenge")
        let proof: String
        do {
            let claims = Proof(aud: organizationOIN, nonce: challenge.challenge, iat: clock.epochSeconds, enc: key?.offer)
            proof = try JWS.sign(claims: claims, type: Self.proofType, key: presenter.signingKey)
        } catch {
            throw HolderFailure(.unauthorized, "session: cannot sign the proof: \(error)")
        }
        let body: [UInt8]
        do {
            body = try presenter.body(proof: proof)
        } catch {
            throw HolderFailure(.unauthorized, "session: cannot write the request: \(error)")
        }
        var request = HTTPRequest.postJSON(url: sessionURL, body: body, maxResponseBytes: Self.maxResponseBytes)
        request.isRetryable = false
        return (await http.outcome(of: request), challenge.challenge)
    }

    /// The body of the requester's session request (§10.4).
    struct RequesterSessionRequest: Codable, Sendable {
        var consent: String
        var proof: String
    }

    private func checked(_ session: Session) throws(HolderFailure) -> Session {
        guard session.sessionToken.utf8.count >= 16 else { throw HolderFailure(.invalidDocument, "session: the token is too short") }
        guard Self.isToken68(session.sessionToken) else {
            throw HolderFailure(.invalidDocument, "session: the token holds characters a bearer token may not have (refused)")
        }
        return session
    }
}

/// Who asks a holder for a session: the citizen with the App Manager credential (§4), or a
/// requester with the citizen's consent and its own key (§10.4).
public enum SessionPresenter: Sendable {
    case citizen(CitizenIdentity)
    case requester(consent: String, key: PrivateKey)

    /// The key that signs the proof.
    var signingKey: PrivateKey {
        switch self {
        case .citizen(let identity): identity.appKey
        case .requester(_, let key): key
        }
    }

    /// The session request body for a signed proof.
    func body(proof: String) throws(EncodingProblem) -> [UInt8] {
        switch self {
        case .citizen(let identity): try JSONCoding.encode(SessionClient.SessionRequest(credential: identity.credential.compact, proof: proof))
        case .requester(let consent, _): try JSONCoding.encode(SessionClient.RequesterSessionRequest(consent: consent, proof: proof))
        }
    }
}
