/// What a citizen is about to share (PROTOCOL §12.2), checked before anything is signed: the
/// recipient, the organisations with a kept statement that still holds, and which facts each
/// presentation discloses.
public struct SharePlan: Sendable {
    /// Who receives the presentations.
    public enum Recipient: Sendable, Hashable {
        case requester(SchemeDocument.Requester)
        /// Print: anyone who holds the paper (§12.3).
        case paper
    }

    /// What each presentation shows besides the BSN choice.
    public enum Facts: String, Sendable, CaseIterable {
        /// The organisation's totals only.
        case totals
        /// The totals and every zaak.
        case zaken
    }

    /// The `aud` of a presentation for print.
    public static let paperAudience = "urn:nl:blauweknop:paper"

    public let recipient: Recipient
    public let facts: Facts
    public let disclosesBSN: Bool
    /// The recipient's nonce, or a fresh random one of 16 hex digits.
    public let nonce: String
    /// The organisations shared, in scheme order, each with its kept statement.
    public let statements: [(organization: SchemeDocument.Organization, statement: SaldoStatement)]

    /// The recipient's `aud`.
    public var audience: String {
        switch recipient {
        case .requester(let requester): requester.oin
        case .paper: Self.paperAudience
        }
    }

    /// Resolves what the citizen typed against the scheme and the kept statements.
    /// - Parameters:
    ///   - to: a requester's OIN or name, or `paper`.
    ///   - only: organisations by OIN or name; empty: every organisation with a statement.
    public init(
        scheme: VerifiedScheme, identity: CitizenIdentity, store: StatementStore, to: String, only: [String], facts: Facts, disclosingBSN: Bool,
        nonce: String?, now: Int64
    ) throws(ShareError) {
        if to.lowercased() == "paper" {
            recipient = .paper
        } else if let requester = scheme.document.requester(named: to) {
            recipient = .requester(requester)
        } else {
            let shown = TerminalText.sanitized(String(to.prefix(64)))
            throw ShareError(.unknownRecipient, "'\(shown)' is not a requester of the scheme, nor 'paper'", values: ["value": shown])
        }
        var chosen: [SchemeDocument.Organization] = []
        for name in only {
            guard let organization = scheme.document.organization(named: name) else {
                let shown = TerminalText.sanitized(String(name.prefix(64)))
                throw ShareError(.unknownOrganization, "'\(shown)' is not an organisation of the scheme", values: ["value": shown])
            }
            if !chosen.contains(where: { $0.oin == organization.oin }) { chosen.append(organization) }
        }
        var statements: [(SchemeDocument.Organization, SaldoStatement)] = []
        for organization in scheme.document.organizations where only.isEmpty || chosen.contains(where: { $0.oin == organization.oin }) {
            let kept: String?
            do {
                kept = try store.statement(for: organization.oin)
            } catch {
                throw ShareError(.noStatement, "the kept statement of \(organization.name) cannot be read: \(error)", values: ["name": organization.name])
            }
            guard let kept else {
                if only.isEmpty { continue }
                throw ShareError(
                    .noStatement, "no saldo statement of \(organization.name) is kept; 'bk overview' fetches it", values: ["name": organization.name])
            }
            statements.append((organization, try Self.usable(kept, of: organization, scheme: scheme, identity: identity, now: now)))
        }
        guard !statements.isEmpty else {
            throw ShareError(.nothingKept, "no saldo statement is kept; 'bk overview' fetches them")
        }
        self.facts = facts
        self.disclosesBSN = disclosingBSN
        // Like the short code of an overview (§12.3): 16 hex digits, short to compare and to encode.
        self.nonce = nonce ?? SecureRandom.bytes(8).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        self.statements = statements
    }

    /// A kept statement that still verifies with the current scheme, for this login's app key
    /// and citizen, and has not expired.
    private static func usable(
        _ compact: String, of organization: SchemeDocument.Organization, scheme: VerifiedScheme, identity: CitizenIdentity, now: Int64
    ) throws(ShareError) -> SaldoStatement {
        let unusable = { (reason: String) in
            ShareError(
                .statementUnusable, "the kept statement of \(organization.name) \(reason); 'bk overview' fetches a new one", values: ["name": organization.name]
            )
        }
        guard let keys = scheme.organizationKeys[organization.oin] else { throw unusable("has no keys in the current scheme") }
        let statement: SaldoStatement
        do throws(SDJWTError) {
            statement = try SaldoStatement(verifying: try SDJWT(compact: compact), keys: keys, now: now)
        } catch {
            throw unusable("does not verify with the current scheme (\(error.detail))")
        }
        guard statement.claims.iss == organization.oin else { throw unusable("is not this organisation's") }
        guard !statement.isExpired(now: now) else { throw unusable("has expired") }
        guard (try? statement.claims.cnf.jwk.thumbprint()) == identity.appKeyThumbprint, statement.bsn == identity.bsn else {
            throw unusable("belongs to another login")
        }
        return statement
    }

    /// Whether a presentation of this plan discloses `disclosure`.
    func discloses(_ disclosure: SDJWTDisclosure) -> Bool {
        switch disclosure.name {
        case "totalen": true
        case "bsn": disclosesBSN
        case nil: facts == .zaken
        default: false
        }
    }

    /// One presentation per organisation, bound to the recipient and nonce with the app key.
    public func presentations(appKey: PrivateKey, now: Int64) throws(ShareError) -> [String] {
        var presentations: [String] = []
        for (_, statement) in statements {
            do {
                presentations.append(try statement.sdJWT.presentation(disclosing: discloses, key: appKey, audience: audience, nonce: nonce, now: now).compact)
            } catch {
                throw ShareError(.signing, error.detail)
            }
        }
        return presentations
    }
}
