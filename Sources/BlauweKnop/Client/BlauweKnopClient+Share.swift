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
