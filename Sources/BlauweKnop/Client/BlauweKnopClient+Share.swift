extension BlauweKnopClient {
    /// What the citizen is about to share (PROTOCOL §12.2), resolved against the current
    /// scheme, the login and the statements the last overviews kept; and the file to hand over.
    public struct Share: Sendable {
        public let plan: SharePlan
        public let scheme: VerifiedScheme
        let identity: CitizenIdentity

        /// The share file (PROTOCOL §12.2), its presentations signed now with the app key.
        public func file(now: Int64) throws(ShareError) -> ShareFile {
            ShareFile(scheme: scheme.compact, presentations: try plan.presentations(appKey: identity.appKey, now: now))
        }

        /// One PNG picture per organisation of the QR code of its presentation, signed now.
        public func pictures(now: Int64) throws -> [(organization: SchemeDocument.Organization, png: [UInt8])] {
            let presentations = try plan.presentations(appKey: identity.appKey, now: now)
            return try zip(plan.statements, presentations).map { shared, presentation in
                (shared.organization, try QRCode(SharePDF.codePrefix + presentation).png())
            }
        }

        /// The page for paper (§12.3): each organisation's figures beside the QR code of its
        /// presentation, signed now.
        public func page(now: Int64, language: Language) throws -> [UInt8] {
            let presentations = try plan.presentations(appKey: identity.appKey, now: now)
            let entries = zip(plan.statements, presentations).map { shared, presentation in
                SharePDF.Entry(organization: shared.organization.name, presentation: presentation, statement: shared.statement)
            }
            return try SharePDF.render(entries, nonce: plan.nonce, showsBSN: plan.disclosesBSN, language: language)
        }
    }

    /// Plans a share: `to` a requester or `paper`, `only` these organisations (else every one
    /// with a kept statement), disclosing `facts` and, when asked, the BSN.
    public func share(
        http: HTTPClient, to: String, only: [String], facts: SharePlan.Facts, disclosingBSN: Bool, nonce: String?
    ) async throws -> Share {
        let scheme = try await scheme(http: http)
        let identity = try IdentityStore(directory: stateDirectory).loadIdentity(scheme: scheme, now: clock.epochSeconds)
        let plan = try SharePlan(
            scheme: scheme, identity: identity, store: StatementStore(directory: stateDirectory), to: to, only: only, facts: facts,
            disclosingBSN: disclosingBSN, nonce: nonce, now: clock.epochSeconds)
        return Share(plan: plan, scheme: scheme, identity: identity)
    }
}

extension BlauweKnopClient {
    /// The QR codes for the PDF of the citizen's own overview (PROTOCOL §12.3), by OIN: for each
    /// verified organisation whose statement this machine keeps and states the overview's totals,
    /// a presentation of those totals for paper with the overview's short code as nonce. None
    /// for a requester's overview; an organisation whose statement does not fit simply has no
    /// code (the PDF is never refused for it).
    public func paperCodes(for overview: Overview, http: HTTPClient) async -> [String: String] {
        guard overview.consent == nil, let scheme = try? await scheme(http: http),
            let identity = try? IdentityStore(directory: stateDirectory).loadIdentity(scheme: scheme, now: clock.epochSeconds)
        else { return [:] }
        let now = clock.epochSeconds
        let nonce = OverviewPDF.shortCode(overviewJSON: Array(OverviewJSON.render(overview).utf8))
        var codes: [String: String] = [:]
        for holder in overview.holders where holder.status.isSuccess {
            guard
                let plan = try? SharePlan(
                    scheme: scheme, identity: identity, store: StatementStore(directory: stateDirectory), to: "paper", only: [holder.oin],
                    facts: .totals, disclosingBSN: false, nonce: nonce, now: now),
                plan.statements.first?.statement.totalen == SaldoStatement.Totalen(holder.zaken),
                let presentation = try? plan.presentations(appKey: identity.appKey, now: now).first
            else { continue }
            codes[holder.oin] = presentation
        }
        return codes
    }
}
