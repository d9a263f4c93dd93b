import BlauweKnop
import Hummingbird

/// Requests about a zaak at one holder (PROTOCOL §11): filing with a signed receipt, listing,
/// withdrawal, and a way for tests and the demo to play the organisation that decides.
extension OrganizationService {
    struct FilingBody: Codable, Sendable {
        var request: String
    }

    struct FilingReply: Codable, Sendable {
        var receipt: String
    }

    struct StatusChange: Codable, Sendable {
        var status: DisputeStatus
        var toelichting: String?
    }

    /// Whether this holder takes requests (a `requests_url` in discovery).
    nonisolated var takesRequests: Bool { organization.settings.requests != false }

    /// `POST <requests_url>`: every check of §11.1 against the current scheme and this holder's
    /// own data, stored before the answer; the identical request again gets a receipt again.
    func fileRequest(authorization: String?, body: FilingBody?, fault: HolderFault?) -> Response {
        let now = clock.epochSeconds
        guard let session = citizenSession(authorization, now: now) else { return HolderResponse.problem(.unauthorized, "No valid session") }
        guard let body else { return HolderResponse.problem(.badRequest, "Malformed request filing") }
        guard let scheme = currentScheme(now) else { return HolderResponse.problem(.serviceUnavailable, "No current scheme") }
        let request: DisputeRequest
        do {
            request = try DisputeRequest(compact: body.request, scheme: scheme)
        } catch {
            return HolderResponse.problem(.badRequest, "Request refused", detail: error.detail)
        }
        let claims = request.claims
        guard claims.sub == session.bsn, claims.iss == session.appKeyThumbprint else {
            return HolderResponse.problem(.unauthorized, "Request refused", detail: "the request is not signed by the citizen of this session")
        }
        if let refusal = refusal(of: claims, now: now) { return HolderResponse.problem(.badRequest, "Request refused", detail: refusal) }
        let decidedAt = organization.citizens[session.bsn]?.first { $0.zaakkenmerk == claims.zaakkenmerk }?.decisionMoment
        let received = Timestamps.rfc3339(clock.now)
        let outcome = disputes.file(request, referencePrefix: organization.settings.shortName.uppercased(), year: String(received.prefix(4))) { kenmerk in
            DisputeListEntry(
                jti: claims.jti, kind: claims.kind, zaakkenmerk: claims.zaakkenmerk, kenmerk: kenmerk, ontvangenOp: received,
                beslissenVoor: DisputeTerms.decideBy(kind: claims.kind, receivedOn: String(received.prefix(10)), decidedAt: decidedAt) ?? "",
                status: .ontvangen, statusOp: received, toelichting: nil)
        }
        switch outcome {
        case .created(let entry): return receiptResponse(for: entry, status: .created, fault: fault, now: now, sealing: session.sealing)
        case .repeated(let entry): return receiptResponse(for: entry, status: .ok, fault: fault, now: now, sealing: session.sealing)
        case .conflict: return HolderResponse.problem(.conflict, "Request refused", detail: "another request has this id")
        case .tooMany: return HolderResponse.problem(.tooManyRequests, "Too many requests", detail: "this citizen has filed too many requests here")
        }
    }

    /// Why a verified request cannot be about this holder's data, or nil.
    private func refusal(of claims: DisputeRequest.Claims, now: Int64) -> String? {
        guard claims.aud == organization.settings.oin else { return "the request is addressed to another organisation" }
        guard abs(claims.iat - now) <= 300 else { return "the request's iat is not within 5 minutes of this holder's clock" }
        guard disputes.issued(claims.document, to: claims.sub) else { return "the request is not about a document this organisation issued to this citizen" }
        guard let zaak = organization.citizens[claims.sub]?.first(where: { $0.zaakkenmerk == claims.zaakkenmerk }) else {
            return "this organisation has no zaak \(claims.zaakkenmerk) for this citizen"
        }
        let numbers = zaak.gebeurtenissen.compactMap(\.beschikkingsnummer)
        if claims.kind == .bezwaar, !numbers.isEmpty, !numbers.contains(claims.beschikkingsnummer ?? "") {
            return "a bezwaar must name the decision's beschikkingsnummer"
        }
        return nil
    }

    /// The signed receipt for a stored request, as the configured fault would spoil it: the
    /// receipt JWS sealed to the session's key (PROTOCOL §13), or `{"receipt": …}` over TLS.
    private func receiptResponse(
        for entry: DisputeRegistry.Entry, status: HTTPResponse.Status, fault: HolderFault?, now: Int64, sealing: SessionSealing?
    ) -> Response {
        var claims = DisputeReceipt.Claims(
            iss: organization.settings.oin, sub: entry.request.claims.sub, aud: entry.request.claims.iss, iat: now, request: entry.listed.jti,
            requestSHA256: entry.request.sha256, kind: entry.listed.kind, zaakkenmerk: entry.listed.zaakkenmerk, ontvangenOp: entry.listed.ontvangenOp,
            kenmerk: entry.listed.kenmerk, beslissenVoor: entry.listed.beslissenVoor)
        var key = organization.key
        switch fault {
        case .receiptOtherKey: key = forger.otherKey
        case .receiptOtherDigest: claims.requestSHA256 = DisputeRequest.digest(of: entry.request.compact + ".")
        case .receiptWrongSubject: claims.sub = "111222333"
        default: break
        }
        do {
            let receipt = try DisputeReceipt.sign(claims, key: key)
            if let sealing { return deliver(receipt, to: sealing, fault: fault, status: status) }
            return HolderResponse.json(FilingReply(receipt: receipt), status: status)
        } catch {
            return HolderResponse.problem(.internalServerError, "Signing failed")
        }
    }

    /// `GET <requests_url>`: the session's citizen's requests, newest first.
    func listRequests(authorization: String?) -> Response {
        guard let session = citizenSession(authorization, now: clock.epochSeconds) else { return HolderResponse.problem(.unauthorized, "No valid session") }
        return HolderResponse.json(DisputeList(requests: disputes.list(bsn: session.bsn)))
    }

    /// `DELETE <requests_url>/<jti>`: 204 (also when already withdrawn); 404 unknown or another
    /// citizen's; 409 already decided.
    func withdrawRequest(authorization: String?, jti: String) -> Response {
        guard let session = citizenSession(authorization, now: clock.epochSeconds) else { return HolderResponse.problem(.unauthorized, "No valid session") }
        switch disputes.withdraw(jti: jti, bsn: session.bsn, at: Timestamps.rfc3339(clock.now)) {
        case .withdrawn: return Response(status: .noContent)
        case .notFound: return HolderResponse.problem(.notFound, "No such request")
        case .decided: return HolderResponse.problem(.conflict, "Request already decided")
        }
    }

    /// `POST /v1/admin/requests/<jti>`: the organisation decides (tests and the demo). Served
    /// only when the environment file sets `admin_token`, and only with that bearer token.
    func changeRequestStatus(authorization: String?, jti: String, change: StatusChange?) -> Response {
        guard isAdmin(authorization) else { return HolderResponse.problem(.unauthorized, "No valid admin token") }
        guard let change else { return HolderResponse.problem(.badRequest, "Malformed status change") }
        guard disputes.setStatus(jti: jti, to: change.status, toelichting: change.toelichting, at: Timestamps.rfc3339(clock.now)) else {
            return HolderResponse.problem(.notFound, "No such request")
        }
        return Response(status: .noContent)
    }

    nonisolated func addRequestRoutes(
        to router: Router<HolderRequestContext>,
        route: (HolderEndpoint, String, @escaping @Sendable (Request, HolderFault?) async -> Response) ->
            @Sendable (Request, HolderRequestContext) async -> Response
    ) {
        router.post(
            "/v1/requests",
            use: route(.requests, "/v1/requests") { request, fault in
                let body = await request.decodeJSON(FilingBody.self)
                return await self.fileRequest(authorization: request.headers[.authorization], body: body, fault: fault)
            })
        router.get(
            "/v1/requests",
            use: route(.requests, "/v1/requests") { request, _ in await self.listRequests(authorization: request.headers[.authorization]) })
        router.delete(
            "/v1/requests/:jti",
            use: route(.requests, "/v1/requests") { request, _ in
                let jti = request.uri.path.split(separator: "/").last.map(String.init) ?? ""
                return await self.withdrawRequest(authorization: request.headers[.authorization], jti: jti)
            })
        guard adminToken != nil else { return }
        router.get("/v1/admin/encryption-keys", use: { request, _ in await self.offeredKeysResponse(authorization: request.headers[.authorization]) })
        router.post(
            "/v1/admin/requests/:jti",
            use: { request, _ in
                let jti = request.uri.path.split(separator: "/").last.map(String.init) ?? ""
                let change = await request.decodeJSON(StatusChange.self)
                return await self.changeRequestStatus(authorization: request.headers[.authorization], jti: jti, change: change)
            })
    }

    /// Whether `authorization` carries the admin token (there is none without `admin_token`).
    nonisolated func isAdmin(_ authorization: String?) -> Bool {
        guard let adminToken, let authorization else { return false }
        return Self.equalInConstantTime(Array(authorization.utf8), Array("Bearer \(adminToken)".utf8))
    }

    /// Compares secrets without stopping at the first difference, so the time taken does not
    /// tell an attacker how much of a guess was right.
    static func equalInConstantTime(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
