/// The integral overview (PROTOCOL §8): what `bk overview --format json` prints.
public struct Overview: Codable, Sendable {
    /// The current schema version of this document: 1.1 added `complete_in_consent` and the
    /// consent's `requester_name` (PROTOCOL §10.6); 1.2 a zaak's `verzoeken` (§11.3) and
    /// `datumtijd_opgelegd`, and a holder's `encrypted` (§13).
    public static let currentSchemaVersion = "1.2"
    /// The largest overview file bk reads, in any form (2000 organisations with evidence fit
    /// in well under this).
    public static let maxFileBytes = 256 << 20
    /// Versions `bk verify` reads: a minor bump only adds fields, so an older file verifies
    /// as the version it states, without the fields that came later.
    public static let readableSchemaVersions: Set<String> = ["1.0", "1.1", "1.2"]

    public var schemaVersion: String
    public var generatedAt: String
    public var citizen: Citizen
    public var scheme: SchemeSummary
    /// Every organisation of the scheme answered and verified (PROTOCOL §8); false whenever a
    /// consent leaves organisations out (§10.6).
    public var complete: Bool
    /// A requester's overview only (§10.6, schema 1.1): every organisation of the consent that
    /// takes part in Plus answered and verified, and at least one did.
    public var completeInConsent: Bool?
    public var totals: GrandTotals
    public var holders: [HolderResult]
    public var evidence: Evidence
    /// For a requester's overview (PROTOCOL §10.6): the consent it was fetched under; absent
    /// in the citizen's own.
    public var consent: ConsentSummary?

    /// The consent of a requester's overview.
    public struct ConsentSummary: Codable, Sendable, Hashable {
        public var jti: String
        public var aud: String
        /// The requester's name in the scheme (schema 1.1), for people reading the overview.
        public var requesterName: String?
        public var purpose: String
        public var detail: Consent.Detail
        public var exp: Int64
        /// The requester's case reference for this citizen, when the consent carries one.
        public var reference: String?

        enum CodingKeys: String, CodingKey {
            case jti, aud, purpose, detail, exp, reference
            case requesterName = "requester_name"
        }

        /// What an overview says of `consent`, with the requester's name from `scheme`.
        public init(_ consent: Consent, scheme: SchemeDocument) {
            jti = consent.claims.jti
            aud = consent.claims.aud
            requesterName = scheme.requesters?.first { $0.oin == consent.claims.aud }?.name
            purpose = consent.claims.purpose
            detail = consent.claims.detail
            exp = consent.claims.exp
            reference = consent.claims.reference
        }
    }

    /// Whether an overview's holders are complete within a consent (§10.6): every holder asked
    /// (in the consent, taking part in Plus) verified, and at least one was asked.
    public static func completeInConsent(_ holders: [HolderResult]) -> Bool {
        let asked = holders.filter { !$0.status.isOutOfScope }
        return !asked.isEmpty && asked.allSatisfy(\.status.isSuccess)
    }

    /// Records the consent a requester's overview was fetched under, with what follows from it.
    public mutating func attach(_ consent: Consent, scheme: SchemeDocument) {
        self.consent = ConsentSummary(consent, scheme: scheme)
        evidence.consent = consent.compact
        completeInConsent = Self.completeInConsent(holders)
    }

    enum CodingKeys: String, CodingKey {
        case citizen, scheme, complete, totals, holders, evidence, consent
        case completeInConsent = "complete_in_consent"
        case schemaVersion = "schema_version"
        case generatedAt = "generated_at"
    }

    public struct Citizen: Codable, Sendable, Hashable {
        public var bsn: String
    }

    public struct SchemeSummary: Codable, Sendable, Hashable {
        public init(iss: String, environment: String, version: Int, exp: Int64) {
            self.iss = iss
            self.environment = environment
            self.version = version
            self.exp = exp
        }

        public var iss: String
        public var environment: String
        public var version: Int
        public var exp: Int64
    }

    public struct GrandTotals: Codable, Sendable, Hashable {
        public var verplicht: Int
        public var vereffend: Int
        public var saldo: Int
        public var achterstallig: Int
        public var zaken: Int
        @EncodedAsNull public var volgendeVervaldatum: String?

        enum CodingKeys: String, CodingKey {
            case verplicht, vereffend, saldo, achterstallig, zaken
            case volgendeVervaldatum = "volgende_vervaldatum"
        }

    }

    public struct Evidence: Codable, Sendable, Hashable {
        /// The scheme JWS as received.
        public var scheme: String
        /// Every verified FCID JWS as received.
        public var documents: [Document]
        /// For a requester's overview: the consent JWS it was fetched under.
        public var consent: String?

        public init(scheme: String, documents: [Document]) {
            self.scheme = scheme
            self.documents = documents
        }

        public struct Document: Codable, Sendable, Hashable {
            public var oin: String
            public var jws: String

            public init(oin: String, jws: String) {
                self.oin = oin
                self.jws = jws
            }
        }
    }

    /// The exit code this overview calls for: a requester's follows `complete_in_consent`
    /// (PROTOCOL §10.6), so a consent that nobody could answer is not a success.
    public var exitCode: ExitStatus {
        let code = ExitStatus.forStatuses(holders.map(\.status))
        if let completeInConsent, !completeInConsent, code == .complete { return .partial }
        return code
    }
}

/// Sums for one holder.
public struct HolderTotals: Codable, Sendable, Hashable {
    public var verplicht = 0
    public var vereffend = 0
    public var saldo = 0
    public var achterstallig = 0
    public var zaken = 0

    public init() {}

    /// Sums of the folded zaken (exact for every document the fold accepted).
    public init(_ zaken: [FoldedZaak]) {
        verplicht = CheckedSum.of(zaken.map(\.verplicht))
        vereffend = CheckedSum.of(zaken.map(\.vereffend))
        saldo = CheckedSum.of(zaken.map(\.saldo))
        achterstallig = CheckedSum.of(zaken.map(\.achterstallig))
        self.zaken = zaken.count
    }
}

/// One holder's line in the overview.
public struct HolderResult: Codable, Sendable, Hashable {
    public var oin: String
    public var name: String
    @EncodedAsNull public var shortName: String?
    public var status: HolderStatus
    /// Why the holder failed, in words; `nil` when it succeeded.
    @EncodedAsNull public var error: String?
    public var warnings: [String]
    @EncodedAsNull public var fetchedAt: String?
    public var durationMs: Int
    public var totals: HolderTotals
    public var zaken: [FoldedZaak]
    /// Whether its documents came encrypted to this run (PROTOCOL §13), from schema 1.2;
    /// absent in overviews of an earlier version.
    public var encrypted: Bool?

    enum CodingKeys: String, CodingKey {
        case oin, name, status, error, warnings, totals, zaken, encrypted
        case shortName = "short_name"
        case fetchedAt = "fetched_at"
        case durationMs = "duration_ms"
    }

    public init(
        oin: String, name: String, shortName: String?, status: HolderStatus, error: String?, warnings: [String], fetchedAt: String?,
        durationMs: Int, zaken: [FoldedZaak]
    ) {
        self.oin = oin
        self.name = name
        self.shortName = shortName
        self.status = status
        self.error = error
        self.warnings = warnings
        self.fetchedAt = fetchedAt
        self.durationMs = durationMs
        self.totals = HolderTotals(zaken)
        self.zaken = zaken
        self.encrypted = false
    }

    /// The short name, or the full name.
    public var displayName: String { shortName ?? name }

    /// Adds a warning about the holder as a whole: a verified holder becomes `ok_with_warnings`.
    public mutating func add(warning: String) {
        warnings.append(warning)
        if status == .ok { status = .okWithWarnings }
    }

    /// A holder outside a requester's consent (PROTOCOL §10.6): not asked.
    public static func notInConsent(_ organization: SchemeDocument.Organization) -> HolderResult {
        HolderResult(
            oin: organization.oin, name: organization.name, shortName: organization.shortName, status: .notInConsent,
            error: "not among the consent's organisations; not asked", warnings: [], fetchedAt: nil, durationMs: 0, zaken: [])
    }

    /// The result for a holder whose document verified: warnings of its zaken are lifted to
    /// the holder and decide between `ok` and `ok_with_warnings`.
    public static func verified(_ organization: SchemeDocument.Organization, zaken: [FoldedZaak], fetchedAt: String?, durationMs: Int) -> HolderResult {
        let warnings = zaken.flatMap { zaak in zaak.warnings.map { "\(zaak.zaakkenmerk): \($0)" } }
        return HolderResult(
            oin: organization.oin, name: organization.name, shortName: organization.shortName, status: warnings.isEmpty ? .ok : .okWithWarnings,
            error: nil, warnings: warnings, fetchedAt: fetchedAt, durationMs: durationMs, zaken: zaken)
    }
}
