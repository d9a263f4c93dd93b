import Foundation

/// `bk verify`: proves, offline, that an overview file says exactly what its evidence proves
/// (PROTOCOL §8.1).
///
/// The scheme JWS is verified against the trust anchor and each FCID JWS against that scheme's
/// keys for its organisation. From the evidence alone the verifier then rebuilds the overview
/// bk would have written, with the one date of `generated_at`, and compares it with the file:
/// first field by field (for messages a person can act on), then as a whole tree in the file's
/// own form, so that nothing the file holds escapes the comparison. An organisation without a
/// document in the evidence is not proven: whatever the file claims for it is reported, and
/// the file is at best authentic but incomplete.
public struct OverviewVerifier: Sendable {
    public let trustAnchor: TrustAnchor
    public let environment: String
    public let clock: WallClock
    /// Evidence older than this many seconds makes the verdict `too_old`.
    public let maxAgeSeconds: Int64?

    public init(trustAnchor: TrustAnchor, environment: String, clock: WallClock = .system, maxAgeSeconds: Int64? = nil) {
        self.trustAnchor = trustAnchor
        self.environment = environment
        self.clock = clock
        self.maxAgeSeconds = maxAgeSeconds
    }

    /// Verifies a parsed overview file.
    public func verify(_ file: OverviewFile) -> VerificationReport {
        let overview = file.overview
        var report = VerificationReport(generatedAt: overview.generatedAt, complete: overview.complete)
        guard let moment = Timestamps.epochSeconds(rfc3339: overview.generatedAt) else {
            report.fail(.tampered, "generated_at is not an RFC 3339 time", .init(.malformed))
            return report
        }
        let scheme: VerifiedScheme
        do {
            scheme = try VerifiedScheme(compact: overview.evidence.scheme, trustAnchor: trustAnchor, environment: environment, now: moment)
        } catch {
            report.fail(.untrustedScheme, "the scheme evidence does not verify: \(error)")
            return report
        }
        let document = scheme.document
        if overview.scheme != .init(iss: document.iss, environment: document.environment, version: document.version, exp: document.exp) {
            report.fail(.tampered, "the scheme summary differs from the signed scheme", .init(.organisationsDiffer))
        }
        let consent = requesterConsent(overview, scheme: scheme, moment: moment, report: &report)
        let evidence = evidenceByOrganization(overview, scheme: scheme, report: &report)
        let stated = statedHolders(overview, scheme: document, report: &report)
        let today = Timestamps.calendarDate(Date(timeIntervalSince1970: TimeInterval(moment)))
        var expectedHolders: [HolderResult] = []
        var provenDocuments: [Overview.Evidence.Document] = []
        var audiences = Set<String>()
        var oldestIssue: Int64?
        for organization in document.organizations {
            let claimed = stated[organization.oin]
            if let consent, !consent.claims.organizations.contains(organization.oin) {
                expectedHolders.append(outsideConsent(organization, claimed: claimed, hasEvidence: evidence[organization.oin] != nil, report: &report))
                continue
            }
            guard let compact = evidence[organization.oin], let keys = scheme.organizationKeys[organization.oin] else {
                expectedHolders.append(unproven(organization, claimed: claimed, report: &report))
                continue
            }
            do {
                let verified = try ClaimsVerifier.verify(
                    compact: compact, organization: organization, keys: keys, bsn: overview.citizen.bsn, appKeyThumbprint: nil, now: moment,
                    today: today, detail: consent?.claims.detail ?? .full)
                audiences.insert(verified.document.aud)
                if let consent { try Self.checkRequesterDocument(verified.document, consent: consent, scheme: scheme) }
                oldestIssue = min(oldestIssue ?? verified.document.iat, verified.document.iat)
                let zaken = verified.zaken.map { Self.zaak($0, asSchemaVersion: overview.schemaVersion) }
                var proven = HolderResult.verified(organization, zaken: zaken, fetchedAt: claimed?.fetchedAt, durationMs: claimed?.durationMs ?? 0)
                // How the document travelled is the run's own account, like its timing: kept.
                proven.encrypted = claimed?.encrypted ?? false
                if let claimed, let difference = HolderDifference.first(claimed: claimed, proven: proven) {
                    report.fail(.tampered, "\(organization.name): \(difference)", .init(.organisationDiffers, organisation: organization.name))
                }
                report.holders.append(.init(oin: organization.oin, name: organization.name, proven: true, status: proven.status))
                expectedHolders.append(proven)
                provenDocuments.append(.init(oin: organization.oin, jws: compact))
            } catch {
                report.fail(
                    .tampered, "the document of \(organization.name) does not verify: \(error)", .init(.documentInvalid, organisation: organization.name))
                report.holders.append(.init(oin: organization.oin, name: organization.name, proven: false, status: claimed?.status ?? .invalidDocument))
                expectedHolders.append(claimed ?? unprovenPlaceholder(organization))
            }
        }
        if audiences.count > 1 { report.fail(.tampered, "the documents were made for different app keys", .init(.unknownContent)) }
        var expected = Overview.merge(
            holders: expectedHolders, evidence: .init(scheme: overview.evidence.scheme, documents: provenDocuments), scheme: document,
            bsn: overview.citizen.bsn, generatedAt: overview.generatedAt)
        if let consent { expected.attach(consent, scheme: document) }
        Self.asSchemaVersion(overview.schemaVersion, &expected)
        if expected.totals != overview.totals { report.fail(.tampered, "the totals differ from the sum of the signed documents", .init(.totalsDiffer)) }
        if expected.complete != overview.complete {
            report.fail(.tampered, "'complete' says \(overview.complete), the evidence says \(expected.complete)", .init(.completenessDiffers))
        }
        if expected.completeInConsent != overview.completeInConsent {
            report.fail(
                .tampered,
                "'complete_in_consent' says \(Self.described(overview.completeInConsent)), the evidence says \(Self.described(expected.completeInConsent))",
                .init(.completenessDiffers))
        }
        if report.problems.isEmpty, let difference = Self.formDifference(file, expected: expected) {
            report.fail(.tampered, "the file holds something that bk did not write: \(difference)", .init(.unknownContent))
        }
        report.complete = expected.complete
        report.completeInConsent = expected.completeInConsent
        checkAge(oldestIssue, report: &report)
        return report
    }

    /// For a requester's overview (PROTOCOL §10.6): the consent in the evidence, verified
    /// against the scheme and in force when the overview was made, and equal to what the file
    /// says of it; nil for the citizen's own overview.
    private func requesterConsent(_ overview: Overview, scheme: VerifiedScheme, moment: Int64, report: inout VerificationReport) -> Consent? {
        guard overview.consent != nil || overview.evidence.consent != nil else { return nil }
        guard let summary = overview.consent, let compact = overview.evidence.consent else {
            report.fail(.tampered, "the file names a consent without its evidence, or the other way round", .init(.consentDiffers))
            return nil
        }
        let consent: Consent
        do {
            consent = try Consent(compact: compact, scheme: scheme, now: moment, checkExpiry: false)
        } catch {
            report.fail(.tampered, "the consent does not verify: \(error.detail)", .init(.consentDiffers))
            return nil
        }
        if consent.claims.exp <= moment { report.fail(.tampered, "the consent had expired when the overview was made", .init(.consentDiffers)) }
        var signed = Overview.ConsentSummary(consent, scheme: scheme.document)
        if overview.schemaVersion == "1.0" { signed.requesterName = nil }
        if summary != signed {
            report.fail(.tampered, "what the file says of the consent differs from the signed consent", .init(.consentDiffers))
        }
        if consent.claims.sub != overview.citizen.bsn { report.fail(.tampered, "the consent is for another citizen than the overview", .init(.consentDiffers)) }
        return consent
    }

    /// A requester's document must be for one of the requester's keys and carry the consent.
    static func checkRequesterDocument(_ document: FinancialClaimsDocument, consent: Consent, scheme: VerifiedScheme) throws(HolderFailure) {
        guard scheme.requesterKeys[consent.claims.aud]?[document.aud] != nil else {
            throw HolderFailure(.invalidDocument, "the document is not for a key of the consent's requester")
        }
        guard document.consent == consent.claims.jti, document.purpose == consent.claims.purpose, document.detail == consent.claims.detail.rawValue else {
            throw HolderFailure(.invalidDocument, "the document does not carry the consent's id, purpose and detail")
        }
    }

    /// An organisation outside the consent: proven not asked by the consent itself; any data or
    /// evidence for it is a problem.
    private func outsideConsent(
        _ organization: SchemeDocument.Organization, claimed: HolderResult?, hasEvidence: Bool, report: inout VerificationReport
    ) -> HolderResult {
        if hasEvidence {
            report.fail(
                .tampered, "there is a document of \(organization.name), which is outside the consent",
                .init(.organisationDiffers, organisation: organization.name))
        }
        if let claimed, claimed.status != .notInConsent || !claimed.zaken.isEmpty || claimed.totals != HolderTotals() {
            report.fail(
                .tampered, "\(organization.name) is outside the consent but shown as '\(claimed.status.rawValue)'",
                .init(.organisationDiffers, organisation: organization.name))
        }
        report.holders.append(.init(oin: organization.oin, name: organization.name, proven: true, status: .notInConsent))
        return claimed ?? .notInConsent(organization)
    }

    /// The evidence documents by organisation; duplicates and strangers are problems.
    private func evidenceByOrganization(_ overview: Overview, scheme: VerifiedScheme, report: inout VerificationReport) -> [String: String] {
        var evidence: [String: String] = [:]
        for item in overview.evidence.documents {
            if evidence.updateValue(item.jws, forKey: item.oin) != nil {
                report.fail(.tampered, "evidence for \(Self.shown(item.oin)) appears twice", .init(.unknownContent))
            }
            if scheme.organizationKeys[item.oin] == nil {
                report.fail(.tampered, "evidence for \(Self.shown(item.oin)), which is not in the scheme", .init(.unknownContent))
            }
        }
        return evidence
    }

    /// The holders the file shows, by OIN, after checking that each organisation of the scheme
    /// appears once, under its own name, in scheme order. A removed holder is one problem.
    private func statedHolders(_ overview: Overview, scheme: SchemeDocument, report: inout VerificationReport) -> [String: HolderResult] {
        var stated: [String: HolderResult] = [:]
        let known = Set(scheme.organizations.map(\.oin))
        for holder in overview.holders {
            guard known.contains(holder.oin) else {
                report.fail(
                    .tampered, "the file shows '\(Self.shown(holder.name))' (\(Self.shown(holder.oin))), which is not in the scheme",
                    .init(.organisationsDiffer))
                continue
            }
            if stated.updateValue(holder, forKey: holder.oin) != nil {
                report.fail(.tampered, "the file shows \(holder.oin) twice", .init(.organisationsDiffer))
            }
        }
        for organization in scheme.organizations {
            guard let holder = stated[organization.oin] else {
                report.fail(.tampered, "the file does not show \(organization.name) (\(organization.oin)) at all", .init(.organisationsDiffer))
                continue
            }
            if holder.name != organization.name || holder.shortName != organization.shortName {
                report.fail(
                    .tampered, "\(organization.oin) is shown as '\(Self.shown(holder.name))', the scheme says '\(organization.name)'",
                    .init(.organisationsDiffer))
            }
        }
        let order = overview.holders.map(\.oin).filter { known.contains($0) }
        if stated.count == scheme.organizations.count, order != scheme.organizations.map(\.oin) {
            report.fail(.tampered, "the organisations are not in the order of the scheme", .init(.organisationsDiffer))
        }
        return stated
    }

    /// A holder without a document in the evidence: not proven. What the file claims is
    /// reported; a claim of data or success without a document is a problem.
    private func unproven(_ organization: SchemeDocument.Organization, claimed: HolderResult?, report: inout VerificationReport) -> HolderResult {
        guard let claimed else { return unprovenPlaceholder(organization) }
        if claimed.status.isSuccess || !claimed.zaken.isEmpty || claimed.totals != HolderTotals() || !claimed.warnings.isEmpty {
            report.fail(
                .tampered, "\(organization.name) is shown as '\(claimed.status.rawValue)' with data, but there is no signed document for it",
                .init(.organisationDiffers, organisation: organization.name))
        }
        report.holders.append(.init(oin: organization.oin, name: organization.name, proven: false, status: claimed.status))
        report.missing.append(.init(oin: organization.oin, name: organization.name, claimedStatus: claimed.status, claimedError: claimed.error.map(Self.shown)))
        return claimed
    }

    private func unprovenPlaceholder(_ organization: SchemeDocument.Organization) -> HolderResult {
        HolderResult(
            oin: organization.oin, name: organization.name, shortName: organization.shortName, status: .unreachable, error: nil, warnings: [],
            fetchedAt: nil, durationMs: 0, zaken: [])
    }

    private func checkAge(_ oldestIssue: Int64?, report: inout VerificationReport) {
        if !report.missing.isEmpty {
            let names = report.missing.map { "\($0.name) (the file says '\($0.claimedStatus.rawValue)')" }.joined(separator: ", ")
            report.fail(.incomplete, "no signed document for: \(names)")
        }
        guard let oldestIssue else {
            if maxAgeSeconds != nil { report.fail(.tooOld, "no signed document dates this overview, so its age cannot be shown") }
            return
        }
        report.oldestDocumentIssuedAt = EpochTime.describe(oldestIssue)
        let (age, overflow) = clock.epochSeconds.subtractingReportingOverflow(oldestIssue)
        report.ageSeconds = overflow ? Int64.max : age
        if let maxAgeSeconds, overflow || age > maxAgeSeconds {
            report.fail(
                .tooOld,
                "the oldest document is \(Durations.describe(report.ageSeconds ?? age)) old, more than the \(Durations.describe(maxAgeSeconds)) allowed")
        }
    }

    /// The first difference between the file and the overview the evidence renders to, in the
    /// file's own form, or `nil` when they are the same.
    static func formDifference(_ file: OverviewFile, expected: Overview) -> String? {
        switch file.form {
        case .json(let tree):
            guard let encoded = try? JSONCoding.encode(expected), let rendered = try? JSONCoding.parse(encoded) else {
                return "the expected overview cannot be rendered"
            }
            return JSONDifference.first(expected: rendered, actual: tree, path: "")
        case .xml(let root):
            guard let text = try? OverviewXML.render(expected), let rendered = try? StrictXMLReader.parse(Array(text.utf8)) else {
                return "the expected overview cannot be rendered as XML"
            }
            return rendered.firstDifference(from: root)
        }
    }

    /// A zaak as bk would have written it in a file of `version`: before 1.2 without
    /// `verzoeken` or `datumtijd_opgelegd` (PROTOCOL §11.3).
    static func zaak(_ zaak: FoldedZaak, asSchemaVersion version: String) -> FoldedZaak {
        guard predatesVersion12(version) else { return zaak }
        var older = zaak
        older.verzoeken = nil
        older.datumtijdOpgelegd = nil
        return older
    }

    /// Whether a file of `version` predates schema 1.2, which added a zaak's `verzoeken` and
    /// `datumtijd_opgelegd` and a holder's `encrypted`.
    static func predatesVersion12(_ version: String) -> Bool { version == "1.0" || version == "1.1" }

    /// The overview bk would have written in the file's own schema version (its zaken are made
    /// so by `zaak(_:asSchemaVersion:)`): before 1.2 a holder has no `encrypted`; a 1.0 file
    /// has no `complete_in_consent` or requester name, and its `complete` did not count
    /// organisations outside the consent (PROTOCOL §10.6 before 1.1).
    static func asSchemaVersion(_ version: String, _ expected: inout Overview) {
        guard Overview.readableSchemaVersions.contains(version) else { return }
        expected.schemaVersion = version
        guard predatesVersion12(version) else { return }
        for index in expected.holders.indices { expected.holders[index].encrypted = nil }
        guard version == "1.0" else { return }
        expected.completeInConsent = nil
        expected.consent?.requesterName = nil
        expected.complete = expected.holders.allSatisfy { $0.status.isSuccess || $0.status.isOutOfScope }
    }

    private static func described(_ value: Bool?) -> String { value.map { "\($0)" } ?? "nothing" }

    /// A value from the file, safe and short enough for a message.
    static func shown(_ text: String) -> String { TerminalText.sanitized(String(text.prefix(80))) }
}
