import BlauweKnop
import BKTestSupport
import Foundation
import Testing

/// PROTOCOL §11 at the real bk-holder, through bk's library: filing with a verified receipt,
/// repeats and conflicts, what the holder refuses, listing, the organisation's decision, the
/// document's `verzoeken`, withdrawal, and every receipt fault.
@Suite("Requests about a zaak at bk-holder, end to end")
struct DisputeHolderEndToEndTests {
    /// A citizen's session at one organisation, with the FCID document it was just given.
    struct Filer {
        let client: BlauweKnopClient
        let http: HTTPClient
        let token: String
        let identity: CitizenIdentity
        let scheme: VerifiedScheme
        let organization: SchemeDocument.Organization
        let discovery: DiscoveryDocument
        let document: String

        var requestsURL: String { discovery.requestsURL ?? "" }
        var bearer: [(name: String, value: String)] { [("Authorization", "Bearer \(token)")] }

        static func start(_ holder: TestHolder, bsn: String = ExpectedFigures.richCitizen, at name: String = "CJIB") async throws -> Filer {
            let session = try await CitizenSession.open(holder, bsn: bsn, at: name)
            let (client, http, token, discovery) = (session.client, session.http, session.token, session.discovery)
            let registrar = session.registrar
            let organization = session.organization
            let fcid = try await http.send(
                HTTPRequest(url: discovery.financialClaimsURL, headers: [("Authorization", "Bearer \(token)")], maxResponseBytes: 1 << 20))
            return Filer(
                client: client, http: http, token: token, identity: registrar.identity, scheme: registrar.scheme, organization: organization,
                discovery: discovery, document: String(decoding: fcid.body, as: UTF8.self))
        }

        /// The zaken of the document this session was given.
        func zaken() throws -> [FinancieleZaak] {
            try JSONCoding.decode(FinancialClaimsDocument.self, from: JWS(compact: document).payload).financieleZaken
        }

        func claims(kind: DisputeKind = .bezwaar, zaak: String? = nil, aud: String? = nil) throws -> DisputeRequest.Claims {
            let first = try #require(try zaken().first)
            return DisputeRequest.Claims(
                jti: Consent.newID(), iss: identity.appKeyThumbprint, sub: identity.bsn, aud: aud ?? organization.oin, iat: client.clock.epochSeconds,
                kind: kind, zaakkenmerk: zaak ?? first.zaakkenmerk, beschikkingsnummer: first.gebeurtenissen.compactMap(\.beschikkingsnummer).first,
                document: DisputeRequest.digest(of: document), gronden: "De auto was op die dag al verkocht.", gewenst: "De boete vervalt.",
                uitstelGevraagd: kind == .bezwaar ? true : nil,
                indiener: .init(naam: "J. de Vries", adres: .init(straat: "Dorpsstraat", huisnummer: "1a", postcode: "3511 AA", woonplaats: "Utrecht")),
                credential: identity.credential.compact)
        }

        /// POSTs a request JWS; the status and, for 200/201, the receipt checked against it.
        func file(_ compact: String, as request: DisputeRequest? = nil) async throws -> (status: Int, receipt: Result<DisputeReceipt, DisputeError>?) {
            let response = try await http.send(
                try HTTPRequest.postJSON(url: requestsURL, json: ["request": compact], headers: bearer, maxResponseBytes: 1 << 16))
            guard response.status == 200 || response.status == 201, let request else { return (response.status, nil) }
            let receipt = try JSONCoding.decode([String: String].self, from: response.body)["receipt"] ?? ""
            let keys = try #require(scheme.organizationKeys[organization.oin])
            do {
                return (response.status, .success(try DisputeReceipt(compact: receipt, holderOIN: organization.oin, holderKeys: keys, for: request)))
            } catch {
                return (response.status, .failure(error))
            }
        }

        func list() async throws -> [DisputeListEntry] {
            let response = try await http.send(HTTPRequest(url: requestsURL, headers: bearer, maxResponseBytes: 1 << 20))
            return try JSONCoding.decode(DisputeList.self, from: response.body).requests
        }

        func withdraw(_ jti: String) async throws -> Int {
            try await http.send(HTTPRequest(method: .delete, url: requestsURL + "/" + jti, headers: bearer, maxResponseBytes: 1 << 16)).status
        }

        /// The admin token of the examples' environment file, which the test holders keep.
        static let adminToken = "demo-admin-only-on-loopback"

        /// The organisation decides (the holder's admin endpoint, with its bearer token).
        func decide(_ jti: String, _ status: DisputeStatus, toelichting: String? = nil, token: String = Filer.adminToken) async throws -> Int {
            let url = requestsURL.replacingOccurrences(of: "/v1/requests", with: "/v1/admin/requests/") + jti
            var body = ["status": status.rawValue]
            body["toelichting"] = toelichting
            let request = try HTTPRequest.postJSON(url: url, json: body, headers: [("Authorization", "Bearer \(token)")], maxResponseBytes: 1 << 16)
            return try await http.send(request).status
        }
    }

    @Test("File, repeat, conflict, list, decide, withdraw: every answer of §11.2–§11.3, and the document states the request")
    func lifecycle() async throws {
        try await DedicatedExecutor.offPool {
            let holder = try TestHolder()
            let filer = try await Filer.start(holder)
            #expect(filer.discovery.requestsURL?.hasSuffix("/v1/requests") == true)
            let request = try DisputeRequest.sign(try filer.claims(), appKey: filer.identity.appKey)
            let filed = try await filer.file(request.compact, as: request)
            #expect(filed.status == 201)
            let receipt = try #require(try filed.receipt?.get())
            let decided = try #require(try filer.zaken().first?.decisionMoment)
            #expect(
                receipt.claims.beslissenVoor
                    == DisputeTerms.decideBy(kind: .bezwaar, receivedOn: String(receipt.claims.ontvangenOp.prefix(10)), decidedAt: decided))
            #expect(receipt.claims.kenmerk.hasPrefix("CJIB-BZW-"))

            let again = try await filer.file(request.compact, as: request)
            #expect(again.status == 200)
            #expect(try again.receipt?.get().claims.kenmerk == receipt.claims.kenmerk)
            var changed = request.claims
            changed.gronden = "Iets anders."
            #expect(try await filer.file(try DisputeRequest.sign(changed, appKey: filer.identity.appKey).compact).status == 409)

            var listed = try await filer.list()
            #expect(listed.map(\.jti) == [request.claims.jti] && listed.first?.status == .ontvangen)
            #expect(try await filer.decide(request.claims.jti, .afgewezen, token: "raden") == 401, "only the admin token decides")
            #expect(try await filer.decide(request.claims.jti, .inBehandeling, toelichting: "\u{1B}[2Jwe kijken ernaar") == 204)
            listed = try await filer.list()
            #expect(listed.first?.status == .inBehandeling)
            #expect(listed.first?.toelichting?.contains("we kijken ernaar") == true)

            let later = try await Filer.start(holder)
            let stated = try #require(try later.zaken().first { $0.zaakkenmerk == request.claims.zaakkenmerk }?.verzoeken?.first)
            #expect(stated.request == request.claims.jti && stated.status == "in_behandeling" && stated.kenmerk == receipt.claims.kenmerk)

            #expect(try await filer.withdraw(request.claims.jti) == 204)
            #expect(try await filer.withdraw(request.claims.jti) == 204, "withdrawing twice is no error")
            #expect(try await filer.list().first?.status == .ingetrokken)
            #expect(try await filer.withdraw(Consent.newID()) == 404)

            let correction = try DisputeRequest.sign(try filer.claims(kind: .correctie), appKey: filer.identity.appKey)
            #expect(try await filer.file(correction.compact, as: correction).status == 201)
            #expect(try await filer.decide(correction.claims.jti, .afgewezen) == 204)
            #expect(try await filer.withdraw(correction.claims.jti) == 409, "a decided request cannot be withdrawn")
        }
    }

    @Test("Without admin_token in its environment file the holder has no admin endpoint at all (404), as a copy for real use")
    func noAdminDoor() async throws {
        try await DedicatedExecutor.offPool {
            let holder = try TestHolder(.init(withoutAdminToken: true))
            let filer = try await Filer.start(holder)
            let request = try DisputeRequest.sign(try filer.claims(), appKey: filer.identity.appKey)
            #expect(try await filer.file(request.compact, as: request).status == 201)
            #expect(try await filer.decide(request.claims.jti, .toegewezen) == 404)
        }
    }

    @Test("The holder refuses a request about another citizen's zaak, another organisation's, or a document it never issued (400)")
    func refusals() async throws {
        try await DedicatedExecutor.offPool {
            let holder = try TestHolder()
            let filer = try await Filer.start(holder)
            let other = try await Filer.start(holder, bsn: ExpectedFigures.singleDebtCitizen)
            let othersZaak = try #require(try other.zaken().first?.zaakkenmerk)
            var unissued = try filer.claims()
            unissued.document = DisputeRequest.digest(of: "another document")
            for claims in [try filer.claims(zaak: othersZaak), try filer.claims(aud: "00000001822477348000"), unissued] {
                #expect(try await filer.file(try DisputeRequest.sign(claims, appKey: filer.identity.appKey).compact).status == 400)
            }
            // Signed by this citizen, sent on the other citizen's session.
            let mine = try DisputeRequest.sign(try filer.claims(), appKey: filer.identity.appKey)
            let response = try await other.http.send(
                try HTTPRequest.postJSON(url: other.requestsURL, json: ["request": mine.compact], headers: other.bearer, maxResponseBytes: 1 << 16))
            #expect(response.status == 401)
            #expect(try await filer.list().isEmpty, "nothing refused was stored")
        }
    }

    @Test("Each receipt fault is caught by the client's receipt check", arguments: ["receipt_other_key", "receipt_other_digest", "receipt_wrong_sub"])
    func receiptFaults(fault: String) async throws {
        try await DedicatedExecutor.offPool {
            var options = TestHolder.Options()
            options.faults = ["CJIB": fault]
            let holder = try TestHolder(options)
            let filer = try await Filer.start(holder)
            let request = try DisputeRequest.sign(try filer.claims(), appKey: filer.identity.appKey)
            let filed = try await filer.file(request.compact, as: request)
            #expect(filed.status == 201, "the holder stored it")
            guard case .failure(let error) = filed.receipt else {
                Issue.record("the faulty receipt verified")
                return
            }
            #expect([.badSignature, .receiptMismatch].contains(error.code), "\(error)")
        }
    }
}
