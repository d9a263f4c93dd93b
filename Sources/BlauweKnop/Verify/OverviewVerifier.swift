import Foundation

/// `bk verify`: proves, offline, that an overview file says exactly what its evidence proves.
///
/// The scheme JWS is verified against the trust anchor, each FCID JWS against that scheme's
/// keys for its organisation, every figure is recomputed from the documents and compared with
/// the file, and holders without evidence must be shown as failed.
public struct OverviewVerifier: Sendable {
    public let trustAnchor: TrustAnchor
    public let environment: String
    public let clock: WallClock
    /// Evidence older than this many seconds is a failure.
    public let maxAgeSeconds: Int64?

    public init(trustAnchor: TrustAnchor, environment: String, clock: WallClock = .system, maxAgeSeconds: Int64? = nil) {
        self.trustAnchor = trustAnchor
        self.environment = environment
        self.clock = clock
        self.maxAgeSeconds = maxAgeSeconds
    }

    /// Verifies an overview and reports what is proven; `report.verdict` says whether it is authentic.
    public func verify(_ overview: Overview) -> VerificationReport {
        var report = VerificationReport(generatedAt: overview.generatedAt, complete: overview.complete)
        guard let generated = Timestamps.parseRFC3339(overview.generatedAt) else {
            report.fail(.tampered, "generated_at is not an RFC 3339 time")
            return report
        }
        let moment = Int64(generated.timeIntervalSince1970)
        let scheme: VerifiedScheme
        do {
            scheme = try VerifiedScheme(compact: overview.evidence.scheme, trustAnchor: trustAnchor, environment: environment, now: moment)
        } catch {
            report.fail(.untrustedScheme, "the scheme evidence does not verify: \(error)")
            return report
        }
        let document = scheme.document
        if overview.scheme != .init(iss: document.iss, environment: document.environment, version: document.version, exp: document.exp) {
            report.fail(.tampered, "the scheme summary differs from the signed scheme")
        }
        var evidence: [String: String] = [:]
        for item in overview.evidence.documents {
            if evidence.updateValue(item.jws, forKey: item.oin) != nil { report.fail(.tampered, "evidence for \(item.oin) appears twice") }
            if scheme.organizationKeys[item.oin] == nil { report.fail(.tampered, "evidence for \(item.oin), which is not in the scheme") }
        }
        if overview.holders.count != document.organizations.count {
            report.fail(.tampered, "the scheme has \(document.organizations.count) organisations, the overview shows \(overview.holders.count)")
        }
        var expected: [HolderResult] = []
        var audiences = Set<String>()
        var oldestIssue: Int64?
        for (index, organization) in document.organizations.enumerated() {
            guard index < overview.holders.count else { break }
            let stated = overview.holders[index]
            guard stated.oin == organization.oin, stated.name == organization.name, stated.shortName == organization.shortName else {
                report.fail(.tampered, "holder \(index + 1) is shown as '\(stated.name)' (\(stated.oin)), the scheme says '\(organization.name)' (\(organization.oin))")
                continue
            }
            guard let compact = evidence[organization.oin], let keys = scheme.organizationKeys[organization.oin] else {
                if stated.status.isSuccess || !stated.zaken.isEmpty || stated.totals != HolderTotals() {
                    report.fail(.tampered, "\(organization.name) is shown with data but there is no signed document for it")
                }
                report.holders.append(.init(oin: organization.oin, name: organization.name, proven: false, status: stated.status))
                expected.append(stated)
                continue
            }
            do {
                let verified = try ClaimsVerifier.verify(
                    compact: compact, organization: organization, keys: keys, bsn: overview.citizen.bsn, appKeyThumbprint: nil, now: moment,
                    today: Timestamps.calendarDate(generated))
                audiences.insert(verified.document.aud)
                oldestIssue = min(oldestIssue ?? verified.document.iat, verified.document.iat)
                let proven = HolderResult.verified(organization, zaken: verified.zaken, fetchedAt: stated.fetchedAt, durationMs: stated.durationMs)
                if proven != stated { report.fail(.tampered, "what the overview shows for \(organization.name) differs from its signed document") }
                report.holders.append(.init(oin: organization.oin, name: organization.name, proven: true, status: proven.status))
                expected.append(proven)
            } catch {
                report.fail(.tampered, "the document of \(organization.name) does not verify: \(error)")
                report.holders.append(.init(oin: organization.oin, name: organization.name, proven: false, status: stated.status))
                expected.append(stated)
            }
        }
        if audiences.count > 1 { report.fail(.tampered, "the documents were made for different app keys") }
        let recomputed = Overview.merge(
            holders: expected, evidence: overview.evidence, scheme: document, bsn: overview.citizen.bsn, generatedAt: overview.generatedAt)
        if recomputed.totals != overview.totals { report.fail(.tampered, "the totals differ from the sum of the signed documents") }
        if recomputed.complete != overview.complete { report.fail(.tampered, "'complete' does not match the holders") }
        report.complete = recomputed.complete
        if let oldestIssue {
            report.oldestDocumentIssuedAt = EpochTime.describe(oldestIssue)
            let age = clock.epochSeconds - oldestIssue
            report.ageSeconds = age
            if let maxAgeSeconds, age > maxAgeSeconds {
                report.fail(.tooOld, "the oldest document is \(Durations.describe(age)) old, more than the \(Durations.describe(maxAgeSeconds)) allowed")
            }
        }
        return report
    }
}

/// What `bk verify` found.
public struct VerificationReport: Codable, Sendable {
    /// One holder of the scheme.
    public struct Holder: Codable, Sendable {
        public var oin: String
        public var name: String
        /// Whether a signed document proves this holder's figures.
        public var proven: Bool
        public var status: HolderStatus
    }

    /// `authentic`, `too_old`, `tampered` or `untrusted_scheme`.
    public var verdict = "authentic"
    public var generatedAt: String
    public var complete: Bool
    public var oldestDocumentIssuedAt: String?
    public var ageSeconds: Int64?
    public var holders: [Holder] = []
    public var problems: [String] = []

    enum CodingKeys: String, CodingKey {
        case verdict, complete, holders, problems
        case generatedAt = "generated_at"
        case oldestDocumentIssuedAt = "oldest_document_issued_at"
        case ageSeconds = "age_seconds"
    }

    init(generatedAt: String, complete: Bool) {
        self.generatedAt = generatedAt
        self.complete = complete
    }

    /// The most serious failure so far decides the verdict.
    mutating func fail(_ code: VerificationError.Code, _ problem: String) {
        problems.append(problem)
        let rank: [VerificationError.Code: (Int, String)] = [.tooOld: (1, "too_old"), .tampered: (2, "tampered"), .untrustedScheme: (3, "untrusted_scheme")]
        let current = ["authentic": 0, "too_old": 1, "tampered": 2, "untrusted_scheme": 3][verdict] ?? 0
        if let (level, name) = rank[code], level > current { verdict = name }
    }

    /// Whether the file is authentic (and fresh enough).
    public var isAuthentic: Bool { verdict == "authentic" }
}

/// Durations written and read as `14d`, `36h`, `90m`, `45s`.
public enum Durations {
    /// Parses `<number><unit>` with unit s, m, h or d.
    public static func parse(_ text: String) -> Int64? {
        guard let unit = text.last, let number = Int64(text.dropLast()), number >= 0 else { return nil }
        switch unit {
        case "s": return number
        case "m": return number * 60
        case "h": return number * 3600
        case "d": return number * 86_400
        default: return nil
        }
    }

    static func describe(_ seconds: Int64) -> String {
        if seconds >= 86_400 { return "\(seconds / 86_400) d \(seconds % 86_400 / 3600) h" }
        if seconds >= 3600 { return "\(seconds / 3600) h \(seconds % 3600 / 60) min" }
        return "\(seconds) s"
    }
}
