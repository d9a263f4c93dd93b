/// Files a citizen's request at one holder (PROTOCOL §11.1–§11.2): a session, the document
/// the request is about (fetched and verified now, so that the request names a document the
/// holder really issued), the signed request, and the receipt verified before anything is
/// called filed.
public struct DisputeFiling: Sendable {
    public let scheme: VerifiedScheme
    public let identity: CitizenIdentity
    public let http: HTTPClient
    public let clock: WallClock
    /// The run's key and whether encryption is required (PROTOCOL §13): the document and the
    /// receipt come encrypted where the organisation offers it.
    public var encryption = EncryptionPolicy.tlsOnly

    public init(scheme: VerifiedScheme, identity: CitizenIdentity, http: HTTPClient, clock: WallClock) {
        self.scheme = scheme
        self.identity = identity
        self.http = http
        self.clock = clock
    }

    /// What the citizen asks, before it is signed.
    public struct Draft: Sendable {
        public var kind: DisputeKind
        public var zaakkenmerk: String
        public var gronden: String
        public var gewenst: String?
        public var deferral: Bool
        public var filer: DisputeRequest.Filer?

        public init(kind: DisputeKind, zaakkenmerk: String, gronden: String, gewenst: String?, deferral: Bool, filer: DisputeRequest.Filer?) {
            self.kind = kind
            self.zaakkenmerk = zaakkenmerk
            self.gronden = gronden
            self.gewenst = gewenst
            self.deferral = deferral
            self.filer = filer
        }
    }

    /// An open session at the organisation and the zaak as its document states it now.
    public struct Context: Sendable {
        public let organization: SchemeDocument.Organization
        public let requestsURL: String
        let token: String
        /// How the session's answers arrive (encrypted to the run's key, or over TLS alone).
        let documents: SessionDocuments
        /// The verified FCID JWS the request will name.
        public let document: String
        public let zaak: FinancieleZaak
        /// When the decision was made (the primary obligation's moment), for the objection term.
        public var decidedAt: String? { zaak.decisionMoment }
        /// The decision's number, which a bezwaar names.
        public var beschikkingsnummer: String? {
            zaak.gebeurtenissen.first { $0.primaireVerplichting == true && $0.beschikkingsnummer != nil }?.beschikkingsnummer
                ?? zaak.gebeurtenissen.compactMap(\.beschikkingsnummer).first
        }
    }

    /// How filing ended.
    public enum Outcome: Sendable {
        /// Filed: the receipt verified.
        case filed(DisputeReceipt)
        /// The organisation did not take it (unreachable, refused, an HTTP error): nothing filed.
        case notTaken(HolderFailure)
        /// The organisation answered with a receipt that fails verification: the request is
        /// kept to be sent again.
        case receiptFailed(DisputeError)
    }

    /// Opens a session at `organization`, fetches and verifies its document for this citizen and
    /// finds `zaakkenmerk` in it.
    /// - Throws: `HolderFailure` when the organisation cannot be asked or does not take
    ///   requests; `DisputeError` with code `unknownZaak` when its document has no such zaak.
    public func prepare(organization: SchemeDocument.Organization, zaakkenmerk: String) async throws -> Context {
        guard let keys = scheme.organizationKeys[organization.oin] else {
            throw HolderFailure(.invalidDocument, "the scheme lists no keys for \(organization.name)")
        }
        let (discovery, session) = try await openSession(at: organization)
        guard let requestsURL = discovery.requestsURL else {
            throw HolderFailure(.notSupported, "discovery: the organisation takes no requests (no requests_url)")
        }
        let response = try await http.exchange(
            HTTPRequest(
                url: discovery.financialClaimsURL, headers: [("Authorization", "Bearer \(session.sessionToken)"), ("Accept", "application/jose")],
                maxResponseBytes: session.documents.maxResponseBytes(forDocumentLimit: FinancialClaimsDocument.maxBytes)), expecting: [200], step: "claims")
        let body = try session.documents.document(in: response, limit: FinancialClaimsDocument.maxBytes, step: "claims")
        let compact = String(decoding: body, as: UTF8.self).trimmingASCIIWhitespace
        let verified = try ClaimsVerifier.verify(
            compact: compact, organization: organization, keys: keys, bsn: identity.bsn, appKeyThumbprint: identity.appKeyThumbprint,
            now: clock.epochSeconds, today: Timestamps.calendarDate(clock.now))
        guard let zaak = verified.document.financieleZaken.first(where: { $0.zaakkenmerk == zaakkenmerk }) else {
            let shown = TerminalText.sanitized(String(zaakkenmerk.prefix(64)))
            throw DisputeError(.unknownZaak, "\(organization.name) has no zaak \(shown) for you", values: ["zaak": shown, "organization": organization.name])
        }
        return Context(
            organization: organization, requestsURL: requestsURL, token: session.sessionToken, documents: session.documents, document: verified.compact,
            zaak: zaak)
    }

    /// Discovery and a citizen session at an organisation.
    public func openSession(at organization: SchemeDocument.Organization) async throws(HolderFailure) -> (DiscoveryDocument, SessionClient.Session) {
        let discovery = try await DiscoveryDocument.fetch(for: organization, http: http, now: clock.epochSeconds)
        let session = try await SessionClient(http: http, identity: identity, clock: clock)
            .createSession(organizationOIN: organization.oin, sessionURL: discovery.sessionURL, offering: try encryption.key(for: discovery))
        return (discovery, session)
    }

    /// Sends a kept request again on a fresh session (its receipt did not verify last time).
    public func resend(_ request: DisputeRequest, to organization: SchemeDocument.Organization) async -> Outcome {
        do {
            let (discovery, session) = try await openSession(at: organization)
            guard let requestsURL = discovery.requestsURL else {
                return .notTaken(HolderFailure(.notSupported, "discovery: the organisation takes no requests (no requests_url)"))
            }
            return await send(request, to: organization, requestsURL: requestsURL, token: session.sessionToken, documents: session.documents)
        } catch {
            return .notTaken(error)
        }
    }

    /// Signs the request for a prepared zaak (its texts checked first).
    public func sign(_ draft: Draft, for context: Context) throws(DisputeError) -> DisputeRequest {
        let claims = DisputeRequest.Claims(
            jti: Consent.newID(), iss: identity.appKeyThumbprint, sub: identity.bsn, aud: context.organization.oin, iat: clock.epochSeconds,
            kind: draft.kind, zaakkenmerk: draft.zaakkenmerk, beschikkingsnummer: draft.kind == .bezwaar ? context.beschikkingsnummer : nil,
            document: DisputeRequest.digest(of: context.document), gronden: draft.gronden, gewenst: draft.gewenst,
            uitstelGevraagd: draft.kind == .bezwaar && draft.deferral ? true : nil, indiener: draft.filer, credential: identity.credential.compact)
        return try DisputeRequest.sign(claims, appKey: identity.appKey)
    }

    /// Sends a signed request on an open session and verifies the receipt (sealed to the run's
    /// key when the session offered one, PROTOCOL §13).
    public func send(
        _ request: DisputeRequest, to organization: SchemeDocument.Organization, requestsURL: String, token: String, documents: SessionDocuments = .plain
    ) async -> Outcome {
        let response: HTTPResponse
        do {
            // Retryable (the default): filing spends nothing single-use, and the identical
            // request again gets the receipt again.
            let post = try HTTPRequest.postJSON(
                url: requestsURL, json: ["request": request.compact], headers: [("Authorization", "Bearer \(token)")],
                maxResponseBytes: documents.maxResponseBytes(forDocumentLimit: DisputeReceipt.maxBytes + 1024))
            response = try await http.exchange(post, expecting: [200, 201], step: "request")
        } catch let failure as HolderFailure {
            return .notTaken(failure)
        } catch {
            return .notTaken(HolderFailure(.unreachable, "request: \(error)"))
        }
        guard let keys = scheme.organizationKeys[organization.oin] else {
            return .receiptFailed(DisputeError(.receiptMismatch, "the scheme lists no keys for the organisation"))
        }
        do {
            let compact: String
            if documents.isEncrypted {
                let opened = try documents.document(in: response, limit: DisputeReceipt.maxBytes, step: "receipt")
                compact = String(decoding: opened, as: UTF8.self).trimmingASCIIWhitespace
            } else {
                compact = try JSONCoding.decode(Reply.self, from: response.body).receipt
            }
            return .filed(try DisputeReceipt(compact: compact, holderOIN: organization.oin, holderKeys: keys, for: request))
        } catch let error as DisputeError {
            return .receiptFailed(error)
        } catch let failure as HolderFailure {
            return .receiptFailed(DisputeError(.malformed, failure.detail))
        } catch {
            return .receiptFailed(DisputeError(.malformed, "the organisation's answer holds no receipt: \(error)"))
        }
    }

    /// Sends on the context's session.
    public func send(_ request: DisputeRequest, context: Context) async -> Outcome {
        await send(request, to: context.organization, requestsURL: context.requestsURL, token: context.token, documents: context.documents)
    }

    private struct Reply: Decodable {
        let receipt: String
    }
}

extension DisputeFiling {
    /// One organisation's answer to "which requests of mine do you have?".
    public struct Listing: Sendable {
        public let organization: SchemeDocument.Organization
        /// The requests, newest first; or why the organisation could not be asked.
        public let requests: Result<[DisputeListEntry], HolderFailure>
        /// The open session the list came over, for a withdrawal that follows.
        let requestsURL: String?
        let token: String?
    }

    /// Asks every organisation of the scheme that takes requests, at once; in scheme order.
    /// Organisations without `requests_url` are left out.
    public func listEverywhere() async -> [Listing] {
        let organizations = scheme.document.organizations
        var listings = [Listing?](repeating: nil, count: organizations.count)
        await withTaskGroup(of: (Int, Listing?).self) { group in
            for (index, organization) in organizations.enumerated() {
                group.addTask { (index, await list(at: organization)) }
            }
            for await (index, listing) in group { listings[index] = listing }
        }
        return listings.compactMap { $0 }
    }

    /// The requests one organisation holds for this citizen; nil when it takes none.
    public func list(at organization: SchemeDocument.Organization) async -> Listing? {
        do {
            let (discovery, session) = try await openSession(at: organization)
            guard let requestsURL = discovery.requestsURL else { return nil }
            let reply: DisputeList = try await http.exchangeJSON(
                HTTPRequest(url: requestsURL, headers: [("Authorization", "Bearer \(session.sessionToken)")], maxResponseBytes: 4 << 20),
                expecting: [200], step: "requests")
            return Listing(organization: organization, requests: .success(reply.requests), requestsURL: requestsURL, token: session.sessionToken)
        } catch {
            return Listing(organization: organization, requests: .failure(error), requestsURL: nil, token: nil)
        }
    }

    /// Withdraws a request at the organisation that listed it, on the session of that listing:
    /// true when withdrawn (also when it already was), false when the organisation does not know
    /// it; a decided request is refused (409, an `httpError`).
    public func withdraw(jti: String, listedBy listing: Listing) async throws(HolderFailure) -> Bool {
        guard let requestsURL = listing.requestsURL, let token = listing.token else {
            throw HolderFailure(.unreachable, "withdraw: the organisation could not be asked")
        }
        let response = try await http.exchange(
            HTTPRequest(method: .delete, url: requestsURL + "/" + jti, headers: [("Authorization", "Bearer \(token)")], maxResponseBytes: 1 << 16),
            expecting: [204, 404], step: "withdraw")
        return response.status == 204
    }
}
